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
        keys.formUnion(blocking(details))
        return keys.filter { !$0.isEmpty }.map { String($0.prefix(64)) }.sorted()
    }

    /// The keys that gather candidates for matching, beside the words of the names: a family name's sound with a
    /// full date of birth (`#RXT=19850703`), with the given name's sound and the year (`#RXT/MHMT~1985`, or
    /// `#RXT/MHMT~` without a date), and with the year alone (`#RXT~1985`). A search by one of these finds far
    /// fewer people than any name does, however common the name. They begin with `#`, which no word does.
    public static func blocking(_ details: SubjectDetails) -> [String] {
        var keys = Set<String>()
        let dates = details.datesOfBirth.filter { $0.count >= 4 && $0.prefix(4).allSatisfy(\.isNumber) }
        for name in details.names {
            let given = givenSound(name)
            for family in familySounds(name) {
                if dates.isEmpty { keys.insert("#\(family)/\(given)~") }
                for date in dates {
                    let year = String(date.prefix(4))
                    keys.insert("#\(family)/\(given)~\(year)")
                    keys.insert("#\(family)~\(year)")
                    if date.count == 10 { keys.insert("#\(family)=" + date.filter(\.isNumber)) }
                }
            }
        }
        return keys.sorted()
    }

    /// The sounds of a family name: its last word that is not a particle ("al", "van"…), and, for a name of
    /// several words, the words run together ("Al Rashid" is also "Alrashid").
    static func familySounds(_ name: PersonName) -> [String] {
        let words = TextNormaliser.tokens(name.family)
        let kept = words.filter { !NameVariants.defaultParticles.contains($0) }
        var sounds: [String] = []
        if let last = kept.last ?? words.last { sounds.append(Phonetic.key(last)) }
        if words.count > 1 { sounds.append(Phonetic.key(words.joined())) }
        return Array(Set(sounds.filter { !$0.isEmpty })).sorted()
    }

    /// The sound of a name's first given name, or "" without one.
    static func givenSound(_ name: PersonName) -> String {
        TextNormaliser.tokens(name.given).first.map { Phonetic.key($0) } ?? ""
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
