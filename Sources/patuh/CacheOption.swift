import ArgumentParser
import Foundation
import PatuhFormats

/// `--no-cache`: `score` and `report` keep what reading each input file gave, so that a
/// re-run reads only the files that changed (`InputCache`).
struct CacheOption: ParsableArguments {
    @Flag(
        name: .customLong("no-cache"),
        help:
            "Baca ulang setiap berkas masukan, tanpa cache bacaan / Read every input file again, without the read cache ($PATUH_CACHE_DIR, else $XDG_CACHE_HOME/patuh, else ~/.cache/patuh; one file per output folder)."
    )
    var noCache = false

    /// The read cache of the output folder `out`, for a run with `period`; `nil` with `--no-cache`
    /// or when there is no cache folder.
    func cache(forOutput out: String, period: String?) -> InputCache? {
        guard !noCache,
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
