import Foundation
import HTTPTypes
import Hummingbird
import PatuhCore

/// The printable poster of a unit: its name, the questionnaire's address and that address as
/// a QR code (SVG drawn by Debian's `qrencode`; without it, the address alone).
extension Server {
    func poster(_ request: Request, _ context: ServeContext) throws -> Response {
        let w = Self.words(request)
        guard case .success(let unit) = surveyedUnit(context, w) else { return Self.unknownUnit(w) }
        let url = baseURL(request) + "/s/" + unit.id
        var b = "<h1>\(w("Bagaimana pelayanan kami?", "How was our service?"))</h1>\n"
        b += "<p><strong>\(HTML.esc(unit.name))</strong></p>\n"
        b +=
            "<p>\(w("Pindai kode ini dengan ponsel Anda dan isi survei singkat (9 pertanyaan, tanpa nama).", "Scan this code with your phone and fill in a short survey (9 questions, anonymous)."))</p>\n"
        if let svg = Self.qrSVG(url) {
            b +=
                "<div id=\"qr\" style=\"max-width:22rem\"><img alt=\"QR\" src=\"data:image/svg+xml;base64,\(Data(svg.utf8).base64EncodedString())\" style=\"width:100%\"></div>\n"
        }
        b += "<p style=\"font-size:1.2rem\"><code>\(HTML.esc(url))</code></p>\n"
        b +=
            "<p>\(HTML.esc(config.rubric.title.text(w.lang))) · \(w("Periode", "Period")) \(HTML.esc(config.currentPeriod))</p>\n"
        return Self.html(
            HTML.page(title: w("Poster survei", "Survey poster") + ": " + unit.name, lang: w.lang, body: b))
    }

    /// `qrencode -t SVG` of `text`, or nil when qrencode is not installed.
    static func qrSVG(_ text: String) -> String? {
        let candidates = ["/usr/bin/qrencode", "/usr/local/bin/qrencode"]
        guard let tool = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return nil
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-t", "SVG", "-m", "2", "-s", "8", "-o", "-", "--", text]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
