import Foundation
import PatuhCore
import Testing

@testable import PatuhFormats

/// The quick root sniff answers only for plain files; everything else must fall back to
/// libxml2 (which refuses a DOCTYPE and names what is wrong), so a `nil` here is the safe
/// answer, never a guess.
@Suite struct RootSniffTests {
    func scan(_ text: String) -> RootScan.Root? { RootScan.scan(ArraySlice(Array(text.utf8))) }

    @Test func plainRootWithDeclarationAndComment() throws {
        let root = try #require(
            scan(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- made by hand -->\n"
                    + "<survey xmlns=\"urn:patuh:1\" id=\"s1\" rubric='skm-2017' unit=\"u\">"))
        #expect(root.name == "survey")
        #expect(root.namespace == "urn:patuh:1")
        #expect(root.rubric == "skm-2017")
    }

    @Test func byteOrderMarkIsSkipped() {
        #expect(scan("\u{FEFF}<rubric xmlns=\"urn:patuh:1\" id=\"r\">")?.name == "rubric")
    }

    @Test func anythingUnusualIsLeftToTheParser() {
        // Another encoding: the bytes are not UTF-8 text to be read here.
        #expect(scan("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><survey xmlns=\"urn:patuh:1\">") == nil)
        // A DOCTYPE: libxml2 must see it, to refuse it.
        #expect(
            scan("<?xml version=\"1.0\"?><!DOCTYPE survey [<!ENTITY x \"y\">]><survey xmlns=\"urn:patuh:1\">") == nil)
        // A prefixed root: its namespace is declared under another name.
        #expect(scan("<p:survey xmlns:p=\"urn:patuh:1\">") == nil)
        // A reference in an attribute value would need decoding.
        #expect(scan("<survey xmlns=\"urn:patuh:1\" rubric=\"a&amp;b\">") == nil)
        // The start tag does not end within the bytes read.
        #expect(scan("<survey xmlns=\"urn:patuh:1\" rubric=\"skm") == nil)
        #expect(scan("") == nil)
    }

    @Test func sniffGivesTheSameAnswerEitherWay() throws {
        // A plain file (quick path) and the same root behind a DOCTYPE-free but prefixed form
        // (libxml2 path) agree on the kind and the rubric.
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("patuh-sniff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let plain = dir.appendingPathComponent("a.xml")
        let prefixed = dir.appendingPathComponent("b.xml")
        try Data("<survey xmlns=\"urn:patuh:1\" rubric=\"skm-2017\"/>".utf8).write(to: plain)
        try Data("<p:survey xmlns:p=\"urn:patuh:1\" rubric=\"skm-2017\"/>".utf8).write(to: prefixed)
        let a = try DocumentKind.sniffRoot(plain.path)
        let b = try DocumentKind.sniffRoot(prefixed.path)
        #expect(a.kind == .survey && b.kind == .survey)
        #expect(a.rubric == "skm-2017" && b.rubric == "skm-2017")
    }
}

@Suite struct CommentStoreTests {
    @Test func blocksReadBackInOrder() throws {
        let store = try #require(CommentStore())
        let first = [
            SurveyComment(
                responseID: "r1", service: "KTP-el", text: "Antrian panjang",
                location: SourceLocation(file: "a.xml", line: 12, column: 3)),
            SurveyComment(
                responseID: "r2", service: nil, text: "=HYPERLINK(\"x\") ramah",
                location: SourceLocation(file: "a.xml", line: 20, column: 5))
        ]
        let second = [
            SurveyComment(
                responseID: "r9", service: "KK", text: "Petugas tidak ada di tempat",
                location: SourceLocation(file: "b.xml", line: 7, column: 1))
        ]
        let a = try #require(store.append(first))
        let b = try #require(store.append(second))
        #expect(a.count == 2 && b.count == 1)
        #expect(store.comments(in: b) == second)
        #expect(store.comments(in: a) == first)
        #expect(store.append([]) == nil)
    }
}
