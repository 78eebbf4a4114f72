import Foundation
import PatuhCore
import PatuhXML

/// The four schemas, compiled once and shared.
public final class SchemaSet: Sendable {
    public let directory: String
    private let schemas: [String: XMLSchema]

    /// Compiles every schema in `directory` (`Rubrics/schema`).
    public init(directory: String) throws(Rejection) {
        self.directory = directory
        var schemas: [String: XMLSchema] = [:]
        for file in Set(DocumentKind.allCases.map(\.schemaFile)) {
            schemas[file] = try XMLSchema.load(file: (directory as NSString).appendingPathComponent(file))
        }
        self.schemas = schemas
    }

    public func schema(for kind: DocumentKind) -> XMLSchema? { schemas[kind.schemaFile] }
}
