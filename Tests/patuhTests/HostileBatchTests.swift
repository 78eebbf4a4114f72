import Foundation
import PatuhTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

// Hostile and broken input end to end (issue 7): the built `patuh` on a batch that holds
// every hostile file beside the Riau sample, outputs interrupted by kill -9, outputs inside
// an input folder, formula and HTML injection through every text field.
//
// Big files (100 MB, 50 MB) are made here, in a temporary folder, and deleted afterwards.

// MARK: Running patuh with its peak memory

/// A finished run of `patuh`, with the peak resident memory the kernel recorded for it.
struct MeasuredRun {
    var status: Int32
    var stdout: String
    var stderr: String
    var peakBytes: Int
}

/// Whether runs switch to an unprivileged user: root reads files of mode 000, so the
/// unreadable-file case needs a user the permissions apply to.
let runsUnprivileged = geteuid() == 0

/// `patuh`, its resources and `Rubrics/` copied into a folder anyone may read: a checkout
/// in a private folder (mode 0700, as `mktemp -d` makes) is out of `nobody`'s reach.
private let unprivilegedCopy: Result<(executable: String, rubrics: String), any Error> = Result {
    let dir = try Scratch.directory("unprivileged")
    let built = try patuhExecutable()
    let fm = FileManager.default
    for name in try fm.contentsOfDirectory(atPath: built.deletingLastPathComponent().path)
    where name == "patuh" || name.hasSuffix(".resources") {
        try fm.copyItem(
            at: built.deletingLastPathComponent().appendingPathComponent(name), to: dir.appendingPathComponent(name))
    }
    try fm.copyItem(at: repositoryRoot.appendingPathComponent("Rubrics"), to: dir.appendingPathComponent("Rubrics"))
    // Readable and searchable by all, from the scratch root down.
    var url = dir
    while url.path.hasPrefix(Scratch.root.path) {
        chmod(url.path, 0o755)
        url.deleteLastPathComponent()
    }
    for case let path as String in fm.enumerator(atPath: dir.path) ?? FileManager.DirectoryEnumerator() {
        chmod(dir.appendingPathComponent(path).path, 0o755)
    }
    return (dir.appendingPathComponent("patuh").path, dir.appendingPathComponent("Rubrics").path)
}

/// Runs `patuh` (as `nobody` when the tests run as root) and measures its peak memory
/// with `wait4`, which only the process itself is counted in.
func measuredPatuh(_ arguments: [String], unprivileged: Bool = runsUnprivileged) throws -> MeasuredRun {
    let copy = unprivileged ? try unprivilegedCopy.get() : nil
    let executable = try copy?.executable ?? patuhExecutable().path
    let argv =
        (unprivileged
            ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", executable]
            : [executable]) + arguments
    let logs = try scratchDirectory()
    try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: logs.path)
    let out = logs.appendingPathComponent("stdout").path
    let err = logs.appendingPathComponent("stderr").path
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, out, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let environment = [
        "PATUH_RUBRICS=\(copy?.rubrics ?? repositoryRoot.appendingPathComponent("Rubrics").path)", "PATH=/usr/bin:/bin",
        "SWIFT_BACKTRACE=enable=no"
    ]
    var pid: pid_t = 0
    let cArgs = argv.map { strdup($0) } + [nil]
    let cEnv = environment.map { strdup($0) } + [nil]
    defer { for p in cArgs + cEnv { free(p) } }
    let spawned = posix_spawn(&pid, argv[0], &actions, nil, cArgs, cEnv)
    guard spawned == 0 else {
        throw CocoaError(
            .fileNoSuchFile,
            userInfo: [NSLocalizedDescriptionKey: "cannot run \(argv[0]): \(String(cString: strerror(spawned)))"])
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let exited = status & 0x7F == 0
    return MeasuredRun(
        status: exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F),
        stdout: (try? String(contentsOfFile: out, encoding: .utf8)) ?? "",
        stderr: (try? String(contentsOfFile: err, encoding: .utf8)) ?? "",
        peakBytes: usage.ru_maxrss * 1024)
}

/// A scratch folder an unprivileged run can write into.
func writableScratchDirectory() throws -> URL {
    let dir = try scratchDirectory()
    try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: dir.path)
    return dir
}

/// Copies the Riau sample into a fresh folder.
func copyOfTheSample() throws -> URL {
    let dir = try scratchDirectory().appendingPathComponent("riau")
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Samples/riau"), to: dir)
    return dir
}

