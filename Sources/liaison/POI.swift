import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonStore

/// `liaison poi …`: Persons of Interest as one user may see them.
struct POI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "poi", abstract: "Persons of Interest: list them, and those whose review is overdue.",
                                                    subcommands: [List.self, Overdue.self])

    static func show(_ items: [PersonOfInterest], store: SQLStore) async throws {
        let names = Dictionary(uniqueKeysWithValues: try await store.subjects(ids: items.map(\.subjectID)).map { ($0.id, $0.displayName) })
        let time = ISO8601DateFormatter()
        print("REVIEW DUE            TIER      SCORE  OWNER               SUBJECT")
        for p in items {
            print("\(time.string(from: p.reviewDue))  \((p.tier ?? "-").padding(toLength: 8, withPad: " ", startingAt: 0))  \(String(format: "%5@", p.score.map(String.init) ?? "-"))  \(p.owner.padding(toLength: 18, withPad: " ", startingAt: 0))  \(names[p.subjectID] ?? "(a subject)")\(p.lifetimeManagement ? " [lifetime]" : "")  \(p.id)")
        }
        print("\(items.count) Person(s) of Interest")
    }

    struct Listing: ParsableArguments {
        @OptionGroup var store: StoreOptions
        @Option(name: .customLong("as"), help: "The user listing (only the PoIs they may see).") var username: String

        func run(overdue: Bool) async throws {
            try await withStore(store) { store in
                let service = POIService(store: store, clock: SystemClock(), audit: AuditLog(store: store, clock: SystemClock()))
                try await POI.show(try await service.list(overdue: overdue, by: try await account(store, username)), store: store)
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Active Persons of Interest, soonest review first.")
        @OptionGroup var listing: Listing
        func run() async throws { try await listing.run(overdue: false) }
    }

    struct Overdue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Persons of Interest whose review is overdue.")
        @OptionGroup var listing: Listing
        func run() async throws { try await listing.run(overdue: true) }
    }
}

/// `liaison ocg rescore`: every group's latest ratings scored again against the matrix in force, recorded as a new
/// assessment where the matrix version, score or band changed.
struct OCGCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "ocg", abstract: "Organised crime groups.", subcommands: [Rescore.self])

    struct Rescore: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Score every assessed group again against the scoring matrix in force.")
        @OptionGroup var store: StoreOptions
        @Option(name: .customLong("as"), help: "The user recording the new assessments (must be able to change the groups).") var username: String

        func run() async throws {
            try await withStore(store) { store in
                let user = try await account(store, username)
                let clock = SystemClock()
                let groups = OCGService(store: store, clock: clock, audit: AuditLog(store: store, clock: clock))
                let matrix = try await ScoringService.inForce(OCGService.kind, store: store, at: Date())
                var seen = 0, changed = 0, refused = 0
                var cursor: String?
                repeat {
                    let page = try await groups.list(OCGQuery(viewer: Viewer(user), page: PageRequest(limit: 200, cursor: cursor)), by: user)
                    for ocg in page.items {
                        seen += 1
                        guard let latest = try await store.assessments(record: ocg.id.rawValue).first,
                              let (score, band) = try? matrix.score(latest.ratings),
                              latest.matrixVersion != matrix.version || score != latest.score || band.code != latest.band else { continue }
                        do {
                            _ = try await groups.assess(ocg.id, AssessmentInput(version: ocg.meta.version, ratings: latest.ratings,
                                                                                rationale: "rescored against scoring matrix version \(matrix.version)"), by: user)
                            changed += 1
                        } catch let error as LiaisonError {
                            refused += 1
                            print("\(ocg.details.name): \(error)")
                        }
                    }
                    cursor = page.nextCursor
                } while cursor != nil
                print("Checked \(seen) groups against scoring matrix version \(matrix.version): \(changed) rescored, \(refused) refused.")
            }
        }
    }
}
