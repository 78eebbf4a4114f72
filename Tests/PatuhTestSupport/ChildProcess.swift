import Foundation

/// What a child process printed and how it ended.
public struct ChildRun {
    public var status: Int32
    /// `.exit` or `.uncaughtSignal` (then `status` is the signal).
    public var reason: Process.TerminationReason
    public var stdout: String
    public var stderr: String
    /// The child was still running after the time allowed, and was killed.
    public var timedOut: Bool
}

/// The one way the tests run a child and capture its output. Standard output and standard
/// error each go to a file of their own, read once the child has ended: a child that writes
/// much to one while the other is still open never blocks on a full pipe (reading one pipe to
/// its end before the other deadlocks once the other holds more than the pipe's 64 KiB).
public enum ChildProcess {
    /// Runs `executable` with `arguments` in `directory` (the test's own when nil), with
    /// `environment` as its whole environment (the test's own when nil). With `timeout`, a
    /// child still running after that many seconds is killed and the run says `timedOut`:
    /// a guard against a hang, never a measure of speed.
    public static func run(
        _ executable: URL, _ arguments: [String], in directory: URL? = nil, environment: [String: String]? = nil,
        timeout: Double? = nil
    ) throws -> ChildRun {
        let files = try Scratch.directory("child")
        defer { try? FileManager.default.removeItem(at: files) }
        let outURL = files.appendingPathComponent("stdout")
        let errURL = files.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL)
        defer { try? out.close() }
        let err = try FileHandle(forWritingTo: errURL)
        defer { try? err.close() }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        let ended = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in ended.signal() }
        try process.run()
        var timedOut = false
        if let timeout, ended.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            // SIGKILL: a child may inherit SIGTERM ignored or blocked from the test process.
            kill(process.processIdentifier, SIGKILL)
            ended.wait()
        } else if timeout == nil {
            ended.wait()
        }
        return ChildRun(
            status: process.terminationStatus, reason: process.terminationReason,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self), timedOut: timedOut)
    }
}