/// Streams a big file made of `head`, `count` copies of `unit`, and `tail`.
func writeBig(_ path: String, head: String, unit: String, count: Int, tail: String) throws {
    FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    try handle.write(contentsOf: Data(head.utf8))
    let perBlock = max(1, (1 << 20) / unit.utf8.count)
    let block = Data(String(repeating: unit, count: perBlock).utf8)
    var left = count
    while left >= perBlock {
        try handle.write(contentsOf: block)
        left -= perBlock
    }
    try handle.write(contentsOf: Data(String(repeating: unit, count: left).utf8))
    try handle.write(contentsOf: Data(tail.utf8))
}

// MARK: The hostile batch

/// One hostile file: where it goes, what `patuh` must say about it (line and message).
struct HostileFile {
    var name: String
    var line: Int?
    var message: String
    /// Rejected (an error and a `rejected:` line) or only warned about.
    var rejected = true
}

@Suite(.serialized) struct HostileBatchTests {
    let rubric = "ombudsman-opini-2022"
    let outputs = ["units.csv", "regions.csv", "indicators.csv", "comments.csv"]

    /// Acceptance 2: every hostile file beside the sample; every sample unit scored exactly
    /// as without them, exit 1, every hostile file named with its reason.
    @Test func theSampleScoresTheSameBesideEveryHostileFile() throws {
        let clean = try copyOfTheSample()
        let batch = try copyOfTheSample()
        let hostile = batch.appendingPathComponent("hostile")
        try FileManager.default.createDirectory(at: hostile, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: batch.deletingLastPathComponent()) }
        let listener = try LocalListener()
        let files = try makeHostileFiles(in: hostile, networkPort: listener.port, clean: clean)

        let cleanOut = try writableScratchDirectory()
        let batchOut = try writableScratchDirectory()
        let before = try measuredPatuh(["score", "--rubric", rubric, clean.path, "--out", cleanOut.path, "-q"])
        #expect(before.status == 0, "\(before.stderr)")
        let run = try measuredPatuh(["score", "--rubric", rubric, batch.path, "--out", batchOut.path])
        #expect(run.status == 1, "\(run.stderr.suffix(3000))")

