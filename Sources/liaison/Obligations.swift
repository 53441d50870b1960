import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonStore
import LiaisonWeb

/// `liaison obligations …`: what Liaison owes partner agencies on deportation cases, as one user may see it; the
/// sweep that escalates missed deadlines; one round of outbox delivery. Each goes through the access policy and the
/// audit chain as the pages and API do.
struct Obligations: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "obligations",
        abstract:
            "Obligations to partner agencies: list what is due or overdue, escalate missed deadlines, deliver the outbox.",
        subcommands: [Due.self, Overdue.self, Sweep.self, Deliver.self])

    static func service(_ store: SQLStore) -> ObligationService {
        LiaisonServices(store: store, clock: SystemClock()).obligations
    }

    static func show(_ items: [Obligation], format: String) throws {
        if format == "json" {
            print(String(decoding: try JSONCoding.encoder.encode(["items": items]), as: UTF8.self))
            return
        }
        print("DUE BY                AGENCY  EVENT                    ESCALATED TO                    CASE")
        for o in items {
            print(
                "\(DateFormats.instant(o.dueBy))  \(o.agencyCode.padding(toLength: 6, withPad: " ", startingAt: 0))  \(o.event.padding(toLength: 23, withPad: " ", startingAt: 0))  \((o.escalation == 0 ? "-" : Obligation.escalationTargets[o.escalation]).padding(toLength: 30, withPad: " ", startingAt: 0))  \(o.reference) \(o.caseID)"
            )
        }
        print("\(items.count) obligation(s)")
    }

    struct Listing: ParsableArguments {
        @OptionGroup var store: StoreOptions
        @Option(name: .customLong("as"), help: "The user listing (their agency's inbox and the cases they may see).")
        var username: String
        @Option(help: "text or json.") var format = "text"
        @Option(help: "At most this many (1–200).") var limit = 200

        func validate() throws {
            guard ["text", "json"].contains(format) else { throw ValidationError("--format must be text or json") }
            guard (1...200).contains(limit) else { throw ValidationError("--limit must be from 1 to 200") }
        }

        func run(_ selection: ObligationService.Selection) async throws {
            try await withStore(store) { store in
                let items = try await Obligations.service(store).list(
                    selection, by: try await account(store, username), limit: limit,
                    request: RequestInfo(purpose: "obligations \(selection.rawValue)"))
                try Obligations.show(items, format: format)
            }
        }
    }

    struct Due: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "due", abstract: "Open obligations still on time, soonest due first.")
        @OptionGroup var listing: Listing
        func run() async throws { try await listing.run(.due) }
    }

    struct Overdue: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "overdue", abstract: "Open obligations past their due time, with their escalation.")
        @OptionGroup var listing: Listing
        func run() async throws { try await listing.run(.overdue) }
    }

    struct Sweep: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "sweep",
            abstract: "Escalate open obligations past their deadline (the server does this every minute).")
        @OptionGroup var store: StoreOptions
        @Option(
            name: .customLong("as-of"),
            help: "Judge lateness at this time (ISO 8601, e.g. 2026-12-09T09:00:00Z) instead of now.") var asOf: String?
        @Flag(name: .customLong("dry-run"), help: "Change nothing: list what would escalate, and to whom.") var dryRun =
            false

        func validate() throws {
            if let asOf, DateFormats.instant(asOf) == nil {
                throw ValidationError("--as-of must be a time such as 2026-12-09T09:00:00Z")
            }
            if asOf != nil && !dryRun {
                throw ValidationError("--as-of changes what is judged late: use it with --dry-run")
            }
        }

        func run() async throws {
            try await withStore(store) { store in
                let escalated = try await Obligations.service(store).sweep(
                    asOf: asOf.flatMap { DateFormats.instant($0) }, dryRun: dryRun)
                print(
                    dryRun
                        ? "Would escalate \(escalated.count) obligation(s):"
                        : "Escalated \(escalated.count) obligation(s).")
                for o in escalated where dryRun {
                    print("  \(o.id) → the \(Obligation.escalationTargets[o.escalation])")
                }
                try Obligations.show(escalated, format: "text")
            }
        }
    }

    struct Deliver: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "deliver",
            abstract: "Run one round of outbox delivery (the server does this every few seconds).")
        @OptionGroup var store: StoreOptions
        @Option(help: "SMTP relay for emailed notices, HOST:PORT.") var smtp: String?
        @Option(name: .customLong("smtp-from"), help: "The sender address of emailed notices.") var smtpFrom =
            "liaison@localhost"
        @Option(
            name: .customLong("allow-webhook-host"), help: "An internal host partners' webhooks may reach; repeatable.")
        var webhookHosts: [String] = []

        func run() async throws {
            var relay: (host: String, port: Int, from: String)?
            if let smtp {
                let parts = smtp.split(separator: ":")
                guard parts.count == 2, let port = Int(parts[1]) else {
                    throw ValidationError("--smtp must be HOST:PORT")
                }
                relay = (String(parts[0]), port, smtpFrom)
            }
            let transports = LiaisonApplication.transports(
                ServerConfiguration(smtp: relay, webhookHosts: WebhookHosts(allowed: webhookHosts)))
            try await withStore(store) { store in
                let round = try await OutboxDispatcher(
                    store: store, clock: SystemClock(), audit: LiaisonServices(store: store).audit,
                    transports: transports, secrets: try self.store.secrets()
                ).deliverDue()
                print("Delivered \(round.delivered), retrying \(round.retrying), given up \(round.failed).")
            }
        }
    }
}
