import Foundation
import PatuhCore
import PatuhXML
import Testing

@testable import PatuhFormats

/// Runs a shape check alone over a file, as the fast path does.
final class ShapeFollower<Shape: ShapeCheck>: XMLStreamHandler {
    var shape: Shape
    init(_ shape: Shape) { self.shape = shape }
    func start(_ tag: XMLStartTag, in stream: XMLStream) { shape.start(tag) }
    func end(_ localName: XMLBytes, in stream: XMLStream) { shape.end() }
    func text(_ bytes: XMLBytes, in stream: XMLStream) { shape.text(bytes) }
}

/// `xml` written to a scratch file: its path, whether `shape` passes it (read to its end
/// without the validator) and whether libxml2's validator accepts it against `kind`'s schema.
func shapeVerdicts<Shape: ShapeCheck>(_ xml: String, _ shape: Shape, kind: DocumentKind) throws -> (
    path: String, plain: Bool, valid: Bool
) {
    let url = try scratchDirectory().appendingPathComponent("shape.xml")
    try Data(xml.utf8).write(to: url)
    let schema = try #require(try SchemaSet(directory: shippedSchemaDirectory).schema(for: kind))
    let follower = ShapeFollower(shape)
    let parsed = XMLStreamParser(schema: nil).parse(file: url.path, handler: follower)
    var valid = false
    if let document = try? XMLDocument.parse(file: url.path) { valid = schema.validate(document).isEmpty }
    return (url.path, follower.shape.plain && parsed.complete, valid)
}

let shippedSchemaDirectory = rubricsDirectory + "/schema"

/// A copy of the shipped schemas with `old` replaced by `new` in `file`: its folder.
func editedSchemas(_ file: String, replacing old: String, with new: String) throws -> String {
    let dir = try scratchDirectory()
    for name in try FileManager.default.contentsOfDirectory(atPath: shippedSchemaDirectory) {
        try FileManager.default.copyItem(
            atPath: shippedSchemaDirectory + "/" + name, toPath: dir.appendingPathComponent(name).path)
    }
    let url = dir.appendingPathComponent(file)
    let text = try String(contentsOf: url, encoding: .utf8)
    #expect(text.contains(old), "the schema no longer says \(old)")
    try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    return dir.path
}
