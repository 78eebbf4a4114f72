// A child process for the tests' memory bounds: it does one read Patuh does (named by its
// first argument) and exits, so that the kernel's account of its peak resident memory
// (wait4, read by the test) is that read's alone, whatever other suites do in the test
// process at the same time. Exit status 0 when the read went as the scenario expects.
import Foundation
import PatuhCore
import PatuhFormats
import PatuhXML

let arguments = Array(CommandLine.arguments.dropFirst())
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("PatuhProbe: \(message)\n".utf8))
    exit(1)
}
guard let scenario = arguments.first else { fail("usage: PatuhProbe SCENARIO [FILE] [SCHEMAS]") }
let file = arguments.count > 1 ? arguments[1] : ""
let schemas: SchemaSet? = arguments.count > 2 ? try? SchemaSet(directory: arguments[2]) : nil

switch scenario {
case "nothing":
    break
case "stream-assessment":
    // Streamed with the schema in the same pass, as `patuh score` reads assessments.
    let read = AssessmentReader(schema: schemas?.schema(for: .assessment)).read(file: file)
    guard read.assessments.isEmpty, !read.diagnostics.isEmpty else { fail("the hostile assessment was accepted") }
case "parse-whole":
    // Read whole, as rubrics and registries are: must be refused.
    if (try? XMLDocument.parse(file: file)) != nil { fail("the hostile document was parsed") }
case "read-rubric":
    guard let schemas else { fail("no schemas") }
    let loader = InputLoader(schemas: schemas, rubricsDirectory: nil, threads: 1)
    if (try? loader.readRubric(file: file)) != nil { fail("the hostile rubric was read") }
case "parse-many":
    // 1,000 parses to warm up, then 10,000 more: a leak of one small tree a parse (~1 KB)
    // shows as ~10 MB of peak above the warm-up run's.
    let count = Int(arguments.count > 2 ? arguments[2] : "0") ?? 0
    for _ in 0..<count {
        guard let doc = try? XMLDocument.parse(file: file) else { fail("cannot parse \(file)") }
        _ = doc.root?.children.first?.attribute("k")
        _ = doc.root?.children.first?.text
    }
case "load":
    // Every way `patuh` reads a file (sniff, whole, streamed), through the loader.
    guard let schemas else { fail("no schemas") }
    let inputs = InputLoader(schemas: schemas, rubricsDirectory: nil, threads: 1).load([file])
    guard inputs.diagnostics.hasErrors else { fail("the hostile file was accepted") }
default:
    fail("unknown scenario \(scenario)")
}
