import ArgumentParser
import Foundation
import LiaisonCore

/// `liaison gain …`: ask partner agencies whether they hold anything on a person, a vehicle or a company; see
/// your agency's requests and the requests that hit its records.
struct GAINCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gain", abstract: "GAIN hit/no-hit requests to partner agencies.",
        subcommands: [Ask.self, Requests.self, Hits.self])

    struct Ask: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ask",
            abstract:
                "Ask agencies about a person (--given/--family/--dob), a vehicle or a company; prints each answer.")
        @OptionGroup var user: ActingUser
        @Option(help: "Agency codes to ask, separated by commas.") var agencies: String
        @Option(help: "Why you ask: shown to any agency with a hit.") var purpose: String
        @Option(help: "The person's given name.") var given: String?
        @Option(help: "The person's family name.") var family: String?
        @Option(help: "The person's date of birth, yyyy-mm-dd.") var dob: String?
        @Option(help: "A vehicle's registration.") var vehicle: String?
        @Option(help: "A company's name or registered number.") var company: String?

        func run() async throws {
            let names = given == nil && family == nil ? [] : [PersonName(given: given ?? "", family: family ?? "")]
            let person =
                names.isEmpty && dob == nil ? nil : SubjectDetails(names: names, datesOfBirth: dob.map { [$0] } ?? [])
            let input = GAINRequestInput(
                purpose: purpose, person: person, vehicle: vehicle, company: company,
                agencies: agencies.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) })
            try await user.run(\.gain) { gain, user in
                let asked = try await gain.ask(input, by: user)
                print("Request \(asked.id) about a \(asked.about)")
                for answer in asked.answers {
                    print("  \(answer.agencyCode.padding(toLength: 8, withPad: " ", startingAt: 0)) \(answer.result)")
                }
            }
        }
    }

    struct Requests: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "requests",
            abstract: "Your agency's requests, newest first, with each answer and anything shared.")
        @OptionGroup var user: ActingUser

        func run() async throws {
            try await user.run(\.gain) { gain, user in
                let found = try await gain.requests(by: user)
                if found.isEmpty { print("No requests.") }
                for r in found {
                    print("\(r.id)  \(r.askedAt.formatted(.iso8601))  \(r.requester)  about a \(r.about): \(r.purpose)")
                    for a in r.answers {
                        print(
                            "  \(a.agencyCode.padding(toLength: 8, withPad: " ", startingAt: 0)) \(a.result)"
                                + (a.shared.map { " (shared: \($0))" } ?? ""))
                    }
                }
            }
        }
    }

    struct Hits: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hits",
            abstract: "Requests that hit your agency's records: who asked, why, and which records matched.")
        @OptionGroup var user: ActingUser

        func run() async throws {
            try await user.run(\.gain) { gain, user in
                let found = try await gain.hits(by: user)
                if found.isEmpty { print("No hits on your agency's records.") }
                for h in found {
                    print(
                        "\(h.requestID)  \(h.askedAt.formatted(.iso8601))  \(h.requester) (\(h.requesterAgencyCode)) about a \(h.about): \(h.purpose)"
                    )
                    for id in h.matched { print("  subject \(id)") }
                    for id in h.reports { print("  report  \(id)") }
                    if let shared = h.shared { print("  you shared: \(shared)") }
                }
            }
        }
    }
}
