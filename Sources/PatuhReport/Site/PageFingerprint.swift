import Foundation

/// 128 bits that stand for everything a page is rendered from: its path, its template, the
/// values of its context, the site's templates and the patuh build. Two renderings with the
/// same fingerprint give the same bytes, so a page whose fingerprint is the one recorded with
/// the previous site (and whose file there is untouched) is carried over without rendering.
struct PageFingerprint: Hashable, Sendable {
    var high: UInt64
    var low: UInt64

    /// 32 lowercase hexadecimal digits.
    var hex: String { Self.hex(high) + Self.hex(low) }

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    init?(hex text: Substring) {
        guard text.utf8.count == 32, let high = UInt64(text.prefix(16), radix: 16),
            let low = UInt64(text.suffix(16), radix: 16)
        else { return nil }
        self.init(high: high, low: low)
    }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// The page at `path` rendered by `template` from `context`, on a site whose templates and
    /// build `site` stands for; nil when the context holds a value the fingerprint cannot
    /// read (then the page is rendered).
    static func of(site: PageFingerprint, template: String, path: String, context: [String: Any]) -> PageFingerprint? {
        var h = FingerprintHasher()
        h.add(site.high)
        h.add(site.low)
        h.add(template)
        h.add(path)
        guard h.add(dictionary: context) else { return nil }
        return h.finish()
    }

    /// `context` read for rendering (`PageReader`) and, when `site` is given, the page's
    /// fingerprint (`of(site:template:path:context:)`) worked out in the same walk.
    static func read(
        _ context: [String: Any], names: PageNames, site: PageFingerprint?, template: String, path: String
    ) -> (value: PageValue, fingerprint: PageFingerprint?) {
        var reader = PageReader(names: names, hashing: site != nil)
        var h = FingerprintHasher()
        if let site {
            h.add(site.high)
            h.add(site.low)
            h.add(template)
            h.add(path)
        }
        let object = reader.object(context, into: &h)
        return (.object(object), site != nil && reader.readable ? h.finish() : nil)
    }

    /// What every page of a site shares: the templates' sources, and the running build (its
    /// executable's device, inode, size and modification time; a new build is a new file). Nil
    /// when the build cannot be identified: then no page has a fingerprint.
    static func site(templates: [(name: String, source: String)], executable: String = "/proc/self/exe")
        -> PageFingerprint?
    {
        var info = stat()
        guard stat(executable, &info) == 0 else { return nil }
        var h = FingerprintHasher()
        h.add("patuh page fingerprint 1")
        for value in [
            UInt64(info.st_dev), UInt64(info.st_ino), UInt64(bitPattern: Int64(info.st_size)),
            UInt64(bitPattern: Int64(info.st_mtim.tv_sec)), UInt64(bitPattern: Int64(info.st_mtim.tv_nsec))
        ] {
            h.add(value)
        }
        for (name, source) in templates.sorted(by: { $0.name < $1.name }) {
            h.add(name)
            h.add(source)
        }
        return h.finish()
    }
}

/// A hash of 64-bit words in two lanes, after MurmurHash3's x64 128-bit mix: the same across
/// runs and platforms (unlike `Hasher`). It guards against accidental equality of two
/// different pages' inputs, not against anyone crafting them.
struct FingerprintHasher {
    private var a: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var b: UInt64 = 0xC2B2_AE3D_27D4_EB4F
    private var words: UInt64 = 0

    private static let c1: UInt64 = 0x87C3_7B91_1142_53D5
    private static let c2: UInt64 = 0x4CF5_AD43_2745_937F

    @inline(__always) private static func rotate(_ x: UInt64, _ r: UInt64) -> UInt64 { (x << r) | (x >> (64 - r)) }

    mutating func add(_ word: UInt64) {
        words &+= 1
        var k1 = word &* Self.c1
        k1 = Self.rotate(k1, 31) &* Self.c2
        a ^= k1
        a = Self.rotate(a, 27) &+ b
        a = a &* 5 &+ 0x52DC_E729
        var k2 = (word ^ words) &* Self.c2
        k2 = Self.rotate(k2, 33) &* Self.c1
        b ^= k2
        b = Self.rotate(b, 31) &+ a
        b = b &* 5 &+ 0x3849_5AB5
    }

