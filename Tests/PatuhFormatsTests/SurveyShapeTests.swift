import Foundation
import PatuhCore
import PatuhXML
import Testing

@testable import PatuhFormats

/// The fast path reads plain survey files without libxml2's validator while `SurveyShape`
/// checks them. Its one duty: never pass a file the schema refuses. Each case below says,
/// worked out by hand from `survey.xsd` and `common.xsd`, whether the schema accepts the
/// file and whether the check should pass it; libxml2 is asked too, and the reader must give
/// the same result with and without the fast path.
@Suite struct SurveyShapeTests {
    struct Case: CustomStringConvertible, Sendable {
        var description: String
        var xml: String
        /// What the schema says, by hand.
        var valid: Bool
        /// Whether the check should pass it (never when `valid` is false).
        var plain: Bool
    }

    static func survey(
        root: String = "rubric=\"skm-2017\" unit=\"1471-disdukcapil\" period=\"2023-S1\"",
        response: String = "id=\"r1\" date=\"2023-02-01\" service=\"KTP-el\" gender=\"P\" age=\"34\"",
        body: String = "<answer indicator=\"U1\" value=\"4\"/><answer indicator=\"U2\" value=\"3\"/>",
        more: String = ""
    ) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <survey xmlns="urn:patuh:1" \(root)>
          <response \(response)>
            \(body)
          </response>\(more)
        </survey>
        """
    }

    static let plainAnswer = "<answer indicator=\"U1\" value=\"4\"/>"

    static let cases: [Case] = [
        Case(description: "the generator's form", xml: survey(), valid: true, plain: true),
        Case(
            description: "file id, comments, PI and XML comment",
            xml: survey(
                root: "id=\"s-1\" rubric=\"skm-2017\" unit=\"u1\" period=\"2023\"",
                body: plainAnswer + "<!-- note --><?pi x?><comment>Antrian &amp; loket</comment><comment/>"),
            valid: true, plain: true),
        Case(
            description: "period with two parts",
            xml: survey(root: "rubric=\"skm-2017\" unit=\"u\" period=\"2023-S1-x\""),
            valid: true, plain: true),
        // Values: every plain decimal spelling passes; the range is the handler's business.
        Case(
            description: "decimals",
            xml: survey(
                body: "<answer indicator=\"U1\" value=\"+3\"/><answer indicator=\"U2\" value=\"-0\"/>"
                    + "<answer indicator=\"U3\" value=\".5\"/><answer indicator=\"U4\" value=\"3.\"/><answer indicator=\"U5\" value=\"9\"/>"
                    + "<answer indicator=\"U6\" value=\"na\"/>"), valid: true, plain: true),
        Case(
            description: "value with blanks (xs:decimal collapses them)",
            xml: survey(body: "<answer indicator=\"U1\" value=\" 3 \"/>"), valid: true, plain: false),
        Case(
            description: "exponent", xml: survey(body: "<answer indicator=\"U1\" value=\"1e3\"/>"), valid: false,
            plain: false),
        Case(
            description: "empty value", xml: survey(body: "<answer indicator=\"U1\" value=\"\"/>"), valid: false,
            plain: false),
        Case(
            description: "a lone point", xml: survey(body: "<answer indicator=\"U1\" value=\".\"/>"), valid: false,
            plain: false),
        Case(
            description: "30 digits",
            xml: survey(body: "<answer indicator=\"U1\" value=\"\(String(repeating: "1", count: 30))\"/>"),
            valid: false, plain: false),
        Case(
            description: "indicator with a blank inside", xml: survey(body: "<answer indicator=\"U 1\" value=\"3\"/>"),
            valid: false, plain: false),
        Case(
            description: "answer without value", xml: survey(body: "<answer indicator=\"U1\"/>"), valid: false,
            plain: false),
        // Dates.
        Case(
            description: "29 February of a leap year", xml: survey(response: "id=\"r1\" date=\"2024-02-29\""),
            valid: true, plain: true),
        Case(
            description: "29 February of 2023", xml: survey(response: "id=\"r1\" date=\"2023-02-29\""), valid: false,
            plain: false),
        Case(
            description: "31 April", xml: survey(response: "id=\"r1\" date=\"2023-04-31\""), valid: false, plain: false),
        Case(
            description: "month 13", xml: survey(response: "id=\"r1\" date=\"2023-13-01\""), valid: false, plain: false),
        Case(
            description: "year 0000", xml: survey(response: "id=\"r1\" date=\"0000-01-01\""), valid: false, plain: false
        ),
        Case(
            description: "one-digit month", xml: survey(response: "id=\"r1\" date=\"2023-1-01\""), valid: false,
            plain: false),
        Case(
            description: "date with a time zone", xml: survey(response: "id=\"r1\" date=\"2023-01-01Z\""), valid: true,
            plain: false),
        // Ages, genders, names.
        Case(description: "age 130", xml: survey(response: "id=\"r1\" age=\"130\""), valid: true, plain: true),
        Case(
            description: "age with leading zeros", xml: survey(response: "id=\"r1\" age=\"007\""), valid: true,
            plain: true),
        Case(description: "age 131", xml: survey(response: "id=\"r1\" age=\"131\""), valid: false, plain: false),
        Case(description: "negative age", xml: survey(response: "id=\"r1\" age=\"-1\""), valid: false, plain: false),
        Case(description: "gender X", xml: survey(response: "id=\"r1\" gender=\"X\""), valid: false, plain: false),
        Case(
            description: "gender with blanks (xs:token collapses them)",
            xml: survey(response: "id=\"r1\" gender=\" L \""),
            valid: true, plain: false),
        Case(description: "empty service", xml: survey(response: "id=\"r1\" service=\"\""), valid: false, plain: false),
        Case(
            description: "service of 512 two-byte characters",
            xml: survey(response: "id=\"r1\" service=\"\(String(repeating: "é", count: 512))\""), valid: true,
            plain: true),
        Case(
            description: "service of 513 characters",
            xml: survey(response: "id=\"r1\" service=\"\(String(repeating: "a", count: 513))\""), valid: false,
            plain: false),
        Case(
            description: "id of 129 characters", xml: survey(response: "id=\"\(String(repeating: "a", count: 129))\""),
            valid: false, plain: false),
        Case(description: "id starting with a dot", xml: survey(response: "id=\".r1\""), valid: false, plain: false),
        Case(
            description: "response without id", xml: survey(response: "date=\"2023-01-01\""), valid: false, plain: false
        ),
        Case(
            description: "an attribute the schema does not know", xml: survey(response: "id=\"r1\" kota=\"x\""),
            valid: false, plain: false),
        Case(
            description: "xsi:type on an answer",
            xml: survey(
                body:
                    "<answer xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"xs:anyType\" indicator=\"U1\" value=\"3\"/>"
            ),
            valid: false, plain: false),
        Case(
            description: "xml:lang on a comment",
            xml: survey(body: plainAnswer + "<comment xml:lang=\"id\">x</comment>"),
            valid: false, plain: false),
        Case(
            description: "missing period", xml: survey(root: "rubric=\"skm-2017\" unit=\"u\""), valid: false,
            plain: false),
        Case(
            description: "period with an empty part",
            xml: survey(root: "rubric=\"skm-2017\" unit=\"u\" period=\"2023-\""),
            valid: false, plain: false),
        // Structure.
        Case(
            description: "response without answers", xml: survey(body: "<comment>x</comment>"), valid: false,
            plain: false),
        Case(
            description: "answer after a comment",
            xml: survey(body: plainAnswer + "<comment>x</comment>" + plainAnswer),
            valid: false, plain: false),
        Case(description: "text in a response", xml: survey(body: plainAnswer + "oops"), valid: false, plain: false),
        Case(
            description: "text in an answer", xml: survey(body: "<answer indicator=\"U1\" value=\"3\">x</answer>"),
            valid: false, plain: false),
        // The parse options merge CDATA into text (XML_PARSE_NOCDATA), for the validator too.
        Case(
            description: "CDATA in a comment", xml: survey(body: plainAnswer + "<comment><![CDATA[a <b>]]></comment>"),
            valid: true, plain: true),
        Case(
            description: "blank CDATA between answers", xml: survey(body: plainAnswer + "<![CDATA[ ]]>" + plainAnswer),
            valid: true, plain: true),
        Case(
            description: "CDATA text between answers", xml: survey(body: plainAnswer + "<![CDATA[x]]>" + plainAnswer),
            valid: false, plain: false),
        Case(
            description: "comment of 20,000 characters",
            xml: survey(body: plainAnswer + "<comment>\(String(repeating: "é", count: 20000))</comment>"), valid: true,
            plain: true),
        Case(
            description: "comment of 20,001 characters",
            xml: survey(body: plainAnswer + "<comment>\(String(repeating: "a", count: 20001))</comment>"), valid: false,
            plain: false),
        Case(
            description: "element outside the namespace",
            xml: survey(body: plainAnswer + "<comment xmlns=\"\">x</comment>"),
            valid: false, plain: false),
        Case(description: "unknown element", xml: survey(more: "<extra/>"), valid: false, plain: false),
        // Handler errors in an otherwise plain file: both paths must report them alike.
        Case(
            description: "value out of range, duplicate response id, unknown indicator",
            xml: survey(
                body: "<answer indicator=\"U1\" value=\"9\"/><answer indicator=\"U99\" value=\"1\"/>",
                more: "<response id=\"r1\"><answer indicator=\"U1\" value=\"2\"/></response>"),
            valid: true, plain: true),
        Case(description: "truncated file", xml: String(survey().prefix(200)), valid: false, plain: false)
    ]

    @Test(arguments: cases)
    func neverPassesWhatTheSchemaRefuses(_ c: Case) throws {
        let (path, plain, libxml2Valid) = try shapeVerdicts(c.xml, SurveyShape(), kind: .survey)
        #expect(libxml2Valid == c.valid, "libxml2 and the hand reading of the schema disagree")
        #expect(plain == c.plain)
        #expect(!plain || libxml2Valid, "the check passed a file the schema refuses")

        let schema = try #require(try SchemaSet(directory: shippedSchemaDirectory).schema(for: .survey))
        // The reader gives the same file with and without the fast path.
        let rubric = try makeLoader().readRubric(file: rubricsDirectory + "/skm-2017.xml")
        func read(_ fast: Bool) -> SurveyFile {
            SurveyReader(schema: schema, registry: nil, checksShapeFirst: fast) { $0 == rubric.id ? rubric : nil }
                .read(file: path)
        }
        let (fast, validated) = (read(true), read(false))
        #expect(fast.diagnostics == validated.diagnostics)
        #expect(fast.summary == validated.summary)
        #expect(fast.accepted == validated.accepted)
        #expect(fast.excluded == validated.excluded)
        #expect(fast.complete == validated.complete)
    }

    @Test func theShippedSchemasAreTheOnesTheCheckWasWrittenFor() throws {
        // When this fails, survey.xsd or common.xsd changed: go through SurveyShape against the
        // new text, then put the fingerprint printed here in SurveyShape.fingerprint.
        let fingerprint = SchemaSet.surveyFingerprint(directory: shippedSchemaDirectory)
        #expect(
            fingerprint == SurveyShape.fingerprint,
            "fingerprint now 0x\(String(fingerprint ?? 0, radix: 16))")
        #expect(try SchemaSet(directory: shippedSchemaDirectory).surveyShapeApplies)
    }

    @Test func anEditedSchemaTurnsTheFastPathOff() throws {
        let dir = try editedSchemas(
            "common.xsd", replacing: "<xs:maxLength value=\"512\"/>", with: "<xs:maxLength value=\"80\"/>")
        #expect(try SchemaSet(directory: dir).surveyShapeApplies == false)
    }
}
