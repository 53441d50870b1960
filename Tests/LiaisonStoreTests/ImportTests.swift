import Foundation
import LiaisonCore
import Testing

@testable import LiaisonStore

/// Importing partners' files on every store: row-by-row validation with an error report, saved mappings, JSON Lines,
/// a file broken part way, and an interrupted import resumed without loading anything twice.
@Suite("Imports")
struct ImportTests {
    /// A synthetic partner file: `rows` people; every 7th has an impossible date, every 11th no name at all.
    static func csv(rows: Int) -> String {
        var text = "ref,first,last,dob,passport,street,postcode\r\n"
        for i in 1...rows {
            let dob =
                i % 7 == 0 ? "31/02/1990" : String(format: "%02d/%02d/%04d", 1 + i % 28, 1 + i % 12, 1950 + i % 50)
            let name = i % 11 == 0 ? "," : "Given\(i % 13),Family\(i)"
            text +=
                "P\(i),\(name),\(dob),\(i % 3 == 0 ? "GB\(1_000_000 + i)" : ""),\"\(i) High Street, Flat \(i % 9)\",LS\(1 + i % 20) 1AB\r\n"
        }
        return text
    }

    static let mapping = [
        "given_name=first", "surname=last", "date_of_birth=dob", "identifier.passport=passport", "address=street",
        "postcode=postcode",
    ]

    /// The bytes in chunks of `size`, failing after `failAfter` chunks if given (an interrupted upload or a crash).
    static func chunks(_ text: String, size: Int, from offset: Int = 0, failAfter: Int? = nil) -> AsyncThrowingStream<
        [UInt8], any Error
    > {
        let bytes = Array(text.utf8)[offset...]
        return AsyncThrowingStream { continuation in
            var start = bytes.startIndex
            var sent = 0
            while start < bytes.endIndex {
                if let failAfter, sent == failAfter {
                    continuation.finish(throwing: CancellationError())
                    return
                }
                continuation.yield(Array(bytes[start..<min(start + size, bytes.endIndex)]))
                start += size
                sent += 1
            }
            continuation.finish()
        }
    }

    /// The notes of every subject the analyst's agency holds, a page at a time.
    static func imported(_ f: ContractFixture) async throws -> [String] {
        var notes: [String] = []
        var cursor: String?
        repeat {
            let page = try await f.store.subjects(
                matching: SubjectQuery(
                    owningAgencyID: f.nca.id, viewer: Viewer(f.analyst), page: PageRequest(limit: 200, cursor: cursor)))
            notes += page.items.compactMap(\.details.notes)
            cursor = page.nextCursor
        } while cursor != nil
        return notes
    }

