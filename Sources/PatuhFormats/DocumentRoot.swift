import PatuhCore
import PatuhXML

extension XMLDocument {
    /// The root element when it is `<name>`; otherwise the rejection that says, at the file's
    /// start, that the file is not a `kind`.
    func rootElement(named name: String, kind: Wording) throws(Rejection) -> XMLElement {
        guard let root, root.name == name else {
            throw Rejection(.error(SourceLocation(file: file, line: 1, column: 1), .wrongKind(expected: kind)))
        }
        return root
    }
}
