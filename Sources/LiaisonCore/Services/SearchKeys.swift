import LiaisonMatching

/// Builds the search keys of subjects and groups, and folds search queries the same way.
///
/// Keys are folded words of every name and alias, each multi-word name part joined ("al rashid" also gives
/// "alrashid"), and identifiers both whole ("98123456a") and by word ("98", "123456a").
public enum SearchKeys {
    public static func subject(_ details: SubjectDetails) -> [String] {
        var keys = Set<String>()
        for name in details.names {
            for part in [name.given, name.middle ?? "", name.family] where !part.isEmpty {
                let words = TextNormaliser.tokens(part)
                keys.formUnion(words)
                if words.count > 1 { keys.insert(words.joined()) }
            }
        }
        for identifier in details.identifiers {
            keys.formUnion(TextNormaliser.tokens(identifier.value))
            let whole = TextNormaliser.compact(identifier.value)
            if !whole.isEmpty { keys.insert(whole) }
        }
        return keys.filter { !$0.isEmpty }.map { String($0.prefix(64)) }.sorted()
    }

    public static func ocg(_ details: OCGDetails) -> [String] {
        var keys = Set<String>()
        for text in [details.name] + details.operationNames {
            let words = TextNormaliser.tokens(text)
            keys.formUnion(words)
            if words.count > 1 { keys.insert(words.joined()) }
        }
        return keys.map { String($0.prefix(64)) }.sorted()
    }

    /// The folded words of a query, at most eight, each at most 64 characters.
    public static func query(_ text: String?) -> [String] {
        guard let text else { return [] }
        return Array(TextNormaliser.tokens(text).prefix(8)).map { String($0.prefix(64)) }
    }
}
