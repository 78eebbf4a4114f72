/// The language a person reads Patuh's messages in.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case id, en

    /// Indonesian when the locale says so (`LC_ALL`, `LC_MESSAGES` or `LANG` starting with
    /// `id`, as `id_ID.UTF-8` does), else English.
    public static func fromEnvironment(_ environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return value.hasPrefix("id") || value.hasPrefix("in_") ? .id : .en
        }
        return .en
    }
}

/// The message catalogue: every message a person acts on, keyed, in Indonesian and English.
/// A diagnostic made from a key carries both texts; the console prints the reader's.
public enum Message: Sendable, Hashable {
    /// A bare `&` in text (libxml2: "xmlParseEntityRef: no name").
    case bareAmpersand
    /// A bare `<` in text (libxml2: "StartTag: invalid element name").
    case bareLessThan
    /// A date attribute not in YYYY-MM-DD, with the date it probably means.
    case badDate(element: String, value: String, suggestion: String?)
    /// A period not in one of the allowed forms.
    case badPeriod(element: String, value: String, suggestion: String?)
    /// A unit id that the registry does not hold, with the nearest ids it does.
    case unknownUnit(id: String, nearest: [String], fileRejected: Bool)
    /// `na` on an indicator whose rubric does not allow it.
    case notApplicableNotAllowed(indicator: String, response: String?)
    /// An assessment without answers to some assessor indicators.
    case missingAnswers(assessment: String, indicators: String, strict: Bool)
    /// Responses of one survey file counted although they left an unsur blank.
    case blankUnsur(incomplete: Int, accepted: Int, detail: String)
    /// With `--strict`, a response that leaves an unsur blank.
    case blankUnsurStrict(response: String, indicators: String)
    /// A response without an indicator the rubric requires.
    case requiredMissing(response: String, indicators: String)
    /// A rubric id that neither the inputs nor the shipped rubrics define.
    case unknownRubric(id: String)
    /// An indicator id that the rubric does not have.
    case indicatorNotInRubric(indicator: String, rubric: String)

    /// The period forms the format accepts, as the messages list them.
    public static let periodForms = (
        id: "2023 (tahun), 2023-S1 / 2023-S2 (semester), 2023-Q1 … 2023-Q4 (triwulan), 2023-07 (bulan)",
        en: "2023 (year), 2023-S1 / 2023-S2 (half year), 2023-Q1 … 2023-Q4 (quarter), 2023-07 (month)"
    )

    /// The message in `language`.
    public func text(_ language: Language) -> String {
        let (id, en) = texts
        return language == .id ? id : en
    }