    /// Bytes, preceded by their count (so that two texts never run into each other).
    mutating func add(bytes: UnsafeRawBufferPointer) {
        add(UInt64(bytes.count))
        var i = 0
        while i + 8 <= bytes.count {
            add(UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)))
            i += 8
        }
        if i < bytes.count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while i < bytes.count {
                tail |= UInt64(bytes[i]) << shift
                shift += 8
                i += 1
            }
            add(tail)
        }
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// The kinds of value a page's context holds, each with its own tag.
    enum Tag: UInt64 {
        case string = 1
        case int, double, bool, object, strings, list, other, words
    }

    /// A context value: text, numbers, Booleans, lists and dictionaries of them. False for
    /// anything else (a value the template would read through reflection).
    mutating func add(value: Any) -> Bool {
        let type = type(of: value)
        if type == String.self, let s = value as? String {
            add(Tag.string.rawValue)
            add(s)
        } else if type == [String: Any].self, let d = value as? [String: Any] {
            return add(dictionary: d)
        } else if type == WordTable.self, let table = value as? WordTable {
            add(Tag.words.rawValue)
            add(table.digest.high)
            add(table.digest.low)
        } else if type == Bool.self, let flag = value as? Bool {
            add(Tag.bool.rawValue)
            add(flag ? 1 : 0)
        } else if type == Int.self, let n = value as? Int {
            add(Tag.int.rawValue)
            add(UInt64(bitPattern: Int64(n)))
        } else if type == Double.self, let x = value as? Double {
            add(Tag.double.rawValue)
            add(x.bitPattern)
        } else if type == [String: String].self, let d = value as? [String: String] {
            add(Tag.strings.rawValue)
            add(strings: d)
        } else if type == [[String: Any]].self, let list = value as? [[String: Any]] {
            add(Tag.list.rawValue)
            add(UInt64(list.count))
            for item in list { guard add(dictionary: item) else { return false } }
        } else if type == [String].self, let list = value as? [String] {
            add(Tag.list.rawValue)
            add(UInt64(list.count))
            for item in list {
                add(Tag.string.rawValue)
                add(item)
            }
        } else if type == [Any].self, let list = value as? [Any] {
            add(Tag.list.rawValue)
            add(UInt64(list.count))
            for item in list { guard add(value: item) else { return false } }
        } else {
            return add(other: value, type: type)
        }
        return true
    }

    /// A list or dictionary of another element type (`[[String: String]]`, …), named by its
    /// type so that it never equals the same content in another type; false for anything else.
    private mutating func add(other value: Any, type: Any.Type) -> Bool {
        if let list = value as? [Any] {
            add(Tag.other.rawValue)
            add(String(reflecting: type))
            add(UInt64(list.count))
            for item in list { guard add(value: item) else { return false } }
            return true
        }
        if let d = value as? [String: Any] {
            add(Tag.other.rawValue)
            add(String(reflecting: type))
            return add(dictionary: d)
        }
        return false
    }

    /// A dictionary whatever its order: each entry hashed alone, the entries' hashes summed.
    /// (The dictionary is walked as it is: a lazy map over it copied every value once more.)
    mutating func add(dictionary d: [String: Any]) -> Bool {
        add(Tag.object.rawValue)
        var sum = (high: UInt64(0), low: UInt64(0))
        for (key, value) in d {
            var entry = FingerprintHasher()
            entry.add(key)
            guard entry.add(value: value) else { return false }
            Self.accumulate(entry.finish(), into: &sum)
        }
        add(count: d.count, sum: sum)
        return true
    }

    /// A dictionary of strings, its entries as `add(dictionary:)` hashes them.
    private mutating func add(strings d: [String: String]) {
        var sum = (high: UInt64(0), low: UInt64(0))
        for (key, value) in d {
            var entry = FingerprintHasher()
            entry.add(key)
            entry.add(Tag.string.rawValue)
            entry.add(value)
            Self.accumulate(entry.finish(), into: &sum)
        }
        add(count: d.count, sum: sum)
    }

    static func accumulate(_ digest: PageFingerprint, into sum: inout (high: UInt64, low: UInt64)) {
        sum.high &+= digest.high
        sum.low &+= digest.low
    }

    mutating func add(count: Int, sum: (high: UInt64, low: UInt64)) {
        add(UInt64(count))
        add(sum.high)
        add(sum.low)
    }

    private static func mix(_ k: UInt64) -> UInt64 {
        var k = k
        k ^= k >> 33
        k &*= 0xFF51_AFD7_ED55_8CCD
        k ^= k >> 33
        k &*= 0xC4CE_B9FE_1A85_EC53
        k ^= k >> 33
        return k
    }

    func finish() -> PageFingerprint {
        var a = self.a ^ words
        var b = self.b ^ words
        a &+= b
        b &+= a
        a = Self.mix(a)
        b = Self.mix(b)
        a &+= b
        b &+= a
        return PageFingerprint(high: a, low: b)
    }
}
