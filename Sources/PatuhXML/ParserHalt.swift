import CLibXML2

/// Stops a parse from inside one of its own callbacks.
///
/// `xmlStopParser` in libxml2 2.9 frees the input buffer at once, and the parser goes on
/// reading it when the callback returns (valgrind: "invalid read ... inside a block
/// free'd by xmlFreeParserInputBuffer"). Marking the parse as ended and turning its
/// callbacks off has the same effect without freeing anything: every parsing loop checks
/// `instate` and stops, and no further declaration or event is handed on.
func haltParser(_ ctxt: xmlParserCtxtPtr) {
    ctxt.pointee.disableSAX = 1
    ctxt.pointee.instate = XML_PARSER_EOF
}