        // Every output is byte for byte what the sample alone gives.
        for name in outputs {
            let expected = try read(cleanOut.appendingPathComponent(name))
            #expect(!expected.isEmpty)
            #expect(try read(batchOut.appendingPathComponent(name)) == expected, "\(name) changed")
        }
        // Every hostile file named, with its line and reason.
        let lines = run.stderr.split(separator: "\n").map(String.init)
        for file in files {
            let path = hostile.appendingPathComponent(file.name).path
            let severity = file.rejected ? "error" : "warning"
            let located = file.line.map { "\(path):\($0):" } ?? "\(path):"
            #expect(
                lines.contains { $0.hasPrefix(located) && $0.contains(": \(severity): ") && $0.contains(file.message) },
                "\(file.name): expected \(located) \(severity): \(file.message)\n\(lines.filter { $0.contains(file.name) }.prefix(5))"
            )
            #expect(lines.contains("rejected: \(path)") == file.rejected, "\(file.name)")
        }
        // Every line names its file (no bare libxml2 message), or is the summary.
        for line in lines {
            #expect(
                line.hasPrefix(batch.path + "/") || line.hasPrefix("patuh score: ") || line.hasPrefix("  ")
                    || line.hasPrefix("rejected: \(batch.path)/"), "a line that names no file: \(line)")
        }
        // Nothing outside the hostile folder is rejected, and no byte of /etc/passwd is printed.
        for line in lines where line.hasPrefix("rejected: ") {
            #expect(line.hasPrefix("rejected: \(hostile.path)/"), "\(line)")
        }
        let passwd =
            try String(contentsOfFile: "/etc/passwd", encoding: .utf8).split(separator: "\n").first.map(String.init)
            ?? "root:x:"
        #expect(!run.stderr.contains(passwd) && !run.stdout.contains(passwd))
        #expect(listener.connectionsAttempted == 0, "a hostile file made patuh connect to 127.0.0.1:\(listener.port)")
        // Memory: the 100 MB and 50 MB files cost their limits (1 MB text, 10 MB tag, the
        // 64 MB size check), not their size: well under the 150 MB a single one of them is.
        #expect(
            run.peakBytes < before.peakBytes + (96 << 20),
            "peak memory \(run.peakBytes >> 20) MB with the hostile files, \(before.peakBytes >> 20) MB without")
    }

    /// Writes the hostile files; returns what `patuh` must say about each.
    func makeHostileFiles(in dir: URL, networkPort: UInt16, clean: URL) throws -> [HostileFile] {
        let unit = "14-dpmptsp"
        func assessment(_ body: String, id: String = "h-1", extra: String = "") -> String {
            "<assessment xmlns=\"urn:patuh:1\" id=\"\(id)\" rubric=\"\(rubric)\" unit=\"\(unit)\" period=\"2023\"\(extra)>\n\(body)\n</assessment>\n"
        }
        func put(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: dir.appendingPathComponent(name))
        }
        let doctype = "DOCTYPE declarations are not allowed"
        var files: [HostileFile] = []

        try put(
            "xxe-file.xml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE assessment [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
                + assessment("<answer indicator=\"IN-01\" value=\"3\"><note>&xxe;</note></answer>"))
        files.append(HostileFile(name: "xxe-file.xml", line: 2, message: doctype))
        try put(
            "xxe-network.xml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE survey SYSTEM \"http://127.0.0.1:\(networkPort)/survey.dtd\">\n"
                + "<survey xmlns=\"urn:patuh:1\" rubric=\"\(rubric)\" unit=\"\(unit)\" period=\"2023\"/>\n")
        files.append(HostileFile(name: "xxe-network.xml", line: 2, message: doctype))

        var lol = "<?xml version=\"1.0\"?>\n<!DOCTYPE assessment [\n<!ENTITY lol \"lol\">\n"
        for i in 1...9 {
            lol += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">\n"
        }
        try put(
            "billion-laughs.xml",
            lol + "]>\n" + assessment("<answer indicator=\"IN-01\" value=\"3\"><note>&lol9;</note></answer>"))
        files.append(HostileFile(name: "billion-laughs.xml", line: 2, message: doctype))
        try put(
            "quadratic.xml",
            "<?xml version=\"1.0\"?>\n<!DOCTYPE assessment [<!ENTITY a \"" + String(repeating: "a", count: 100_000)
                + "\">]>\n"
                + assessment(
                    "<answer indicator=\"IN-01\" value=\"3\"><note>" + String(repeating: "&a;", count: 10_000)
                        + "</note></answer>"))
        files.append(HostileFile(name: "quadratic.xml", line: 2, message: doctype))

        // Streamed, the schema refuses the first level; read whole, the parser the 257th.
        try put(
            "deep.xml", assessment(String(repeating: "<x>", count: 10_000) + String(repeating: "</x>", count: 10_000)))
        files.append(HostileFile(name: "deep.xml", line: 2, message: "error: "))
        try put(
            "deep-registry.xml",
            "<registry xmlns=\"urn:patuh:1\">\n"
                + String(repeating: "<region code=\"14\" level=\"provinsi\" name=\"R\">", count: 10_000)
                + String(repeating: "</region>", count: 10_000) + "\n</registry>\n")
        files.append(
            HostileFile(name: "deep-registry.xml", line: 2, message: "elements are nested more than 256 levels deep"))
        try writeBig(
            dir.appendingPathComponent("text-100mb.xml").path,
            head:
                "<assessment xmlns=\"urn:patuh:1\" id=\"h-2\" rubric=\"\(rubric)\" unit=\"\(unit)\" period=\"2023\">\n<answer indicator=\"IN-01\" value=\"3\">\n<note>",
            unit: "ABCDEFGHIJKLMNOP", count: (100 << 20) / 16, tail: "</note></answer></assessment>\n")
        files.append(HostileFile(name: "text-100mb.xml", line: 3, message: "text longer than 1 MB in one element"))
        try writeBig(
            dir.appendingPathComponent("attribute-50mb.xml").path,
            head:
                "<assessment xmlns=\"urn:patuh:1\" id=\"h-3\" rubric=\"\(rubric)\" unit=\"\(unit)\" period=\"2023\" assessor=\"",
            unit: "ABCDEFGHIJKLMNOP", count: (50 << 20) / 16, tail: "\"/>\n")
        files.append(
            HostileFile(name: "attribute-50mb.xml", line: 1, message: "runs on for more than 10 MB without ending"))
        try writeBig(
            dir.appendingPathComponent("registry-100mb.xml").path,
            head: "<registry xmlns=\"urn:patuh:1\">\n<region code=\"14\" level=\"provinsi\" name=\"R\">",
            unit: "<unit id=\"x\" type=\"opd\" name=\"x\"/>", count: (100 << 20) / 35, tail: "</region>\n</registry>\n")
        files.append(HostileFile(name: "registry-100mb.xml", line: nil, message: "file is larger than 64 MB"))

        // A sample survey cut in the middle of a response: its responses must not count
        // (the original, which does count, is in the batch too).
        // (2022: the sample's round for the rubric scored here; the 2023 round answers 2023's.)
        let survey = try String(
            contentsOf: clean.appendingPathComponent("surveys/2022/opini-14-dinkes.xml"), encoding: .utf8)
        let cut = survey.range(of: "<response id=\"r-000012\"")
        #expect(cut != nil)
        try put("truncated.xml", String(survey[..<(cut?.upperBound ?? survey.endIndex)]) + " date=\"2022-0")
        files.append(HostileFile(name: "truncated.xml", line: nil, message: "error"))

        var invalid = Array(assessment("<answer indicator=\"IN-01\" value=\"3\"><note>rusak ").utf8)
        invalid.removeLast("\n</assessment>\n".utf8.count)
        invalid += [0xC3, 0x28] + Array("</note></answer>\n</assessment>\n".utf8)
        try Data(invalid).write(to: dir.appendingPathComponent("invalid-utf8.xml"))
        files.append(HostileFile(name: "invalid-utf8.xml", line: 2, message: "UTF-8"))

        try put("empty.xml", "")
        files.append(HostileFile(name: "empty.xml", line: 1, message: "file is empty"))
        try FileManager.default.createDirectory(
            at: dir.appendingPathComponent("x.xml"), withIntermediateDirectories: true)
        files.append(HostileFile(name: "x.xml", line: nil, message: "is a directory, not an XML file"))
        #expect(
            symlink(dir.appendingPathComponent("loop-b.xml").path, dir.appendingPathComponent("loop-a.xml").path) == 0)
        #expect(
            symlink(dir.appendingPathComponent("loop-a.xml").path, dir.appendingPathComponent("loop-b.xml").path) == 0)
        files.append(HostileFile(name: "loop-a.xml", line: nil, message: "too many levels of symbolic links"))
        files.append(HostileFile(name: "loop-b.xml", line: nil, message: "too many levels of symbolic links"))
        try put("unreadable.xml", assessment("<answer indicator=\"IN-01\" value=\"0\"/>", id: "h-4"))
        #expect(chmod(dir.appendingPathComponent("unreadable.xml").path, 0) == 0)
        files.append(HostileFile(name: "unreadable.xml", line: nil, message: "permission denied"))

        // Number-like values that are not xs:decimal: each assessment is refused at its line.
        let numbers = ["3.0.1", "NaN", "inf", "1e400", "-INF", "3,5"].enumerated().map { i, v in
            "<assessment id=\"h-n\(i)\" rubric=\"\(rubric)\" unit=\"\(unit)\" period=\"2023\"><answer indicator=\"IN-01\" value=\"\(v)\"/></assessment>"
        }
        try put(
            "numbers.xml",
            "<assessments xmlns=\"urn:patuh:1\">\n" + numbers.joined(separator: "\n") + "\n</assessments>\n")
        for (i, v) in ["3.0.1", "NaN", "inf", "1e400", "-INF", "3,5"].enumerated() {
            files.append(HostileFile(name: "numbers.xml", line: i + 2, message: "'\(v)' is not a valid value"))
        }

        // The same assessments sent twice: counted once, each copy warned about.
        try FileManager.default.copyItem(
            at: clean.appendingPathComponent("assessments/2022/14.xml"),
            to: dir.appendingPathComponent("resent.xml"))
        files.append(HostileFile(name: "resent.xml", line: nil, message: "was already read at", rejected: false))
        return files
    }

    @Test func anUnreadableFileIsNamed() throws {
        // As root, mode 000 would not stop a read: the run switches to `nobody` (setpriv).
        let dir = try copyFixture("score")
        let file = dir.appendingPathComponent("assessments/unreadable.xml")
        try FileManager.default.copyItem(at: dir.appendingPathComponent("assessments/2023.xml"), to: file)
        #expect(chmod(file.path, 0) == 0)
        let out = try writableScratchDirectory()
        let run = try measuredPatuh(["score", "--rubric", "uji", dir.path, "--out", out.path])
        #expect(run.status == 1, "\(run.stderr)")
        #expect(
            run.stderr.contains("\(file.path):0:0: error: cannot open the file for reading: permission denied"),
            "\(run.stderr)")
        #expect(run.stderr.contains("rejected: \(file.path)"))
        // The rest is scored as without it.
        let expected = try read(fixtures.appendingPathComponent("expected/units.csv")).replacingOccurrences(
            of: "\n", with: "\r\n")
        #expect(try read(out.appendingPathComponent("units.csv")) == expected)
    }
}
