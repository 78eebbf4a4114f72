/// The version of a field form, derived from what its answers mean.
///
/// `<rubric version>-<hash>`, where the hash (8 hex digits of FNV-1a 64) covers the form's
/// kind, the rubric's id and version, and for every question its element path, indicator
/// id, range, and the values it may take. Labels, hints, languages and weights are left
/// out: a typo fixed in a label or a reweighted dimension does not change what a submission
/// says, so submissions made before stay importable. A changed range or level does, and
/// the importer then refuses the old submissions instead of misreading them.
public enum FormIdentity {
    /// The version string of a form laid out as `groups`.
    public static func version(rubric: Rubric, kind: FieldForm.Kind, groups: [FieldGroup]) -> String {
        var canonical = "patuh-form 1\n\(kind.rawValue)\n\(rubric.id)\n\(rubric.version ?? "")\n"
        for group in groups {
            for question in group.questions {
                let i = question.indicator
                canonical +=
                    "\(FieldPath.answerPath(group, question, kind: kind))|\(i.id)|\(DecimalFormat.plain(i.min))|"
                canonical +=
                    "\(DecimalFormat.plain(i.max))|\(i.allowsNA)|\(question.choices.map(\.value).joined(separator: ","))\n"
            }
        }
        return "\(rubric.version ?? "0")-\(hex(FNV1a.hash(canonical), digits: 8))"
    }

    /// A short hash of any text (the registry's units, for the form's version suffix).
    public static func shortHash(_ text: String, digits: Int = 6) -> String { hex(FNV1a.hash(text), digits: digits) }

    static func hex(_ value: UInt64, digits: Int) -> String { String(FNV1a.hex(value).prefix(digits)) }
}
