// A libFuzzer target for Patuh's XML loaders: every input is read the way `patuh score`
// reads a file (sniffed, parsed whole and checked against the rubric and registry
// schemas, streamed as an assessment and as a survey), then what was read is scored and
// written as CSV. A crash, a trap or an AddressSanitizer report is a finding.
//
// Built and run by `scripts/fuzz.sh`:
//
//     swift build -c debug --product PatuhFuzz --scratch-path .build-fuzz \
//         -Xswiftc -sanitize=fuzzer,address -Xlinker --export-dynamic-symbol=LLVMFuzzerRunDriver
//
// In an ordinary `swift build` the target links without libFuzzer: it then runs each file
// named on its command line through the same loaders once (a crash reproducer, or a seed
// check) and never needs the fuzzer runtime.
import Foundation
import PatuhCore
import PatuhFormats
import PatuhReport
import PatuhXML

/// What every input is read against: the schemas, two shipped rubrics, the Riau registry.
struct FuzzContext {
    let schemas: SchemaSet
    let rubrics: [String: Rubric]
    let registry: Registry
    /// The file each input is written to (the stream readers take paths).
    let scratch: String

    static func load() -> FuzzContext {
        let env = ProcessInfo.processInfo.environment
        let root =
            env["PATUH_ROOT"]
            ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path
        let rubricsDirectory = root + "/Rubrics"
        do throws(Rejection) {
            let schemas = try SchemaSet(directory: rubricsDirectory + "/schema")
            let loader = InputLoader(schemas: schemas, rubricsDirectory: rubricsDirectory, threads: 1)
            var rubrics: [String: Rubric] = [:]
            for id in ["ombudsman-opini-2022", "skm-2017"] {
                rubrics[id] = try loader.readRubric(file: "\(rubricsDirectory)/\(id).xml")
            }
            let registryFile = root + "/Samples/riau/registry.xml"
            let document = try XMLDocument.parse(file: registryFile)
            if let schema = schemas.schema(for: .registry) {
                let problems = schema.validate(document)
                if !problems.isEmpty { throw Rejection(problems) }
            }
            let registry = try RegistryReader.read(document)
            let dir = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
            let scratch = "\(dir)/patuh-fuzz-\(getpid()).xml"
            return FuzzContext(schemas: schemas, rubrics: rubrics, registry: registry, scratch: scratch)
        } catch {
            FileHandle.standardError.write(
                Data(
                    "PatuhFuzz: cannot load the context from \(root) (set PATUH_ROOT): \(error.diagnostics)\n".utf8))
            exit(2)
        }
    }

