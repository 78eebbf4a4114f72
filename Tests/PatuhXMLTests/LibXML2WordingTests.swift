import Foundation
import PatuhCore
import PatuhTestSupport
import Testing

@testable import PatuhXML

/// libxml2's messages reach Indonesian readers in Indonesian. The expected texts are written
/// by hand from the English libxml2 gives for each mistake (the English is checked too, so a
/// libxml2 that words a message differently fails here rather than falling back silently).
@Suite struct LibXML2WordingTests {
    private func write(_ text: String, _ name: String) throws -> String {
        let url = try Scratch.directory("wording").appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    private func parseProblems(_ xml: String) throws -> [Diagnostic] {
        XMLStreamParser().parse(file: try write(xml, "doc.xml"), handler: NothingHandler()).diagnostics
    }

    @Test func theParsersCommonMessagesAreInIndonesian() throws {
        let mismatch = try parseProblems("<a>\n<b></c>\n</a>\n")
        #expect(mismatch.first?.message == "Opening and ending tag mismatch: b line 2 and c")
        #expect(
            mismatch.first?.message(in: .id) == "tag pembuka dan penutup tidak cocok: <b> (baris 2) ditutup dengan </c>"
        )

        let twice = try parseProblems("<a x=\"1\" x=\"2\"/>\n")
        #expect(twice.first?.message(in: .id) == "atribut x ditulis dua kali")

        let entity = try parseProblems("<a>&nbsp;</a>\n")
        #expect(entity.first?.message(in: .id) == "entitas 'nbsp' tidak didefinisikan")

        let truncated = try parseProblems("<a>\n<b>\n")
        #expect(
            truncated.contains {
                $0.message(in: .id).hasPrefix(
                    "berkas berakhir sebelum dokumennya selesai (terpotong?): 2 elemen masih terbuka")
            },
            "\(truncated.map { $0.message(in: .en) })")
    }

    @Test func theSchemasCommonMessagesAreInIndonesian() throws {
        let xsd = """
            <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:patuh:1"
                       xmlns="urn:patuh:1" elementFormDefault="qualified">
              <xs:element name="list"><xs:complexType><xs:sequence>
                <xs:element name="item" maxOccurs="unbounded"><xs:complexType>
                  <xs:attribute name="id" type="xs:string" use="required"/>
                  <xs:attribute name="value" type="xs:decimal"/>
                  <xs:attribute name="kind"><xs:simpleType><xs:restriction base="xs:string">
                    <xs:enumeration value="a"/><xs:enumeration value="b"/>
                  </xs:restriction></xs:simpleType></xs:attribute>
                </xs:complexType></xs:element>
              </xs:sequence></xs:complexType></xs:element>
            </xs:schema>
            """
        let schema = try XMLSchema.load(file: try write(xsd, "list.xsd"))
        let doc = try XMLDocument.parse(
            file: try write(
                "<list xmlns=\"urn:patuh:1\">\n<item value=\"x\" kind=\"c\"/>\n<other/>\n</list>\n", "list.xml"))
        let indonesian = Set(schema.validate(doc).map { $0.message(in: .id) })
        let expected: Set<String> = [
            "Elemen 'item': atribut 'id' wajib ada tetapi tidak ada.",
            "Elemen 'item', atribut 'value': 'x' bukan nilai yang sah untuk tipe 'xs:decimal'.",
            "Elemen 'item', atribut 'kind': nilai 'c' bukan salah satu dari {'a', 'b'}.",
            "Elemen 'other': elemen ini tidak diharapkan di sini. Yang diharapkan: ( item )."
        ]
        #expect(indonesian == expected)
    }

    @Test func aMessageOfUnknownShapeKeepsItsEnglish() {
        #expect(LibXML2Wording.indonesian("Something libxml2 says rarely") == nil)
        #expect(LibXML2Wording.indonesian("Element 'x': something rare.") == nil)
    }

    @Test func patternsTakeTheShortestTextBeforeEachLiteral() {
        #expect(LibXML2Wording.match("a 'b' c 'd'", "a '{}' c '{}'") == ["b", "d"])
        #expect(LibXML2Wording.match("a 'it's' c 'd'", "a '{}' c '{}'") == ["it's", "d"])
        #expect(LibXML2Wording.match("abc", "abc") == [])
        #expect(LibXML2Wording.match("abcd", "abc") == nil)
        #expect(LibXML2Wording.match("x line 3", "{} line {}") == ["x", "3"])
        #expect(LibXML2Wording.match("x", "{} line {}") == nil)
    }

    @Test func fileProblemsAreInBothLanguages() throws {
        let empty = try parseProblems("")
        #expect(empty.first?.message(in: .en) == "file is empty")
        #expect(empty.first?.message(in: .id) == "berkas kosong")
        let missing = XMLStreamParser().parse(file: "/nonexistent/patuh/x.xml", handler: NothingHandler())
        #expect(
            missing.diagnostics.first?.message(in: .id) == "berkas tidak dapat dibuka: berkas atau folder itu tidak ada"
        )
    }
}

private final class NothingHandler: XMLStreamHandler {
    func start(_ tag: XMLStartTag, in stream: XMLStream) {}
    func end(_ localName: XMLBytes, in stream: XMLStream) {}
    func text(_ bytes: XMLBytes, in stream: XMLStream) {}
}
