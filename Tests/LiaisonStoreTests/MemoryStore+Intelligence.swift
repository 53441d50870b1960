import Foundation
import LiaisonCore

@testable import LiaisonStore

/// Intelligence reports held in memory. Search matches every word the searcher typed against the words of a
/// report's text, place and searchable links, ignoring case and accents, as the databases' full-text indexes do
/// (without their stemming or ranking: hits come newest first).
extension MemoryStore: IntelStore {
    func insertIntelReport(_ report: IntelReport) async throws {
        if intelByID[report.id] != nil { throw LiaisonError.conflict(field: "id", reason: "is already taken") }
        intelByID[report.id] = report
    }

    func intelReport(_ id: IntelReportID) async throws -> IntelReport? { intelByID[id] }

    func intelReports(viewer: Viewer, limit: Int) async throws -> [IntelReport] {
        Array(Self.newestFirst(intelByID.values.filter { Self.lists($0.meta, to: viewer) }).prefix(limit))
    }

    func intelReports(sentTo agency: AgencyID) async throws -> [IntelReport] {
        Self.newestFirst(intelByID.values.filter { $0.disseminations.contains { $0.agencyID == agency } })
    }

    func intelReports(linking kind: String, key: String, heldBy owners: [AgencyID], viewer: Viewer, limit: Int)
        async throws -> [IntelReport]
    {
        guard !owners.isEmpty else { return [] }
        return Array(
            intelByID.values.filter { r in
                Self.lists(r.meta, to: viewer, heldBy: owners) && r.status != "draft"
                    && Self.linkKeys(r).contains([kind, key])
            }
            .sorted { $0.id.rawValue < $1.id.rawValue }
            .prefix(limit))
    }

    func updateIntelReport(_ report: IntelReport, expectedVersion: Int) async throws {
        try Self.checkVersion(
            intelByID[report.id]?.meta.version, kind: "intel", id: report.id.rawValue, expected: expectedVersion)
        intelByID[report.id] = report
    }

    func searchIntel(_ q: IntelSearchQuery, viewer: Viewer) async throws -> IntelSearchResult {
        let words = Self.words(q.text).prefix(12)
        guard !words.isEmpty else { return IntelSearchResult(total: 0, items: []) }
        let found = intelByID.values.filter { r in
            Self.lists(r.meta, to: viewer)
                && q.grade.map { SQLStore.gradeColumn(r).hasPrefix($0.replacingOccurrences(of: "%", with: "")) } ?? true
                && q.classification.map { r.meta.marking.classification == $0 } ?? true
                && q.from.map { r.infoDate >= $0 } ?? true
                && q.to.map { r.infoDate <= $0 } ?? true
                && q.agency.map { r.meta.owningAgencyID == $0 } ?? true
                && q.subject.map { Self.linkKeys(r).contains(["subject", $0.rawValue]) } ?? true
                && q.ocg.map { Self.linkKeys(r).contains(["ocg", $0.rawValue]) } ?? true
                && Set(Self.words(Self.searchText(r))).isSuperset(of: words)
        }
        .sorted { ($1.infoDate, $0.id.rawValue) < ($0.infoDate, $1.id.rawValue) }
        let hits = found.prefix(min(max(q.limit, 1), 100)).map { r in
            IntelSearchHit(
                id: r.id, infoDate: r.infoDate, grade: SQLStore.gradeLabel(SQLStore.gradeColumn(r)), status: r.status,
                snippet: Self.snippet(Self.searchText(r), marking: Set(words)))
        }
        return IntelSearchResult(total: found.count, items: Array(hits))
    }

    /// What search reads: the text, the place and the links other than records (whose names a reader may not know).
    static func searchText(_ r: IntelReport) -> String {
        ([r.text, r.place ?? ""] + r.links.filter { !["subject", "ocg", "case"].contains($0.kind) }.map(\.value))
            .filter { !$0.isEmpty }.joined(separator: "\n")
    }

    /// The links filters and GAIN look up: records by ID; vehicles, companies, phones and accounts by their key.
    static func linkKeys(_ r: IntelReport) -> Set<[String]> {
        Set(
            r.links.compactMap { link in
                if ["subject", "ocg", "case"].contains(link.kind) { return [link.kind, link.value] }
                guard IntelLink.keyedKinds.contains(link.kind),
                    let key = IntelLink.key(kind: link.kind, value: link.value)
                else { return nil }
                return [link.kind, key]
            })
    }

    /// Words folded for matching: letters and digits, lower case, accents removed.
    static func words(_ text: String) -> [String] {
        text.split { !$0.isLetter && !$0.isNumber }
            .map { $0.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil) }
    }

    /// Up to 14 words from the first one matched, the matched words in brackets.
    static func snippet(_ text: String, marking matched: Set<String>) -> String {
        let pieces = text.split { !$0.isLetter && !$0.isNumber }.map(String.init)
        let first = pieces.firstIndex { matched.contains(words($0).first ?? "") } ?? 0
        return pieces[first..<min(first + 14, pieces.count)]
            .map { matched.contains(words($0).first ?? "") ? "[\($0)]" : $0 }
            .joined(separator: " ")
    }

    private static func newestFirst(_ reports: some Sequence<IntelReport>) -> [IntelReport] {
        reports.sorted { ($1.meta.updatedAt, $0.id.rawValue) < ($0.meta.updatedAt, $1.id.rawValue) }
    }
}
