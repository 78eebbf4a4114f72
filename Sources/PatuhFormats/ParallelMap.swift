import Dispatch

/// Where parallel workers put their results: each index written once, by one worker.
private struct ResultSlots<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
}

extension Array where Element: Sendable {
    /// `map` across the machine's cores; the result keeps the input's order, so runs are
    /// deterministic whatever the scheduling. `threads` 1 runs in order on this thread.
    ///
    /// Each result is written straight into the returned array: 50,000 survey files' results
    /// are held once, not once as optionals and again as the answer.
    func parallelMap<T: Sendable>(threads: Int = 0, _ transform: @escaping @Sendable (Element) -> T) -> [T] {
        if threads == 1 || count < 2 { return map(transform) }
        let input = self
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            let slots = ResultSlots(base: base)
            DispatchQueue.concurrentPerform(iterations: input.count) { i in
                (slots.base + i).initialize(to: transform(input[i]))
            }
            initialized = input.count
        }
    }
}
