/// One record's non-empty values as bytes, read in place: each value's field (its ``PersonField/ordinal``) and
/// where its bytes lie, a field's values in order.
struct RecordValues {
    struct Span {
        var field: Int
        var start: Int
        var end: Int
        /// An identifier's kind (see ``IdentifierKind``), 0 where the value carries its own or has none.
        var kind: UInt16 = 0
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let spans: UnsafeBufferPointer<Span>

    /// The field of a whole place (see ``PersonRecord/place(line:town:postcode:)``), kept apart from address lines,
    /// and the byte that separates its parts.
    static let placeField = PersonField.allCases.count, placeSeparator: UInt8 = 0x1F

    /// Every whole place, in order.
    var places: FieldValues { FieldValues(values: self, field: Self.placeField) }

    /// The first value of `field`, if any.
    func first(_ field: PersonField) -> UnsafeBufferPointer<UInt8>? {
        let n = field.ordinal
        for span in spans where span.field == n { return value(span) }
        return nil
    }

    /// Every value of `field`.
    func all(_ field: PersonField) -> FieldValues { FieldValues(values: self, field: field.ordinal) }

    /// The values of one field, in place, without a closure to filter them (a lazy filter's would be allocated
    /// on every call).
    struct FieldValues: Collection {
        let values: RecordValues
        let field: Int

        var startIndex: Int { next(from: 0) }
        var endIndex: Int { values.spans.count }
        func index(after i: Int) -> Int { next(from: i + 1) }
        subscript(i: Int) -> UnsafeBufferPointer<UInt8> { values.value(values.spans[i]) }

        private func next(from i: Int) -> Int {
            var i = i
            while i < values.spans.count && values.spans[i].field != field { i += 1 }
            return i
        }
    }

    func value(_ span: Span) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])
    }
}

/// Prepares records into ``PreparedPerson``'s packed form (see ``PersonView``), folding, keying and laying out every
/// field in working memory kept from record to record: preparing a record allocates only its packed bytes.
struct PersonPacker {
    let variants: NameVariants
    let dateFormat: String?
    /// The record's prepared fields end to end, and text being worked on.
    private var text: [UInt8] = [], work: [UInt8] = []
    /// Where each prepared field lies in `text`: the fixed fields, four per name, the identifiers, each identifier's
    /// kind (two bytes, or none where not known), then the other dates of birth, phones, nationalities and places.
    private var fixed: [Range<Int>] = [], names: [Range<Int>] = [], identifiers: [Range<Int>] = []
    private var identifierKinds: [Range<Int>] = []
    /// Dates of birth recorded besides the first, and where they lie in `text`.
    private var otherDates: [PartialDateOfBirth] = []
    private var otherDatesField = 0..<0
    /// Phone numbers and nationalities recorded besides the first, each a length byte and its bytes, and the places
    /// besides the first.
    private var otherPhonesField = 0..<0, otherNationalitiesField = 0..<0, otherPlacesField = 0..<0

    /// Dates of birth given but not read as dates, which count as missing: how many, and the first, with its
    /// record's place among those this packer prepared.
    private(set) var unreadDates = 0
    private(set) var firstUnreadDate: (record: Int, value: String)?
    private var packed = 0

    init(variants: NameVariants, dateFormat: String?) {
        self.variants = variants
        self.dateFormat = dateFormat
        text.reserveCapacity(256)
        work.reserveCapacity(128)
    }

