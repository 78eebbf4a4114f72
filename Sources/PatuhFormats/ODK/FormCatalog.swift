import PatuhCore

/// The field forms the importer recognises: every form of every rubric it was given, by
/// form id.
public struct FormCatalog: Sendable {
    /// The forms by form id.
    public private(set) var forms: [String: FieldForm] = [:]

    /// The forms of `rubrics`; a rubric given twice keeps its first reading.
    public init(rubrics: [Rubric]) {
        for rubric in rubrics {
            for form in FieldForm.forms(for: rubric) where forms[form.id] == nil { forms[form.id] = form }
        }
    }

    /// Why a submission naming `formID` and `version` cannot be read with any known form,
    /// or the form to read it with.
    public func form(for formID: String?, version: String?) -> Result<FieldForm, FormMismatch> {
        guard let formID, !formID.isEmpty else { return .failure(.noFormID) }
        guard let form = forms[formID] else { return .failure(.unknownForm(formID, version: version)) }
        guard let version, form.accepts(version: version) else {
            return .failure(.otherVersion(formID, version: version, expected: form.version, rubric: form.rubric.id))
        }
        return .success(form)
    }
}

/// Why a submission is not of a form the importer knows.
public enum FormMismatch: Error, Sendable, CustomStringConvertible {
    case noFormID
    case unknownForm(String, version: String?)
    case otherVersion(String, version: String?, expected: String, rubric: String)

    public var description: String { wording.en }

    /// The reason in both languages.
    public var wording: Wording {
        switch self {
        case .noFormID:
            return Wording(
                id: "elemen akar kiriman tidak memiliki atribut 'id' formulir; kiriman tidak diimpor",
                en: "the submission's root element has no form 'id' attribute; submission not imported")
        case .unknownForm(let id, let version):
            return Wording(
                id:
                    "kiriman formulir '\(id)'\(version.map { " versi '\($0)'" } ?? "") bukan dari formulir yang dibuat patuh xform dari rubrik mana pun yang dikenal di sini (Rubrics/ atau --rubric); kiriman tidak diimpor",
                en:
                    "submission of form '\(id)'\(version.map { " version '\($0)'" } ?? "") is not of a form made by patuh xform from any rubric known here (Rubrics/ or --rubric); submission not imported"
            )
        case .otherVersion(let id, let version, let expected, let rubric):
            let got = version.map { ("versi '\($0)'", "version '\($0)'") } ?? ("tanpa versi", "no version")
            return Wording(
                id:
                    "kiriman formulir '\(id)' ber\(got.0), tetapi formulir dari rubrik '\(rubric)' kini versi '\(expected)': pertanyaan rubrik telah berubah sejak itu; kiriman tidak diimpor (impor dengan rubrik asalnya, --rubric BERKAS)",
                en:
                    "submission of form '\(id)' has \(got.1), but the form made from rubric '\(rubric)' now is version '\(expected)': the rubric's questions have changed since; submission not imported (import it with the rubric it was made from, --rubric FILE)"
            )
        }
    }
}
