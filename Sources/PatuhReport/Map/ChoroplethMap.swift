import PatuhCore

/// A choropleth of kabupaten/kota as inline SVG, with its legend, a table with the same
/// content, and the regions it could not draw. No script, no map library, nothing fetched.
///
/// Colour is never the only cue: in a zone map kuning is hatched and merah cross-hatched
/// (hijau plain), so red and green stay apart for colour-blind readers and in grey print;
/// in a category map (bands without zones) each shape carries its category's letter.
struct ChoroplethMap {
    /// One region to draw.
    struct Entry {
        var code: String
        var name: String
        /// Relative link to the region's page.
        var link: String
        var score: Double?
        var band: Band?
    }

    var entries: [Entry]
    /// The rubric's bands, highest first (legend order).
    var bands: [Band]
    var caption: String
    var t: Strings
    var shapes: [String: BoundaryShape] = Boundaries.kabkota

    /// Zone map when every band has a zone, otherwise a map by category.
    var byZone: Bool { !bands.isEmpty && bands.allSatisfy { $0.zone != nil } }

    /// Fill of a zone (colours of the site's zone badges; patterns for kuning and merah).
    static func zoneFill(_ zone: Zone) -> String {
        switch zone {
        case .hijau: return Framing.zoneColor(.hijau)
        case .kuning: return "url(#pm-kuning)"
        case .merah: return "url(#pm-merah)"
        }
    }

    static let noScoreFill = "url(#pm-none)"

    /// A category's colour: the rubric's, else a step of a dark-to-light blue-green ramp
    /// (readable by lightness alone), highest category darkest.
    func bandFill(_ band: Band) -> String {
        if let color = band.color { return color }
        let ramp = ["#08306b", "#08519c", "#2171b5", "#4292c6", "#6baed6", "#9ecae1", "#c6dbef", "#deebf7", "#f7fbff"]
        let i = bands.firstIndex { $0.id == band.id } ?? 0
        let step = bands.count > 1 ? i * (ramp.count - 1) / (bands.count - 1) : 0
        return ramp[min(step, ramp.count - 1)]
    }

    func fill(_ entry: Entry) -> String {
        guard entry.score != nil, let band = entry.band else { return Self.noScoreFill }
        if byZone, let zone = band.zone { return Self.zoneFill(zone) }
        return bandFill(band)
    }

    /// "B Kualitas Tinggi · Hijau", or "belum dinilai".
    func category(_ entry: Entry) -> String {
        guard entry.score != nil, let band = entry.band else { return t["noScore"] }
        var text = band.id + (band.label.isEmpty ? "" : " " + band.label.text(t.lang))
        if let zone = band.zone { text += " · " + t["zone"] + " " + t[zone.rawValue] }
        return text
    }

    /// "Kabupaten Siak: 85,09, B Kualitas Tinggi · Zona Hijau".
    func accessibleName(_ entry: Entry) -> String {
        guard entry.score != nil else { return "\(entry.name): \(t["noScore"])" }
        return "\(entry.name): \(t.number(entry.score)), \(category(entry))"
    }

    /// Codes of the entries that have no boundary.
    var missing: [Entry] { entries.filter { shapes[$0.code] == nil } }

    /// The figure: SVG, legend, table, missing regions. Empty when nothing can be drawn.
    func html() -> String {
        let drawn = entries.filter { shapes[$0.code] != nil }
        guard !drawn.isEmpty else { return missingNote() }
        var minX = Int.max
        var minY = Int.max
        var maxX = Int.min
        var maxY = Int.min
        for e in drawn {
            guard let s = shapes[e.code] else { continue }
            minX = min(minX, s.minX)
            minY = min(minY, s.minY)
            maxX = max(maxX, s.maxX)
            maxY = max(maxY, s.maxY)
        }
        let pad = max(2, max(maxX - minX, maxY - minY) / 40)
        let (x0, y0, w, h) = (minX - pad, minY - pad, maxX - minX + 2 * pad, maxY - minY + 2 * pad)
        let stroke = DecimalFormat.fixed(Double(max(w, h)) / 700, decimals: 2)
        // Shown at most 640 px wide (or 480 px tall), scaled down with the page (style.css).
        let scale = min(640 / Double(w), 480 / Double(h))
        let width = Int((Double(w) * scale).rounded())
        let height = Int((Double(h) * scale).rounded())
        let hatch = max(1, max(w, h) / 120)  // pattern cell in map units: about 5 px on screen

        var svg =
            "<svg class=\"map\" viewBox=\"\(x0) \(y0) \(w) \(h)\" width=\"\(width)\" height=\"\(height)\" xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\">"
        svg += patterns(cell: hatch)
        svg += "<g stroke=\"#fff\" stroke-width=\"\(stroke)\" stroke-linejoin=\"round\">"
        for e in drawn {
            guard let s = shapes[e.code] else { continue }
            let name = Html.escape(accessibleName(e))
            svg +=
                "<a xlink:href=\"\(Html.escape(e.link))\" aria-label=\"\(name)\" data-code=\"\(Html.escape(e.code))\">"
            svg += "<title>\(name)</title><path d=\"\(s.path)\" fill=\"\(fill(e))\"/></a>"
        }
        svg += "</g>"
        if !byZone {
            // The category's letter on each scored shape, so colour is not the only cue.
            let size = DecimalFormat.fixed(Double(max(w, h)) / 40, decimals: 1)
            // Drawn twice, a white outline under the black letters: a halo that reads on any fill.
            var letters = ""
            for e in drawn where e.score != nil {
                guard let s = shapes[e.code], let band = e.band else { continue }
                letters += "<text x=\"\(s.labelX)\" y=\"\(s.labelY)\">\(Html.escape(band.id))</text>"
            }
            let common =
                "aria-hidden=\"true\" font-size=\"\(size)\" text-anchor=\"middle\" font-weight=\"700\" pointer-events=\"none\""
            svg += "<g \(common) fill=\"#fff\" stroke=\"#fff\" stroke-width=\"\(stroke)\">\(letters)</g>"
            svg += "<g \(common) fill=\"#000\">\(letters)</g>"
        }
        svg += "</svg>"

        var out =
            "<figure class=\"map\">\(svg)<figcaption id=\"map-caption\">\(Html.escape(caption))</figcaption></figure>"
        out += legend()
        out += table()
        out += missingNote()
        return out
    }

