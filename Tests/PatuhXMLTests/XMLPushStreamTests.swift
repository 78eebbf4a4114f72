import Foundation
import PatuhCore
import PatuhXML
import Testing

/// Counts elements and keeps text, for the chunk-fed parse.
private final class Counter: XMLStreamHandler {
    var names: [String] = []
    var text = ""
    var lines: [Int] = []
    func start(_ tag: XMLStartTag, in stream: XMLStream) {
        names.append(tag.localName.string)
        lines.append(stream.tagStart.line)
    }
    func end(_ localName: XMLBytes, in stream: XMLStream) {}
    func text(_ bytes: XMLBytes, in stream: XMLStream) { text += bytes.string }
}

/// `XMLPushStream`: the same safe parse as a file's, fed in chunks of any size.
@Suite struct XMLPushStreamTests {
    static let document = "<?xml version=\"1.0\"?>\n<a>\n  <b>één</b>\n  <c x=\"1\"/>\n</a>\n"

    @Test(arguments: [1, 2, 7, 4096])
    func chunksOfAnySizeGiveTheSameEvents(_ size: Int) {
        let handler = Counter()
        let parse = XMLPushStream(name: "part.xml", handler: handler)
        let bytes = Array(Self.document.utf8)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + size)
            bytes[start..<end].withUnsafeBytes { _ = parse.feed($0) }
            start = end
        }
        let result = parse.finish()
        #expect(result.complete)
        #expect(result.diagnostics.isEmpty)
        #expect(handler.names == ["a", "b", "c"])
        #expect(handler.lines == [2, 3, 4])
        #expect(handler.text.contains("één"))
    }

    @Test func doctypeStopsTheParse() {
        let handler = Counter()
        let parse = XMLPushStream(name: "part.xml", handler: handler)
        let xml = "<!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>"
        let more = Array(xml.utf8).withUnsafeBytes { parse.feed($0) }
        #expect(!more)
        let result = parse.finish()
        #expect(!result.complete)
        #expect(result.diagnostics.map(\.message).contains(XMLLimits.doctypeMessage))
        #expect(handler.names.isEmpty)
        #expect(!handler.text.contains("root"))
    }

    @Test func truncatedAndEmptyInputAreErrors() {
        let cut = XMLPushStream(name: "cut.xml", handler: Counter())
        Array("<a><b>".utf8).withUnsafeBytes { _ = cut.feed($0) }
        let result = cut.finish()
        #expect(!result.complete)
        #expect(result.diagnostics.first?.location.file == "cut.xml")
        let empty = XMLPushStream(name: "empty.xml", handler: Counter()).finish()
        #expect(empty.diagnostics.map(\.message) == ["file is empty"])
    }
}
