import Testing

@testable import PatuhFormats

/// Comments, notes and root attributes are trimmed byte by byte when their ends are ASCII,
/// by Foundation otherwise: the result must be what Foundation's `.whitespacesAndNewlines`
/// trimming gives. Expected strings written by hand.
@Suite struct TextTrimTests {
    @Test(arguments: [
        ("Pelayanan cepat", "Pelayanan cepat"),
        ("  \t\nAntrean panjang\r\n ", "Antrean panjang"),
        ("\u{0B}\u{0C}x\u{0C}", "x"),  // vertical tab and form feed are white space too
        ("   ", ""),
        ("", ""),
        ("\u{A0}ramah\u{A0}", "ramah"),  // no-break spaces: Foundation's part
        (" \u{3000}cepat\u{2028} ", "cepat"),  // ideographic space, line separator
        ("café ", "café"),  // a non-ASCII end that is not white space stays
        ("a  b", "a  b")  // blanks inside stay
    ])
    func trimsAsFoundationDoes(_ text: String, _ expected: String) {
        #expect(TextBuffer.trimmed(Array(text.utf8)) == expected)
    }

    @Test func declarationsNamingAnEncoding() {
        func names(_ s: String) -> Bool { RootScan.namesNoEncodingOrUTF8(ArraySlice(Array(s.utf8))) }
        #expect(names("<?xml version=\"1.0\""))
        #expect(names("<?xml version=\"1.0\" encoding=\"UTF-8\""))
        #expect(names("<?xml version=\"1.0\" ENCODING=\"utf-8\""))
        #expect(!names("<?xml version=\"1.0\" encoding=\"ISO-8859-1\""))
        #expect(!names("<?xml version=\"1.0\" Encoding=\"UTF-16\""))
    }

    @Test func xmlNamesOfAnyCase() {
        #expect(InputFiles.isXMLName("1403.xml"))
        #expect(InputFiles.isXMLName("1403.XML"))
        #expect(InputFiles.isXMLName("survei-ü.Xml"))
        #expect(!InputFiles.isXMLName(".xml"))
        #expect(!InputFiles.isXMLName("1403.xmlx"))
        #expect(!InputFiles.isXMLName("catatan.txt"))
    }
}
