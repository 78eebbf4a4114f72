import PatuhCore

/// A record of the read cache being written: numbers and strings in `PackedBytes`, in a
/// fixed order that `RecordReader` follows.
struct RecordWriter {
    var bytes: [UInt8] = []

    mutating func int(_ n: Int) { PackedBytes.put(UInt64(bitPattern: Int64(n)), into: &bytes) }
    mutating func bool(_ b: Bool) { bytes.append(b ? 1 : 0) }
    mutating func double(_ d: Double) { PackedBytes.put(d.bitPattern, into: &bytes) }
    mutating func string(_ s: String) { PackedBytes.put(s, into: &bytes) }

    mutating func string(_ s: String?) {
        bool(s != nil)
        if let s { string(s) }
    }

    mutating func location(_ l: SourceLocation) {
        string(l.file)
        int(l.line)
        int(l.column)
    }

    mutating func diagnostics(_ list: [Diagnostic]) {
        int(list.count)
        for d in list {
            bool(d.severity == .error)
            location(d.location)
            string(d.message)
            string(d.indonesian)
        }
    }

    mutating func held(_ held: [String: Set<String>]) {
        int(held.count)
        for (id, periods) in held {
            string(id)
            int(periods.count)
            for p in periods { string(p) }
        }
    }
}

/// Reads a record `RecordWriter` wrote; throws where the bytes run out or make no sense.
struct RecordReader {
    struct Unreadable: Error {}

    private var reader: PackedBytes.Reader
    /// One copy of each string that repeats within the record (rubric ids, periods, files).
    private var seen: [String: String] = [:]

    init(_ bytes: [UInt8]) { reader = PackedBytes.Reader(bytes) }

    var isAtEnd: Bool { reader.isAtEnd }

    mutating func int() throws(Unreadable) -> Int {
        guard let n = reader.wide() else { throw Unreadable() }
        return Int(Int64(bitPattern: n))
    }

    /// A count of things that follow, each at least one byte: never more than the bytes left.
    mutating func count() throws(Unreadable) -> Int {
        let n = try int()
        guard n >= 0, n <= 1 << 28 else { throw Unreadable() }
        return n
    }

    mutating func bool() throws(Unreadable) -> Bool {
        guard let b = reader.byte(), b <= 1 else { throw Unreadable() }
        return b == 1
    }

    mutating func bytes(_ n: Int) throws(Unreadable) -> [UInt8] {
        guard let slice = reader.bytes(n) else { throw Unreadable() }
        return Array(slice)
    }

    mutating func double() throws(Unreadable) -> Double {
        guard let n = reader.wide() else { throw Unreadable() }
        return Double(bitPattern: n)
    }

    mutating func string() throws(Unreadable) -> String {
        guard let s = reader.string() else { throw Unreadable() }
        return s
    }

    mutating func optionalString() throws(Unreadable) -> String? {
        guard try bool() else { return nil }
        return try string()
    }

    /// A string that repeats: the copy read first.
    mutating func shared() throws(Unreadable) -> String {
        let s = try string()
        if let known = seen[s] { return known }
        seen[s] = s
        return s
    }

    mutating func optionalShared() throws(Unreadable) -> String? {
        guard try bool() else { return nil }
        return try shared()
    }

    mutating func location() throws(Unreadable) -> SourceLocation {
        SourceLocation(file: try shared(), line: try int(), column: try int())
    }

    mutating func diagnostics() throws(Unreadable) -> [Diagnostic] {
        var list: [Diagnostic] = []
        for _ in 0..<(try count()) {
            let severity: Diagnostic.Severity = try bool() ? .error : .warning
            let location = try location()
            let message = try string()
            if let indonesian = try optionalString() {
                list.append(Diagnostic(severity, at: location, id: indonesian, en: message))
            } else {
                list.append(Diagnostic(untranslated: severity, at: location, message))
            }
        }
        return list
    }

    mutating func held() throws(Unreadable) -> [String: Set<String>] {
        var held: [String: Set<String>] = [:]
        for _ in 0..<(try count()) {
            let id = try shared()
            var periods = Set<String>()
            for _ in 0..<(try count()) { periods.insert(try shared()) }
            held[id] = periods
        }
        return held
    }
}