    /// The packed bytes of one record.
    mutating func pack(_ values: RecordValues) -> [UInt8] {
        text.removeAll(keepingCapacity: true)
        fixed.removeAll(keepingCapacity: true)
        names.removeAll(keepingCapacity: true)
        identifiers.removeAll(keepingCapacity: true)
        identifierKinds.removeAll(keepingCapacity: true)
        // The primary name, then full names and aliases.
        let first = values.first(.givenName)
        let middle = values.first(.middleNames)
        let surname = values.first(.surname)
        if first != nil || middle != nil || surname != nil { addName(first, middle, surname: surname) }
        for span in values.spans
        where span.field == PersonField.fullName.ordinal || span.field == PersonField.alias.ordinal {
            guard names.count < 4 * PreparedPerson.maximumNames,
                let (given, surname) = PreparedPerson.split(
                    full: String(decoding: values.value(span), as: UTF8.self), variants: variants)
            else { continue }
            var g = given
            var s = surname
            g.withUTF8 { g in s.withUTF8 { s in addName(g, nil, surname: s) } }
        }
        // The first date of birth read is the person's; others recorded (a date given with an alias) are kept apart.
        var dateOfBirth: PartialDateOfBirth?
        otherDates.removeAll(keepingCapacity: true)
        for givenDate in values.all(.dateOfBirth) {
            guard let date = PartialDateOfBirth.parse(givenDate, format: dateFormat) else {
                if givenDate.contains(where: { $0 != 0x20 && $0 != 0x09 }) {
                    unreadDates += 1
                    if firstUnreadDate == nil { firstUnreadDate = (packed, String(decoding: givenDate, as: UTF8.self)) }
                }
                continue
            }
            if dateOfBirth == nil {
                dateOfBirth = date
            } else if date != dateOfBirth, !otherDates.contains(date),
                otherDates.count < PreparedPerson.maximumOtherDates
            {
                otherDates.append(date)
            }
        }
        packed += 1
        work.removeAll(keepingCapacity: true)
        if let sex = values.first(.sex) { TextNormaliser.appendFolded(CollectionOfOne(sex), spaces: false, to: &work) }
        let sex: UInt8 =
            switch work.first {
            case UInt8(ascii: "m"): UInt8(ascii: "m")
            case UInt8(ascii: "f"): UInt8(ascii: "f")
            default: 0
            }
        // The address: its own fields, or else the first whole place.
        var places = values.places.makeIterator()
        var place: Place.Parts?
        if values.first(.postcode) == nil && values.first(.address) == nil && values.first(.town) == nil,
            let first = places.next()
        {
            place = Place.Parts(first)
        }
        addFolded(place?.postcode ?? values.first(.postcode), spaces: false)
        let address = text.count
        if let place {
            TextNormaliser.appendFolded(CollectionOfOne(place.line), spaces: true, to: &text)
        } else {
            TextNormaliser.appendFolded(values.all(.address), spaces: true, to: &text)
        }
        fixed.append(address..<text.count)
        addFolded(place?.town ?? values.first(.town), spaces: false)
        let otherPlaces = addOtherPlaces(values, &places)
        // Phone numbers by their last ten digits: the first is the person's, and others recorded are kept apart.
        let phone = text.count
        var otherPhones: [UInt8] = []
        for value in values.all(.phone) {
            let start = text.count
            for byte in value where byte >= 0x30 && byte <= 0x39 { text.append(byte) }
            if text.count - start > 10 { text.removeSubrange(start..<(text.count - 10)) }
            if start == phone {
                if text.count > start { fixed.append(phone..<text.count) }
            } else {
                addOther(from: start, to: &otherPhones)
            }
        }
        if fixed.count < 4 { fixed.append(phone..<text.count) }
        let email = text.count
        if let value = values.first(.email) {
            text += trimmed(String(decoding: value, as: UTF8.self)).lowercased().utf8
        }
        fixed.append(email..<text.count)
        let nationality = text.count
        var otherNationalities: [UInt8] = []
        for value in values.all(.nationality) {
            let start = text.count
            TextNormaliser.appendFolded(CollectionOfOne(value), spaces: false, to: &text)
            if start == nationality {
                if text.count > start { fixed.append(nationality..<text.count) }
            } else {
                addOther(from: start, to: &otherNationalities)
            }
        }
        if fixed.count < 6 { fixed.append(nationality..<text.count) }
        for span in values.spans
        where span.field == PersonField.identifier.ordinal && identifiers.count < PreparedPerson.maximumIdentifiers {
            var (kind, value) = IdentifierKind.split(values.value(span))
            if span.kind != 0 { kind = span.kind }
            let start = text.count
            TextNormaliser.appendFolded(CollectionOfOne(value), spaces: false, to: &text)
            guard text.count > start else { continue }
            identifiers.append(start..<text.count)
            let kindStart = text.count
            if kind != 0 { text += [UInt8(kind & 0xFF), UInt8(kind >> 8)] }
            identifierKinds.append(kindStart..<text.count)
        }
        // The other dates of birth, four bytes each as the first is laid out, in one field after the identifiers' kinds.
        let dates = text.count
        for date in otherDates {
            let year = date.year ?? 0
            text += [UInt8(year & 0xFF), UInt8(year >> 8), UInt8(date.month ?? 0), UInt8(date.day ?? 0)]
        }
        otherDatesField = dates..<text.count
        let phones = text.count
        text += otherPhones
        otherPhonesField = phones..<text.count
        let nationalities = text.count
        text += otherNationalities
        otherNationalitiesField = nationalities..<text.count
        let placesStart = text.count
        text += otherPlaces
        otherPlacesField = placesStart..<text.count
        return layOut(dateOfBirth: dateOfBirth, sex: sex)
    }

