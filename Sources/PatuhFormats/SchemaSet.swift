import Foundation
import PatuhCore
import PatuhXML

/// The four schemas, compiled once and shared.
public final class SchemaSet: Sendable {
    public let directory: String
    private let schemas: [String: XMLSchema]
    /// Whether the survey schema is the one `SurveyShape` was written for, so that plain
    /// survey files may be read without libxml2's validator (see `SurveyShape`).
    public let surveyShapeApplies: Bool
    /// Whether the assessment schema is the one `AssessmentShape` was written for.
    public let assessmentShapeApplies: Bool

    /// Compiles every schema in `directory` (`Rubrics/schema`).
    public init(directory: String) throws(Rejection) {
        self.directory = directory
        var schemas: [String: XMLSchema] = [:]
        for file in Set(DocumentKind.allCases.map(\.schemaFile)) {
            schemas[file] = try XMLSchema.load(file: (directory as NSString).appendingPathComponent(file))
        }
        self.schemas = schemas
        surveyShapeApplies = Self.surveyFingerprint(directory: directory) == SurveyShape.fingerprint
        assessmentShapeApplies = Self.assessmentFingerprint(directory: directory) == AssessmentShape.fingerprint
    }

    /// The fingerprint of `survey.xsd` and the `common.xsd` it includes, as they are on disk.
    static func surveyFingerprint(directory: String) -> UInt64? {
        fingerprint(of: ["survey.xsd", "common.xsd"], in: directory)
    }

    /// The fingerprint of `assessment.xsd` and the `common.xsd` it includes, as they are on disk.
    static func assessmentFingerprint(directory: String) -> UInt64? {
        fingerprint(of: ["assessment.xsd", "common.xsd"], in: directory)
    }

    private static func fingerprint(of files: [String], in directory: String) -> UInt64? {
        var hash = FNV1a()
        for file in files {
            guard let data = FileManager.default.contents(atPath: (directory as NSString).appendingPathComponent(file))
            else {
                return nil
            }
            hash.add(data)
        }
        return hash.value
    }

    public func schema(for kind: DocumentKind) -> XMLSchema? { schemas[kind.schemaFile] }
}
