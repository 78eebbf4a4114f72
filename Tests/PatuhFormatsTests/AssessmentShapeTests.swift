import Foundation
import PatuhCore
import PatuhXML
import Testing

@testable import PatuhFormats

/// The fast path reads plain assessment files without libxml2's validator while
/// `AssessmentShape` checks them. Its one duty: never pass a file the schema refuses. Each
/// case says, worked out by hand from `assessment.xsd` and `common.xsd`, whether the schema
/// accepts the file and whether the check should pass it; libxml2 is asked too, and the
/// reader must give the same result with and without the fast path.
@Suite struct AssessmentShapeTests {
    struct Case: CustomStringConvertible, Sendable {
        var description: String
        var xml: String
        /// What the schema says, by hand.
        var valid: Bool
        /// Whether the check should pass it (never when `valid` is false).
        var plain: Bool
    }

    static let head =
        "id=\"a1\" rubric=\"ombudsman-opini-2022\" unit=\"1471-disdukcapil\" period=\"2022\" assessor=\"Tim 7\" date=\"2022-11-22\" service=\"KTP-el\""

    static let plainAnswer =
        "<answer indicator=\"IN-01\" value=\"2\"><note>Antrean &amp; loket</note><evidence href=\"foto/in-01.png\">Foto</evidence></answer>"

