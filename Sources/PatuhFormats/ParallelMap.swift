import Dispatch

/// Results written by index from parallel workers; each index is written once, by one worker.
private final class Slots<T>: @unchecked Sendable {
    var values: [T?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
}

extension Array where Element: Sendable {
    /// `map` across the machine's cores; the result keeps the input's order, so runs are
    /// deterministic whatever the scheduling. `threads` 1 runs in order on this thread.
    func parallelMap<T: Sendable>(threads: Int = 0, _ transform: @escaping @Sendable (Element) -> T) -> [T] {
        if threads == 1 || count < 2 { return map(transform) }
        let slots = Slots<T>(count: count)
        let input = self
        DispatchQueue.concurrentPerform(iterations: count) { i in
            slots.values[i] = transform(input[i])
        }
        return slots.values.compactMap { $0 }
    }
}
