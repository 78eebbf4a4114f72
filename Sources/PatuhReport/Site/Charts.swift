import PatuhCore

/// Small inline SVG charts: no script, no network, readable as text by screen readers.
enum Charts {
    static func color(_ zone: Zone?) -> String {
        switch zone {
        case .hijau?: return "#2e7d32"
        case .kuning?: return "#f9a825"
        case .merah?: return "#c62828"
        case nil: return "#757575"
        }
    }

    /// Horizontal bars: label, value, maximum, colour; values printed beside the bars.
    static func bars(_ rows: [(label: String, value: Double, max: Double, color: String, text: String)],
                     title: String) -> String {
        let height = 28 * rows.count + 8
        var svg = "<svg role=\"img\" aria-label=\"\(Html.escape(title))\" viewBox=\"0 0 720 \(height)\" width=\"720\" height=\"\(height)\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title>\(Html.escape(title))</title>"
        for (i, row) in rows.enumerated() {
            let y = 4 + i * 28
            let width = row.max > 0 ? Swift.max(0, Swift.min(1, row.value / row.max)) * 330 : 0
            svg += "<text x=\"0\" y=\"\(y + 17)\" font-size=\"13\">\(Html.escape(String(row.label.prefix(34))))</text>"
            svg += "<rect x=\"230\" y=\"\(y + 4)\" width=\"330\" height=\"18\" fill=\"#eee\"/>"
            svg += "<rect x=\"230\" y=\"\(y + 4)\" width=\"\(NumberFormat.fixed(width, decimals: 1))\" height=\"18\" fill=\"\(row.color)\"/>"
            svg += "<text x=\"566\" y=\"\(y + 17)\" font-size=\"13\">\(Html.escape(row.text))</text>"
        }
        return svg + "</svg>"
    }
}

/// HTML escaping for text built outside templates (the templates escape by themselves).
enum Html {
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Only relative paths and http(s) addresses become links; anything else (javascript:,
    /// data:, file:) is shown as text.
    static func safeHref(_ href: String) -> String? {
        let h = href.trimmingCharacters(in: .whitespacesAndNewlines)
        let lower = h.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return h }
        if h.isEmpty || h.hasPrefix("/") || h.hasPrefix("\\") { return nil }
        let beforeSlash = h.split(separator: "/", maxSplits: 1).first.map(String.init) ?? h
        return beforeSlash.contains(":") ? nil : h
    }
}

import Foundation
