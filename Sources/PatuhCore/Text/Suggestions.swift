/// Guesses at what a person meant, for messages: the date, the period, the id.
public enum Suggestions {
    /// The YYYY-MM-DD a hand-written date probably means: day first as Indonesians write it
    /// (10/02/2023, 10-02-2023, 10.02.2023 → 2023-02-10), month first only when the first
    /// number cannot be a month but the second can be a day (02/25/2023 → 2023-02-25), and
    /// year first with other separators (2023/02/10 → 2023-02-10). `nil` when no valid date fits.
    public static func date(_ text: String) -> String? {
        let parts = trim(text).split(whereSeparator: { "/-. ".contains($0) }).map(String.init)
        guard parts.count == 3,
            parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2])
        else { return nil }
        if parts[0].count == 4 { return valid(year: a, month: b, day: c) }
        guard parts[2].count == 4 else { return nil }
        return valid(year: c, month: b, day: a) ?? valid(year: c, month: a, day: b)
    }

    private static func trim(_ s: String) -> Substring {
        let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        let start = s.firstIndex { !blank($0) } ?? s.endIndex
        let end = s.lastIndex { !blank($0) }.map { s.index(after: $0) } ?? start
        return s[start..<Swift.max(start, end)]
    }

    private static func valid(year: Int, month: Int, day: Int) -> String? {
        guard (1...12).contains(month), day >= 1 else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard day <= days else { return nil }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))"
    }

    /// The allowed spelling of a period written with another separator or in lower case
    /// (2023/S1, 2023 s1, 2023_S1 → 2023-S1); `nil` when that does not make one.
    public static func period(_ text: String) -> String? {
        var parts = trim(text).split(whereSeparator: { "/ _.\\".contains($0) || $0 == "-" })
            .map { $0.uppercased() }
        guard parts.count >= 1, parts[0].count == 4, parts[0].allSatisfy(\.isNumber) else { return nil }
        if parts.count == 2, let n = Int(parts[1]), (1...12).contains(n) { parts[1] = n < 10 ? "0\(n)" : "\(n)" }
        let candidate = parts.joined(separator: "-")
        guard candidate != text,
            parts.dropFirst().allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
            )
        else { return nil }
        return candidate
    }

    /// Up to `limit` of `candidates` nearest to `text` by edit distance, nearest first (ties
    /// by id), and only those close enough to be a slip: at most a third of the id's length.
    public static func nearest(_ text: String, in candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let bound = Swift.max(2, text.count / 3)
        var scored: [(Int, String)] = []
        for c in candidates {
            let d = distance(text, c, bound: bound)
            if d <= bound { scored.append((d, c)) }
        }
        return scored.sorted { $0 < $1 }.prefix(limit).map(\.1)
    }

    /// Levenshtein distance, stopped early once every cell of a row exceeds `bound`.
    public static func distance(_ a: String, _ b: String, bound: Int = .max) -> Int {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        if abs(x.count - y.count) > bound { return bound + 1 }
        var previous = Array(0...y.count)
        var current = previous
        for i in 1...Swift.max(x.count, 1) where !x.isEmpty {
            current[0] = i
            var best = current[0]
            for j in 1...Swift.max(y.count, 1) where !y.isEmpty {
                current[j] = Swift.min(
                    previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                best = Swift.min(best, current[j])
            }
            if best > bound { return bound + 1 }
            swap(&previous, &current)
        }
        return x.isEmpty ? y.count : previous[y.count]
    }
}
