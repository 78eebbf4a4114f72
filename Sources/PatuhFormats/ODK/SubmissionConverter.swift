import PatuhCore

/// A submission read and understood: an assessment or a survey response, with the ids
/// ODK gave it.
public struct ImportedSubmission: Sendable {
    public enum Content: Sendable {
        case assessment(Assessment)
        case response(SurveyResponse)
    }

    public var form: FieldForm
    /// `meta/instanceID` without its `uuid:` prefix: the assessment's or response's id.
    public var id: String
    /// `meta/deprecatedID` without its prefix: the submission this one replaces.
    public var replaces: String?
    public var content: Content
    /// Photo file names the submission refers to, by the evidence href given them.
    public var photos: [(file: String, href: String)]
    public var location: SourceLocation
}

/// Turns a raw submission into an assessment or a response, checking every value against
/// the form and the contract, so that the file written from it is valid. A submission with
/// any error is rejected whole, with every problem named where it is.
public struct SubmissionConverter: Sendable {
    public var form: FieldForm

    /// A converter for submissions of `form`.
    public init(form: FieldForm) { self.form = form }

    /// The assessment or response `raw` holds, or every reason it cannot be imported.
    public func convert(_ raw: RawSubmission) -> Result<ImportedSubmission, Rejection> {
        var problems: [Diagnostic] = []
        func fail(_ path: String, _ id: String, _ en: String) {
            problems.append(.error(raw.location(path), id: id, en: en))
        }

        let id = instanceID(raw, FieldPath.instanceID, required: true, fail)
        let replaces = instanceID(raw, FieldPath.deprecatedID, required: false, fail)
        /// The required text at `path`; an error when it is missing or not `valid`.
        func required(
            _ path: String, _ valid: (String) -> Bool, missing: (id: String, en: String),
            invalid: (String) -> (id: String, en: String)
        ) -> String? {
            let text = raw.text(path)
            if let text, !valid(text) {
                let message = invalid(text)
                fail(path, message.id, message.en)
            } else if text == nil {
                fail(path, missing.id, missing.en)
            }
            return text
        }
        let unit = required(
            FieldPath.unit, ContractText.isID, missing: ("tidak ada unit yang dipilih", "no unit chosen"),
            invalid: {
                (
                    "unit '\($0)' bukan id unit (hanya huruf, angka dan . _ -)",
                    "unit '\($0)' is not a unit id (letters, digits and . _ - only)"
                )
            })
        let period = required(
            FieldPath.period, ContractText.isPeriod, missing: ("periode tidak diisi", "no period given"),
            invalid: {
                (
                    "periode '\($0)' bukan periode seperti 2023 atau 2023-S1",
                    "period '\($0)' is not a period such as 2023 or 2023-S1"
                )
            })
        var date: String?
        if let text = raw.text(FieldPath.date) {
            date = ContractText.date(text)
            if date == nil {
                fail(
                    FieldPath.date, "tanggal '\(text)' bukan tanggal (TTTT-BB-HH)",
                    "date '\(text)' is not a date (YYYY-MM-DD)")
            }
        }
        var answers: [Answer] = []
        var photos: [(file: String, href: String)] = []
        for (group, question) in form.questions {
            let path = FieldPath.answerPath(group, question, kind: form.kind)
            guard let text = raw.text(path) else { continue }  // unanswered: scored as missing
            guard let value = value(text, question.indicator, at: path, fail) else { continue }
            var answer = Answer(indicatorID: question.indicator.id, value: value, location: raw.location(path))
            if form.kind == .assessment {
                if let note = raw.text(FieldPath.notePath(group, question)) {
                    if note.count > ContractText.maxTextLength {
                        fail(
                            FieldPath.notePath(group, question),
                            "catatan lebih dari \(ContractText.maxTextLength) karakter",
                            "note longer than \(ContractText.maxTextLength) characters")
                    }
                    answer.notes.append(note)
                }
                if let file = raw.text(FieldPath.photoPath(group, question)) {
                    let href = Self.evidenceHref(submission: id ?? "", file: file)
                    answer.evidence.append(Evidence(href: href))
                    photos.append((file, href))
                }
            }
            answers.append(answer)
        }
        let content: ImportedSubmission.Content
        switch form.kind {
        case .assessment:
            let assessor = name(raw, FieldPath.assessor, fail)
            content = .assessment(
                Assessment(
                    id: id ?? "", rubricID: form.rubric.instrument, unitID: unit ?? "", period: period ?? "",
                    assessor: assessor,
                    date: date, answers: answers, location: raw.location))
        case .survey:
            var response = SurveyResponse(
                id: id ?? "", rubricID: form.rubric.instrument, unitID: unit ?? "", period: period ?? "",
                date: date, service: name(raw, FieldPath.service, fail), answers: answers,
                location: raw.location)
            respondent(raw, into: &response, fail)
            content = .response(response)
        }
        guard problems.isEmpty, let id else { return .failure(Rejection(problems)) }
        return .success(
            ImportedSubmission(
                form: form, id: id, replaces: replaces, content: content, photos: photos,
                location: raw.location))
    }

