import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonStore

/// `liaison poi …`: Persons of Interest as one user may see them.
struct POI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poi",
        abstract: "Persons of Interest: list them, those whose review falls due soon, and those overdue.",
        subcommands: [List.self, Due.self, Overdue.self])

    static func show(_ items: [PersonOfInterest], store: SQLStore) async throws {
        let names = Dictionary(
            uniqueKeysWithValues: try await store.subjects(ids: items.map(\.subjectID)).map { ($0.id, $0.displayName) })
        print("REVIEW DUE            TIER      SCORE  OWNER               SUBJECT")
        for p in items {
            print(
                "\(DateFormats.instant(p.reviewDue))  \((p.tier ?? "-").padding(toLength: 8, withPad: " ", startingAt: 0))  \(String(format: "%5@", p.score.map(String.init) ?? "-"))  \(p.owner.padding(toLength: 18, withPad: " ", startingAt: 0))  \(names[p.subjectID] ?? "(a subject)")\(p.lifetimeManagement ? " [lifetime]" : "")  \(p.id)"
            )
        }
        print("\(items.count) Person(s) of Interest")
    }

    struct Listing: ParsableArguments {
        @OptionGroup var store: StoreOptions
        @Option(name: .customLong("as"), help: "The user listing (only the PoIs they may see).") var username: String

        func run(overdue: Bool, dueWithinDays: Int? = nil) async throws {
            try await withStore(store) { store in
                let service = LiaisonServices(store: store, clock: SystemClock()).pois
                try await POI.show(
                    try await service.list(
                        overdue: overdue, dueWithinDays: dueWithinDays, by: try await account(store, username)),
                    store: store)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Active Persons of Interest, soonest review first.")
        @OptionGroup var listing: Listing
        func run() async throws { try await listing.run(overdue: false) }
    }

    struct Due: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "due",
            abstract: "Persons of Interest whose review falls due within the coming days, overdue ones first.")
        @OptionGroup var listing: Listing
        @Option(help: "How many days ahead to look.") var within: Int = 30
        func validate() throws {
            guard (0...3_650).contains(within) else { throw ValidationError("--within must be 0 to 3650 days") }
        }
        func run() async throws { try await listing.run(overdue: false, dueWithinDays: within) }
    }

    struct Overdue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "overdue", abstract: "Persons of Interest whose review is overdue.")
        @OptionGroup var listing: Listing
        func run() async throws { try await listing.run(overdue: true) }
    }
}

/// `liaison ocg rescore`: every group's latest ratings scored again against the matrix in force, recorded as a new
/// assessment where the matrix version, score or band changed.
struct OCGCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ocg", abstract: "Organised crime groups.", subcommands: [Rescore.self])

    struct Rescore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rescore", abstract: "Score every assessed group again against the scoring matrix in force.")
        @OptionGroup var store: StoreOptions
        @Option(
            name: .customLong("as"), help: "The user recording the new assessments (must be able to change the groups)."
        ) var username: String

        func run() async throws {
            try await withStore(store) { store in
                let user = try await account(store, username)
                let clock = SystemClock()
                let groups = LiaisonServices(store: store, clock: clock).groups
                let matrix = try await ScoringService.inForce(OCGService.kind, store: store, at: Date())
                var seen = 0
                var changed = 0
                var refused = 0
                var cursor: String?
                repeat {
                    let page = try await groups.list(
                        OCGQuery(viewer: Viewer(user), page: PageRequest(limit: 200, cursor: cursor)), by: user)
                    for ocg in page.items {
                        seen += 1
                        guard let latest = try await store.assessments(record: ocg.id.rawValue).first,
                            let (score, band) = try? matrix.score(latest.ratings),
                            latest.matrixVersion != matrix.version || score != latest.score || band.code != latest.band
                        else { continue }
                        do {
                            _ = try await groups.assess(
                                ocg.id,
                                AssessmentInput(
                                    version: ocg.meta.version, ratings: latest.ratings,
                                    rationale: "rescored against scoring matrix version \(matrix.version)"), by: user)
                            changed += 1
                        } catch let error as LiaisonError {
                            refused += 1
                            print("\(ocg.details.name): \(error)")
                        }
                    }
                    cursor = page.nextCursor
                } while cursor != nil
                print(
                    "Checked \(seen) groups against scoring matrix version \(matrix.version): \(changed) rescored, \(refused) refused."
                )
            }
        }
    }
}

/// `liaison operation …`: multi-agency operations and the members briefed into them.
struct OperationCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operation", abstract: "Multi-agency operations: list them, brief members in and out.",
        subcommands: [List.self, Brief.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "The operations a user may see, latest start first.")
        @OptionGroup var store: StoreOptions
        @Option(name: .customLong("as"), help: "The user listing.") var username: String

        func run() async throws {
            try await withStore(store) { store in
                let clock = SystemClock()
                let found = try await LiaisonServices(store: store, clock: clock).operations.list(
                    by: try await account(store, username))
                let agencies = Dictionary(uniqueKeysWithValues: try await store.agencies().map { ($0.id, $0.code) })
                print("STARTS      ENDS        LEAD   PARTNERS  NAME")
                for o in found {
                    print(
                        "\(o.startsOn)  \((o.endsOn ?? "running").padding(toLength: 10, withPad: " ", startingAt: 0))  \((agencies[o.leadAgency] ?? "?").padding(toLength: 5, withPad: " ", startingAt: 0))  \(String(format: "%8d", o.partnerAgencies.count))  \(o.name)"
                    )
                }
                print("\(found.count) operation(s)")
            }
        }
    }

    struct Brief: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "brief",
            abstract: "Brief a member into an operation (need-to-know), or withdraw their briefing.")
        @OptionGroup var store: StoreOptions
        @Option(
            name: .customLong("as"),
            help: "The user briefing (the lead agency's supervisor, the officer who set it up, or an administrator).")
        var username: String
        @Argument(help: "The operation's name.") var operation: String
        @Argument(help: "The member to brief.") var member: String
        @Flag(help: "Withdraw the briefing instead.") var withdraw = false

        func run() async throws {
            try await withStore(store) { store in
                let clock = SystemClock()
                let service = LiaisonServices(store: store, clock: clock).operations
                do {
                    let members = try await service.brief(
                        operation, BriefingInput(username: member, briefed: !withdraw),
                        by: try await account(store, username))
                    print("Briefed into \(operation): \(members.map(\.username).joined(separator: ", "))")
                } catch let error as LiaisonError {
                    throw CommandFailure(error.description)
                }
            }
        }
    }
}
