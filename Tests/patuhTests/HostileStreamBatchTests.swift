import Foundation
import Testing

// End-to-end hostile cases of the stream parser (Sources/PatuhXML/XMLStream.swift): deep
// nesting costs no memory, and a broken UTF-16 survey changes no one's score.

@Suite(.serialized) struct HostileStreamBatchTests {
    /// Memory must not grow with nesting: a streamed assessment four million elements deep
    /// (28 MB) peaked about 80 MB above a flat one, measured per process.
    @Test func nestingMillionsDeepCostsNoMemory() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: dir.path)
        func assessment(depth: Int) -> String {
            "<assessment xmlns=\"urn:patuh:1\" id=\"a1\" rubric=\"uji\" unit=\"99-opd1\" period=\"2023\">\n"
                + String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth) + "\n</assessment>\n"
        }
        let flat = dir.appendingPathComponent("flat.xml")
        let deep = dir.appendingPathComponent("deep.xml")
        try Data(assessment(depth: 10).utf8).write(to: flat)
        try Data(assessment(depth: 4_000_000).utf8).write(to: deep)
        let registry = fixtures.appendingPathComponent("score/registry.xml").path
        let rubric = fixtures.appendingPathComponent("score/uji.xml").path
        let small = try measuredPatuh(["validate", registry, rubric, flat.path], unprivileged: false)
        let big = try measuredPatuh(["validate", registry, rubric, deep.path], unprivileged: false)
        #expect(big.status == 1)
        #expect(big.stderr.contains("\(deep.path):2:"), "\(big.stderr)")
        #expect(big.stderr.contains("elements are nested more than 256 levels deep"), "\(big.stderr)")
        #expect(
            big.peakBytes < small.peakBytes + (32 << 20),
            "peak \(big.peakBytes >> 20) MB four million deep, \(small.peakBytes >> 20) MB ten deep")
    }

    /// A survey of a sample unit in UTF-16 whose third response holds an unpaired surrogate:
    /// the file is named with its line, and the two responses before the bad bytes must not
    /// count (they did: libxml2 halts without clearing wellFormed), so every output stays as
    /// the sample alone gives it. No bare "xmlParseChunk: encoder error" line either.
    @Test func aBrokenUTF16SurveyChangesNoScore() throws {
        let clean = try copyOfTheSample()
        let batch = try copyOfTheSample()
        defer { try? FileManager.default.removeItem(at: batch.deletingLastPathComponent()) }
        func response(_ i: Int) -> String {
            "  <response id=\"h\(i)\">" + (1...8).map { "<answer indicator=\"OUT-0\($0)\" value=\"1\"/>" }.joined()
                + "</response>\n"
        }
        func utf16(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        var bytes: [UInt8] = [0xFF, 0xFE]
        bytes += utf16(
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<survey xmlns=\"urn:patuh:1\" rubric=\"ombudsman-opini-2022\" unit=\"14-dinkes\" period=\"2023\">\n"
        )
        bytes += utf16(response(1) + response(2) + "  <response id=\"h3\"><comment>rusak ")
        bytes += [0x00, 0xD8]
        bytes += utf16("x</comment></response>\n" + response(4) + "</survey>\n")
        let path = batch.appendingPathComponent("utf16-broken.xml").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let cleanOut = try scratchDirectory()
        let batchOut = try scratchDirectory()
        _ = try measuredPatuh(
            ["score", "--rubric", "ombudsman-opini-2022", clean.path, "--out", cleanOut.path], unprivileged: false)
        let run = try measuredPatuh(
            ["score", "--rubric", "ombudsman-opini-2022", batch.path, "--out", batchOut.path], unprivileged: false)
        #expect(run.status == 1)
        #expect(run.stderr.contains("rejected: \(path)"))
        #expect(
            run.stderr.contains("\(path):5:"), "\(run.stderr.split(separator: "\n").filter { $0.contains("utf16") })")
        #expect(!run.stderr.contains("xmlParseChunk"))
        for name in ["units.csv", "regions.csv", "indicators.csv"] {
            #expect(
                try read(batchOut.appendingPathComponent(name)) == read(cleanOut.appendingPathComponent(name)),
                "\(name) changed")
        }
    }
}
