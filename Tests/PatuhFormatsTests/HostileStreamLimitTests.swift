import Foundation
import PatuhCore
import PatuhFormats
import PatuhXML
import Testing

// Hostile-input cases of the stream parser (Sources/PatuhXML/XMLStream.swift): a depth limit
// libxml2's push parser lacks, and a file halted mid-way by an encoding error.

@Suite(.serialized) struct HostileStreamLimitTests {
    /// libxml2's push parser, unlike its whole-document parser, has no depth limit: a
    /// streamed file of millions of nested elements was read to its end, its name stacks and
    /// the schema validator's element stack growing with every level (peak memory, measured
    /// per process, in HostileStreamBatchTests). A stream must stop at the depth a
    /// document read whole stops at, with the same message.
    @Test func aStreamNestedMillionsDeepStopsAtTheDepthLimit() throws {
        let depth = 1_000_000
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("deep.xml").path
        let head =
            "<assessment xmlns=\"urn:patuh:1\" id=\"a1\" rubric=\"skm-2017\" unit=\"1471-disdukcapil\" period=\"2023\">\n"
        try Data(
            (head + String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth)
                + "\n</assessment>\n").utf8
        )
        .write(to: URL(fileURLWithPath: path))
        let loader = try makeLoader()
        let read = AssessmentReader(schema: loader.schemas.schema(for: .assessment)).read(file: path)
        #expect(read.assessments.isEmpty)
        #expect(
            read.diagnostics.contains {
                $0.location.file == path && $0.location.line == 2 && $0.message == XMLLimits.depthMessage
            },
            "\(read.diagnostics)")
    }

    /// A UTF-16 survey whose third response holds an unpaired surrogate: libxml2 halts the
    /// push parser on the conversion error without clearing `wellFormed`, so the stream
    /// took the file for complete and counted the two responses before the error, though
    /// the file is listed as rejected. A file not read to its end must count nothing, like
    /// a truncated one.
    @Test func anEncodingErrorInTheMiddleCountsNothingFromTheFile() throws {
        func response(_ i: Int) -> String {
            "  <response id=\"r\(i)\">" + (1...9).map { "<answer indicator=\"U\($0)\" value=\"3\"/>" }.joined()
                + "</response>\n"
        }
        func utf16(_ s: String) -> [UInt8] { s.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        var bytes: [UInt8] = [0xFF, 0xFE]
        bytes += utf16(
            "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<survey xmlns=\"urn:patuh:1\" rubric=\"skm-2017\" unit=\"1471-disdukcapil\" period=\"2023\">\n"
        )
        bytes += utf16(response(1) + response(2) + "  <response id=\"r3\"><comment>rusak ")
        bytes += [0x00, 0xD8]  // a high surrogate with no low surrogate after it
        bytes += utf16("x</comment></response>\n" + response(4) + "</survey>\n")
        let dir = try scratchDirectory()
        try Data(registryXML.utf8).write(to: dir.appendingPathComponent("registry.xml"))
        let path = dir.appendingPathComponent("survey.xml").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        let inputs = try makeLoader().load([dir.path])
        let survey = try #require(inputs.surveyFiles.first)
        #expect(
            inputs.diagnostics.contains { $0.severity == .error && $0.location.file == path && $0.location.line == 5 },
            "\(inputs.diagnostics)")
        #expect(!survey.complete, "a file not read to its end was taken for complete")
        #expect(survey.accepted == 0, "\(survey.accepted) responses counted from a file that was not read to its end")
    }
}
