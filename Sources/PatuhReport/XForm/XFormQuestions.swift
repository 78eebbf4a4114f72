import PatuhCore

/// The questions of a field form, in the order the phone asks them: the visit (or the
/// response), the indicators group by group, the respondent, then ODK's metadata.
struct XFormQuestions {
    static let regionsInstance = "regions"
    static let unitsInstance = "units"

    var form: FieldForm
    var registry: Registry?
    var period: String?

    private static func t(_ key: String) -> LocalizedText { XFormStrings.text(key) }

    func add(to b: inout XFormBuilder) {
        header(&b)
        for group in form.groups { indicators(group, &b) }
        if form.kind == .survey { respondent(&b) }
        b.hidden(FieldPath.instanceID, [("readonly", "true()"), ("jr:preload", "uid")])
        b.hidden(
            FieldPath.instanceName,
            [
                (
                    "calculate",
                    "concat(\(XFormBuilder.absolute(FieldPath.unit)), ' ', \(XFormBuilder.absolute(FieldPath.period)))"
                )
            ])
    }

    private func header(_ b: inout XFormBuilder) {
        let idRule = "regex(., '^\(ContractText.idPattern)$') and string-length(.) <= \(ContractText.maxIDLength)"
        if registry != nil {
            b.field(FieldPath.region, [("required", "true()")])
            b.select1(
                FieldPath.region, label: Self.t("region"), itemset: "instance('\(Self.regionsInstance)')/root/item")
            b.field(FieldPath.unit, [("required", "true()")])
            b.select1(
                FieldPath.unit, label: Self.t("unit"),
                itemset:
                    "instance('\(Self.unitsInstance)')/root/item[region = \(XFormBuilder.absolute(FieldPath.region))]")
        } else {
            b.field(
                FieldPath.unit,
                [
                    ("required", "true()"), ("constraint", idRule),
                    ("jr:constraintMsg", b.text("unit:constraint", Self.t("unit.constraint")))
                ])
            b.input(FieldPath.unit, label: Self.t("unit"), hint: Self.t("unit.hint"))
        }
        b.field(
            FieldPath.period, default: period,
            [
                ("required", "true()"),
                ("constraint", "regex(., '^\(ContractText.periodPattern)$')"),
                ("jr:constraintMsg", b.text("period:constraint", Self.t("period.constraint")))
            ])
        b.input(FieldPath.period, label: Self.t("period"), hint: Self.t("period.hint"))
        if form.kind == .assessment {
            nameField(FieldPath.assessor, label: Self.t("assessor"), &b)
        }
        b.field(FieldPath.date, type: "date")
        b.setOnFirstLoad(FieldPath.date, value: "today()")
        b.input(FieldPath.date, label: Self.t(form.kind == .survey ? "date.survey" : "date.assessment"))
        if form.kind == .survey {
            nameField(FieldPath.service, label: Self.t("service"), &b)
        }
    }

    /// A free text of 1 to 512 characters (the contract's `Name`), optional.
    private func nameField(_ path: String, label: LocalizedText, _ b: inout XFormBuilder) {
        b.field(
            path,
            [
                ("constraint", "string-length(.) <= \(ContractText.maxNameLength)"),
                ("jr:constraintMsg", b.text("\(path):constraint", Self.t("text.constraint")))
            ])
        b.input(path, label: label)
    }

    private func indicators(_ group: FieldGroup, _ b: inout XFormBuilder) {
        let implicit = group.dimension.id == Dimension.implicitID && group.dimension.title.isEmpty
        let label =
            implicit
            ? Self.t(form.kind == .survey ? "group.survey" : "group.assessment")
            : (group.dimension.title.isEmpty ? LocalizedText(["id": group.dimension.id]) : group.dimension.title)
        b.beginGroup(group.name, label: label)
        for question in group.questions {
            if form.kind == .survey {
                surveyQuestion(group, question, &b)
            } else {
                assessorQuestion(group, question, &b)
            }
        }
        b.endGroup()
    }

