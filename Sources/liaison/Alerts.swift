import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonStore

/// `liaison alert …`: industry alerts as one user may see them, and the feed a private-sector institution takes in.
struct AlertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "alert", abstract: "Industry alerts for private-sector partners.",
                                                    subcommands: [List.self, Feed.self])

    struct Viewer: ParsableArguments {
        @OptionGroup var store: StoreOptions
        @Option(name: .customLong("as"), help: "The user the alerts are for: only what they may see (env LIAISON_USER).") var username: String?

        var resolvedUser: String? { username ?? ProcessInfo.processInfo.environment["LIAISON_USER"] }

        func validate() throws {
            guard resolvedUser != nil else { throw ValidationError("give --as USER (or set LIAISON_USER): only what that user may see is shown") }
        }

        func run(_ body: @escaping (AlertService, User) async throws -> Void) async throws {
            try await withStore(store) { store in
                let clock = SystemClock()
                let alerts = AlertService(store: store, clock: clock, audit: AuditLog(store: store, clock: clock))
                let user = try await account(store, resolvedUser!)
                do { try await body(alerts, user) } catch let error as LiaisonError { throw ValidationError(error.description) }
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The alerts the user may see, newest first.")
        @OptionGroup var viewer: Viewer

        func run() async throws {
            try await viewer.run { alerts, user in
                let found = try await alerts.list(by: user)
                if found.isEmpty { print("No alerts.") }
                for a in found {
                    print("\(a.id)  \(a.status.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) until \(a.expiresOn)  \(a.issuer)  \(a.title)")
                }
            }
        }
    }

    struct Feed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "The live alerts the user may see, as JSON or as a STIX 2.1 bundle.")
        @OptionGroup var viewer: Viewer
        @Option(help: "json (default) or stix.") var format: String = "json"
        @Option(help: "Write to this file instead of standard output.") var output: String?

        func validate() throws {
            guard ["json", "stix"].contains(format) else { throw ValidationError("--format must be json or stix") }
        }

        func run() async throws {
            let format = self.format, output = self.output
            try await viewer.run { alerts, user in
                let data = format == "stix" ? try JSONCoding.encoder.encode(try await alerts.stix(by: user))
                    : try JSONCoding.encoder.encode(try await alerts.feed(by: user))
                if let output { try data.write(to: URL(fileURLWithPath: output)) } else { print(String(decoding: data, as: UTF8.self)) }
            }
        }
    }
}
