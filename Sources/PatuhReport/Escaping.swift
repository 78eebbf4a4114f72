/// `text` with the scalars `replacement` names replaced, the others kept: the one loop under
/// HTML's and JSON's escapes, each of which is only its table.
@inline(__always)
func escaping(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for c in text.unicodeScalars {
        if let r = replacement(c) { out += r } else { out.unicodeScalars.append(c) }
    }
    return out
}
