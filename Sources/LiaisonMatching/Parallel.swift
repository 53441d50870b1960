import Foundation

/// Splits pure work over the machine's cores with structured concurrency, keeping the input order.
enum Parallel {
    /// `body` over consecutive ranges covering `0..<count`, the results in range order.
    static func chunks<R: Sendable>(count: Int, _ body: @escaping @Sendable (Range<Int>) -> R) async -> [R] {
        let pieces = max(1, min(count, ProcessInfo.processInfo.activeProcessorCount * 16))
        let size = max(1, (count + pieces - 1) / pieces)
        return await withTaskGroup(of: (Int, R).self) { group in
            for (n, start) in stride(from: 0, to: count, by: size).enumerated() {
                group.addTask { (n, body(start..<min(start + size, count))) }
            }
            var parts: [(Int, R)] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }.map(\.1)
        }
    }
}