    /// The places besides the person's address, as ``PersonView/otherPlaces`` lays them out (postcode, street address
    /// and town folded, a length byte before each): the previous address's fields, then the whole places after the
    /// first (`places` goes on from it). A place the same as the person's address, or as one already kept, is left
    /// out, and so are those that would take the field past its length.
    private mutating func addOtherPlaces(_ values: RecordValues, _ places: inout RecordValues.FieldValues.Iterator)
        -> [UInt8]
    {
        var others: [UInt8] = []
        let start = text.count
        defer { text.removeSubrange(start...) }
        func add<Lines: Collection<UnsafeBufferPointer<UInt8>>>(
            postcode: UnsafeBufferPointer<UInt8>?, lines: Lines, town: UnsafeBufferPointer<UInt8>?
        ) {
            if postcode == nil && lines.isEmpty && town == nil { return }
            text.removeSubrange(start...)
            var parts: [Range<Int>] = []
            func fold<Parts: Collection<UnsafeBufferPointer<UInt8>>>(_ part: Parts, spaces: Bool) {
                let partStart = text.count
                TextNormaliser.appendFolded(part, spaces: spaces, to: &text)
                parts.append(partStart..<min(text.count, partStart + 255))
            }
            fold(postcode.map { [$0] } ?? [], spaces: false)
            fold(lines, spaces: true)
            fold(town.map { [$0] } ?? [], spaces: false)
            if parts.allSatisfy(\.isEmpty) || zip(parts, fixed[0..<3]).allSatisfy({ text[$0].elementsEqual(text[$1]) })
            {
                return
            }
            var laid: [UInt8] = []
            for part in parts { laid += [UInt8(part.count)] + text[part] }
            guard others.count + laid.count <= PreparedPerson.maximumFieldBytes, others.firstRange(of: laid) == nil
            else { return }
            others += laid
        }
        add(
            postcode: values.first(.previousPostcode), lines: values.all(.previousAddress),
            town: values.first(.previousTown))
        while let value = places.next() {
            let place = Place.Parts(value)
            add(postcode: place.postcode, lines: CollectionOfOne(place.line), town: place.town)
        }
        return others
    }

    /// Moves the value prepared in `text` from `start` to `others`, a length byte before it, unless it is empty or
    /// the same as the first (`fixed.last`) or one already there, or would take the field past its length.
    private mutating func addOther(from start: Int, to others: inout [UInt8]) {
        defer { text.removeSubrange(start...) }
        let value = text[start...]
        guard !value.isEmpty, others.count + 1 + value.count <= PreparedPerson.maximumFieldBytes,
            let first = fixed.last, !text[first].elementsEqual(value)
        else {
            return
        }
        var at = 0
        while at < others.count {
            let n = Int(others[at])
            if others[(at + 1)..<(at + 1 + n)].elementsEqual(value) { return }
            at += 1 + n
        }
        others.append(UInt8(value.count))
        others += value
    }

