import ArgumentParser
import Foundation
import PatuhFormats

/// `--cache`: `score` and `report` keep what reading each input file gave, so that a re-run
/// reads only the files that changed (`InputCache`). Off unless asked for, since it writes
/// outside the output folder (tens of MB for a national round; README).
struct CacheOption: ParsableArguments {
    @Flag(
        name: .customLong("cache"), inversion: .prefixedNo,
        help: OptionsHelp.cache)
    var cache = false

    /// The read cache of the output folder `out`, for a run with `period`; `nil` without
    /// `--cache` or when there is no cache folder.
    func cache(forOutput out: String, period: String?) -> InputCache? {
        guard cache,
            let path = InputCache.location(forOutput: out, environment: ProcessInfo.processInfo.environment)
        else { return nil }
        return InputCache(path: path, salt: "period=\(period ?? "")")
    }

    /// Notes for `patuh bench` how many input files were read and how many taken from `cache`.
    static func noteFigures(_ cache: InputCache?) {
        guard let cache else { return }
        let figures = cache.figures
        Figures.note("files_read", figures.misses)
        Figures.note("files_cached", figures.hits)
    }
}