    /// Both texts: (Indonesian, English).
    public var texts: (String, String) {
        switch self {
        case .bareAmpersand:
            return (
                "tanda '&' tanpa nama entitas: dalam teks tulis &amp; (mis. \"Loket A &amp; B\")",
                "'&' without an entity name: in text write &amp; (e.g. \"Counter A &amp; B\")"
            )
        case .bareLessThan:
            return (
                "tanda '<' di dalam teks: tulis &lt; (mis. \"&lt; 10 menit\")",
                "'<' inside text: write &lt; (e.g. \"&lt; 10 minutes\")"
            )
        case .badDate(let element, let value, let suggestion):
            let hint = suggestion.map { ("; maksudnya \($0)?", "; did you mean \($0)?") } ?? ("", "")
            return (
                "tanggal '\(value)' pada <\(element)> tidak berbentuk TTTT-BB-HH (tahun-bulan-hari)\(hint.0)",
                "date '\(value)' on <\(element)> is not in the form YYYY-MM-DD (year-month-day)\(hint.1)"
            )
        case .badPeriod(let element, let value, let suggestion):
            let hint = suggestion.map { ("; maksudnya \($0)?", "; did you mean \($0)?") } ?? ("", "")
            return (
                "periode '\(value)' pada <\(element)> tidak dikenal: tulis salah satu bentuk \(Self.periodForms.id)\(hint.0)",
                "period '\(value)' on <\(element)> is not one of the allowed forms \(Self.periodForms.en)\(hint.1)"
            )
        case .unknownUnit(let unit, let nearest, let fileRejected):
            let near = nearest.map { "'\($0)'" }.joined(separator: ", ")
            let hint = nearest.isEmpty ? ("", "") : ("; yang terdekat: \(near)", "; nearest: \(near)")
            let tail = fileRejected ? ("; berkas survei ditolak", "; survey file rejected") : ("", "")
            return (
                "unit '\(unit)' tidak ada dalam registri\(hint.0)\(tail.0)",
                "unit '\(unit)' is not in the registry\(hint.1)\(tail.1)"
            )
        case .notApplicableNotAllowed(let indicator, let response):
            let tail = response.map { ("; respons '\($0)' tidak dihitung", "; response '\($0)' excluded") } ?? ("", "")
            return (
                "indikator '\(indicator)' tidak boleh dijawab 'na'\(tail.0)",
                "indicator '\(indicator)' does not allow 'na'\(tail.1)"
            )
        case .missingAnswers(let assessment, let indicators, let strict):
            return strict
                ? (
                    "penilaian '\(assessment)' tidak menjawab \(indicators) (--strict); penilaian ditolak",
                    "assessment '\(assessment)' has no answer for \(indicators) (--strict); assessment rejected"
                )
                : (
                    "penilaian '\(assessment)' tidak menjawab \(indicators); dihitung sebagai nilai terendah",
                    "assessment '\(assessment)' has no answer for \(indicators); counted as the minimum"
                )
        case .blankUnsur(let incomplete, let accepted, let detail):
            return (
                "\(incomplete) dari \(accepted) respons mengosongkan unsur (\(detail.replacingOccurrences(of: " in ", with: " pada "))); tiap respons dihitung hanya untuk unsur yang dijawabnya",
                "\(incomplete) of \(accepted) responses leave an unsur blank (\(detail)); each counts only for the unsur it answers"
            )
        case .blankUnsurStrict(let response, let indicators):
            return (
                "respons '\(response)' mengosongkan \(indicators) (--strict); respons tidak dihitung",
                "response '\(response)' leaves \(indicators) blank (--strict); response excluded"
            )
        case .requiredMissing(let response, let indicators):
            return (
                "respons '\(response)' tidak menjawab \(indicators), yang wajib menurut rubrik; respons tidak dihitung",
                "response '\(response)' has no answer for \(indicators), which the rubric requires; response excluded"
            )
        case .unknownRubric(let id):
            return (
                "rubrik '\(id)' tidak didefinisikan dalam masukan maupun dalam Rubrics/",
                "rubric '\(id)' is not defined in the inputs or in Rubrics/"
            )
        case .indicatorNotInRubric(let indicator, let rubric):
            return (
                "indikator '\(indicator)' tidak ada dalam rubrik '\(rubric)'",
                "indicator '\(indicator)' is not in rubric '\(rubric)'"
            )
        }
    }
}

extension Diagnostic {
    /// A diagnostic from the catalogue: `message` in English, `indonesian` beside it.
    public init(_ severity: Severity, at location: SourceLocation, _ key: Message) {
        let (id, en) = key.texts
        self.init(severity, at: location, id: id, en: en)
    }

    public static func error(_ location: SourceLocation, _ key: Message) -> Diagnostic {
        Diagnostic(.error, at: location, key)
    }
    public static func warning(_ location: SourceLocation, _ key: Message) -> Diagnostic {
        Diagnostic(.warning, at: location, key)
    }

    /// The message in `language` (libxml2's own words, in English, where the catalogue has none).
    public func message(in language: Language) -> String { language == .id ? (indonesian ?? message) : message }

    /// `file:line:col: error: message` in `language`. The words `error` and `warning` stay as
    /// they are in both languages: editors and CI read them to mark the line.
    public func description(in language: Language) -> String {
        "\(location): \(severity.rawValue): \(message(in: language))"
    }
}

extension Diagnostic {
    /// A diagnostic whose two texts are written where it is raised (not worth a catalogue key).
    public static func error(_ location: SourceLocation, id: String, en: String) -> Diagnostic {
        Diagnostic(.error, at: location, id: id, en: en)
    }

    public static func warning(_ location: SourceLocation, id: String, en: String) -> Diagnostic {
        Diagnostic(.warning, at: location, id: id, en: en)
    }
}