    /// Adds a fixed field, folded.
    private mutating func addFolded(_ value: UnsafeBufferPointer<UInt8>?, spaces: Bool) {
        let start = text.count
        if let value { TextNormaliser.appendFolded(CollectionOfOne(value), spaces: spaces, to: &text) }
        fixed.append(start..<text.count)
    }

    /// Adds a name unless it comes to nothing: the first word of the given names that is not an honorific (nor a
    /// particle with more to follow), made canonical; the surname's words without particles (all of them if nothing else is left), run together; and
    /// the phonetic key of each.
    private mutating func addName(
        _ given: UnsafeBufferPointer<UInt8>?, _ middle: UnsafeBufferPointer<UInt8>?,
        surname: UnsafeBufferPointer<UInt8>?
    ) {
        let start = text.count
        work.removeAll(keepingCapacity: true)
        switch (given, middle) {
        case (let given?, let middle?): TextNormaliser.appendFolded([given, middle], spaces: true, to: &work)
        case (let only?, nil), (nil, let only?):
            TextNormaliser.appendFolded(CollectionOfOne(only), spaces: true, to: &work)
        case (nil, nil): break
        }
        forEachWord(work) { word, isLast in
            // A particle leads only a surname written in the given name's place ("Al-Rashid, Mohammed").
            if variants.isHonorific(word) || !isLast && variants.isParticle(word) { return true }
            if let canonical = variants.canonical(of: word) { text += canonical.utf8 } else { text += word }
            return false
        }
        let givenEnd = text.count
        work.removeAll(keepingCapacity: true)
        if let surname { TextNormaliser.appendFolded(CollectionOfOne(surname), spaces: true, to: &work) }
        forEachWord(work) { word, _ in
            if !variants.isParticle(word) { text += word }
            return true
        }
        if text.count == givenEnd {
            forEachWord(work) { word, _ in
                text += word
                return true
            }
        }
        let surnameEnd = text.count
        if givenEnd == start && surnameEnd == givenEnd || names.count == 4 * PreparedPerson.maximumNames {
            text.removeLast(text.count - start)
            return
        }
        // The keys are made from a copy, as `text` grows while they are written.
        work.removeAll(keepingCapacity: true)
        work += text[start..<surnameEnd]
        work.withUnsafeBufferPointer { name in
            Phonetic.appendKey(UnsafeBufferPointer(rebasing: name[0..<(givenEnd - start)]), to: &text)
            let givenKeyEnd = text.count
            Phonetic.appendKey(UnsafeBufferPointer(rebasing: name[(givenEnd - start)...]), to: &text)
            names.append(start..<givenEnd)
            names.append(givenEnd..<surnameEnd)
            names.append(surnameEnd..<givenKeyEnd)
            names.append(givenKeyEnd..<text.count)
        }
    }

    /// Calls `body` with each word of folded text, and whether it is the last, until it returns false.
    private func forEachWord(_ text: [UInt8], _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Bool) {
        text.withUnsafeBufferPointer { text in
            var start = 0
            while start < text.count {
                var end = start
                while end < text.count && text[end] != 0x20 { end += 1 }
                if !body(UnsafeBufferPointer(rebasing: text[start..<end]), end == text.count) { return }
                start = end + 1
            }
        }
    }

