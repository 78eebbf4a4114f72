import Synchronization

/// A page's context as `PageTemplates` renders it: read once from its `[String: Any]`, each
/// dictionary's keys resolved to the numbers of the names the templates use (a key no
/// template names is left out: nothing can read it), so that rendering looks values up
/// without hashing their names or casting them again. Values of any other type keep the
/// generic rules (`PageTemplates.Frame`).
enum PageValue: Sendable {
    case text(String)
    case int(Int)
    case flag(Bool)
    case object(PageObject)
    case list(PageList)
    case any(PageAny)
}

/// A dictionary of a context: its entries that templates name, and the dictionary itself
/// (for `{{.}}` on it, written as Swift describes it).
final class PageObject: @unchecked Sendable {
    let ids: [Int32]
    let values: [PageValue]
    let original: Any
    /// For a large object (a page's own), each name's entry by number (0: none), so that a
    /// lookup does not scan it.
    private let slots: [Int16]

    init(ids: [Int32], values: [PageValue], original: Any, names: Int) {
        self.ids = ids
        self.values = values
        self.original = original
        var slots: [Int16] = []
        if ids.count > 12 && ids.count < Int(Int16.max) {
            slots = [Int16](repeating: 0, count: names)
            for (i, id) in ids.enumerated() { slots[Int(id)] = Int16(i + 1) }
        }
        self.slots = slots
    }

    func value(_ id: Int32) -> PageValue? {
        if !slots.isEmpty {
            let slot = Int(slots[Int(id)])
            return slot == 0 ? nil : values[slot - 1]
        }
        var i = 0
        while i < ids.count {
            if ids[i] == id { return values[i] }
            i += 1
        }
        return nil
    }
}

/// A list of a context, with the list itself (for `{{.}}` on it).
final class PageList: @unchecked Sendable {
    let items: [PageValue]
    let original: Any

    init(items: [PageValue], original: Any) {
        self.items = items
        self.original = original
    }
}

/// A value of another type, read by the generic rules.
final class PageAny: @unchecked Sendable {
    let value: Any
    init(_ value: Any) { self.value = value }
}

/// The names the templates use, numbered; and the word tables already read.
final class PageNames: Sendable {
    let ids: [String: Int32]
    /// The names of up to 15 bytes by their inline representation (a small string's two
    /// words are its bytes), so that a context's key finds its number without hashing the
    /// text; a key not found here is looked up in `ids`.
    private let small: [(first: UInt64, second: UInt64, id: Int32)]
    private let mask: Int
    /// Each name's fingerprint hasher after the name alone (an entry's hash starts there).
    let keyed: [FingerprintHasher]
    private let tables = Mutex<[ObjectIdentifier: (table: WordTable, object: PageObject)]>([:])

    init(_ names: [String]) {
        var ids: [String: Int32] = [:]
        var keyed: [FingerprintHasher] = []
        for name in names where ids[name] == nil {
            ids[name] = Int32(keyed.count)
            var h = FingerprintHasher()
            h.add(name)
            keyed.append(h)
        }
        self.ids = ids
        self.keyed = keyed
        var size = 64
        while size < 4 * ids.count { size *= 2 }
        var small = [(first: UInt64, second: UInt64, id: Int32)](repeating: (0, 0, -1), count: size)
        for (name, id) in ids where name.utf8.count <= 15 {
            let (a, b) = Self.words(name)
            var slot = Self.slot(a, b, mask: size - 1)
            while small[slot].id >= 0 { slot = (slot + 1) & (size - 1) }
            small[slot] = (a, b, id)
        }
        self.small = small
        mask = size - 1
    }

    /// A string's two words as it holds them.
    @inline(__always) private static func words(_ s: String) -> (UInt64, UInt64) {
        unsafeBitCast(s, to: (UInt64, UInt64).self)
    }

    @inline(__always) private static func slot(_ a: UInt64, _ b: UInt64, mask: Int) -> Int {
        let h = (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &* 0xC2B2_AE3D_27D4_EB4F)
        return Int(truncatingIfNeeded: h >> 40) & mask
    }

    /// The number of the name `key`, if the templates use it.
    @inline(__always) func id(_ key: String) -> Int32? {
        let (a, b) = Self.words(key)
        var slot = Self.slot(a, b, mask: mask)
        while true {
            let entry = small[slot]
            if entry.id < 0 { break }
            if entry.first == a && entry.second == b { return entry.id }
            slot = (slot + 1) & mask
        }
        return ids[key]
    }

    /// A word table as an object, read once per site (the table is kept, so that its
    /// identity is never another table's).
    func object(_ table: WordTable) -> PageObject {
        let key = ObjectIdentifier(table)
        if let known = tables.withLock({ $0[key]?.object }) { return known }
        var reader = PageReader(names: self, hashing: false)
        var unused = FingerprintHasher()
        let object = reader.strings(table.words, into: &unused)
        tables.withLock { $0[key] = (table, object) }
        return object
    }
}

