import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A finished child process: how long it took and the most memory it held.
struct ChildRun {
    var status: Int32
    var seconds: Double
    /// Peak resident set size, from the kernel's accounting of that one child (wait4).
    var peakMB: Double
    var stderr: String
    /// User and system CPU seconds of the child (wait4): steadier than wall time on a busy machine.
    var cpuSeconds: Double = 0
    /// What the child wrote to its figures file (`Figures`): responses, pages written, ...
    var figures: [String: Int] = [:]
}

enum ChildProcess {
    /// Runs `arguments` `repeats` times (at least once), `clearing` the output folder before
    /// each run; the fastest run, and the highest peak of them all. A run that does not exit 0
    /// is an error that names `what` failed.
    static func fastest(
        of repeats: Int, _ arguments: [String], clearing output: String, what: String
    ) throws -> (fastest: ChildRun, peakMB: Double) {
        var fastest: ChildRun?
        var peak = 0.0
        for _ in 0..<max(1, repeats) {
            try? FileManager.default.removeItem(atPath: output)
            let run = try run(arguments)
            guard run.status == 0 else { throw BenchError("\(what) failed: \(run.stderr.suffix(600))") }
            peak = max(peak, run.peakMB)
            if fastest.map({ run.seconds < $0.seconds }) ?? true { fastest = run }
        }
        guard let fastest else { throw BenchError("\(what): no run") }
        return (fastest, peak)
    }

    /// Runs `arguments[0]` with the rest as its arguments, stdout discarded, stderr kept
    /// (to a temporary file, so a chatty child never blocks on a full pipe).
    static func run(_ arguments: [String]) throws -> ChildRun {
        let errPath = NSTemporaryDirectory() + "/patuh-bench-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).err"
        let figuresPath = errPath + ".figures"
        defer {
            unlink(errPath)
            unlink(figuresPath)
        }
        // The child's figures come back through a file named in its environment (Figures).
        var environment = ProcessInfo.processInfo.environment
        environment["PATUH_FIGURES"] = figuresPath
        var envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { for p in envp { free(p) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for p in argv { free(p) } }
        var pid = pid_t()
        let start = DispatchTime.now().uptimeNanoseconds
        let rc = posix_spawn(&pid, arguments[0], &actions, nil, &argv, &envp)
        guard rc == 0 else { throw BenchError("cannot start \(arguments[0]): \(String(cString: strerror(rc)))") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchError("waiting for \(arguments[0]) failed") }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let text = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        // Exit status as the shell shows it: the code, or 128 + the signal.
        let exit = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let cpu =
            Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
            + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
        return ChildRun(
            status: exit, seconds: seconds, peakMB: Double(usage.ru_maxrss) / 1024, stderr: text, cpuSeconds: cpu,
            figures: Figures.read(figuresPath))
    }
}

struct BenchError: Error, CustomStringConvertible, LocalizedError {
    var description: String
    init(_ description: String) { self.description = description }
    /// What ArgumentParser prints for an error it does not know.
    var errorDescription: String? { description }
}
