import Foundation

/// Runs `body` for 0..<count across the cores; the first error (in index order) is thrown,
/// so the one reported never depends on timing.
public func concurrently(_ count: Int, _ body: @Sendable (Int) throws -> Void) throws {
    let errors = ErrorSlots()
    DispatchQueue.concurrentPerform(iterations: count) { i in
        do { try body(i) } catch { errors.set(i, error) }
    }
    if let first = errors.first { throw first }
}

/// Errors of concurrent workers, one slot each, so the one reported never depends on timing.
private final class ErrorSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var errors: [Int: Error] = [:]

    func set(_ i: Int, _ error: Error) {
        lock.lock()
        errors[i] = error
        lock.unlock()
    }

    var first: Error? {
        lock.lock()
        defer { lock.unlock() }
        return errors.keys.min().flatMap { errors[$0] }
    }
}
