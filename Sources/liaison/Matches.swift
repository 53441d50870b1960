import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonMatching
import LiaisonStore

/// `liaison matches …`: the review queue of likely duplicates, as one user works it. Every command goes through the
/// access policy and the audit chain exactly as the pages and API do.
struct Matches: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "matches",
        abstract: "Find likely duplicate subjects and review them: same person, not the same, or unsure (reversible).",
        subcommands: [Find.self, List.self, Decide.self, Undo.self])

    static func service(_ store: SQLStore) -> MatchReviewService {
        LiaisonServices(store: store, clock: SystemClock()).reviews
    }

    /// A pair on one line; where the names were not compared as written, that follows ("(matched on an alias)").
    static func line(_ item: MatchReviewItem) -> String {
        let notes = MatchWords.nameNotes(item.review.explanation)
        return
            "\(item.review.id)  \(String(format: "%5.1f%%", item.review.probability * 100))  \(item.review.status.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0))  \(item.left.displayName) | \(item.right.displayName)"
            + (notes.isEmpty ? "" : " (\(notes.joined(separator: "; ")))")
    }

    struct Find: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "find",
            abstract: "Run the matching engine over the subjects a user may see and queue the likely pairs.")
        @OptionGroup var store: StoreOptions
        @Option(name: .customLong("as"), help: "The user whose view of the subjects is searched.") var username: String

        func run() async throws {
            try await withStore(store) { store in
                let found = try await Matches.service(store).findDuplicates(
                    by: try await account(store, username), request: RequestInfo(purpose: "duplicate search"))
                print(
                    "Checked \(found.subjects) subjects (\(found.candidatePairs) candidate pairs): \(found.queued) new pairs to review, \(found.linked) linked automatically."
                )
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List pairs by status, most likely first.")
        @OptionGroup var store: StoreOptions
        @Option(name: .customLong("as"), help: "The user listing (only pairs whose subjects they may both see).")
        var username: String
        @Option(help: "pending, same, not-same or unsure.") var status = "pending"
        @Option(help: "At most this many pairs.") var limit = 50

        func validate() throws {
            guard MatchReview.Status(rawValue: status) != nil else {
                throw ValidationError("--status must be pending, same, not-same or unsure")
            }
            guard (1...1000).contains(limit) else { throw ValidationError("--limit must be from 1 to 1000") }
        }

        func run() async throws {
            try await withStore(store) { store in
                let items = try await Matches.service(store).list(
                    status: MatchReview.Status(rawValue: status), by: try await account(store, username), limit: limit)
                print("ID                                    LIKELY  STATUS    PAIR")
                for item in items { print(Matches.line(item)) }
            }
        }
    }

    struct Decide: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "decide", abstract: "Record a decision on a pair: same, not-same or unsure.")
        @OptionGroup var store: StoreOptions
        @Option(
            name: .customLong("as"),
            help: "The reviewer (must see both subjects and hold a role that may change records).") var username: String
        @Argument(help: "The pair's ID (from `matches list`).") var id: String
        @Argument(help: "same, not-same or unsure.") var decision: String
        @Option(help: "Why, in a sentence.") var note: String?

        func run() async throws {
            try await withStore(store) { store in
                let item = try await Matches.service(store).decide(
                    id.lowercased(), decision, note: note, by: try await account(store, username))
                print(Matches.line(item))
            }
        }
    }

    struct Undo: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "undo", abstract: "Undo a pair's current decision (it returns to the queue; the undo is kept)."
        )
        @OptionGroup var store: StoreOptions
        @Option(
            name: .customLong("as"),
            help: "The reviewer (must see both subjects and hold a role that may change records).") var username: String
        @Argument(help: "The pair's ID.") var id: String

        func run() async throws {
            try await withStore(store) { store in
                print(
                    Matches.line(
                        try await Matches.service(store).undo(id.lowercased(), by: try await account(store, username))))
            }
        }
    }
}
