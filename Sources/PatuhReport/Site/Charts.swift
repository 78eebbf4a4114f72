import Foundation
import PatuhCore

/// Small charts with no script and nothing fetched. Bars are HTML, so their labels are text
/// at the page's own size on any screen (an SVG scaled to a phone shrinks its labels to
/// unreadable); the trend line is a small SVG whose values stand in the table beside it.
enum Charts {
    struct Bar {
        var label: String
        var value: Double
        var max: Double
        var color: String
        var text: String
    }

    /// Horizontal bars: a list, each item its full label, a bar and the value as text.
    static func bars(_ rows: [Bar], title: String) -> String {
        // Appended piece by piece into one buffer (no interpolated temporaries): a chart or
        // two on each of a national site's 25,000 unit pages.
        var html = "<figure class=\"bars\"><figcaption>"
        html.reserveCapacity(128 + rows.count * 256)
        html += Html.escape(title)
        html += "</figcaption><ul>"
        for row in rows {
            let share = row.max > 0 ? Swift.max(0, Swift.min(1, row.value / row.max)) * 100 : 0
            html += "<li><span class=\"bar-label\">"
            html += Html.escape(row.label)
            html += "</span><span class=\"bar\" aria-hidden=\"true\"><span style=\"width:"
            html += DecimalFormat.fixed(share, decimals: 1)
            html += "%;background:"
            html += row.color
            html += "\"></span></span><span class=\"bar-value\">"
            html += Html.escape(row.text)
            html += "</span></li>"
        }
        html += "</ul></figure>"
        return html
    }

    /// A small line of scores over periods (oldest first), between `low` and `high`.
    static func trend(_ points: [Double?], low: Double, high: Double, color: String, title: String) -> String {
        let width = 240.0
        let height = 60.0
        let pad = 6.0
        let n = points.count
        guard n > 1, high > low else { return "" }
        func x(_ i: Int) -> Double { pad + (width - 2 * pad) * Double(i) / Double(n - 1) }
        func y(_ v: Double) -> Double {
            height - pad - (height - 2 * pad) * Swift.max(0, Swift.min(1, (v - low) / (high - low)))
        }
        var svg =
            "<svg class=\"trend\" role=\"img\" aria-label=\"\(Html.escape(title))\" viewBox=\"0 0 240 60\" width=\"240\" height=\"60\" xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<rect x=\"0\" y=\"0\" width=\"240\" height=\"60\" fill=\"#f8f9fa\"/>"
        let drawn = points.enumerated().compactMap { i, v in v.map { (x(i), y($0)) } }
        if drawn.count > 1 {
            let line = drawn.map {
                "\(DecimalFormat.fixed($0.0, decimals: 1)),\(DecimalFormat.fixed($0.1, decimals: 1))"
            }.joined(separator: " ")
            svg += "<polyline points=\"\(line)\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\"/>"
        }
        for (px, py) in drawn {
            svg +=
                "<circle cx=\"\(DecimalFormat.fixed(px, decimals: 1))\" cy=\"\(DecimalFormat.fixed(py, decimals: 1))\" r=\"3\" fill=\"\(color)\"/>"
        }
        return svg + "</svg>"
    }
}

/// HTML escaping for text built outside templates (the templates escape by themselves).
enum Html {
    static func escape(_ s: String) -> String {
        // Most labels hold none of the five: then the text is its own escape (no copy).
        guard s.utf8.contains(where: { $0 == 38 || $0 == 60 || $0 == 62 || $0 == 34 || $0 == 39 }) else { return s }
        return escaping(s) { c in
            switch c {
            case "&": "&amp;"
            case "<": "&lt;"
            case ">": "&gt;"
            case "\"": "&quot;"
            case "'": "&#39;"
            default: nil
            }
        }
    }

    /// `text` without white space at either end; as it is, without going through
    /// Foundation, when it starts and ends with a visible ASCII character (nearly always).
    static func trimmed(_ text: String) -> String {
        func visible(_ b: UInt8) -> Bool { b > 32 && b < 128 }
        if let first = text.utf8.first, let last = text.utf8.last, visible(first), visible(last) { return text }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Only relative paths and http(s) addresses become links; anything else (javascript:,
    /// data:, file:) is shown as text.
    static func safeHref(_ href: String) -> String? {
        let h = trimmed(href)
        let lower = h.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return h }
        if h.isEmpty || h.hasPrefix("/") || h.hasPrefix("\\") { return nil }
        let beforeSlash = h.split(separator: "/", maxSplits: 1).first.map(String.init) ?? h
        return beforeSlash.contains(":") ? nil : h
    }
}
