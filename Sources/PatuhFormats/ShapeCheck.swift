import PatuhCore
import PatuhXML

/// A check that follows a file's events while it is read without libxml2's validator
/// (`SurveyShape`, `AssessmentShape`): `plain` while the file keeps to the form it knows.
protocol ShapeCheck {
    var plain: Bool { get }
    mutating func start(_ tag: XMLStartTag)
    mutating func end()
    mutating func text(_ bytes: XMLBytes)
}

/// A handler read through a shape check: each event goes to `shape` first, then to
/// `handler`, and the stream stops as soon as `shape` is unsure (the reader then reads the
/// file again with the validator).
final class ShapeChecked<Shape: ShapeCheck, Handler: XMLStreamHandler>: XMLStreamHandler {
    let handler: Handler
    // Touched by one thread only, on every event (see the handlers' own properties).
    @exclusivity(unchecked) private(set) var shape: Shape

    init(_ handler: Handler, shape: Shape) {
        self.handler = handler
        self.shape = shape
    }

    func start(_ tag: XMLStartTag, in stream: XMLStream) {
        shape.start(tag)
        guard shape.plain else { return stream.finish() }
        handler.start(tag, in: stream)
    }

    func text(_ bytes: XMLBytes, in stream: XMLStream) {
        shape.text(bytes)
        guard shape.plain else { return stream.finish() }
        handler.text(bytes, in: stream)
    }

    func end(_ localName: XMLBytes, in stream: XMLStream) {
        shape.end()
        guard shape.plain else { return stream.finish() }
        handler.end(localName, in: stream)
    }
}
