/// The respondent questions of the SKM questionnaire (PermenPANRB 14/2017 asks gender,
/// age, education and occupation), with the text each answer is recorded as in a survey
/// file. The recorded texts match those of the sample generator, so breakdowns line up.
public enum RespondentChoices {
    /// One answer: the value stored by the phone, the text written to the survey file, labels.
    public struct Choice: Hashable, Sendable {
        public var value: String
        public var recorded: String
        public var label: LocalizedText

        init(_ value: String, _ recorded: String, id: String, en: String) {
            self.value = value
            self.recorded = recorded
            label = LocalizedText(["id": id, "en": en])
        }
    }

    /// `L` and `P`, as the survey format writes gender.
    public static let gender: [Choice] = [
        Choice("L", "L", id: "Laki-laki", en: "Male"),
        Choice("P", "P", id: "Perempuan", en: "Female")
    ]

    public static let education: [Choice] = [
        Choice("sd", "SD", id: "SD atau sederajat", en: "Primary school"),
        Choice("smp", "SMP", id: "SMP atau sederajat", en: "Junior secondary school"),
        Choice("sma", "SMA", id: "SMA atau sederajat", en: "Senior secondary school"),
        Choice("d3", "D3", id: "Diploma (D1-D3)", en: "Diploma (D1-D3)"),
        Choice("s1", "S1", id: "S1 atau D4", en: "Bachelor's degree (S1/D4)"),
        Choice("s2", "S2", id: "S2", en: "Master's degree (S2)"),
        Choice("s3", "S3", id: "S3", en: "Doctorate (S3)")
    ]

    public static let occupation: [Choice] = [
        Choice("pns", "PNS", id: "PNS", en: "Civil servant (PNS)"),
        Choice("tni-polri", "TNI/Polri", id: "TNI/Polri", en: "Armed forces or police"),
        Choice("swasta", "Swasta", id: "Pegawai swasta", en: "Private employee"),
        Choice("wiraswasta", "Wiraswasta", id: "Wiraswasta/wirausaha", en: "Self-employed"),
        Choice("pelajar", "Pelajar/Mahasiswa", id: "Pelajar/Mahasiswa", en: "Student"),
        Choice("lainnya", "Lainnya", id: "Lainnya", en: "Other")
    ]

    /// The text recorded for a stored value, or `nil` for a value the form does not offer.
    public static func recorded(_ value: String, in choices: [Choice]) -> String? {
        choices.first { $0.value == value }?.recorded
    }

    /// The youngest and oldest age the form accepts (the survey schema's bounds).
    public static let ages = 0...130
}
