import Foundation
import LiaisonCore

/// Why a form was refused, as the `problem` partial shows it: a GOV.UK error summary whose every field error links
/// to the field's input, in words ("Valid from must be a real date"), and any other reason as a sentence.
struct FormProblem {
    struct Item {
        /// The ID of the input the message is about; nil for a reason no one field owns.
        let anchor: String?
        let message: String
    }

    let items: [Item]

    init(items: [Item]) { self.items = items }

    /// A reason no one field owns.
    init(_ message: String) {
        items = [Item(anchor: nil, message: message.prefix(1).uppercased() + message.dropFirst())]
    }

    /// The refusal a form can explain; nil for errors the error pages handle. `labels` names a field where its
    /// words are not its name split at capitals (`expiresOn` reads "Expires on"), `anchors` the input it links to
    /// where that is not its name; either is looked up by the field's whole path first
    /// (`confiscation.timeToPay`), then by the input it is typed into (`confiscation`).
    init?(_ error: LiaisonError, labels: [String: String] = [:], anchors: [String: String] = [:]) {
        switch error {
        case .invalid(let fields):
            self.init(
                items: fields.map { field in
                    let name = Self.inputName(field.field)
                    let label = labels[field.field] ?? labels[name] ?? Self.words(name)
                    let reason = Self.reason(field.reason)
                    return Item(anchor: anchors[field.field] ?? anchors[name] ?? name, message: "\(label) \(reason)")
                })
        case .conflict(_, let reason): self.init(reason)
        case .staleVersion: self.init("Someone else changed it meanwhile: here it is as it stands now")
        default: return nil
        }
    }

    /// A service's reason as a form says it: dates are typed in boxes, not as yyyy-mm-dd.
    static func reason(_ text: String) -> String {
        text.replacingOccurrences(
            of: "a date as yyyy-MM-dd, yyyy-MM or yyyy", with: "a real date, or a month and year, or a year"
        ).replacingOccurrences(of: "a date as yyyy-mm-dd", with: "a real date", options: .caseInsensitive)
    }

    /// The form input an API field path is typed into: `indicators[2].value` is typed into `indicators`.
    static func inputName(_ path: String) -> String {
        String(path.prefix { $0 != "." && $0 != "[" })
    }

    /// A field name in words: `changeNote` reads "Change note".
    static func words(_ name: String) -> String {
        var out = ""
        for character in name {
            if character.isUppercase, !out.isEmpty {
                out += " " + character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out.prefix(1).uppercased() + out.dropFirst()
    }

    /// The problem carried in a redirect's query, for a form posted from a panel on another record's page: a
    /// parameter `key` an item (its anchor, a tab, its message on one line), the first ``carriedItems`` of them and a
    /// count of the rest, so the address stays short whatever was sent.
    func query(_ key: String) -> String {
        var carried = items.prefix(Self.carriedItems).map {
            "\($0.anchor ?? "")\t\(ControlPictures.visible($0.message))"
        }
        if items.count > Self.carriedItems {
            let more = items.count - Self.carriedItems
            carried.append("\t\(more) more \(more == 1 ? "problem" : "problems") besides")
        }
        return carried.map { "\(key)=" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "") }
            .joined(separator: "&")
    }

    /// The most items a redirect carries (see ``query(_:)``).
    static let carriedItems = 10

    /// A problem read back from a redirect's query: the values of its key, already decoded.
    init?(query values: [Substring]) {
        guard !values.isEmpty else { return nil }
        self.init(
            items: values.map { value in
                let parts = value.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
                return parts.count == 2
                    ? Item(anchor: parts[0].isEmpty ? nil : String(parts[0]), message: String(parts[1]))
                    : Item(anchor: nil, message: String(value))
            })
    }
}
