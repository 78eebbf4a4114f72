import Foundation
import Testing

@testable import PatuhReport

/// Page fingerprints (issue 23): the same for the same inputs whatever a dictionary's order,
/// different when any value, the template or the path differs, absent for a value the walk
/// cannot read; and the marker's manifest reads back what it wrote.
@Suite struct PageFingerprintTests {
    let site = PageFingerprint(high: 1, low: 2)

    func fingerprint(_ context: [String: Any], template: String = "unit", path: String = "unit/a.html")
        -> PageFingerprint?
    {
        PageFingerprint.of(site: site, template: template, path: path, context: context)
    }

    static var context: [String: Any] {
        [
            "name": "Dinas A", "score": "87,28", "count": 3, "on": true, "ratio": 0.5,
            "rows": [["name": "U1", "link": false], ["name": "U2", "link": "../x.html"]], "list": ["a", "b"],
            "t": ["home": "Beranda"], "mixed": ["x", 1] as [Any]
        ]
    }

    @Test func sameInputsSameFingerprintWhateverTheOrder() throws {
        // The same entries inserted in the opposite order: a dictionary's order is not its content.
        var reversed: [String: Any] = [:]
        for key in Self.context.keys.sorted().reversed() { reversed[key] = Self.context[key] }
        let a = try #require(fingerprint(Self.context))
        #expect(fingerprint(reversed) == a)
    }

    /// A site's word table is fingerprinted once (`WordTable`): the same words give the same
    /// page fingerprint, and one word changed gives another, as with a plain dictionary.
    @Test func aWordTableStandsForItsWords() throws {
        var c = Self.context
        c["t"] = WordTable(["home": "Beranda", "period": "Periode"])
        let a = try #require(fingerprint(c))
        c["t"] = WordTable(["period": "Periode", "home": "Beranda"])
        #expect(fingerprint(c) == a)
        c["t"] = WordTable(["home": "Beranda", "period": "Masa"])
        #expect(fingerprint(c) != nil)
        #expect(fingerprint(c) != a)
    }

    @Test func anyDifferenceChangesIt() throws {
        let a = try #require(fingerprint(Self.context))
        var changes: [[String: Any]] = []
        for (key, value) in [
            ("name", "Dinas B"), ("score", "87,29"), ("count", 4), ("on", false), ("ratio", 0.25),
            ("rows", [["name": "U1", "link": false]] as [[String: Any]]), ("list", ["a", "c"]), ("t", ["home": "Home"]),
            ("extra", ""), ("mixed", ["x", 2] as [Any])
        ] as [(String, Any)] {
            var c = Self.context
            c[key] = value
            changes.append(c)
        }
        // Two strings whose bytes run together the same way ("ab"+"c" and "a"+"bc").
        var split = Self.context
        split["list"] = ["ab", "c"]
        var split2 = Self.context
        split2["list"] = ["a", "bc"]
        for c in changes { #expect(fingerprint(c) != a) }
        #expect(fingerprint(split) != fingerprint(split2))
        // The same content in another type (the index's `[[String: String]]` list of periods).
        var typed = Self.context
        typed["rows"] = [["name": "U1"]] as [[String: String]]
        var untyped = Self.context
        untyped["rows"] = [["name": "U1"]] as [[String: Any]]
        #expect(fingerprint(typed) != nil)
        #expect(fingerprint(typed) != fingerprint(untyped))
        #expect(fingerprint(Self.context, template: "region") != a)
        #expect(fingerprint(Self.context, path: "unit/b.html") != a)
        #expect(
            PageFingerprint.of(
                site: PageFingerprint(high: 1, low: 3), template: "unit", path: "unit/a.html",
                context: Self.context) != a)
    }

    @Test func aValueItCannotReadLeavesThePageWithout() {
        struct Opaque { var name = "x" }
        var c = Self.context
        c["opaque"] = Opaque()
        #expect(fingerprint(c) == nil)
        c["opaque"] = [["deep": Opaque()]]
        #expect(fingerprint(c) == nil)
    }

    /// A page whose context is read for rendering (`PageFingerprint.read`, issue 23) gets in
    /// the same walk the fingerprint `of` gives, whether or not the templates name a key
    /// (here some are named, some not), and none when `of` has none.
    @Test func readingForRenderingGivesTheSameFingerprint() throws {
        struct Opaque { var name = "x" }
        let names = PageNames(["name", "rows", "t", "home", "link", "mixed"])
        var contexts = [Self.context]
        var c = Self.context
        c["t"] = WordTable(["home": "Beranda", "period": "Periode"])
        c["rows"] = [["name": "U1"]] as [[String: String]]
        contexts.append(c)
        c["opaque"] = Opaque()
        contexts.append(c)
        for context in contexts {
            let read = PageFingerprint.read(context, names: names, site: site, template: "unit", path: "unit/a.html")
            #expect(read.fingerprint == fingerprint(context))
        }
        #expect(try #require(fingerprint(contexts[1])) != fingerprint(contexts[0]))
        #expect(fingerprint(contexts[2]) == nil)
        let unhashed = PageFingerprint.read(
            Self.context, names: names, site: nil, template: "unit", path: "unit/a.html")
        #expect(unhashed.fingerprint == nil)
    }

    @Test func theManifestReadsBackWhatItWrote() throws {
        var info = stat()
        info.st_size = 1234
        info.st_mtim.tv_sec = 1_700_000_000
        info.st_mtim.tv_nsec = 5
        info.st_ino = 42
        info.st_mode = S_IFREG | 0o644
        var manifest = PageManifest()
        manifest.entries["unit/a b.html"] = PageManifest.Entry(PageFingerprint(high: 0xAB, low: .max), info)
        manifest.entries["index.html"] = PageManifest.Entry(PageFingerprint(high: 7, low: 8), info)
        manifest.entries["bad\nname.html"] = PageManifest.Entry(PageFingerprint(high: 7, low: 8), info)
        let text = SiteDirectory.markerText + manifest.text
        // The time keeps its nine digits of nanoseconds: 1700000000.000000005.
        #expect(text.contains(" 1234 1700000000.000000005 42 unit/a b.html\n"))
        let back = PageManifest(marker: text + "page garbage\npage 00 1 2.3 4 x.html\n")
        // The path with a line break is not written; the two broken lines are skipped.
        #expect(back.entries.keys.sorted() == ["index.html", "unit/a b.html"])
        #expect(back.entries["unit/a b.html"] == manifest.entries["unit/a b.html"])
        #expect(back.entries["index.html"]?.describes(info) == true)
        info.st_mtim.tv_nsec = 6
        #expect(back.entries["index.html"]?.describes(info) == false)
    }
}