    /// The layout ``PersonView`` reads: name count, identifier count, date of birth (year in two bytes, month,
    /// day; 0 where unknown), sex (0 if unknown), the character sets of address, town and each name's given name
    /// and surname (eight bytes each), each field's start as two bytes (and the end of the last), then the
    /// fields (an identifier's kind follows all the identifiers), each at most ``PreparedPerson/maximumFieldBytes`` long.
    private func layOut(dateOfBirth: PartialDateOfBirth?, sex: UInt8) -> [UInt8] {
        let count = fixed.count + names.count + identifiers.count + identifierKinds.count + 4
        let fieldTable = PersonView.fieldTable(names: names.count / 4)
        let header = fieldTable + 2 * (count + 1)
        func forEachField(_ body: (Range<Int>) -> Void) {
            fixed.forEach(body)
            names.forEach(body)
            identifiers.forEach(body)
            identifierKinds.forEach(body)
            body(otherDatesField)
            body(otherPhonesField)
            body(otherNationalitiesField)
            body(otherPlacesField)
        }
        var total = header
        forEachField { total += min($0.count, PreparedPerson.maximumFieldBytes) }
        return text.withUnsafeBufferPointer { text in
            [UInt8](unsafeUninitializedCapacity: total) { out, initialized in
                func put(_ value: Int, at: Int) {
                    out[at] = UInt8(value & 0xFF)
                    out[at + 1] = UInt8(value >> 8)
                }
                out[0] = UInt8(names.count / 4)
                out[1] = UInt8(identifiers.count)
                put(dateOfBirth?.year ?? 0, at: 2)
                out[4] = UInt8(dateOfBirth?.month ?? 0)
                out[5] = UInt8(dateOfBirth?.day ?? 0)
                out[6] = sex
                func putCharacters(of field: Range<Int>, at k: Int) {
                    let set = StringSimilarity.characterSet(UnsafeBufferPointer(rebasing: text[field]))
                    UnsafeMutableRawPointer(out.baseAddress! + PersonView.characterSets + 8 * k).storeBytes(
                        of: set.littleEndian, as: UInt64.self)
                }
                putCharacters(of: fixed[1], at: 0)
                putCharacters(of: fixed[2], at: 1)
                for n in 0..<(names.count / 4) {
                    putCharacters(of: names[4 * n], at: 2 + 2 * n)
                    putCharacters(of: names[4 * n + 1], at: 3 + 2 * n)
                }
                var offset = header
                var k = 0
                forEachField { field in
                    put(offset, at: fieldTable + 2 * k)
                    let length = min(field.count, PreparedPerson.maximumFieldBytes)
                    if length > 0 {
                        (out.baseAddress! + offset).initialize(
                            from: text.baseAddress! + field.lowerBound, count: length)
                    }
                    offset += length
                    k += 1
                }
                put(offset, at: fieldTable + 2 * count)
                initialized = total
            }
        }
    }
}

/// The kind of an identifier, kept beside it as a two-byte code (never 0, which is "not known"): identifiers are
/// compared only with those of the same kind, or of no known kind.
enum IdentifierKind {
    /// Separates a kind from its value in a ``PersonRecord/identifier(_:kind:)`` value.
    static let separator: UInt8 = 0x1F

    /// The code of a kind named `name` (its letters and digits, case folded): two kinds share a code about once in
    /// 65,000 pairs of names, and are then compared as one.
    static func code(_ name: some Collection<UInt8>) -> UInt16 {
        var hash = KeyHash(0)
        for byte in name where byte != 0x20 {
            hash.mix(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        let folded = UInt16(truncatingIfNeeded: hash.value ^ hash.value >> 16 ^ hash.value >> 32 ^ hash.value >> 48)
        return folded == 0 ? 1 : folded
    }

    /// A value's kind (0 if it names none) and the identifier itself.
    static func split(_ value: UnsafeBufferPointer<UInt8>) -> (kind: UInt16, value: UnsafeBufferPointer<UInt8>) {
        guard let at = value.firstIndex(of: separator) else { return (0, value) }
        return (at == value.startIndex ? 0 : code(value[..<at]), UnsafeBufferPointer(rebasing: value[(at + 1)...]))
    }
}

extension Place {
    /// A whole place's parts as given (see ``PersonRecord/place(line:town:postcode:)``), not yet folded.
    struct Parts {
        var line: UnsafeBufferPointer<UInt8>, town: UnsafeBufferPointer<UInt8>, postcode: UnsafeBufferPointer<UInt8>

        init(_ value: UnsafeBufferPointer<UInt8>) {
            var parts = value.split(
                separator: RecordValues.placeSeparator, maxSplits: 2, omittingEmptySubsequences: false
            ).makeIterator()
            func next() -> UnsafeBufferPointer<UInt8> {
                parts.next().map { UnsafeBufferPointer(rebasing: $0) } ?? .init(start: nil, count: 0)
            }
            line = next()
            town = next()
            postcode = next()
        }
    }
}
