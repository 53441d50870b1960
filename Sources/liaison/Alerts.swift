import ArgumentParser
import Foundation
import LiaisonCore
import LiaisonStore

/// `liaison alert …`: industry alerts as one user may see them, and the feed a private-sector institution takes in.
struct AlertCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alert", abstract: "Industry alerts for private-sector partners.",
        subcommands: [List.self, Feed.self])

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "The alerts the user may see, newest first.")
        @OptionGroup var viewer: ActingUser

        func run() async throws {
            try await viewer.run(\.alerts) { alerts, user in
                let found = try await alerts.list(by: user)
                if found.isEmpty { print("No alerts.") }
                for a in found {
                    print(
                        "\(a.id)  \(a.status.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) until \(a.expiresOn)  \(a.issuer)  \(a.title)"
                    )
                }
            }
        }
    }

    struct Feed: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "feed", abstract: "The live alerts the user may see, as JSON or as a STIX 2.1 bundle.")
        @OptionGroup var viewer: ActingUser
        @Option(help: "json (default) or stix.") var format: String = "json"
        @Option(help: "Write to this file instead of standard output.") var output: String?

        func validate() throws {
            guard ["json", "stix"].contains(format) else { throw ValidationError("--format must be json or stix") }
        }

        func run() async throws {
            let format = self.format
            let output = self.output
            try await viewer.run(\.alerts) { alerts, user in
                let data =
                    format == "stix"
                    ? try JSONCoding.encoder.encode(try await alerts.stix(by: user))
                    : try JSONCoding.encoder.encode(try await alerts.feed(by: user))
                if let output {
                    try data.write(to: URL(fileURLWithPath: output))
                } else {
                    print(String(decoding: data, as: UTF8.self))
                }
            }
        }
    }
}
