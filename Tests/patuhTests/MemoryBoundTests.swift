import Foundation
import PatuhTestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

// Memory bounds of hostile reads, each measured in a child process of its own (PatuhProbe),
// whose peak resident memory the kernel accounts for it alone (wait4): what other suites do
// in the test process at the same time cannot move the figure. The reads' verdicts (which
// message, which line) are tested in-process in PatuhFormatsTests and PatuhXMLTests.

/// The probe executable built beside the test bundle.
private func probeExecutable() throws -> String {
    let patuh = try patuhExecutable()
    let probe = patuh.deletingLastPathComponent().appendingPathComponent("PatuhProbe").path
    guard FileManager.default.isExecutableFile(atPath: probe) else { throw CocoaError(.fileNoSuchFile) }
    return probe
}

/// Runs the probe with `arguments`; its exit status and peak resident memory in bytes.
private func probe(_ arguments: [String]) throws -> (status: Int32, peak: Int, stderr: String) {
    let executable = try probeExecutable()
    let err = try scratchDirectory().appendingPathComponent("stderr").path
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 2, err, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let argv = [executable] + arguments
    let cArgs = argv.map { strdup($0) } + [nil]
    defer { for p in cArgs { free(p) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, executable, &actions, nil, cArgs, environ) == 0 else { throw CocoaError(.executableLoad) }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    return (code, usage.ru_maxrss * 1024, (try? String(contentsOfFile: err, encoding: .utf8)) ?? "")
}

private let schemas = repositoryRoot.appendingPathComponent("Rubrics/schema").path

/// Writes `head`, `count` copies of `unit` and `tail` to a file, streamed, never held.
private func bigFile(head: String, unit: String, count: Int, tail: String) throws -> String {
    let path = try scratchDirectory().appendingPathComponent("big.xml").path
    FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    try handle.write(contentsOf: Data(head.utf8))
    let perBlock = max(1, (1 << 20) / unit.utf8.count)
    let block = Data(String(repeating: unit, count: perBlock).utf8)
    var written = 0
    while written < count {
        try handle.write(
            contentsOf: written + perBlock <= count ? block : Data(String(repeating: unit, count: count - written).utf8)
        )
        written += perBlock
    }
    try handle.write(contentsOf: Data(tail.utf8))
    return path
}

@Suite(.serialized) struct MemoryBoundTests {
    /// What the probe holds doing nothing: the base the bounds are measured from.
    let base: Int

    init() throws {
        let run = try probe(["nothing"])
        #expect(run.status == 0)
        base = run.peak
    }

    private func expectBounded(_ arguments: [String], growth: Int, _ what: String) throws {
        let run = try probe(arguments)
        #expect(run.status == 0, "\(what): \(run.stderr)")
        #expect(run.peak - base < growth, "\(what): peak \((run.peak - base) >> 20) MB above the probe's base")
    }

    @Test func aTextNodeOf100MBIsStoppedWithoutBeingHeld() throws {
        let path = try bigFile(
            head:
                "<assessment xmlns=\"urn:patuh:1\" id=\"a1\" rubric=\"skm-2017\" unit=\"1471-disdukcapil\" period=\"2023\">\n<answer indicator=\"U1\" value=\"3\">\n<note>",
            unit: "ABCDEFGHIJKLMNOP", count: (100 << 20) / 16, tail: "</note></answer></assessment>\n")
        try expectBounded(["stream-assessment", path, schemas], growth: 48 << 20, "streamed 100 MB text")
        // Read whole (rubrics, registries): refused by its size, before a byte is read.
        try expectBounded(["parse-whole", path], growth: 16 << 20, "100 MB file read whole")
    }

    @Test func anAttributeOf50MBIsRefusedWithinBounds() throws {
        let streamed = try bigFile(
            head:
                "<assessment xmlns=\"urn:patuh:1\" id=\"a1\" rubric=\"skm-2017\" unit=\"1471-disdukcapil\" period=\"2023\"\n assessor=\"",
            unit: "ABCDEFGHIJKLMNOP", count: (50 << 20) / 16, tail: "\"/>\n")
        try expectBounded(["stream-assessment", streamed, schemas], growth: 48 << 20, "streamed 50 MB attribute")
        let whole = try bigFile(
            head: "<registry xmlns=\"urn:patuh:1\">\n<region code=\"14\" level=\"provinsi\" name=\"",
            unit: "ABCDEFGHIJKLMNOP", count: (50 << 20) / 16, tail: "\"/>\n</registry>\n")
        // The file (under the 64 MB cap) is read into memory before parsing: bounded by the cap.
        try expectBounded(["parse-whole", whole], growth: 160 << 20, "50 MB attribute read whole")
    }

    @Test func aTextOf20MBInARubricIsBoundedByTheFileCap() throws {
        let head = """
            <rubric xmlns="urn:patuh:1" id="r" version="1">
            <title lang="id">R</title><basis>
            """
        let path = try bigFile(
            head: head, unit: "ABCDEFGHIJKLMNOP", count: (20 << 20) / 16,
            tail:
                "</basis><indicator id=\"I1\" min=\"0\" max=\"1\"><title lang=\"id\">I</title></indicator><bands><band id=\"A\" min=\"0\"><label lang=\"id\">A</label><label lang=\"en\">A</label></band></bands></rubric>\n"
        )
        try expectBounded(["read-rubric", path, schemas], growth: 160 << 20, "20 MB basis")
    }

    @Test func entityExpansionsAreRefusedBeforeTheyCostAnything() throws {
        let laughs =
            "<!DOCTYPE l [<!ENTITY l0 \"lol\">"
            + (1...9).map { "<!ENTITY l\($0) \"" + String(repeating: "&l\($0 - 1);", count: 10) + "\">" }.joined()
            + "]>"
        let quadratic = "<!DOCTYPE q [<!ENTITY a \"" + String(repeating: "a", count: 100_000) + "\">]>"
        for (doctype, reference, what) in [
            (laughs, "&l9;", "billion laughs"), (quadratic, String(repeating: "&a;", count: 10_000), "quadratic blowup")
        ] {
            for root in [
                "<rubric xmlns=\"urn:patuh:1\" id=\"r\"><basis>",
                "<assessment xmlns=\"urn:patuh:1\" id=\"a\" rubric=\"r\" unit=\"u\" period=\"2023\"><answer indicator=\"I\" value=\"1\"><note>",
                "<survey xmlns=\"urn:patuh:1\" rubric=\"r\" unit=\"u\" period=\"2023\"><response id=\"x\"><comment>"
            ] {
                let path = try scratchDirectory().appendingPathComponent("hostile.xml")
                try ("<?xml version=\"1.0\"?>\n" + doctype + "\n" + root + reference).write(
                    to: path, atomically: false, encoding: .utf8)
                try expectBounded(["load", path.path, schemas], growth: 32 << 20, "\(what) in \(root.prefix(12))")
            }
        }
    }

    @Test func tenThousandParsesDoNotGrowMemory() throws {
        let path = try scratchDirectory().appendingPathComponent("small.xml").path
        try "<a xmlns=\"urn:patuh:1\"><b k=\"v\">t</b><c/></a>".write(toFile: path, atomically: false, encoding: .utf8)
        let warm = try probe(["parse-many", path, "1000"])
        let many = try probe(["parse-many", path, "11000"])
        #expect(warm.status == 0 && many.status == 0)
        // A leak of one small tree a parse (~1 KB) would add ~10 MB over the 10,000 extra parses.
        #expect(many.peak - warm.peak < 2 << 20, "peak grew by \((many.peak - warm.peak) >> 10) KB over 10,000 parses")
    }
}
