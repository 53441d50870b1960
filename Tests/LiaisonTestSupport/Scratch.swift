import Foundation

/// Where this test process keeps its files (stores, certificates): one folder, removed with everything in it when the
/// process ends.
public enum Scratch {
    public static let root: URL = {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-tests-\(getpid())")
        try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: Scratch.root) }
        return root
    }()

    /// A path in the folder, named `name`.
    public static func path(_ name: String) -> String { root.appendingPathComponent(name).path }
}
