import Foundation

/// A command's output file. A file is written whole or not at all: beside it, then moved into its place. Anything
/// else already at the path (a device such as /dev/null, a pipe, a link) is written through, not replaced by the move.
public enum OutputFile {
    public static func write(_ data: Data, to path: String) throws {
        let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
        guard let type, type != .typeRegular else {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
            return
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        // A file reached through a link is cut to what is written; a device or pipe has nothing to cut (and says so).
        try? handle.truncate(atOffset: 0)
        try handle.write(contentsOf: data)
    }

    /// Why a file could not be written at `path`, if it could not, so a command can refuse before any work: a file is
    /// written beside its place and moved into it, so its folder must exist and be writable; anything else already at
    /// the path is written through, so only it must be.
    public static func problem(writing path: String) -> String? {
        let files = FileManager.default
        let type = (try? files.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
        if let type, type != .typeRegular {
            return files.isWritableFile(atPath: path) ? nil : "not writable"
        }
        let parent = (path as NSString).deletingLastPathComponent
        let folder = parent.isEmpty ? "." : parent
        var isFolder: ObjCBool = false
        guard files.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            return "there is no folder \(folder)"
        }
        return files.isWritableFile(atPath: folder) ? nil : "the folder \(folder) is not writable"
    }
}
