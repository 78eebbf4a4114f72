import PatuhCore

/// Writes a field form as an ODK XForm (XForms 1.0 with the ODK and OpenRosa namespaces),
/// ready for ODK Collect, ODK Central or Enketo.
///
/// Both languages go into the form (`itext`); `lang` picks the one the phone starts in.
/// With a registry, the unit is chosen from a list (a secondary instance, filtered by the
/// region chosen first); without one it is typed, checked against the contract's id rule.
public struct XFormWriter: Sendable {
    /// The form to write.
    public var form: FieldForm
    /// `id` or `en`: the language the form opens in.
    public var lang: String
    /// Where the units to choose from come from; `nil`: the unit id is typed.
    public var registry: Registry?
    /// Filled in as the period's default when given.
    public var period: String?

    /// A writer of `form`, opening in `lang` (`id` or `en`).
    public init(form: FieldForm, lang: String = "id", registry: Registry? = nil, period: String? = nil) {
        self.form = form
        self.lang = lang == "en" ? "en" : "id"
        self.registry = registry
        self.period = period
    }

    /// The units the form offers: those of the registry the rubric applies to.
    public var units: [ServiceUnit] {
        registry?.units.filter { form.rubric.applies(to: $0.type) } ?? []
    }

    /// The form's version: the form's own, and with a registry a hash of its unit list, so
    /// that a server sees a new version when the list changes (the importer accepts both).
    public var version: String {
        guard registry != nil else { return form.version }
        let list = units.map { "\($0.id)|\($0.name)|\($0.regionCode)" }.joined(separator: "\n")
        return form.version + "-u" + FormIdentity.shortHash(list)
    }

    /// The form's title in the language it opens in.
    public var title: String {
        let base = form.rubric.title.text(lang).isEmpty ? form.rubric.id : form.rubric.title.text(lang)
        let mixed = form.rubric.hasSurveyIndicators && !form.rubric.isSurveyRubric
        return form.kind == .survey && mixed ? "\(base): \(XFormStrings.text("title.survey").text(lang))" : base
    }

    /// The whole XForm document.
    public func xml() -> String {
        var b = XFormBuilder()
        XFormQuestions(form: form, registry: registry, period: period).add(to: &b)
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<!-- \(XMLText.comment("Made by patuh xform from rubric \(form.rubric.id) \(form.rubric.version ?? ""). Regenerate it rather than editing it: the importer checks the form id and version.")) -->\n"
        out += "<h:html xmlns=\"http://www.w3.org/2002/xforms\" xmlns:h=\"http://www.w3.org/1999/xhtml\""
        out += " xmlns:ev=\"http://www.w3.org/2001/xml-events\" xmlns:jr=\"http://openrosa.org/javarosa\""
        out += " xmlns:orx=\"http://openrosa.org/xforms\" xmlns:odk=\"http://www.opendatakit.org/xforms\">\n"
        out += "  <h:head>\n    <h:title>\(XMLText.escaped(title))</h:title>\n"
        out += "    <model odk:xforms-version=\"1.0.0\">\n"
        out += itext(b.texts)
        out += "      <instance>\n"
        let attributes = " id=\"\(XFormBuilder.attr(form.id))\" version=\"\(XFormBuilder.attr(version))\""
        out += b.instance(root: FieldForm.rootName, attributes: attributes, indent: "        ")
        out += "      </instance>\n"
        out += secondaryInstances()
        for bind in b.binds { out += "      \(bind)\n" }
        for action in b.actions { out += "      \(action)\n" }
        out += "    </model>\n  </h:head>\n  <h:body>\n"
        for line in b.body { out += line + "\n" }
        out += "  </h:body>\n</h:html>\n"
        return out
    }

    private func itext(_ texts: [(id: String, text: LocalizedText)]) -> String {
        let ordered =
            XFormStrings.languages.filter { $0.code == lang } + XFormStrings.languages.filter { $0.code != lang }
        var out = "      <itext>\n"
        for language in ordered {
            let isDefault = language.code == lang ? " default=\"true()\"" : ""
            out += "        <translation lang=\"\(language.name)\"\(isDefault)>\n"
            for (id, text) in texts {
                out +=
                    "          <text id=\"\(XFormBuilder.attr(id))\"><value>\(XMLText.escaped(text.text(language.code)))</value></text>\n"
            }
            out += "        </translation>\n"
        }
        return out + "      </itext>\n"
    }

    /// The registry's regions (those with units to offer) and units, as item lists.
    private func secondaryInstances() -> String {
        guard let registry else { return "" }
        let units = self.units
        let used = Set(units.map(\.regionCode))
        var out = "      <instance id=\"\(XFormQuestions.regionsInstance)\">\n        <root>\n"
        for region in registry.regions where used.contains(region.code) {
            out +=
                "          <item><name>\(XMLText.escaped(region.code))</name><label>\(XMLText.escaped(region.name))</label></item>\n"
        }
        out += "        </root>\n      </instance>\n"
        out += "      <instance id=\"\(XFormQuestions.unitsInstance)\">\n        <root>\n"
        for unit in units {
            out +=
                "          <item><name>\(XMLText.escaped(unit.id))</name><label>\(XMLText.escaped(unit.name))</label>"
            out += "<region>\(XMLText.escaped(unit.regionCode))</region></item>\n"
        }
        return out + "        </root>\n      </instance>\n"
    }
}
