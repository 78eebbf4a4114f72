import Foundation

/// A place in a run where a test can have the process stop itself: with `PATUH_STOP_AT` set to
/// a phase's name (`PhaseTimer.mark`'s: "write CSV", "write site", …) the process sends itself
/// SIGSTOP on reaching it. A test then kills it at that known moment instead of after a guessed
/// time, which a loaded machine turns into another moment. Unset, it is one comparison.
enum StopPoint {
    static let asked = ProcessInfo.processInfo.environment["PATUH_STOP_AT"]

    static func reached(_ phase: String) {
        guard let asked, asked == phase else { return }
        raise(SIGSTOP)
    }
}
