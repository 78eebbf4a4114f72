/// A text given in one or more languages (`id` Bahasa Indonesia, `en` English).
public struct LocalizedText: Hashable, Sendable {
    public private(set) var byLanguage: [String: String]

    public init(_ byLanguage: [String: String] = [:]) {
        self.byLanguage = byLanguage
    }

    public subscript(lang: String) -> String? {
        get { byLanguage[lang] }
        set { byLanguage[lang] = newValue }
    }

    /// The text in `lang`, else in Indonesian, else in English, else any.
    public func text(_ lang: String) -> String {
        byLanguage[lang] ?? byLanguage["id"] ?? byLanguage["en"]
            ?? byLanguage.sorted { $0.key < $1.key }.first?.value ?? ""
    }

    public var isEmpty: Bool { byLanguage.isEmpty }
}
