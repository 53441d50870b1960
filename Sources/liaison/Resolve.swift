import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonMatching
import LiaisonStore

/// `liaison resolve`: entity resolution on files, without a server or database.
struct Resolve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Find the same person within one file or across two (CSV), without a server or database.",
        subcommands: [Dedupe.self, Link.self, Subjects.self])

    struct Options: ParsableArguments {
        @Option(help: "The column holding each record's ID.") var id: String
        @Option(
            name: .customLong("map"),
            help: ArgumentHelp(
                "FIELD=COLUMN[,COLUMN…]; repeatable. Fields: \(PersonField.allCases.map(\.rawValue).joined(separator: ", ")), and identifier.KIND (identifier.passport=passport_no: identifiers are compared kind with kind). Without any, columns named like fields are used.",
                valueName: "mapping")) var map: [String] = []
        @Option(
            name: .customLong("date-format"),
            help: "Pattern of dates of birth, e.g. yyyyMMdd or dd/MM/yyyy (default: common forms).") var dateFormat:
            String?
        @Option(help: "Match probability at or above which a pair is a match.") var threshold = 0.9
        @Option(help: "A name-variant list (lines 'name: variant, variant') replacing the standard one.") var variants:
            String?
        @Option(help: "Where to write matched pairs (left_id,right_id,score).") var output: String
        @Flag(help: "Also write why each pair scored as it did: each field's level and weight in bits, in a column.")
        var explain = false
        @Option(
            help:
                "Also write the fitted model (each field's levels with m, u and weight, the surname's levels at one address, and the prior) as JSON."
        )
        var model: String?
        @Option(
            name: .customLong("max-candidates"),
            help: "At most this many candidates per record, rarest shared keys first.")
        var maxCandidates = BlockingConfiguration().maxCandidatesPerRecord
        @Option(
            name: .customLong("max-block-size"),
            help:
                "Keys shared by more people than this are too common to pair on, but for copies of one person there (the same whole name and date of birth, or the same identifier), each paired with the next two."
        )
        var maxBlockSize = BlockingConfiguration().maxBlockSize
        @Option(
            name: .customLong("rules"),
            help: ArgumentHelp(
                "Blocking rules, comma-separated (default all): \(BlockingRule.allCases.map(\.rawValue).joined(separator: ", ")).",
                valueName: "rules"))
        var rules: String?

        /// The blocking rules `--rules` names, every rule without it.
        var chosenRules: [BlockingRule] {
            get throws {
                guard let rules else { return BlockingRule.allCases }
                let known = BlockingRule.allCases.map(\.rawValue).joined(separator: ", ")
                let names = rules.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                    .filter { !$0.isEmpty }
                guard !names.isEmpty else { throw ValidationError("--rules: name at least one rule of \(known)") }
                return try names.map { name in
                    guard let rule = BlockingRule(rawValue: name) else {
                        throw ValidationError(
                            "--rules: unknown rule '\(ControlPictures.forTerminal(name))'; rules are \(known)")
                    }
                    return rule
                }
            }
        }

        var resolver: Resolver {
            get throws {
                Resolver(
                    blocking: BlockingConfiguration(
                        rules: try chosenRules, maxBlockSize: maxBlockSize, maxCandidatesPerRecord: maxCandidates),
                    threshold: threshold)
            }
        }

        func validate() throws {
            guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1") }
            guard maxCandidates >= 1 else { throw ValidationError("--max-candidates must be at least 1") }
            guard maxBlockSize >= 2 else { throw ValidationError("--max-block-size must be at least 2") }
            _ = try chosenRules
            try Resolve.checkDateFormat(dateFormat, option: "--date-format")
            try Resolve.checkWritable(output, option: "--output")
            if let model { try Resolve.checkWritable(model, option: "--model") }
        }

        func nameVariants() throws -> NameVariants {
            guard let variants else { return .standard }
            guard let text = try? String(contentsOfFile: variants, encoding: .utf8) else {
                throw ValidationError("--variants \(variants): cannot read the file (is it there, and UTF-8 text?)")
            }
            do {
                return try NameVariants.parsing(text)
            } catch let error as NameVariants.LineError {
                throw ValidationError("--variants \(variants): \(error)")
            }
        }

        /// Reads and prepares every record of a file.
        func load(_ path: String, variants: NameVariants) async throws -> [PreparedPerson] {
            try await loadMapped(path, variants: variants).people
        }

        /// The people in a file and how its columns were read.
        func loadMapped(_ path: String, variants: NameVariants) async throws -> (
            people: [PreparedPerson], mapping: ColumnMapping
        ) {
            guard let data = Resolve.bytes(ofFile: path) else { throw CommandFailure("cannot read \(path)") }
            do {
                let mapping = try PersonFile.mapping(csv: data, idColumn: id, map: map)
                FileHandle.standardError.write(Data(ControlPictures.forTerminal("\(path): \(mapping.summary)\n").utf8))
                let contents = try await PersonFile.read(
                    csv: data, idColumn: id, map: map, variants: variants, dateFormat: dateFormat)
                if let unread = contents.unreadDates {
                    let dates = unread.count == 1 ? "date of birth was" : "dates of birth were"
                    let line =
                        "\(path): \(unread.count) \(dates) not read and count as missing (the first in row \(unread.firstRow): "
                        + "'\(unread.firstValue)'); --date-format gives their pattern, e.g. yyyyMMdd or dd/MM/yyyy\n"
                    FileHandle.standardError.write(Data(ControlPictures.forTerminal(line).utf8))
                }
                if let ragged = contents.raggedRows {
                    let rows = ragged.count == 1 ? "row does" : "rows do"
                    let line =
                        "\(path): \(ragged.count) \(rows) not have the header's \(ragged.columns) columns (the first, "
                        + "row \(ragged.firstRow), has \(ragged.firstColumns)); columns missing count as empty, and "
                        + "those beyond the header's are not read\n"
                    FileHandle.standardError.write(Data(ControlPictures.forTerminal(line).utf8))
                }
                return (contents.people, mapping)
            } catch {
                throw CommandFailure("\(path): \(error)")
            }
        }

    }

    /// Fails before any work is done if a date-of-birth pattern could not read a date.
    static func checkDateFormat(_ pattern: String?, option: String) throws {
        if let pattern, let problem = PartialDateOfBirth.problem(pattern: pattern) {
            throw ValidationError("\(option) \(pattern): \(problem)")
        }
    }

    /// Fails before any work is done if an output file could not be written at `path` (see
    /// ``OutputFile/problem(writing:)``).
    static func checkWritable(_ path: String, option: String) throws {
        if let problem = OutputFile.problem(writing: path) { throw ValidationError("\(option) \(path): \(problem)") }
    }

    /// A file's bytes, read straight into the array the CSV reader works over (no second copy of a large file).
    static func bytes(ofFile path: String) -> [UInt8]? {
        let file = open(path, O_RDONLY)
        guard file >= 0 else { return nil }
        defer { close(file) }
        var status = stat()
        guard fstat(file, &status) == 0 else { return nil }
        // Pipes and devices have no size to read to: those are read whole by Foundation.
        guard status.st_mode & S_IFMT == S_IFREG else {
            return FileManager.default.contents(atPath: path).map { Array($0) }
        }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: Int(status.st_size)) { buffer, count in
            while count < buffer.count {
                let n = read(file, buffer.baseAddress! + count, buffer.count - count)
                if n <= 0 {
                    failed = n < 0
                    break
                }
                count += n
            }
        }
        return failed ? nil : bytes
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    /// Says what a run found and where its time went (`loaded` and `resolved` when the two were apart).
    static func report(
        _ resolution: Resolution, records: Int, since start: ContinuousClock.Instant, loaded: Double? = nil,
        resolved: Double? = nil
    ) {
        var line = String(
            format: "%d records, %d candidate pairs, %d matches (EM %d iterations, prior %.4f) in %.2f s",
            records, resolution.candidatePairs, resolution.matches.count, resolution.model.iterations,
            resolution.model.prior, seconds(since: start))
        if let loaded, let resolved {
            line += String(format: ": read and prepared %.2f s, resolved %.2f s", loaded, resolved)
        }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    struct Dedupe: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "dedupe", abstract: "Find records of the same person within one file.")
        @Argument(help: "The CSV file (with a header row).") var input: String
        @OptionGroup var options: Options
        @Option(help: "Also write each record's cluster (id,cluster_id).") var clusters: String?

        func validate() throws {
            if let clusters { try Resolve.checkWritable(clusters, option: "--clusters") }
        }

        func run() async throws {
            let start = ContinuousClock.now
            let people = try await options.load(input, variants: try options.nameVariants())
            let loaded = Resolve.seconds(since: start)
            let resolution = await (try options.resolver).dedupe(people)
            let resolved = Resolve.seconds(since: start) - loaded
            try await Resolve.writePairs(
                resolution, left: people, right: people, to: options.output, explain: options.explain)
            try Resolve.writeModel(resolution, to: options.model)
            if let clusters { try Resolve.writeClusters(resolution, people: people, to: clusters) }
            Resolve.report(resolution, records: people.count, since: start, loaded: loaded, resolved: resolved)
            Resolve.exitLeavingMemory()
        }
    }

    /// Duplicates among the subjects already held, as one user sees them.
    struct Subjects: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "subjects",
            abstract:
                "Find subjects in the store that are the same person, among those a user may see, as reviewers decided (the run is audited)."
        )
        @OptionGroup var store: StoreOptions
        @Option(name: .customLong("as"), help: "The user whose view of the subjects is searched.") var username: String
        @Option(help: "Match probability at or above which a pair is a match.") var threshold = 0.9
        @Option(help: "Where to write matched pairs (left_id,right_id,score).") var output: String
        @Option(help: "Also write each subject's cluster (id,cluster_id).") var clusters: String?
        @Flag(help: "Also write why each pair scored as it did: each field's level and weight in bits, in a column.")
        var explain = false

        func validate() throws {
            guard (0...1).contains(threshold) else { throw ValidationError("--threshold must be between 0 and 1") }
            try Resolve.checkWritable(output, option: "--output")
            if let clusters { try Resolve.checkWritable(clusters, option: "--clusters") }
        }

        func run() async throws {
            let start = ContinuousClock.now
            try await withStore(store) { store in
                let user = try await account(store, username)
                let run = try await LiaisonServices(store: store, clock: SystemClock()).reviews.resolve(
                    by: user, threshold: threshold, request: RequestInfo(purpose: "duplicate search"))
                var resolution = run.resolution
                let refused = resolution.matches.count - run.matches.count
                resolution.matches = run.matches
                try await Resolve.writePairs(
                    resolution, left: run.people, right: run.people, to: output, explain: explain)
                if let clusters { try Resolve.writeClusters(run.clusters, people: run.people, to: clusters) }
                func pairs(_ n: Int) -> String { n == 1 ? "1 pair is" : "\(n) pairs are" }
                FileHandle.standardError.write(
                    Data(
                        ("Decided by reviewers: \(pairs(run.same.count)) one person (joined in the clusters), "
                            + "\(pairs(run.notSame.count)) two people (\(refused) found again, left out)\n").utf8))
                Resolve.report(resolution, records: run.people.count, since: start)
            }
        }
    }

    /// Ends the process once its files are written: a batch's people are handed back to the system whole, not
    /// freed one by one (a million records take a noticeable moment to free, for nothing).
    static func exitLeavingMemory() -> Never {
        Foundation.exit(0)
    }

    static func writeModel(_ resolution: Resolution, to path: String?) throws {
        guard let path else { return }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try OutputFile.write(encoder.encode(MatchModelSummary(resolution.model)), to: path)
    }

    static func writePairs(
        _ resolution: Resolution, left: [PreparedPerson], right: [PreparedPerson], to path: String,
        explain: Bool = false
    ) async throws {
        try OutputFile.write(
            Data(await PersonFile.pairsCSV(resolution, left: left, right: right, explain: explain)), to: path)
    }

    static func writeClusters(_ resolution: Resolution, people: [PreparedPerson], to path: String) throws {
        try writeClusters(
            Clustering.clusters(count: people.count, pairs: resolution.matches.map { (Int($0.left), Int($0.right)) }),
            people: people, to: path)
    }

    /// Writes each person's cluster, `roots` giving the position of its cluster's first person.
    static func writeClusters(_ roots: [Int], people: [PreparedPerson], to path: String) throws {
        var out = Array("id,cluster_id\n".utf8)
        for (i, root) in roots.enumerated() {
            CSV.append(people[i].id, to: &out)
            out.append(0x2C)
            CSV.append(people[root].id, to: &out)
            out.append(0x0A)
        }
        try OutputFile.write(Data(out), to: path)
    }

    struct Link: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link", abstract: "Find records of the same person across two files.")
        @Argument(help: "The left CSV file.") var left: String
        @Argument(help: "The right CSV file (the same columns, or its own given by the --right options).") var right:
            String
        @OptionGroup var options: Options
        @Option(name: .customLong("right-id"), help: "The right file's ID column (default: --id).") var rightID: String?
        @Option(
            name: .customLong("right-map"),
            help: ArgumentHelp(
                "FIELD=COLUMN[,COLUMN…] for the right file, repeatable, where its columns differ (default: --map).",
                valueName: "mapping")) var rightMap: [String] = []
        @Option(
            name: .customLong("right-date-format"),
            help: "Pattern of the right file's dates of birth (default: --date-format).") var rightDateFormat: String?

        func validate() throws { try Resolve.checkDateFormat(rightDateFormat, option: "--right-date-format") }

        func run() async throws {
            let start = ContinuousClock.now
            let variants = try options.nameVariants()
            let (leftPeople, leftMapping) = try await options.loadMapped(left, variants: variants)
            // Another agency's file has its own columns: the right file is read by its own options where given.
            var rightOptions = options
            if let rightID { rightOptions.id = rightID }
            if !rightMap.isEmpty { rightOptions.map = rightMap }
            if let rightDateFormat { rightOptions.dateFormat = rightDateFormat }
            let (rightPeople, rightMapping) = try await rightOptions.loadMapped(right, variants: variants)
            if leftMapping.identifierKindNames.isDisjoint(with: rightMapping.identifierKindNames),
                !leftMapping.identifierKindNames.isEmpty, !rightMapping.identifierKindNames.isEmpty
            {
                let line =
                    "The files' identifiers have no kind in common (\(leftMapping.identifierKindNames.sorted().joined(separator: ", ")) "
                    + "against \(rightMapping.identifierKindNames.sorted().joined(separator: ", "))), so they count only where a "
                    + "value is the same: name each column's kind with --map identifier.KIND=COLUMN and --right-map\n"
                FileHandle.standardError.write(Data(ControlPictures.forTerminal(line).utf8))
            }
            let loaded = Resolve.seconds(since: start)
            let resolution = await (try options.resolver).link(leftPeople, rightPeople)
            let resolved = Resolve.seconds(since: start) - loaded
            try await Resolve.writePairs(
                resolution, left: leftPeople, right: rightPeople, to: options.output, explain: options.explain)
            try Resolve.writeModel(resolution, to: options.model)
            Resolve.report(
                resolution, records: leftPeople.count + rightPeople.count, since: start, loaded: loaded,
                resolved: resolved)
            Resolve.exitLeavingMemory()
        }
    }
}