    @Test(
        "a previous address is imported as the subject's second address; a bad one is refused naming its column",
        arguments: ContractStoreKind.available)
    func previousAddress(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let service = ImportService(store: f.store, clock: f.clock, audit: f.audit)
        let text = """
            ref,first,last,street,postcode,old_street,old_town,old_postcode
            A1,Siobhan,Marlowe,7 Hope Road,LS6 2AB,3 Quay Street,Bristol,BS1 4DJ
            A2,Declan,Marlowe,9 Gillygate,YO31 7EA,,,
            A3,Aoife,Marlowe,1 Park Row,LS1 5AB,2 Park Row,Leeds,NOT A CODE

            """
        let job = try await service.start(
            ImportService.Request(
                source: "bristol-council",
                mapping: [
                    "given_name=first", "surname=last", "address=street", "postcode=postcode",
                    "previous_address=old_street", "previous_town=old_town", "previous_postcode=old_postcode",
                ], idColumn: "ref", fileName: "moves.csv"),
            chunks: Self.chunks(text, size: 64), by: f.analyst)
        #expect(job.rowsLoaded == 2 && job.rowsFailed == 1)
        let errors = try await service.errors(job.id, by: f.analyst)
        #expect(errors.map(\.row) == [4] && errors.first?.field == "old_postcode")
        func addresses(_ given: String) async throws -> [PostalAddress] {
            try await f.store.subjects(matching: SubjectQuery(tokens: [given.lowercased()], viewer: Viewer(f.analyst)))
                .items.first?.details.addresses ?? []
        }
        #expect(
            try await addresses("Siobhan") == [
                PostalAddress(line: "7 Hope Road", postcode: "LS6 2AB"),
                PostalAddress(line: "3 Quay Street", town: "Bristol", postcode: "BS1 4DJ"),
            ])
        #expect(try await addresses("Declan") == [PostalAddress(line: "9 Gillygate", postcode: "YO31 7EA")])
    }

    @Test(
        "rows load or are refused with row, field and reason; the mapping is saved for the next file",
        arguments: ContractStoreKind.available)
    func load(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let service = ImportService(store: f.store, clock: f.clock, audit: f.audit, batchSize: 40)
        let request = ImportService.Request(
            source: "leeds-council", mapping: Self.mapping, idColumn: "ref", dateFormat: "dd/MM/yyyy",
            fileName: "people.csv", fileSize: Self.csv(rows: 300).utf8.count)
        let job = try await service.start(request, chunks: Self.chunks(Self.csv(rows: 300), size: 333), by: f.analyst)
        let refused = (1...300).filter { $0 % 7 == 0 || $0 % 11 == 0 }
        #expect(job.status == .completed)
        #expect(job.rowsRead == 300 && job.rowsFailed == refused.count && job.rowsLoaded == 300 - refused.count)
        #expect(job.offset == Self.csv(rows: 300).utf8.count && job.fraction == 1)
        let errors = try await service.errors(job.id, by: f.analyst)
        #expect(Set(errors.map(\.row)) == Set(refused.map { $0 + 1 }))  // the header is row 1
        #expect(
            errors.first { $0.row == 8 }
                == ImportRowError(
                    row: 8, field: "dob", reason: "'31/02/1990' is not a date of birth in the form dd/MM/yyyy"))
        #expect(errors.first { $0.row == 12 }?.field == "last")
        #expect(ImportReport.csv(errors).hasPrefix("row,field,reason\n8,dob,"))

        let notes = try await Self.imported(f)
        #expect(notes.count == 300 - refused.count)
        #expect(notes.contains("Imported from leeds-council, record P1."))
        let one = try #require(
            try await f.store.subjects(matching: SubjectQuery(tokens: ["family3"], viewer: Viewer(f.analyst))).items
                .first)
        #expect(one.details.identifiers == [PersonIdentifier(kind: "passport", value: "GB1000003")])
        #expect(
            one.details.addresses.first?.line == "3 High Street, Flat 3" && one.details.datesOfBirth == ["1953-04-04"])
        #expect(one.meta.owningAgencyID == f.analyst.agencyID)

        // The next file from the same source needs no mapping; another agency may not use or see it.
        let again = try await service.start(
            ImportService.Request(source: "leeds-council", fileName: "more.csv"),
            chunks: Self.chunks(Self.csv(rows: 5), size: 64), by: f.analyst)
        #expect(again.rowsLoaded == 5)
        await #expect(
            throws: LiaisonError.invalid("map", "no mapping is saved for the source 'hull-council': give one")
        ) {
            try await service.start(
                ImportService.Request(source: "hull-council", fileName: "x.csv"), chunks: Self.chunks("a\n", size: 8),
                by: f.analyst)
        }
        await #expect(throws: LiaisonError.self) {
            try await service.start(
                ImportService.Request(source: "leeds-council", mapping: ["surname=nope"], fileName: "x.csv"),
                chunks: Self.chunks(Self.csv(rows: 2), size: 64), by: f.analyst)
        }
        // A date pattern that could read no date is refused before anything is read.
        await #expect(
            throws: LiaisonError.invalid([
                FieldError(
                    "dateFormat",
                    "'yyyy-qq-dd': 'q' is not a date letter: y is the year, M the month and d the day (e.g. dd/MM/yyyy)"
                )
            ])
        ) {
            try await service.start(
                ImportService.Request(
                    source: "york-council", mapping: ["surname=last"], dateFormat: "yyyy-qq-dd", fileName: "y.csv"),
                chunks: Self.chunks("last\nLee\n", size: 64), by: f.analyst)
        }
        // A column named in another case, or a file separated by semicolons, is pointed out.
        await #expect(
            throws: LiaisonError.invalid(
                "map", "column 'last' not in the file's header (First, Last); did you mean 'Last'?")
        ) {
            try await service.start(
                ImportService.Request(source: "york-council", mapping: ["surname=last"], fileName: "y.csv"),
                chunks: Self.chunks("First,Last\nAnn,Lee\n", size: 64), by: f.analyst)
        }
        await #expect(
            throws: LiaisonError.invalid(
                "map",
                "column 'last' not in the file's header (first;last); the header is one column with semicolons in it: "
                    + "save the file with commas between columns")
        ) {
            try await service.start(
                ImportService.Request(source: "york-council", mapping: ["surname=last"], fileName: "y.csv"),
                chunks: Self.chunks("first;last\nAnn;Lee\n", size: 64), by: f.analyst)
        }
        await #expect(throws: LiaisonError.notFound(kind: "import", id: job.id)) {
            try await service.job(job.id, by: f.partner)
        }
        #expect(try await service.jobs(by: f.partner).isEmpty)
        #expect(try await service.jobs(by: f.analyst).count == 2)

        let batches = try await f.store.searchAudit(AuditQuery(action: "import.batch", limit: 100))
        #expect(batches.count == 8 + 1)
        // Every subject, and each batch's job.
        #expect(batches.flatMap(\.objectIDs).count == 300 - refused.count + 5 + 9)
        await f.close()
    }

    @Test(
        "an interrupted import resumes after the last saved batch and loads nothing twice",
        arguments: ContractStoreKind.available)
    func resume(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let clock = MovableClock(f.clock.now())
        let service = ImportService(store: f.store, clock: clock, audit: f.audit, batchSize: 50)
        let text = Self.csv(rows: 400)
        let request = ImportService.Request(
            source: "leeds-council", mapping: Self.mapping, idColumn: "ref", dateFormat: "dd/MM/yyyy",
            fileName: "people.csv", fileSize: text.utf8.count)
        // The stream breaks after 9 chunks of 1,000 bytes: some rows of the last batch were read but not saved.
        await #expect(throws: CancellationError.self) {
            try await service.start(request, chunks: Self.chunks(text, size: 1_000, failAfter: 9), by: f.analyst)
        }
        let stopped = try #require(try await service.jobs(by: f.analyst).first)
        #expect(stopped.status == .running)
        #expect(stopped.rowsRead > 0 && stopped.rowsRead % 50 == 0 && stopped.rowsRead < 400)
        #expect(try await Self.imported(f).count == stopped.rowsLoaded)
        // With no progress for five minutes, the process loading it is taken to have stopped: interrupted, resumable.
        clock.advance(ImportJob.stalledAfter + 1)
        let interrupted = try await service.job(stopped.id, by: f.analyst)
        #expect(
            interrupted.status == .interrupted
                && interrupted.failure?.contains("liaison import resume \(stopped.id)") == true)
        #expect(try await service.jobs(by: f.analyst).first?.status == .interrupted)

        let done = try await service.resume(
            stopped.id, chunks: Self.chunks(text, size: 777, from: stopped.offset), by: f.analyst)
        #expect(done.status == .completed && done.rowsRead == 400)
        let notes = try await Self.imported(f)
        #expect(notes.count == done.rowsLoaded)
        #expect(Set(notes).count == notes.count)
        let refused: Int = (1...400).filter { $0 % 7 == 0 || $0 % 11 == 0 }.count
        #expect(notes.count == 400 - refused)
        await #expect(throws: LiaisonError.conflict(field: "job", reason: "the import has already completed")) {
            try await service.resume(stopped.id, chunks: Self.chunks(text, size: 777, from: done.offset), by: f.analyst)
        }
        await f.close()
    }

    @Test(
        "JSON Lines load too, a byte-order mark is skipped, and a file broken part way keeps what loaded and says where",
        arguments: ContractStoreKind.available)
    func jsonLinesAndBrokenFiles(kind: ContractStoreKind) async throws {
        let f = try await ContractFixture(kind)
        let service = ImportService(store: f.store, clock: f.clock, audit: f.audit, batchSize: 2)
        let lines = #"""
            {"name": "HOXHA, Arben", "born": "1984-02-11", "pnc": "12/345678X"}
            {"name": "Mensah Kwame", "born": 1979}
            [1, 2]
            {"name": "Ivanov, Dmitri", "born": "1990-13-40"}

            """#
        let job = try await service.start(
            ImportService.Request(
                source: "hmrc-feed", format: .jsonl,
                mapping: ["full_name=name", "date_of_birth=born", "identifier.pnc=pnc"], fileName: "feed.jsonl"),
            chunks: Self.chunks(lines, size: 17), by: f.analyst)
        #expect(job.status == .completed && job.rowsRead == 4 && job.rowsLoaded == 2)
        #expect(try await service.errors(job.id, by: f.analyst).map(\.row) == [3, 4])
        #expect(
            try await service.errors(job.id, by: f.analyst).first
                == ImportRowError(row: 3, field: "row", reason: "is not a JSON object"))
        let hoxha = try #require(
            try await f.store.subjects(matching: SubjectQuery(tokens: ["hoxha"], viewer: Viewer(f.analyst))).items.first
        )
        #expect(hoxha.details.names.first?.given == "Arben" && hoxha.details.identifiers.first?.kind == "pnc")

        // Something that is not CSV at all: refused before anything is recorded, without holding it whole.
        let noise = String(repeating: "x", count: 1_100_000)
        await #expect(
            throws: LiaisonError.invalid(
                "file", "row 1: a row longer than 1048576 bytes (is the file CSV, and every quote closed?)")
        ) {
            try await service.start(
                ImportService.Request(source: "noise", mapping: ["surname=last"], fileName: "n.bin"),
                chunks: Self.chunks(noise, size: 65_536), by: f.analyst)
        }
        let headerOnly = try await service.start(
            ImportService.Request(source: "empty", mapping: ["surname=last"], fileName: "h.csv"),
            chunks: Self.chunks("last", size: 2), by: f.analyst)
        #expect(headerOnly.status == .completed && headerOnly.rowsRead == 0)
        // A spreadsheet's byte-order mark before the header, arriving split over chunks, is not in the column's name.
        let marked = try await service.start(
            ImportService.Request(source: "excel", mapping: ["surname=last", "given_name=first"], fileName: "x.csv"),
            chunks: Self.chunks("\u{FEFF}last,first\r\nQuarshie,Efua\r\n", size: 2), by: f.analyst)
        #expect(marked.status == .completed && marked.rowsLoaded == 1)
        let quarshie = try #require(
            try await f.store.subjects(matching: SubjectQuery(tokens: ["quarshie"], viewer: Viewer(f.analyst))).items
                .first)
        #expect(quarshie.details.names.first?.family == "Quarshie" && quarshie.details.names.first?.given == "Efua")
        // Every row refused (a date format that fits none of them): nothing loaded, and the job says so.
        let misread = try await service.start(
            ImportService.Request(
                source: "wrong-format", mapping: ["surname=last", "date_of_birth=born"],
                dateFormat: "yyyyMMdd", fileName: "w.csv"),
            chunks: Self.chunks("last,born\nLee,03/07/1985\nRay,11/02/1979\n", size: 9), by: f.analyst)
        #expect(misread.status == .failed && misread.rowsLoaded == 0 && misread.rowsFailed == 2)
        #expect(misread.failure?.hasPrefix("every row was refused (2)") == true)

        let broken = "ref,first,last\nP1,Ann,Lee\nP2,Bob,\"Ray\"x\nP3,Cy,Hart\n"
        let stopped = try await service.start(
            ImportService.Request(source: "broken", mapping: ["given_name=first", "surname=last"], fileName: "b.csv"),
            chunks: Self.chunks(broken, size: 5), by: f.analyst)
        #expect(stopped.status == .failed)
        #expect(stopped.failure == "row 3: text after a closing quote")
        #expect(stopped.rowsLoaded == 1)
        await f.close()
    }
}
