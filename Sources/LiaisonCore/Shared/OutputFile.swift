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
}
