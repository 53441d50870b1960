/// An undirected graph over integer node indices, built once from a snapshot of links.
///
/// Callers map their own identifiers (subjects, OCGs, phones…) to dense indices `0..<nodeCount`.
public struct LinkGraph: Sendable {
    /// Neighbours of each node, sorted and without duplicates.
    public let adjacency: [[Int]]

    /// Builds the graph from undirected edges. Self-loops and repeated edges are dropped.
    /// - Complexity: O(V + E log E).
    public init(nodeCount: Int, edges: [(Int, Int)]) {
        var adjacency = Array(repeating: [Int](), count: nodeCount)
        for (a, b) in edges where a != b && a >= 0 && b >= 0 && a < nodeCount && b < nodeCount {
            adjacency[a].append(b)
            adjacency[b].append(a)
        }
        self.adjacency = adjacency.map { Array(Set($0)).sorted() }
    }

    public var nodeCount: Int { adjacency.count }

    /// The nodes within `depth` hops of `start`, with their distance, nearest first.
    /// - Complexity: O(V + E) in the part of the graph reached.
    public func neighbourhood(of start: Int, depth: Int) -> [(node: Int, distance: Int)] {
        guard start >= 0, start < nodeCount, depth >= 0 else { return [] }
        var distance = [start: 0]
        var frontier = [start]
        var result = [(node: start, distance: 0)]
        var level = 0
        while !frontier.isEmpty && level < depth {
            level += 1
            var next = [Int]()
            for node in frontier {
                for neighbour in adjacency[node] where distance[neighbour] == nil {
                    distance[neighbour] = level
                    next.append(neighbour)
                    result.append((neighbour, level))
                }
            }
            frontier = next
        }
        return result
    }

    /// A shortest path from `start` to `goal` (both included), or nil when they are not connected.
    /// - Complexity: O(V + E).
    public func shortestPath(from start: Int, to goal: Int) -> [Int]? {
        guard start >= 0, start < nodeCount, goal >= 0, goal < nodeCount else { return nil }
        if start == goal { return [start] }
        var previous = Array(repeating: -1, count: nodeCount)
        previous[start] = start
        var queue = [start]
        var head = 0
        while head < queue.count {
            let node = queue[head]
            head += 1
            for neighbour in adjacency[node] where previous[neighbour] == -1 {
                previous[neighbour] = node
                if neighbour == goal {
                    var path = [goal]
                    var current = goal
                    while current != start {
                        current = previous[current]
                        path.append(current)
                    }
                    return path.reversed()
                }
                queue.append(neighbour)
            }
        }
        return nil
    }
}
