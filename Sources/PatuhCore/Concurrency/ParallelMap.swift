import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `map` across the machine's cores; the result keeps the input's order, so runs are
    /// deterministic whatever the scheduling. `threads` 1 runs in order on this thread.
    ///
    /// Results are gathered a batch at a time, so that a batch's slots, not all of them, are
    /// held beside the answer (50,000 survey files' results are held about once).
    public func parallelMap<T: Sendable>(threads: Int = 0, _ transform: @Sendable (Element) -> T) -> [T] {
        if threads == 1 || count < 2 { return map(transform) }
        let batch = 1024
        var results: [T] = []
        results.reserveCapacity(count)
        for start in stride(from: 0, to: count, by: batch) {
            let size = Swift.min(batch, count - start)
            // Each slot is written once, by one worker; the lock is held for the store only.
            let slots = Mutex<[T?]>([T?](repeating: nil, count: size))
            DispatchQueue.concurrentPerform(iterations: size) { k in
                let result = transform(self[start + k])
                slots.withLock { $0[k] = result }
            }
            slots.withLock { results.append(contentsOf: $0.lazy.compactMap { $0 }) }
        }
        return results
    }

    /// `transform` across the cores, `slice` elements at a time; each result is handed to
    /// `gather` with its element, in order, before the next slice is worked out, so that only
    /// one slice's results are held at once.
    public func parallelForEach<T: Sendable>(
        slicesOf slice: Int, _ transform: @Sendable (Element) -> T, gather: (Element, T) -> Void
    ) {
        let size = Swift.max(1, slice)
        for start in stride(from: 0, to: count, by: size) {
            let part = Array(self[start..<Swift.min(count, start + size)])
            for (element, result) in zip(part, part.parallelMap(transform)) { gather(element, result) }
        }
    }
}

/// Runs `body` for 0..<count across the cores; the first error (in index order) is thrown,
/// so the one reported never depends on timing.
public func concurrently(_ count: Int, _ body: @Sendable (Int) throws -> Void) throws {
    let outcomes = Array(0..<count).parallelMap { i in Result { try body(i) } }
    for outcome in outcomes { try outcome.get() }
}
