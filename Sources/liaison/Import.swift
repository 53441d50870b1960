import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonStore

/// `liaison import …`: partners' files of people loaded as subjects, with a progress bar, an error report, and resume.
struct Import: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract:
            "Load a partner's file of people (CSV or JSON Lines) as subjects; resume an interrupted import; list imports and refused rows.",
        subcommands: [Subjects.self, Resume.self, Jobs.self, Errors.self])

    static func service(_ store: SQLStore) -> ImportService {
        return LiaisonServices(store: store).imports
    }

    /// The file's bytes from `offset`, in chunks, each read only when the import asks for it (so memory stays flat).
    static func chunks(_ path: String, from offset: Int) throws -> AsyncThrowingStream<[UInt8], any Error> {
        guard let handle = FileHandle(forReadingAtPath: path) else { throw CommandFailure("cannot open \(path)") }
        try handle.seek(toOffset: UInt64(offset))
        return AsyncThrowingStream(unfolding: {
            guard let data = try handle.read(upToCount: 256 * 1024), !data.isEmpty else {
                try? handle.close()
                return nil
            }
            return [UInt8](data)
        })
    }

    static func size(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
    }

    /// Draws a progress bar on standard error: share done, rows, rate and time left.
    final class ProgressBar: Sendable {
        let start = ContinuousClock.now
        let first: (rows: Int, offset: Int)

        init(_ job: (rows: Int, offset: Int)) { first = job }

        func draw(_ job: ImportJob) {
            let elapsed = max(0.001, (ContinuousClock.now - start) / .seconds(1))
            let rate = Double(job.rowsRead - first.rows) / elapsed
            var line = ""
            if let fraction = job.fraction, let size = job.fileSize, size > 0 {
                let filled = Int(fraction * 30)
                let done = Double(job.offset - first.offset) / Double(max(1, size - first.offset))
                let left = done > 0 ? elapsed * (1 - done) / done : 0
                line =
                    "[\(String(repeating: "#", count: filled))\(String(repeating: ".", count: 30 - filled))] \(String(format: "%3.0f%%", fraction * 100))  "
                line +=
                    "\(job.rowsRead) rows  \(Int(rate)) rows/s  ETA \(Int(left) / 60):\(String(format: "%02d", Int(left) % 60))"
            } else {
                line = "\(job.rowsRead) rows  \(Int(rate)) rows/s"
            }
            FileHandle.standardError.write(Data(("\r" + line + "   ").utf8))
        }
    }

    /// Prints how the import went; a failed import (a broken file, or every row refused) exits 1.
    static func report(_ job: ImportJob) throws {
        FileHandle.standardError.write(Data("\n".utf8))
        print(
            "Import \(job.id) \(job.status.rawValue): \(job.rowsRead) rows read, \(job.rowsLoaded) loaded, \(job.rowsFailed) refused."
        )
        if let failure = job.failure {
            if job.rowsLoaded == 0 && job.rowsFailed > 0 && job.rowsFailed == job.rowsRead {
                print("Nothing loaded: \(failure).")
            } else {
                print("Stopped at \(failure). Fix the file, then: liaison import resume \(job.id) FILE --as USER")
            }
        }
        if job.rowsFailed > 0 { print("Refused rows: liaison import errors \(job.id) --as USER [--output errors.csv]") }
        if let pairs = job.possibleDuplicates, pairs > 0 {
            print(
                "\(pairs) pairs of a loaded subject and one already held look like one person: liaison matches list --as USER"
            )
        }
        if job.status == .failed { throw ExitCode(1) }
    }

    struct Subjects: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "subjects", abstract: "Load a file of people as subjects of your agency.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The CSV or JSON Lines file.") var file: String
        @Option(help: "The partner or system the file comes from; its mapping is saved under this name.") var source:
            String
        @Option(help: "csv or jsonl (default: the source's saved format, else csv).") var format: String?
        @Option(
            name: .customLong("map"),
            help:
                "FIELD=COLUMN[,COLUMN…] (repeat). Fields: given_name, middle_names, surname, full_name, alias, date_of_birth, sex, nationality, address, town, postcode, country, phone, identifier.KIND. Omit to use the source's saved mapping."
        )
        var map: [String] = []
        @Option(
            name: .customLong("id"), help: "The column with the partner's own record ID (kept in the subject's notes).")
        var idColumn: String?
        @Option(name: .customLong("date-format"), help: "Pattern of dates of birth, e.g. dd/MM/yyyy.") var dateFormat:
            String?
        @Option(name: .customLong("as"), help: "The user loading the file (the subjects belong to their agency).")
        var username: String

        func validate() throws {
            if let format, ImportSource.Format(rawValue: format) == nil {
                throw ValidationError("--format must be csv or jsonl")
            }
        }

        func run() async throws {
            try await withStore(store) { store in
                let user = try await account(store, username)
                let bar = ProgressBar((0, 0))
                let request = ImportService.Request(
                    source: source, format: format.flatMap(ImportSource.Format.init(rawValue:)), mapping: map,
                    idColumn: idColumn, dateFormat: dateFormat,
                    fileName: URL(fileURLWithPath: file).lastPathComponent, fileSize: Import.size(file))
                let job = try await Import.service(store).start(
                    request, chunks: try Import.chunks(file, from: 0), by: user,
                    progress: { bar.draw($0) })
                try Import.report(job)
            }
        }
    }

    struct Resume: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "resume",
            abstract: "Continue an interrupted import from the last saved batch (nothing loads twice).")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The import's ID.") var id: String
        @Argument(help: "The same file.") var file: String
        @Option(name: .customLong("as"), help: "A user of the agency that started the import.") var username: String

        func run() async throws {
            try await withStore(store) { store in
                let user = try await account(store, username)
                let service = Import.service(store)
                let job = try await service.job(id.lowercased(), by: user)
                if let size = job.fileSize, Import.size(file) != size {
                    throw CommandFailure("\(file) is not the file this import started with (\(size) bytes)")
                }
                let bar = ProgressBar((job.rowsRead, job.offset))
                let done = try await service.resume(
                    job.id, chunks: try Import.chunks(file, from: job.offset), by: user, progress: { bar.draw($0) })
                try Import.report(done)
            }
        }
    }

    struct Jobs: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "jobs", abstract: "List your agency's imports, most recent first.")
        @OptionGroup var store: StoreOptions
        @Option(name: .customLong("as"), help: "A user of the agency.") var username: String

        func run() async throws {
            try await withStore(store) { store in
                print("ID                                    STATUS     READ   LOADED  REFUSED  SOURCE / FILE")
                for job in try await Import.service(store).jobs(by: try await account(store, username)) {
                    print(
                        "\(job.id)  \(job.status.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(String(format: "%6d %8d %8d", job.rowsRead, job.rowsLoaded, job.rowsFailed))  \(job.source) / \(job.fileName)"
                    )
                }
            }
        }
    }

    struct Errors: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "errors", abstract: "The rows an import refused: row, field and reason, as CSV.")
        @OptionGroup var store: StoreOptions
        @Argument(help: "The import's ID.") var id: String
        @Option(name: .customLong("as"), help: "A user of the agency.") var username: String
        @Option(help: "Write the report here instead of standard output.") var output: String?

        func run() async throws {
            try await withStore(store) { store in
                let errors = try await Import.service(store).errors(
                    id.lowercased(), by: try await account(store, username))
                let text = ImportReport.csv(errors)
                if let output {
                    try OutputFile.write(Data(text.utf8), to: output)
                } else {
                    print(text, terminator: "")
                }
            }
        }
    }
}