    /// `uuid:…` made an id: the prefix dropped, the rest a contract id.
    private func instanceID(
        _ raw: RawSubmission, _ path: String, required: Bool,
        _ fail: (String, String, String) -> Void
    ) -> String? {
        guard let text = raw.text(path) else {
            if required {
                fail(path, "kiriman tidak memiliki meta/instanceID", "the submission has no meta/instanceID")
            }
            return nil
        }
        let id = text.lowercased().hasPrefix("uuid:") ? String(text.dropFirst(5)) : text
        guard ContractText.isID(id) else {
            fail(
                path, "\(path) '\(text)' bukan uuid: (uuid: diikuti huruf, angka dan -)",
                "\(path) '\(text)' is not a uuid: followed by letters, digits and -")
            return nil
        }
        return id
    }

    private func value(
        _ text: String, _ indicator: Indicator, at path: String,
        _ fail: (String, String, String) -> Void
    ) -> AnswerValue? {
        if text == FieldChoice.notApplicable {
            guard indicator.allowsNA else {
                fail(
                    path, "indikator '\(indicator.id)' tidak boleh dijawab 'na'",
                    "indicator '\(indicator.id)' does not allow 'na'")
                return nil
            }
            return .notApplicable
        }
        guard let v = DecimalText.parse(text) else {
            fail(
                path, "jawaban '\(text)' untuk '\(indicator.id)' bukan angka atau 'na'",
                "answer '\(text)' to '\(indicator.id)' is not a number or 'na'")
            return nil
        }
        guard v >= indicator.min, v <= indicator.max else {
            fail(
                path,
                "nilai \(DecimalFormat.plain(v)) untuk '\(indicator.id)' di luar rentangnya \(DecimalFormat.plain(indicator.min))..\(DecimalFormat.plain(indicator.max))",
                "value \(DecimalFormat.plain(v)) for '\(indicator.id)' is outside its range \(DecimalFormat.plain(indicator.min))..\(DecimalFormat.plain(indicator.max))"
            )
            return nil
        }
        return .number(v)
    }

    /// An optional free text of 1 to 512 characters.
    private func name(_ raw: RawSubmission, _ path: String, _ fail: (String, String, String) -> Void) -> String? {
        guard let text = raw.text(path) else { return nil }
        if !ContractText.isName(text) {
            fail(path, "\(path) lebih dari 512 karakter", "\(path) is longer than 512 characters")
        }
        return text
    }

    private func respondent(
        _ raw: RawSubmission, into response: inout SurveyResponse,
        _ fail: (String, String, String) -> Void
    ) {
        func choice(_ path: String, _ list: [RespondentChoices.Choice]) -> String? {
            guard let value = raw.text(path) else { return nil }
            guard let recorded = RespondentChoices.recorded(value, in: list) else {
                fail(
                    path,
                    "\(path) '\(value)' bukan salah satu jawaban formulir (\(list.map(\.value).joined(separator: ", ")))",
                    "\(path) '\(value)' is not one of the form's answers (\(list.map(\.value).joined(separator: ", ")))"
                )
                return nil
            }
            return recorded
        }
        response.gender = choice(FieldPath.gender, RespondentChoices.gender)
        response.education = choice(FieldPath.education, RespondentChoices.education)
        response.occupation = choice(FieldPath.occupation, RespondentChoices.occupation)
        if let text = raw.text(FieldPath.age) {
            if let age = Int(text), RespondentChoices.ages.contains(age) {
                response.age = age
            } else {
                fail(
                    FieldPath.age,
                    "umur '\(text)' bukan bilangan bulat tahun dari \(RespondentChoices.ages.lowerBound) sampai \(RespondentChoices.ages.upperBound)",
                    "age '\(text)' is not a whole number of years from \(RespondentChoices.ages.lowerBound) to \(RespondentChoices.ages.upperBound)"
                )
            }
        }
        if let comment = raw.text(FieldPath.comment) {
            if comment.count > ContractText.maxTextLength {
                fail(
                    FieldPath.comment, "komentar lebih dari \(ContractText.maxTextLength) karakter",
                    "comment longer than \(ContractText.maxTextLength) characters")
            }
            response.comments.append(comment)
        }
    }

    /// Where an imported photo is linked from the assessment file: `media/<submission>/<file>`,
    /// the file name without any folder, anything but letters, digits and `. _ -` in it
    /// percent-encoded, and `_` before a name that starts with a dot.
    public static func evidenceHref(submission: String, file: String) -> String {
        let name = file.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? file
        var encoded = ""
        for byte in name.utf8 {
            let c = Unicode.Scalar(byte)
            if ("a"..."z").contains(c) || ("A"..."Z").contains(c) || ("0"..."9").contains(c) || c == "." || c == "_"
                || c == "-"
            {
                encoded.unicodeScalars.append(c)
            } else {
                encoded += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        // Never ".", ".." or a hidden name: the link and the copied file stay inside media/<id>/.
        if encoded.isEmpty || encoded.hasPrefix(".") { encoded = "_" + encoded }
        return "media/\(submission)/\(encoded)"
    }
}
