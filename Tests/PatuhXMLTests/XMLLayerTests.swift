import Foundation
import PatuhCore
import PatuhTestSupport
import PatuhXML
import Testing

private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

private func temporaryFile(_ bytes: [UInt8], name: String = "doc.xml") throws -> String {
    let url = try Scratch.directory("xml").appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}

/// Records element names and attribute values as they stream by.
private final class Recorder: XMLStreamHandler {
    var starts: [(String, PatuhCore.SourceLocation)] = []
    var text = ""
    func start(_ tag: XMLStartTag, in stream: XMLStream) {
        starts.append((tag.localName.string, stream.tagStart))
    }
    func end(_ localName: XMLBytes, in stream: XMLStream) {}
    func text(_ bytes: XMLBytes, in stream: XMLStream) { text += bytes.string }
}

@Suite struct XMLDocumentTests {
    @Test func parsesAndReadsLinesAndAttributes() throws {
        let path = try temporaryFile(Array("<a xmlns=\"urn:patuh:1\">\n  <b k=\"v &amp; w\">teks</b>\n</a>\n".utf8))
        let doc = try XMLDocument.parse(file: path)
        let b = try #require(doc.root?.children.first)
        #expect(b.name == "b")
        #expect(b.attribute("k") == "v & w")
        #expect(b.text == "teks")
        #expect(b.location.line == 2)
        #expect(doc.root?.namespace == "urn:patuh:1")
    }

    @Test func externalEntityIsNeverRead() throws {
        let xml = "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/hostname\">]>\n<a>&x;</a>\n"
        let path = try temporaryFile(Array(xml.utf8))
        #expect(throws: Rejection.self) { try XMLDocument.parse(file: path) }
        do {
            _ = try XMLDocument.parse(file: path)
        } catch {
            #expect(error.diagnostics.first?.message.contains("DOCTYPE") == true)
            #expect(error.diagnostics.first?.location.line == 1)
        }
    }

    @Test func aDirectoryNamedLikeAFileIsNamed() throws {
        let dir = Scratch.root.appendingPathComponent("dir-\(UUID().uuidString)/x.xml")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        do {
            _ = try XMLDocument.parse(file: dir.path)
            Issue.record("a directory parsed")
        } catch {
            #expect(error.diagnostics.first?.message.contains("is a directory") == true)
            #expect(error.diagnostics.first?.location.file == dir.path)
        }
    }
    // Ten thousand parses do not grow memory: measured in a child process of its own
    // (patuhTests/MemoryBoundTests), not here, where other suites run at the same time.
}

@Suite struct XMLStreamTests {
    @Test func startTagsCarryTheirLineAndColumn() throws {
        let path = try temporaryFile(Array("<a>\n  <b x=\"1\"/>\n    <c\n y=\"2\"/>\n</a>\n".utf8))
        let recorder = Recorder()
        let result = XMLStreamParser().parse(file: path, handler: recorder)
        #expect(result.complete)
        #expect(recorder.starts.map(\.0) == ["a", "b", "c"])
        #expect(recorder.starts[1].1.line == 2 && recorder.starts[1].1.column == 3)
        #expect(recorder.starts[2].1.line == 3 && recorder.starts[2].1.column == 5)
    }

    @Test func latin1WithItsDeclarationIsRead() throws {
        let recorder = Recorder()
        let result = XMLStreamParser().parse(
            file: fixtures.appendingPathComponent("latin1.xml").path, handler: recorder)
        #expect(result.complete)
        #expect(recorder.text == "café")
    }

    @Test func invalidUTF8IsRejectedWithItsLine() throws {
        let path = try temporaryFile(Array("<a>\n<b>ok</b>\n<b>".utf8) + [0xC3, 0x28] + Array("</b>\n</a>\n".utf8))
        let result = XMLStreamParser().parse(file: path, handler: Recorder())
        #expect(!result.complete)
        #expect(result.diagnostics.contains { $0.location.line == 3 && $0.message.contains("UTF-8") })
    }

    @Test func emptyFileIsNamed() throws {
        let path = try temporaryFile([])
        let result = XMLStreamParser().parse(file: path, handler: Recorder())
        #expect(!result.complete)
        #expect(result.diagnostics.first?.message == "file is empty")
        #expect(result.diagnostics.first?.location.file == path)
    }

    @Test func billionLaughsStopsAtTheDoctype() throws {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for i in 1...9 {
            xml += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">\n"
        }
        xml += "]>\n<lolz>&lol9;</lolz>\n"
        let recorder = Recorder()
        let result = XMLStreamParser().parse(file: try temporaryFile(Array(xml.utf8)), handler: recorder)
        #expect(!result.complete)
        #expect(recorder.text.isEmpty)
        #expect(result.diagnostics.first?.message.contains("DOCTYPE") == true)
    }
}
