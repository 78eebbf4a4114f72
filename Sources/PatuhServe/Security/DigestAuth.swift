import Crypto
import Foundation

/// HTTP digest authentication (RFC 7616, MD5, `qop=auth`), which ODK Collect answers for
/// an OpenRosa server. Nonces are a time and its HMAC under a key made at start, good for
/// `lifetime` seconds (after a restart clients are challenged again); each nonce count is
/// accepted once (`NonceCounts`), so a captured header cannot be sent again.
struct DigestAuth: Sendable {
    let key = SymmetricKey(size: .bits256)
    var lifetime: TimeInterval = 3600
    let counts = NonceCounts()

    /// The time, a random part (so that no two challenges share a nonce, whose counts are
    /// remembered), and their HMAC.
    func nonce(at time: Date = Date()) -> String {
        var random = SystemRandomNumberGenerator()
        let stamp = String(Int(time.timeIntervalSince1970)) + "." + String(random.next() as UInt64, radix: 16)
        return stamp + "-" + mac(stamp)
    }

    private func mac(_ s: String) -> String {
        HMAC<SHA256>.authenticationCode(for: Data(s.utf8), using: key).prefix(16).map { String(format: "%02x", $0) }
            .joined()
    }

    /// Whether `nonce` is one of ours, and `stale` when only its time has passed; `issued` is
    /// its time.
    func check(nonce: String) -> (valid: Bool, stale: Bool, issued: Double) {
        let parts = nonce.split(separator: "-", maxSplits: 1).map(String.init)
        guard parts.count == 2, let time = parts[0].split(separator: ".").first.flatMap({ Double($0) }),
            Self.equal(mac(parts[0]), parts[1])
        else {
            return (false, false, 0)
        }
        let age = Date().timeIntervalSince1970 - time
        return age >= -60 && age <= lifetime ? (true, false, time) : (false, true, time)
    }

    /// The challenge of a 401 answer.
    func challenge(stale: Bool = false) -> String {
        "Digest realm=\"\(Access.realm)\", qop=\"auth\", algorithm=MD5, nonce=\"\(nonce())\""
            + (stale ? ", stale=true" : "")
    }

    /// The fields of an `Authorization: Digest …` header.
    static func fields(_ header: String) -> [String: String]? {
        guard header.lowercased().hasPrefix("digest ") else { return nil }
        var out: [String: String] = [:]
        var rest = Substring(header.dropFirst(7))
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " || $0 == "," }
            guard let eq = rest.firstIndex(of: "=") else { break }
            let name = rest[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            rest = rest[rest.index(after: eq)...]
            var value = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                var escaped = false
                while let c = rest.first {
                    rest = rest.dropFirst()
                    if escaped {
                        value.append(c)
                        escaped = false
                    } else if c == "\\" {
                        escaped = true
                    } else if c == "\"" {
                        break
                    } else {
                        value.append(c)
                    }
                }
            } else {
                let end = rest.firstIndex(of: ",") ?? rest.endIndex
                value = rest[..<end].trimmingCharacters(in: .whitespaces)
                rest = rest[end...]
            }
            out[name] = value
        }
        return out
    }

    /// The account name when `header` proves knowledge of the password whose HA1 `ha1`
    /// gives, for `method` on `uri`; `stale` when only the nonce is too old.
    func verify(_ f: [String: String], method: String, uri: String, ha1: (String) -> String?) -> (
        name: String?, stale: Bool
    ) {
        guard let name = f["username"], let nonce = f["nonce"], let response = f["response"], let u = f["uri"],
            f["realm"] == Access.realm, let stored = ha1(name)
        else { return (nil, false) }
        // The digested uri must be this request's (a path, or the full address ODK Collect may send).
        guard u == uri || u.hasSuffix(uri) else { return (nil, false) }
        let freshness = check(nonce: nonce)
        let ha2 = Access.md5Hex("\(method):\(u)")
        // Only `qop=auth` (what the challenge offers): without a nonce count a header could
        // not be told from its replay.
        guard f["qop"] == "auth", let nc = f["nc"], let count = UInt32(nc, radix: 16), let cnonce = f["cnonce"] else {
            return (nil, false)
        }
        let expected = Access.md5Hex("\(stored):\(nonce):\(nc):\(cnonce):auth:\(ha2)")
        guard Self.equal(expected, response.lowercased()) else { return (nil, false) }
        guard freshness.valid else { return (nil, freshness.stale) }
        // Good once: the same count again is a replay, refused like a wrong password.
        let cutoff = Date().timeIntervalSince1970 - lifetime
        switch counts.record(
            nonce: nonce, cnonce: cnonce, count: count, issued: freshness.issued, forgettingBefore: cutoff)
        {
        case .first: return (name, false)
        case .replay: return (nil, false)
        case .usedUp: return (nil, true)
        }
    }

    /// Comparison in time independent of where the strings differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var d: UInt8 = 0
        for i in x.indices { d |= x[i] ^ y[i] }
        return d == 0
    }
}
