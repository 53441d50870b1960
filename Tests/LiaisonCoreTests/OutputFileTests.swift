import Foundation
import LiaisonCore
import Testing

@Suite("Output files")
struct OutputFileTests {
    /// A new, empty folder for one test.
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("output-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test("a file is replaced whole; a link or device already at the path is written through, not replaced")
    func writesThrough() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pairs.csv").path
        try OutputFile.write(Data("a much longer first version\n".utf8), to: file)
        try OutputFile.write(Data("second\n".utf8), to: file)
        #expect(FileManager.default.contents(atPath: file) == Data("second\n".utf8))
        // A link to the file stays a link; the file it names gets the output.
        let link = folder.appendingPathComponent("latest.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
        try OutputFile.write(Data("third\n".utf8), to: link)
        let type = try FileManager.default.attributesOfItem(atPath: link)[.type] as? FileAttributeType
        #expect(type == .typeSymbolicLink)
        #expect(FileManager.default.contents(atPath: file) == Data("third\n".utf8))
        // The null device stays a device.
        try OutputFile.write(Data("nothing\n".utf8), to: "/dev/null")
        let null = try FileManager.default.attributesOfItem(atPath: "/dev/null")[.type] as? FileAttributeType
        #expect(null == .typeCharacterSpecial)
    }

    @Test("a path an output cannot be written to is named before any work: a missing folder, or a file taken for one")
    func problems() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("pairs.csv").path
        #expect(OutputFile.problem(writing: file) == nil)
        try OutputFile.write(Data("pairs\n".utf8), to: file)
        #expect(OutputFile.problem(writing: file) == nil)
        #expect(OutputFile.problem(writing: "/dev/null") == nil)
        let missing = folder.appendingPathComponent("nowhere").path
        #expect(OutputFile.problem(writing: missing + "/pairs.csv") == "there is no folder \(missing)")
        #expect(OutputFile.problem(writing: file + "/pairs.csv") == "there is no folder \(file)")
    }
}
