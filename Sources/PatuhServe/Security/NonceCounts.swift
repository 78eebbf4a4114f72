import Synchronization

/// The nonce counts (`nc`) already used with each server nonce and client nonce: a digest
/// header is good once. Without this, a header captured on the way (ODK Collect over plain
/// HTTP on a kantor's Wi-Fi) could be sent again, with its submission, for as long as its
/// nonce is fresh (an hour). RFC 7616 section 3.4: the server remembers the counts it saw.
final class NonceCounts: Sendable {
    private struct Seen {
        var counts: [String: Set<UInt32>] = [:]
        /// Keys in the order first seen with the time of their nonce, for forgetting them.
        var order: [(key: String, issued: Double)] = []
        var forgotten = 0
    }

    private let seen = Mutex(Seen())
    /// Counts kept per nonce pair; a client past this many requests on one nonce is sent a
    /// fresh one (answered as stale).
    let perNonce: Int
    /// Nonce pairs kept at once; the oldest are forgotten first (their nonces are then
    /// refused as stale anyway once older than the nonce lifetime).
    let capacity: Int

    init(perNonce: Int = 4096, capacity: Int = 100_000) {
        self.perNonce = perNonce
        self.capacity = capacity
    }

    /// What `record` found.
    enum Use: Equatable { case first, replay, usedUp }

    /// Records `count` for the pair: `.replay` when it was used before, `.usedUp` when the
    /// pair has had `perNonce` counts (the client should take a fresh nonce).
    func record(nonce: String, cnonce: String, count: UInt32, issued: Double, forgettingBefore cutoff: Double) -> Use {
        let key = nonce + "\u{0}" + cnonce
        return seen.withLock { s in
            // Forget pairs whose nonce is past its lifetime, and the oldest beyond capacity.
            while s.forgotten < s.order.count,
                s.order[s.forgotten].issued < cutoff || s.order.count - s.forgotten > capacity
            {
                s.counts[s.order[s.forgotten].key] = nil
                s.forgotten += 1
            }
            if s.forgotten > 1024, s.forgotten * 2 > s.order.count {
                s.order.removeFirst(s.forgotten)
                s.forgotten = 0
            }
            if s.counts[key] == nil { s.order.append((key, issued)) }
            var counts = s.counts[key, default: []]
            guard !counts.contains(count) else { return .replay }
            guard counts.count < perNonce else { return .usedUp }
            counts.insert(count)
            s.counts[key] = counts
            return .first
        }
    }
}