    /// An `assessments` file of one assessment.
    static func many(
        root: String = "", head: String = Self.head, body: String = Self.plainAnswer, more: String = ""
    ) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <assessments xmlns="urn:patuh:1"\(root)>
          <!-- a unit -->
          <assessment \(head)>
            \(body)
          </assessment>\(more)
        </assessments>
        """
    }

    static let cases: [Case] = [
        Case(description: "the generator's form", xml: many(), valid: true, plain: true),
        Case(
            description: "a single assessment as the root",
            xml: "<assessment xmlns=\"urn:patuh:1\" \(head)>\n  \(plainAnswer)\n</assessment>", valid: true,
            plain: true),
        // `assessment` has minOccurs 0 under `assessments`, `answer` minOccurs 0 under `assessment`.
        Case(description: "no assessment", xml: "<assessments xmlns=\"urn:patuh:1\"/>", valid: true, plain: true),
        Case(description: "an assessment without answers", xml: many(body: ""), valid: true, plain: true),
        Case(
            description: "required attributes only, na and decimals",
            xml: many(
                head: "id=\"a1\" rubric=\"r\" unit=\"u\" period=\"2023-S1\"",
                body:
                    "<answer indicator=\"A\" value=\"na\"/><answer indicator=\"B\" value=\"-0.5\"/><answer indicator=\"C\" value=\"+3.\"/>"
            ), valid: true, plain: true),
        Case(
            description: "notes, then evidence, CDATA, comment and PI",
            xml: many(
                body:
                    "<answer indicator=\"A\" value=\"1\"><note><![CDATA[a < b]]></note><note/><!-- x --><?pi y?><evidence href=\"a.png\"/><evidence href=\"https://example.org/b.png\"/></answer>"
            ), valid: true, plain: true),
        Case(
            description: "note of 20,000 two-byte characters",
            xml: many(
                body:
                    "<answer indicator=\"A\" value=\"1\"><note>\(String(repeating: "é", count: 20000))</note></answer>"),
            valid: true, plain: true),
        // Structure.
        Case(
            description: "note of 20,001 characters",
            xml: many(
                body:
                    "<answer indicator=\"A\" value=\"1\"><note>\(String(repeating: "a", count: 20001))</note></answer>"),
            valid: false, plain: false),
        Case(
            description: "a note after evidence (the sequence is notes, then evidence)",
            xml: many(body: "<answer indicator=\"A\" value=\"1\"><evidence href=\"a.png\"/><note>n</note></answer>"),
            valid: false, plain: false),
        Case(
            description: "text inside an answer",
            xml: many(body: "<answer indicator=\"A\" value=\"1\">x</answer>"), valid: false, plain: false),
        Case(
            description: "text inside an assessment",
            xml: many(body: "x" + plainAnswer), valid: false, plain: false),
        Case(
            description: "an element in another namespace",
            xml: many(body: "<x:extra xmlns:x=\"urn:x\"/>" + plainAnswer), valid: false, plain: false),
        Case(
            description: "a root in no namespace",
            xml: "<assessments><assessment \(head)/></assessments>", valid: false, plain: false),
        Case(description: "an attribute on assessments", xml: many(root: " n=\"1\""), valid: false, plain: false),
        Case(
            description: "xml:lang on a note",
            xml: many(body: "<answer indicator=\"A\" value=\"1\"><note xml:lang=\"id\">n</note></answer>"),
            valid: false,
            plain: false),
        Case(
            description: "nested assessments",
            xml: many(body: "<assessment \(head)/>"), valid: false, plain: false),
        // Attributes.
        Case(
            description: "no period", xml: many(head: "id=\"a1\" rubric=\"r\" unit=\"u\""), valid: false, plain: false),
        Case(
            description: "an unknown attribute", xml: many(head: head + " extra=\"x\""), valid: false, plain: false),
        Case(
            description: "period with blanks (xs:token collapses them)",
            xml: many(head: "id=\"a1\" rubric=\"r\" unit=\"u\" period=\" 2022 \""), valid: true, plain: false),
        Case(
            description: "30 February",
            xml: many(head: "id=\"a1\" rubric=\"r\" unit=\"u\" period=\"2022\" date=\"2022-02-30\""), valid: false,
            plain: false),
        Case(
            description: "empty assessor",
            xml: many(head: "id=\"a1\" rubric=\"r\" unit=\"u\" period=\"2022\" assessor=\"\""), valid: false,
            plain: false),
        Case(
            description: "exponent", xml: many(body: "<answer indicator=\"A\" value=\"1e3\"/>"), valid: false,
            plain: false),
        Case(
            description: "answer without indicator", xml: many(body: "<answer value=\"1\"/>"), valid: false,
            plain: false),
        Case(
            description: "evidence without href",
            xml: many(body: "<answer indicator=\"A\" value=\"1\"><evidence>f</evidence></answer>"), valid: false,
            plain: false),
        Case(
            description: "an escaped blank in href (left to the validator)",
            xml: many(body: "<answer indicator=\"A\" value=\"1\"><evidence href=\"foto/a%20b.png\"/></answer>"),
            valid: true, plain: false),
        Case(
            description: "truncated", xml: String(many().dropLast(20)), valid: false, plain: false)
    ]

    @Test(arguments: cases)
    func neverPassesWhatTheSchemaRefuses(_ c: Case) throws {
        let (path, plain, libxml2Valid) = try shapeVerdicts(c.xml, AssessmentShape(), kind: .assessment)
        #expect(libxml2Valid == c.valid, "libxml2 and the hand reading of the schema disagree")
        #expect(plain == c.plain)
        #expect(!plain || libxml2Valid, "the check passed a file the schema refuses")

        let schema = try #require(try SchemaSet(directory: shippedSchemaDirectory).schema(for: .assessment))
        // The reader gives the same file with and without the fast path, remarks kept or not.
        for keepsRemarks in [true, false] {
            func read(_ fast: Bool) -> AssessmentFile {
                AssessmentReader(schema: schema, keepsRemarks: keepsRemarks, checksShapeFirst: fast).read(
                    file: path)
            }
            let (fast, validated) = (read(true), read(false))
            #expect(fast.diagnostics == validated.diagnostics)
            #expect(fast.assessments == validated.assessments)
            #expect(fast.rejected == validated.rejected)
            #expect(fast.complete == validated.complete)
            #expect(fast.skipped == validated.skipped)
        }
    }

    @Test func theShippedSchemasAreTheOnesTheCheckWasWrittenFor() throws {
        // When this fails, assessment.xsd or common.xsd changed: go through AssessmentShape
        // against the new text, then put the fingerprint printed here in AssessmentShape.fingerprint.
        let fingerprint = SchemaSet.assessmentFingerprint(directory: shippedSchemaDirectory)
        #expect(
            fingerprint == AssessmentShape.fingerprint,
            "fingerprint now 0x\(String(fingerprint ?? 0, radix: 16))")
        #expect(try SchemaSet(directory: shippedSchemaDirectory).assessmentShapeApplies)
    }

    @Test func anEditedSchemaTurnsTheFastPathOff() throws {
        let dir = try editedSchemas("assessment.xsd", replacing: "type=\"Name\"/>", with: "type=\"Id\"/>")
        let edited = try SchemaSet(directory: dir)
        #expect(edited.assessmentShapeApplies == false)
        #expect(edited.surveyShapeApplies, "survey.xsd and common.xsd are unchanged")
    }
}
