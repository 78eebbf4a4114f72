import Foundation
import PatuhCore

/// The rubric's frame on every page: its words for the score and the band, its bands'
/// colours, and zones only where the rubric has zones.
struct Framing: Sendable {
    let rubric: Rubric
    let t: Strings

    var hasZones: Bool { rubric.hasZones }

    /// "Nilai", or the rubric's own word (SKM: "IKM"; PEKPPP: "Indeks Pelayanan Publik").
    var scoreTerm: String { rubric.terms["score"].map { $0.text(t.lang) } ?? t["score"] }
    /// "Kategori", or the rubric's own word (SKM: "Mutu pelayanan"; opini: "Opini").
    var bandTerm: String { rubric.terms["band"].map { $0.text(t.lang) } ?? t["band"] }
    /// What a band's label means, where the rubric names it (SKM: "Kinerja unit").
    var meaningTerm: String? { rubric.terms["band-meaning"].map { $0.text(t.lang) } }
    /// The heading of a band column: "Kategori · Zona", or the band term alone.
    var bandHeading: String { hasZones ? "\(bandTerm) · \(t["zone"])" : bandTerm }

    /// Default colours from the lowest band to the highest, where the rubric gives none.
    static let ladder = ["#b71c1c", "#e65100", "#f9a825", "#7cb342", "#2e7d32"]

    /// The band's colour: the rubric's, else one by the band's rank (red lowest, green highest).
    func color(_ band: Band) -> String {
        if let c = band.color { return c }
        guard let i = rubric.bands.firstIndex(where: { $0.id == band.id }) else { return "#757575" }
        let n = rubric.bands.count
        return Self.ladder[n <= 1 ? Self.ladder.count - 1 : i * (Self.ladder.count - 1) / (n - 1)]
    }

    static func zoneColor(_ zone: Zone?) -> String {
        switch zone {
        case .hijau?: return "#2e7d32"
        case .kuning?: return "#f9a825"
        case .merah?: return "#c62828"
        case nil: return "#757575"
        }
    }

    /// Black or white, whichever reads better on `background` (#rrggbb), by WCAG contrast.
    static func ink(on background: String) -> String {
        let hex = background.dropFirst()
        guard hex.count == 6, let v = UInt32(hex, radix: 16) else { return "#000" }
        func channel(_ c: UInt32) -> Double {
            let s = Double(c) / 255
            return s <= 0.03928 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        let l = 0.2126 * channel(v >> 16 & 0xFF) + 0.7152 * channel(v >> 8 & 0xFF) + 0.0722 * channel(v & 0xFF)
        return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? "#000" : "#fff"
    }

    /// What the badge partial shows for a band (or `false`: not scored).
    /// A unit's badge, with the rubric's qualifier ("Tanpa Maladministrasi") after the
    /// category where the unit earns it.
    func badge(_ u: UnitResult, rubric: Rubric) -> Any {
        guard let q = rubric.qualifier, rubric.earnsQualifier(u.indicators) == true,
            var c = badge(u.band) as? [String: Any], let label = c["label"] as? String
        else { return badge(u.band) }
        c["label"] = label + " " + q.label.text(t.lang)
        return c
    }

    func badge(_ band: Band?) -> Any {
        guard let band else { return false }
        let color = color(band)
        var c: [String: Any] = [
            "id": band.id, "label": band.label.text(t.lang),
            "style": "background:\(color);color:\(Self.ink(on: color))"
        ]
        if hasZones, let zone = band.zone {
            c["zone"] = ["name": t["zone"] + " " + t[zone.rawValue].lowercased(), "class": zone.rawValue]
        } else {
            c["zone"] = false
        }
        return c
    }

    /// The groups a home page counts: zones where the rubric has them, else bands, best first.
    func groups() -> [(key: String, label: String, color: String, matches: @Sendable (Band?) -> Bool)] {
        if hasZones {
            return Zone.allCases.map { zone in
                (
                    "zone-" + zone.rawValue, t["zone"] + " " + t[zone.rawValue].lowercased(), Self.zoneColor(zone),
                    { (b: Band?) in b?.zone == zone }
                )
            }
        }
        return rubric.bands.reversed().map { band in
            let id = band.id
            return (
                "band-" + PagePaths.safe(band.id), "\(band.id) \(band.label.text(t.lang))", color(band),
                { (b: Band?) in b?.id == id }
            )
        }
    }

    /// The legend: every band with its range, its zone, its colour.
    func legend() -> [[String: Any]] {
        let bands = rubric.bands
        return bands.indices.reversed().map { i -> [String: Any] in
            let band = bands[i]
            let upper = i + 1 < bands.count ? t.number(bands[i + 1].min - 0.01) : t.number(rubric.top)
            return ["band": badge(band), "range": "\(t.number(band.min))–\(upper)"]
        }
    }

    /// A dimension's name for readers; the implicit dimension has none of its own.
    func dimensionName(_ d: PatuhCore.Dimension) -> String {
        if !d.title.isEmpty { return d.title.text(t.lang) }
        return d.id == PatuhCore.Dimension.implicitID ? t["otherIndicators"] : d.id
    }
}
