import CLibXML2

/// The parser options every Patuh parse uses: no network, no entity substitution, no DTD
/// loading, errors through the structured handler. Never `XML_PARSE_NOENT` (it expands
/// external entities), never `XML_PARSE_HUGE` (it lifts the depth and size limits).
let safeParseOptions = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
    | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)

/// Limits that hold whatever the input claims.
public enum XMLLimits {
    /// The longest text one element may carry (libxml2's own tree limit is 10 MB).
    public static let maxTextBytes = 1 << 20
    /// Why DOCTYPE is refused: Patuh's formats need none, and a DTD is how entity attacks
    /// (external files, billion laughs) get in.
    public static let doctypeMessage =
        "DOCTYPE declarations are not allowed in Patuh files (they can define entities that read local files or expand without bound)"
}