    /// One screen per indicator: the score with its levels, a note, a photo.
    private func assessorQuestion(_ group: FieldGroup, _ q: FieldQuestion, _ b: inout XFormBuilder) {
        let i = q.indicator
        b.beginGroup("\(group.name)/\(q.name)", label: titled(i), appearance: "field-list")
        var hint = i.description
        if let ref = i.ref {
            for (code, _) in XFormStrings.languages {
                let basis = "\(Self.t("basis").text(code)): \(ref)"
                let description = i.description[code] ?? (code == "id" ? nil : i.description["id"])
                hint[code] = description.map { "\($0)\n\(basis)" } ?? basis
            }
        }
        let path = FieldPath.answerPath(group, q, kind: .assessment)
        answer(path, q, label: Self.t("answer"), hint: hint, numbered: true, &b)
        b.field(
            FieldPath.notePath(group, q),
            [
                ("constraint", "string-length(.) <= \(ContractText.maxTextLength)"),
                ("jr:constraintMsg", b.text("\(FieldPath.notePath(group, q)):constraint", Self.t("text.constraint")))
            ])
        b.input(FieldPath.notePath(group, q), label: Self.t("note"), appearance: "multiline")
        b.field(FieldPath.photoPath(group, q), type: "binary", [("orx:max-pixels", "1600")])
        b.photo(FieldPath.photoPath(group, q), label: Self.t("photo"))
        b.endGroup()
    }

    /// One question per unsur: the question text, the regulation's answer labels.
    private func surveyQuestion(_ group: FieldGroup, _ q: FieldQuestion, _ b: inout XFormBuilder) {
        let i = q.indicator
        let label = i.description.isEmpty ? titled(i) : i.description
        answer(FieldPath.answerPath(group, q, kind: .survey), q, label: label, hint: titled(i), numbered: false, &b)
    }

    /// The answer to an indicator: a choice among its levels, or a number in its range.
    private func answer(
        _ path: String, _ q: FieldQuestion, label: LocalizedText, hint: LocalizedText,
        numbered: Bool, _ b: inout XFormBuilder
    ) {
        let i = q.indicator
        guard !q.choices.isEmpty else {
            let range = "number(.) >= \(DecimalFormat.plain(i.min)) and number(.) <= \(DecimalFormat.plain(i.max))"
            let rule = i.allowsNA ? ". = '\(FieldChoice.notApplicable)' or (\(range))" : range
            b.field(
                path,
                [
                    ("required", "true()"), ("constraint", rule),
                    ("jr:constraintMsg", b.text("\(path):constraint", Self.t("value.constraint")))
                ])
            b.input(path, label: label, hint: hint)
            return
        }
        b.field(path, [("required", "true()")])
        let choices = q.choices.map { choice -> (value: String, label: LocalizedText) in
            guard numbered, choice.value != FieldChoice.notApplicable else { return (choice.value, choice.label) }
            var label = choice.label
            for (code, _) in XFormStrings.languages { label[code] = "\(choice.value): \(choice.label.text(code))" }
            return (choice.value, label)
        }
        b.select1(path, label: label, hint: hint, choices: choices)
    }

    private func respondent(_ b: inout XFormBuilder) {
        b.beginGroup(FieldPath.respondent, label: Self.t("respondent"))
        func choices(_ list: [RespondentChoices.Choice]) -> [(value: String, label: LocalizedText)] {
            list.map { ($0.value, $0.label) }
        }
        b.field(FieldPath.gender)
        b.select1(FieldPath.gender, label: Self.t("gender"), choices: choices(RespondentChoices.gender))
        let ages = RespondentChoices.ages
        b.field(
            FieldPath.age, type: "int",
            [
                ("constraint", ". >= \(ages.lowerBound) and . <= \(ages.upperBound)"),
                ("jr:constraintMsg", b.text("\(FieldPath.age):constraint", Self.t("age.constraint")))
            ])
        b.input(FieldPath.age, label: Self.t("age"))
        b.field(FieldPath.education)
        b.select1(FieldPath.education, label: Self.t("education"), choices: choices(RespondentChoices.education))
        b.field(FieldPath.occupation)
        b.select1(FieldPath.occupation, label: Self.t("occupation"), choices: choices(RespondentChoices.occupation))
        b.endGroup()
        b.field(
            FieldPath.comment,
            [
                ("constraint", "string-length(.) <= \(ContractText.maxTextLength)"),
                ("jr:constraintMsg", b.text("\(FieldPath.comment):constraint", Self.t("text.constraint")))
            ])
        b.input(FieldPath.comment, label: Self.t("comment"), appearance: "multiline")
    }

    /// "IN-01 Pengetahuan pelaksana …" in each language.
    private func titled(_ i: Indicator) -> LocalizedText {
        var text = LocalizedText()
        for (code, _) in XFormStrings.languages {
            let title = i.title.text(code)
            text[code] = title.isEmpty ? i.id : "\(i.id) \(title)"
        }
        return text
    }
}