/// Reads a context into `PageValue`s and, when `hashing`, works out its fingerprint on the
/// way (the same value as `FingerprintHasher.add(value:)` gives for it).
struct PageReader {
    let names: PageNames
    let hashing: Bool
    /// False once a value the fingerprint cannot read was met (then the page has none).
    var readable = true

    init(names: PageNames, hashing: Bool) {
        self.names = names
        self.hashing = hashing
    }

    mutating func value(_ value: Any, into h: inout FingerprintHasher) -> PageValue {
        let type = type(of: value)
        if type == String.self, let s = value as? String {
            if hashing {
                h.add(FingerprintHasher.Tag.string.rawValue)
                h.add(s)
            }
            return .text(s)
        } else if type == [String: Any].self, let d = value as? [String: Any] {
            return .object(object(d, into: &h))
        } else if type == WordTable.self, let table = value as? WordTable {
            if hashing {
                h.add(FingerprintHasher.Tag.words.rawValue)
                h.add(table.digest.high)
                h.add(table.digest.low)
            }
            return .object(names.object(table))
        } else if type == Bool.self, let flag = value as? Bool {
            if hashing {
                h.add(FingerprintHasher.Tag.bool.rawValue)
                h.add(flag ? 1 : 0)
            }
            return .flag(flag)
        } else if type == Int.self, let n = value as? Int {
            if hashing {
                h.add(FingerprintHasher.Tag.int.rawValue)
                h.add(UInt64(bitPattern: Int64(n)))
            }
            return .int(n)
        } else if type == [String: String].self, let d = value as? [String: String] {
            if hashing { h.add(FingerprintHasher.Tag.strings.rawValue) }
            return .object(strings(d, into: &h))
        } else if type == [[String: Any]].self, let list = value as? [[String: Any]] {
            if hashing {
                h.add(FingerprintHasher.Tag.list.rawValue)
                h.add(UInt64(list.count))
            }
            var items: [PageValue] = []
            items.reserveCapacity(list.count)
            for item in list { items.append(.object(object(item, into: &h))) }
            return .list(PageList(items: items, original: list))
        } else if type == [String].self, let list = value as? [String] {
            if hashing {
                h.add(FingerprintHasher.Tag.list.rawValue)
                h.add(UInt64(list.count))
                for item in list {
                    h.add(FingerprintHasher.Tag.string.rawValue)
                    h.add(item)
                }
            }
            return .list(PageList(items: list.map { .text($0) }, original: list))
        } else if type == [Any].self, let list = value as? [Any] {
            if hashing {
                h.add(FingerprintHasher.Tag.list.rawValue)
                h.add(UInt64(list.count))
            }
            var items: [PageValue] = []
            items.reserveCapacity(list.count)
            for item in list { items.append(self.value(item, into: &h)) }
            return .list(PageList(items: items, original: list))
        }
        // Doubles and any other type: read by the generic rules, hashed as the fingerprint
        // always hashed them.
        if hashing && readable { readable = h.add(value: value) }
        return .any(PageAny(value))
    }

    /// A dictionary, hashed whatever its order (each entry alone, the entries' hashes summed).
    mutating func object(_ d: [String: Any], into h: inout FingerprintHasher) -> PageObject {
        if hashing { h.add(FingerprintHasher.Tag.object.rawValue) }
        var sum = (high: UInt64(0), low: UInt64(0))
        var ids: [Int32] = []
        var values: [PageValue] = []
        ids.reserveCapacity(d.count)
        values.reserveCapacity(d.count)
        for (key, value) in d {
            let id = names.id(key)
            var entry = FingerprintHasher()
            if hashing {
                if let id { entry = names.keyed[Int(id)] } else { entry.add(key) }
            }
            let read = self.value(value, into: &entry)
            if hashing { FingerprintHasher.accumulate(entry.finish(), into: &sum) }
            if let id {
                ids.append(id)
                values.append(read)
            }
        }
        if hashing { h.add(count: d.count, sum: sum) }
        return PageObject(ids: ids, values: values, original: d, names: names.keyed.count)
    }

    /// A dictionary of strings, hashed as `FingerprintHasher.add(strings:)` hashes it.
    mutating func strings(_ d: [String: String], into h: inout FingerprintHasher) -> PageObject {
        var sum = (high: UInt64(0), low: UInt64(0))
        var ids: [Int32] = []
        var values: [PageValue] = []
        for (key, value) in d {
            let id = names.id(key)
            if hashing {
                var entry = FingerprintHasher()
                if let id { entry = names.keyed[Int(id)] } else { entry.add(key) }
                entry.add(FingerprintHasher.Tag.string.rawValue)
                entry.add(value)
                FingerprintHasher.accumulate(entry.finish(), into: &sum)
            }
            if let id {
                ids.append(id)
                values.append(.text(value))
            }
        }
        if hashing { h.add(count: d.count, sum: sum) }
        return PageObject(ids: ids, values: values, original: d, names: names.keyed.count)
    }
}
