import Foundation

/// Escaping of text written into XML documents.
public enum XMLText {
    /// Where the text goes: an attribute value (quoted with `"`) or element content.
    public enum Context: Sendable {
        case attribute, content
    }

    /// Appends the UTF-8 bytes of `text` to `buffer`, escaping `& < > " '`; in attributes also
    /// tab, line feed and carriage return (which attribute-value normalization would turn
    /// into spaces). Characters XML 1.0 forbids (C0 controls other than tab, LF, CR) are dropped.
    public static func append(_ text: String, to buffer: inout [UInt8], in context: Context) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "&"): buffer.append(contentsOf: amp)
            case UInt8(ascii: "<"): buffer.append(contentsOf: lt)
            case UInt8(ascii: ">"): buffer.append(contentsOf: gt)
            case UInt8(ascii: "\""): buffer.append(contentsOf: quot)
            case UInt8(ascii: "'"): buffer.append(contentsOf: apos)
            case 0x09, 0x0A, 0x0D:
                if context == .attribute {
                    buffer.append(contentsOf: Array("&#\(byte);".utf8))
                } else {
                    buffer.append(byte)
                }
            case 0x00..<0x20: break
            default: buffer.append(byte)
            }
        }
    }

    /// `text` escaped for `context`, as a string.
    public static func escaped(_ text: String, in context: Context = .content) -> String {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(text.utf8.count)
        append(text, to: &buffer, in: context)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// `text` made safe inside `<!-- … -->`: no `--`, no trailing `-`.
    public static func comment(_ text: String) -> String {
        var result = text
        while result.contains("--") { result = result.replacingOccurrences(of: "--", with: "- -") }
        if result.hasSuffix("-") { result += " " }
        return result
    }

    private static let amp = Array("&amp;".utf8)
    private static let lt = Array("&lt;".utf8)
    private static let gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8)
    private static let apos = Array("&apos;".utf8)
}
