import Foundation

/// How Patuh asks glibc's allocator to behave on a national round. Elsewhere (no glibc),
/// these do nothing.
enum Allocator {
    /// Blocks of 128 KB and more get their own mapping, given back to the system when freed.
    ///
    /// glibc raises this threshold each time such a block is freed, after which the arrays a
    /// round grows (48,000 unit results, 50,000 files' summaries) are carved from the heap and
    /// leave holes there as they grow: peak resident memory for nothing (README, Performance,
    /// "Memory").
    static func mapsLargeBlocks() {
        mallopt(-3, 128 * 1024)  // M_MMAP_THRESHOLD in <malloc.h>
    }

    /// Every thread allocates from one arena.
    ///
    /// glibc gives each reading thread an arena of its own; what those threads read and is
    /// later freed stays in their arenas, while scoring and writing, on the main thread,
    /// grow the main arena instead of reusing it. One arena lowers the report's peak, and
    /// reading is no slower (`patuh bench`; README, Performance), since the hot loops
    /// allocate little.
    static func usesOneArena() {
        mallopt(-8, 1)  // M_ARENA_MAX in <malloc.h>
    }

    private static func mallopt(_ parameter: Int32, _ value: Int32) {
        #if canImport(Glibc)
            // mallopt and malloc_trim are glibc's and not in Swift's Glibc module: looked up.
            typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
            if let symbol = dlsym(nil, "mallopt") { _ = unsafeBitCast(symbol, to: Mallopt.self)(parameter, value) }
        #endif
    }

    /// Hands freed heap pages back to the system (glibc keeps them otherwise, and a
    /// registry's parsed tree, ten times its file, would stay in the resident figure).
    static func releaseFreedMemory() {
        #if canImport(Glibc)
            typealias Trim = @convention(c) (Int) -> Int32
            if let symbol = dlsym(nil, "malloc_trim") { _ = unsafeBitCast(symbol, to: Trim.self)(0) }
        #endif
    }
}