    /// Reads `data` every way Patuh reads a file, and scores whatever was accepted.
    func run(_ data: Data) {
        guard FileManager.default.createFile(atPath: scratch, contents: data) else { return }
        let file = scratch

        _ = try? DocumentKind.sniff(file)

        // Rubrics and registries: parsed whole, schema first, then read; the readers are also
        // given unvalidated trees, so that they hold up even if a check before them is missed.
        if let document = try? XMLDocument.parse(data: data, file: file) {
            for kind in [DocumentKind.rubric, .registry] {
                let valid = schemas.schema(for: kind).map { $0.validate(document).isEmpty } ?? false
                switch kind {
                case .rubric:
                    if let rubric = try? RubricReader.read(document), valid {
                        score(rubric: rubric, assessments: [], surveys: [:])
                    }
                default:
                    _ = try? RegistryReader.read(document)
                }
            }
        }

        // Assessments: streamed with the schema in the same pass, checked, scored.
        let assessmentFile = AssessmentReader(schema: schemas.schema(for: .assessment)).read(file: file)
        for (id, rubric) in rubrics.sorted(by: { $0.key < $1.key }) {
            let usable = assessmentFile.assessments.filter {
                $0.rubricID == id && !AssessmentChecks.check($0, rubric: rubric, registry: registry).hasErrors
            }
            if !usable.isEmpty { score(rubric: rubric, assessments: usable, surveys: [:]) }
        }

        // Surveys: streamed, tallied, scored; read once through the validator and once by
        // the fast path, which must give the very same file (a difference is a crash here).
        let rubrics = self.rubrics
        let surveyReader = SurveyReader(schema: schemas.schema(for: .survey), registry: registry) { rubrics[$0] }
        let survey = surveyReader.read(file: file)
        let fastReader = SurveyReader(
            schema: schemas.schema(for: .survey), registry: registry,
            checksShapeFirst: schemas.surveyShapeApplies
        ) { rubrics[$0] }
        let fast = fastReader.read(file: file)
        if fast.diagnostics != survey.diagnostics || fast.summary != survey.summary || fast.accepted != survey.accepted
            || fast.excluded != survey.excluded || fast.complete != survey.complete
        {
            fatalError("the fast path read \(file) differently from the validator")
        }
        if survey.complete, let rubric = rubrics[survey.rubricID] {
            score(
                rubric: rubric, assessments: [],
                surveys: [UnitPeriod(unit: survey.unitID, period: survey.period): survey.summary])
        }

        // ODK and Kobo submissions: imported (converted, set aside, resolved), every kept
        // one read back, which must give the id the index holds.
        let imported = ODKImporter(catalog: catalog).run([file])
        for (id, form) in imported.forms {
            let back = imported.submissions(of: id)
            if back.count != form.kept.count { fatalError("a submission set aside did not read back") }
        }

        // Inputs that begin with '#' (never an XML file) are also a folder tree to search.
        if data.first == UInt8(ascii: "#") { WalkFuzz.run(data.dropFirst(), root: scratch + ".tree") }
    }

    var catalog: FormCatalog { FormCatalog(rubrics: Array(rubrics.values)) }

    private func score(rubric: Rubric, assessments: [Assessment], surveys: [UnitPeriod: SurveySummary]) {
        let result = RoundScorer(rubric: rubric, registry: registry).score(assessments: assessments, surveys: surveys)
        let tables = ScoreTables(result)
        for dialect in CSVDialect.allCases {
            _ = tables.units.encoded(dialect)
            _ = tables.regions.encoded(dialect)
            _ = tables.indicators.encoded(dialect)
            if rubric.hasSurveyIndicators {
                _ = tables.breakdown.encoded(dialect)
                _ = tables.comments.encoded(dialect)
            }
        }
    }
}

nonisolated(unsafe) var context: FuzzContext?

/// libFuzzer's entry point: one input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ bytes: UnsafePointer<UInt8>?, _ count: Int) -> Int32 {
    if context == nil { context = FuzzContext.load() }
    guard let context else { return 0 }
    let data = bytes.map { Data(bytes: $0, count: count) } ?? Data()
    context.run(data)
    return 0
}

/// `int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*cb)(const uint8_t *, size_t))`.
typealias FuzzerDriver =
    @convention(c) (
        UnsafeMutablePointer<Int32>,
        UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32

// SwiftPM links executables with their own `main`, so libFuzzer's is never the entry point:
// hand control to libFuzzer's driver when it is linked in (fuzz builds export it).
if let symbol = dlsym(nil, "LLVMFuzzerRunDriver") {
    let driver = unsafeBitCast(symbol, to: FuzzerDriver.self)
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(driver(&argc, &argv) { fuzzOneInput($0, $1) })
}

// Without libFuzzer: run each file named once (reproduce a crash, check seeds).
let files = CommandLine.arguments.dropFirst()
if files.isEmpty {
    print(
        """
        PatuhFuzz was built without libFuzzer. Run scripts/fuzz.sh to fuzz, or pass files to read
        each once through the loaders (a crash reproducer, for instance).
        """)
}
for path in files {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("PatuhFuzz: cannot read \(path)\n".utf8))
        exit(1)
    }
    _ = data.withUnsafeBytes { fuzzOneInput($0.baseAddress?.assumingMemoryBound(to: UInt8.self), $0.count) }
    print("ok: \(path)")
}
