import Foundation

/// How Patuh asks glibc's allocator to behave on a national round. Elsewhere (no glibc),
/// these do nothing.
public enum Allocator {
    /// Blocks of 128 KB and more get their own mapping, given back to the system when freed.
    ///
    /// glibc raises this threshold each time such a block is freed, after which the arrays a
    /// round grows (48,000 unit results, 50,000 files' summaries) are carved from the heap and
    /// leave holes there as they grow: on the national corpus that is about 6 MB of peak
    /// resident memory for nothing.
    public static func mapsLargeBlocks() {
        #if canImport(Glibc)
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        let mmapThreshold: Int32 = -3  // M_MMAP_THRESHOLD in <malloc.h>
        if let symbol = dlsym(nil, "mallopt") { _ = unsafeBitCast(symbol, to: Mallopt.self)(mmapThreshold, 128 * 1024) }
        #endif
    }

    /// Hands freed heap pages back to the system (glibc keeps them otherwise, and a
    /// registry's parsed tree, ten times its file, would stay in the resident figure).
    public static func releaseFreedMemory() {
        #if canImport(Glibc)
        // mallopt and malloc_trim are glibc's and not in Swift's Glibc module: looked up.
        typealias Trim = @convention(c) (Int) -> Int32
        if let symbol = dlsym(nil, "malloc_trim") { _ = unsafeBitCast(symbol, to: Trim.self)(0) }
        #endif
    }
}