    /// Hatching for kuning, cross-hatching for merah, dots on grey for "not scored".
    func patterns(cell: Int) -> String {
        let c = cell
        let half = max(1, cell / 2)
        let line = DecimalFormat.fixed(Double(cell) / 4, decimals: 2)
        func pattern(_ id: String, _ color: String, _ marks: String) -> String {
            "<pattern id=\"\(id)\" patternUnits=\"userSpaceOnUse\" width=\"\(c)\" height=\"\(c)\"><rect width=\"\(c)\" height=\"\(c)\" fill=\"\(color)\"/>\(marks)</pattern>"
        }
        let diagonal = "<path d=\"M0 \(c)L\(c) 0\" stroke=\"#000\" stroke-opacity=\".55\" stroke-width=\"\(line)\"/>"
        let cross =
            "<path d=\"M0 \(c)L\(c) 0M0 0L\(c) \(c)\" stroke=\"#fff\" stroke-opacity=\".8\" stroke-width=\"\(line)\"/>"
        let dot = "<circle cx=\"\(half)\" cy=\"\(half)\" r=\"\(line)\" fill=\"#fff\"/>"
        return "<defs>" + pattern("pm-kuning", Framing.zoneColor(.kuning), diagonal)
            + pattern("pm-merah", Framing.zoneColor(.merah), cross)
            + pattern("pm-none", "#bdbdbd", dot) + "</defs>"
    }

    /// Swatches (the same fills) with their meaning, and how many regions each has.
    func legend() -> String {
        var items: [(fill: String, label: String, count: Int, letter: String?)] = []
        let scored = entries.filter { $0.score != nil && $0.band != nil }
        if byZone {
            for zone in Zone.allCases {
                let ids = bands.filter { $0.zone == zone }.map(\.id).joined(separator: ", ")
                items.append(
                    (
                        Self.zoneFill(zone), "\(t["zone"]) \(t[zone.rawValue]) (\(ids))",
                        scored.filter { $0.band?.zone == zone }.count, nil
                    ))
            }
        } else {
            for band in bands {
                let label = band.id + (band.label.isEmpty ? "" : " " + band.label.text(t.lang))
                items.append((bandFill(band), label, scored.filter { $0.band?.id == band.id }.count, band.id))
            }
        }
        items.append((Self.noScoreFill, t["noScore"], entries.count - scored.count, nil))
        var out = "<ul class=\"legend\" aria-label=\"\(Html.escape(MapWords.text("legend", lang: t.lang)))\">"
        for item in items {
            out +=
                "<li><svg width=\"24\" height=\"16\" viewBox=\"0 0 24 16\" aria-hidden=\"true\"><rect width=\"24\" height=\"16\" fill=\"\(item.fill)\" stroke=\"#555\"/>"
            if let letter = item.letter {
                let text = "x=\"12\" y=\"12\" font-size=\"11\" text-anchor=\"middle\" font-weight=\"700\""
                out += "<text \(text) fill=\"#fff\" stroke=\"#fff\" stroke-width=\"2\">\(Html.escape(letter))</text>"
                out += "<text \(text) fill=\"#000\">\(Html.escape(letter))</text>"
            }
            out += "</svg> \(Html.escape(item.label)): \(item.count)</li>"
        }
        return out + "</ul>"
    }

    /// The map as a table: every region, its score and category, whether it is drawn.
    func table() -> String {
        var out =
            "<details class=\"map-table\"><summary>\(Html.escape(MapWords.text("mapTable", lang: t.lang)))</summary><div class=\"scroll\"><table>"
        out +=
            "<thead><tr><th>\(t["region"])</th><th>\(t["score"])</th><th>\(bands.contains { $0.zone != nil } ? "\(t["band"]) · \(t["zone"])" : t["band"])</th><th>\(MapWords.text("onMap", lang: t.lang))</th></tr></thead><tbody>"
        for e in entries {
            let onMap =
                shapes[e.code] != nil ? MapWords.text("yes", lang: t.lang) : MapWords.text("noBoundary", lang: t.lang)
            out +=
                "<tr><td><a href=\"\(Html.escape(e.link))\">\(Html.escape(e.name))</a></td><td class=\"num\">\(t.number(e.score))</td>"
            out += "<td>\(Html.escape(category(e)))</td><td>\(Html.escape(onMap))</td></tr>"
        }
        return out + "</tbody></table></div></details>"
    }

    /// "No boundary on the map for: 14.73 Kota X, …", or nothing.
    func missingNote() -> String {
        let list = missing
        guard !list.isEmpty else { return "" }
        return "<p class=\"note map-missing\">\(Html.escape(MapWords.text("mapMissing", lang: t.lang))): "
            + list.map { "<a href=\"\(Html.escape($0.link))\">\(Html.escape($0.code)) \(Html.escape($0.name))</a>" }
            .joined(separator: ", ")
            + "</p>"
    }
}
