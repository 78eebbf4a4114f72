import Foundation

/// Phase timings on stderr when `PATUH_TIMING` is set: where a long run spends its time.
enum PhaseTimer {
    static let enabled = ProcessInfo.processInfo.environment["PATUH_TIMING"] != nil
    nonisolated(unsafe) private static var last = DispatchTime.now().uptimeNanoseconds

    static func mark(_ phase: String) {
        StopPoint.reached(phase)
        guard enabled else { return }
        let before = last  // read first: the static starts the clock on first use
        let now = DispatchTime.now().uptimeNanoseconds
        Console.error(
            String(
                format: "  [time] %@: %.2f s; resident %@ MB, peak %@ MB", phase, Double(now &- before) / 1e9,
                memory("VmRSS"), memory("VmHWM")))
        last = now
    }

    /// A figure of /proc/self/status in MB ("?" where there is none).
    private static func memory(_ field: String) -> String {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field + ":") }),
            let kb = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
        else { return "?" }
        return String(kb / 1024)
    }
}
