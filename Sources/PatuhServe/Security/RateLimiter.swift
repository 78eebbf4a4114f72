import Foundation

/// Submissions per key in a sliding hour: one device (its cookie) or one network address
/// may submit only so often; what is over the limit is refused, not stored. Memory is
/// bounded: keys whose hour has passed are dropped, and at most `maxKeys` are kept.
actor RateLimiter {
    private var hits: [String: [Double]] = [:]
    private let window: Double
    private let maxKeys: Int
    private var lastSweep = Date().timeIntervalSince1970

    init(window: Double = 3600, maxKeys: Int = 200_000) {
        self.window = window
        self.maxKeys = maxKeys
    }

    /// Counts one submission for every key if each stays within its limit; false (nothing
    /// counted) when one key has reached its limit. A limit of 0 is no limit.
    func admit(_ keys: [(key: String, limit: Int)]) -> Bool {
        let now = Date().timeIntervalSince1970
        sweep(now)
        for (key, limit) in keys where limit > 0 {
            let recent = (hits[key] ?? []).filter { $0 > now - window }
            hits[key] = recent
            if recent.count >= limit { return false }
        }
        for (key, limit) in keys where limit > 0 { hits[key, default: []].append(now) }
        return true
    }

    private func sweep(_ now: Double) {
        guard now - lastSweep > 60 || hits.count > maxKeys else { return }
        lastSweep = now
        hits = hits.filter { ($0.value.last ?? 0) > now - window }
        if hits.count > maxKeys { hits.removeAll() }
    }
}

/// Random tokens for forms, devices, sessions and CSRF.
enum Token {
    /// `bytes` random bytes as lower-case hex.
    static func make(bytes: Int = 16) -> String {
        var g = SystemRandomNumberGenerator()
        return (0..<bytes).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &g)) }.joined()
    }

    /// True for a token this server could have made (hex, 32 characters).
    static func isWellFormed(_ s: String) -> Bool {
        s.utf8.count == 32 && s.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
    }
}
