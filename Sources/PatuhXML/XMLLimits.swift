import CLibXML2

/// The parser options every Patuh parse uses: no network, no entity substitution, no DTD
/// loading, errors through the structured handler. Never `XML_PARSE_NOENT` (it expands
/// external entities), never `XML_PARSE_HUGE` (it lifts the depth and size limits).
let safeParseOptions = Int32(
    XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue
        | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOCDATA.rawValue)

/// Limits that hold whatever the input claims.
public enum XMLLimits {
    /// The longest text one element may carry (libxml2's own tree limit is 10 MB).
    public static let maxTextBytes = 1 << 20
    /// Why DOCTYPE is refused: Patuh's formats need none, and a DTD is how entity attacks
    /// (external files, billion laughs) get in.
    public static let doctypeMessage =
        "DOCTYPE declarations are not allowed in Patuh files (they can define entities that read local files or expand without bound)"

    /// The deepest nesting of elements accepted: libxml2's own limit for documents read
    /// whole, which its push parser (streams) does not apply by itself.
    public static let maxDepth = 256

    /// libxml2's own limits (without `XML_PARSE_HUGE`), said the way a person sending a file
    /// can act on: its messages name the option that would lift them, which no input can set.
    public static let depthMessage =
        "elements are nested more than 256 levels deep; Patuh files need only a few levels"
    public static let longTagMessage =
        "a tag, comment or declaration runs on for more than 10 MB without ending (an attribute value this long?)"
    public static let longAttributeMessage = "an attribute value is longer than 10 MB"
    public static let longTextMessage = "text longer than 10 MB in one element"
    public static let longNameMessage = "an element or attribute name is longer than 50,000 characters"

    /// The plain message for one of libxml2's limit errors, or `nil` for any other message.
    static func plainMessage(forLibxml2 message: String) -> String? {
        if message.hasPrefix("Excessive depth in document") { return depthMessage }
        if message.contains("Huge input lookup") { return longTagMessage }
        if message.hasPrefix("AttValue length too long") { return longAttributeMessage }
        if message.contains("huge text node") || message.contains("text too long") { return longTextMessage }
        if message.hasPrefix("Name too long") { return longNameMessage }
        return nil
    }
}
