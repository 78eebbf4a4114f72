import Foundation
import PatuhTestSupport
import Testing

/// The runner every test uses for a child process (`PatuhTestSupport.ChildProcess`).
@Suite struct ChildProcessTests {
    /// 1 MiB on standard error while standard output is still open, then 200,000 bytes on
    /// standard output. A runner that reads standard output to its end before standard error
    /// waits for ever: the child blocks once the error pipe holds 64 KiB.
    @Test func bothOutputsArriveWholeWhenTheChildFillsAPipe() throws {
        let run = try ChildProcess.run(
            URL(fileURLWithPath: "/bin/sh"),
            ["-c", "head -c 1048576 /dev/zero | tr '\\0' e >&2; head -c 200000 /dev/zero | tr '\\0' o"])
        #expect(run.status == 0 && run.reason == .exit && !run.timedOut)
        // The counts the script asks head for: 1 MiB = 1,048,576 bytes, and 200,000.
        #expect(run.stderr.utf8.count == 1_048_576 && run.stderr.allSatisfy { $0 == "e" })
        #expect(run.stdout.utf8.count == 200_000 && run.stdout.allSatisfy { $0 == "o" })
    }

    /// A child still running when its time is up is killed, and the run says so.
    @Test func aChildThatOutlivesItsTimeIsKilled() throws {
        let run = try ChildProcess.run(
            URL(fileURLWithPath: "/bin/sh"), ["-c", "echo started; exec sleep 60"], timeout: 1)
        #expect(run.timedOut)
        #expect(run.reason == .uncaughtSignal && run.status == SIGKILL)
    }

    /// The directory and the environment given are the child's.
    @Test func theChildRunsWhereAndWithWhatItIsGiven() throws {
        let run = try ChildProcess.run(
            URL(fileURLWithPath: "/bin/sh"), ["-c", "pwd; echo \"$PATUH_PROBE\""], in: URL(fileURLWithPath: "/tmp"),
            environment: ["PATUH_PROBE": "seen"])
        #expect(run.stdout == "/tmp\nseen\n")
    }
}
