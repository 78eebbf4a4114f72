import Foundation
import Testing

@testable import PatuhReport

/// The site's own template renderer (`PageTemplates`) against swift-mustache, the slow path
/// it replaces: the same bytes for the same template and context, and the expected text
/// worked out by hand from the Mustache rules for a few cases.
@Suite struct PageTemplatesTests {
    static let partials = [
        ("badge", "<span class=\"b\">{{label}}</span>"),
        ("row", "  <li>{{name}} {{> badge}}</li>\n")
    ]

    func fast(_ template: String, _ context: [String: Any]) throws -> String {
        let templates = try PageTemplates(Self.partials.map { ($0.0, $0.1) } + [("page", template)])
        return String(decoding: templates.render("page", context), as: UTF8.self)
    }

    func slow(_ template: String, _ context: [String: Any]) throws -> String {
        try PageTemplates.referenceRender(Self.partials.map { ($0.0, $0.1) } + [("page", template)], "page", context)
    }

    static var context: [String: Any] {
        [
            "title": "Dinas A, \"Pelayanan\" & <Umum> 'x'", "t": ["home": "Beranda", "period": "Periode"],
            "count": 3, "on": true, "off": false, "empty": "", "none": [[String: Any]](),
            "rows": [["name": "U1", "label": "hijau"], ["name": "U2 <b>", "label": "merah", "link": false]],
            "list": ["a", "b"], "parent": ["link": "../x.html", "name": "Induk"], "html": "<svg/>",
            "mark": "<\u{0338} a", "child": ["deep": ["value": "v"]]
        ]
    }

    @Test(arguments: [
        // Standalone section tags drop their lines; inline ones keep the text around them.
        "<ul>\n{{#rows}}\n{{> row}}\n{{/rows}}\n</ul>\n",
        "  {{#on}}\n  kept\n  {{/on}}\n{{^off}}no{{/off}} {{#off}}x{{/off}}|{{^none}}none{{/none}}\n",
        "<p>{{title}}</p>\n{{{html}}} {{&html}} {{t.home}} {{t.missing}} {{missing}}\n",
        "{{#parent}}{{#link}}<a href=\"{{link}}\">{{name}}</a>{{/link}}{{^link}}{{name}}{{/link}}{{/parent}}\n",
        "{{#rows}}{{#link}}[{{link}}]{{/link}}{{^link}}({{name}}){{/link}}{{title}};{{/rows}}\n",
        "{{#list}}<{{.}}>{{/list}} {{count}} {{on}} {{#empty}}e{{.}}e{{/empty}} {{#count}}[{{.}}]{{/count}}\n",
        "{{mark}} {{child.deep.value}} {{#child}}{{deep.value}}{{/child}}\n   \n\t{{#on}}  x  {{/on}}\n  {{> badge}}\nend",
        "{{#rows}}\n  {{#label}}\n    {{label}}\n  {{/label}}\n{{/rows}}\n  trailing"
    ])
    func sameBytesAsSwiftMustache(_ template: String) throws {
        #expect(try fast(template, Self.context) == slow(template, Self.context))
    }

    @Test func handWorkedCases() throws {
        // The standalone {{#rows}} and {{/rows}} lines vanish; each row is the partial's line,
        // its two leading blanks kept; the name escaped (< as &lt;).
        #expect(
            try fast("<ul>\n{{#rows}}\n{{> row}}\n{{/rows}}\n</ul>\n", Self.context)
                == "<ul>\n  <li>U1 <span class=\"b\">hijau</span></li>\n  <li>U2 &lt;b&gt; <span class=\"b\">merah</span></li>\n</ul>\n"
        )
        // The five characters swift-mustache escapes; a combining mark after < makes one
        // character with it, which is left as it is.
        #expect(
            try fast("{{title}}|{{mark}}", Self.context)
                == "Dinas A, &quot;Pelayanan&quot; &amp; &lt;Umum&gt; &#39;x&#39;|<\u{0338} a")
        // An empty string is still a value: its section renders once, with "" on the stack.
        #expect(try fast("[{{#empty}}e{{.}}e{{/empty}}]", Self.context) == "[ee]")
    }

    /// A word table (`WordTable`) reads as the dictionary it holds: `{{t.home}}` is its word,
    /// a key it lacks is empty (worked out by hand from the template).
    @Test func aWordTableReadsAsItsWords() throws {
        let context: [String: Any] = ["t": WordTable(["home": "Beranda & <b>"])]
        #expect(try fast("[{{t.home}}][{{t.none}}]", context) == "[Beranda &amp; &lt;b&gt;][]")
    }

    /// Values of other types keep the generic rules: a struct's fields are read by reflection,
    /// a dictionary of numbers is a dictionary, an optional inside `Any` is its value
    /// (worked out by hand from the template and the same as swift-mustache gives).
    @Test func valuesOfOtherTypesReadAsBefore() throws {
        struct Place {
            var name = "Pekanbaru & <Riau>"
            var code = 14
        }
        let optional: String? = "ada"
        let context: [String: Any] = [
            "place": Place(), "counts": ["a": 1, "b": 2] as [String: Int], "maybe": optional as Any,
            "ratio": 0.5, "rows": [["name": "x"]] as [[String: String]]
        ]
        let template =
            "{{place.name}}/{{#place}}{{code}}{{/place}}|{{counts.b}}|{{maybe}}{{#maybe}}!{{/maybe}}|{{ratio}}|{{#rows}}{{name}}{{/rows}}"
        #expect(try fast(template, context) == "Pekanbaru &amp; &lt;Riau&gt;/14|2|ada!|0.5|x")
        #expect(try fast(template, context) == slow(template, context))
    }

    @Test func unsupportedTagsAreRefusedWithTheTemplateName() {
        #expect(throws: PageTemplateError.self) { try PageTemplates([("bad", "{{=<% %>=}}")]) }
        #expect(throws: PageTemplateError.self) { try PageTemplates([("bad", "{{#a}}open")]) }
        #expect(throws: PageTemplateError.self) { try PageTemplates([("bad", "{{ upper(a) }}")]) }
    }
}
