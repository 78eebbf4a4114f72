import PatuhCore

/// Collects the parts of an XForm as questions are added: the primary instance's fields,
/// translated texts (`itext`), binds and body controls, then writes them out in order.
/// Every text from a rubric or registry is escaped here.
struct XFormBuilder {
    /// Fields of the primary instance, as paths below its root, with default values.
    private(set) var fields: [(path: String, value: String?)] = []
    private(set) var texts: [(id: String, text: LocalizedText)] = []
    private(set) var binds: [String] = []
    private(set) var actions: [String] = []
    private(set) var body: [String] = []
    private var depth = 0

    static func absolute(_ path: String) -> String { "/\(FieldForm.rootName)/\(path)" }

    static func attr(_ text: String) -> String { XMLText.escaped(text, in: .attribute) }

    /// Adds a field to the instance, with its bind.
    mutating func field(
        _ path: String, type: String = "string", default value: String? = nil,
        _ properties: [(String, String)] = []
    ) {
        fields.append((path, value))
        var bind = "<bind nodeset=\"\(Self.absolute(path))\" type=\"\(type)\""
        for (name, value) in properties { bind += " \(name)=\"\(Self.attr(value))\"" }
        binds.append(bind + "/>")
    }

    /// A field the body does not show (metadata, calculated values).
    mutating func hidden(_ path: String, _ properties: [(String, String)]) {
        field(path, properties)
    }

    /// An action run when a new record is started (`odk-instance-first-load`).
    mutating func setOnFirstLoad(_ path: String, value expression: String) {
        actions.append(
            "<setvalue event=\"odk-instance-first-load\" ref=\"\(Self.absolute(path))\" value=\"\(Self.attr(expression))\"/>"
        )
    }

    /// Registers a translated text; returns the `jr:itext(…)` reference to it.
    mutating func text(_ id: String, _ text: LocalizedText) -> String {
        texts.append((id, text))
        return "jr:itext('\(id)')"
    }

    private mutating func line(_ markup: String) {
        body.append(String(repeating: "  ", count: depth + 2) + markup)
    }

    private mutating func labelAndHint(_ path: String, label: LocalizedText, hint: LocalizedText?) {
        line("  <label ref=\"\(text(Self.absolute(path) + ":label", label))\"/>")
        if let hint, !hint.isEmpty { line("  <hint ref=\"\(text(Self.absolute(path) + ":hint", hint))\"/>") }
    }

    /// A typed answer (text, number, date).
    mutating func input(_ path: String, label: LocalizedText, hint: LocalizedText? = nil, appearance: String? = nil) {
        line("<input ref=\"\(Self.absolute(path))\"" + (appearance.map { " appearance=\"\($0)\"" } ?? "") + ">")
        labelAndHint(path, label: label, hint: hint)
        line("</input>")
    }

    /// One of a fixed list of answers, each with a translated label.
    mutating func select1(
        _ path: String, label: LocalizedText, hint: LocalizedText? = nil,
        choices: [(value: String, label: LocalizedText)]
    ) {
        line("<select1 ref=\"\(Self.absolute(path))\">")
        labelAndHint(path, label: label, hint: hint)
        for (i, choice) in choices.enumerated() {
            line("  <item>")
            line("    <label ref=\"\(text(Self.absolute(path) + ":option\(i)", choice.label))\"/>")
            line("    <value>\(XMLText.escaped(choice.value))</value>")
            line("  </item>")
        }
        line("</select1>")
    }

    /// One of the items of a secondary instance (`nodeset` selects them; each has `name` and `label`).
    mutating func select1(_ path: String, label: LocalizedText, itemset nodeset: String) {
        line("<select1 ref=\"\(Self.absolute(path))\">")
        labelAndHint(path, label: label, hint: nil)
        line("  <itemset nodeset=\"\(Self.attr(nodeset))\">")
        line("    <value ref=\"name\"/>")
        line("    <label ref=\"label\"/>")
        line("  </itemset>")
        line("</select1>")
    }

    /// A photo taken with the camera or picked from the gallery.
    mutating func photo(_ path: String, label: LocalizedText) {
        line("<upload ref=\"\(Self.absolute(path))\" mediatype=\"image/*\">")
        labelAndHint(path, label: label, hint: nil)
        line("</upload>")
    }

    mutating func beginGroup(_ path: String, label: LocalizedText, appearance: String? = nil) {
        line("<group ref=\"\(Self.absolute(path))\"" + (appearance.map { " appearance=\"\($0)\"" } ?? "") + ">")
        line("  <label ref=\"\(text(Self.absolute(path) + ":label", label))\"/>")
        depth += 1
    }

    mutating func endGroup() {
        depth -= 1
        line("</group>")
    }

    /// The primary instance: fields nested by path, in the order they were added.
    func instance(root: String, attributes: String, indent: String) -> String {
        "\(indent)<\(root)\(attributes)>\n" + Self.nest(fields, indent: indent + "  ") + "\(indent)</\(root)>\n"
    }

    private static func nest(_ fields: [(path: String, value: String?)], indent: String) -> String {
        var out = ""
        var i = 0
        while i < fields.count {
            let parts = fields[i].path.split(separator: "/", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                let value = fields[i].value.map { XMLText.escaped($0) } ?? ""
                out += value.isEmpty ? "\(indent)<\(parts[0])/>\n" : "\(indent)<\(parts[0])>\(value)</\(parts[0])>\n"
                i += 1
                continue
            }
            var children: [(path: String, value: String?)] = []
            while i < fields.count, fields[i].path.hasPrefix(parts[0] + "/") {
                children.append((String(fields[i].path.dropFirst(parts[0].count + 1)), fields[i].value))
                i += 1
            }
            out += "\(indent)<\(parts[0])>\n" + nest(children, indent: indent + "  ") + "\(indent)</\(parts[0])>\n"
        }
        return out
    }
}
