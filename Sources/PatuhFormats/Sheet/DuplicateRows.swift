import PatuhCore

/// The rows seen so far, as 64-bit fingerprints, 8 bytes a row: recent ones in a hash set,
/// older ones in sorted runs searched by halves (a `Set` of a million would take 16 MB and
/// twice that while it grows).
struct DuplicateRows {
    private var recent = Set<UInt64>()
    private var runs: [[UInt64]] = []
    private static let runLength = 1 << 17

    /// Adds a fingerprint; `false` when it was there already.
    mutating func insert(_ h: UInt64) -> Bool {
        if recent.contains(h) || runs.contains(where: { Self.search($0, h) }) { return false }
        recent.insert(h)
        if recent.count >= Self.runLength {
            runs.append(recent.sorted())
            recent = Set()
        }
        return true
    }

    private static func search(_ run: [UInt64], _ h: UInt64) -> Bool {
        var lo = 0
        var hi = run.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if run[mid] < h { lo = mid + 1 } else { hi = mid }
        }
        return lo < run.count && run[lo] == h
    }

    /// FNV-1a over the cells, each followed by a separator byte.
    static func fingerprint(_ cells: [String]) -> UInt64 {
        var h = FNV1a()
        for cell in cells {
            h.add(cell.utf8)
            h.add(0x1F)
        }
        return h.value
    }
}
