/// A word table as pages read it (`{{t.key}}`, `{{s.key}}`): the same on every page of a
/// site, so its part of a page's fingerprint is worked out once, here, and not again for
/// each of a national site's 25,000 pages.
final class WordTable: Sendable {
    let words: [String: String]
    /// What the table adds to a page's fingerprint.
    let digest: PageFingerprint

    init(_ words: [String: String]) {
        self.words = words
        var h = FingerprintHasher()
        _ = h.add(value: words)
        digest = h.finish()
    }
}
