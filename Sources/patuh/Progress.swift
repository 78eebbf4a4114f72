import Foundation
import Synchronization

/// A progress line on stderr for long runs: files done, responses per second, time left.
/// Shown only when stderr is a terminal (never in logs or pipes) and not with `--quiet`.
final class ProgressLine: Sendable {
    private let start = DispatchTime.now().uptimeNanoseconds
    private let state = Mutex((lastPrint: UInt64(0), shown: false))

    /// A progress line, or `nil` when it should stay silent.
    static func make(quiet: Bool) -> ProgressLine? {
        quiet || isatty(STDERR_FILENO) == 0 ? nil : ProgressLine()
    }

    func update(done: Int, total: Int, responses: Int) {
        let now = DispatchTime.now().uptimeNanoseconds
        state.withLock { s in
            // Five times a second at most, and always the last file.
            guard now - s.lastPrint > 200_000_000 || done == total else { return }
            s = (now, true)
            let elapsed = Double(now - start) / 1e9
            let rate = elapsed > 0 ? Double(responses) / elapsed : 0
            let left = done > 0 ? elapsed * Double(total - done) / Double(done) : 0
            let line = String(
                format: "\r\u{1B}[K  %d/%d files · %.0f responses/s · %d:%02d left",
                done, total, rate, Int(left) / 60, Int(left) % 60)
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    /// Clears the line before the summary is printed.
    func finish() {
        state.withLock { s in
            if s.shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        }
    }
}
