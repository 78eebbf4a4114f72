import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PatuhCore
import PatuhFormats
import PatuhTestSupport

@testable import PatuhServe

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
let rubricsDirectory = repositoryRoot + "/Rubrics"

// The suites test the router in process (`.test(.router)`), not over a socket (`.live`): the
// live test client gives each request 20 seconds, and under a loaded machine (the ten runs of
// issue 16 beside two busy loops and other builds) a request took longer and the matrix failed
// with `readTimeout`. Sockets, kills and real clients are tested by DurabilityTests (a child
// process) and scripts/check-serve.sh (a browser).
enum Fixture {
    static func loader() throws -> InputLoader {
        InputLoader(schemas: try SchemaSet(directory: rubricsDirectory + "/schema"), rubricsDirectory: rubricsDirectory)
    }

    static func rubric(_ id: String) throws -> Rubric {
        try loader().readRubric(file: rubricsDirectory + "/\(id).xml")
    }

    static var registryPath: String {
        Bundle.module.url(forResource: "Fixtures/registry", withExtension: "xml")?.path ?? ""
    }

    static func registry() throws -> Registry {
        let inputs = try loader().load([registryPath])
        guard let registry = inputs.registry else { throw CocoaError(.fileReadCorruptFile) }
        return registry
    }

    /// A fresh data folder.
    static func dataDirectory() throws -> String {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "patuh-serve-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir.path
    }

    /// A server for skm-2017 over the fixture registry, period 2026-S2 open (2026-S1 closed).
    static func server(perDeviceLimit: Int = 20, formRubrics: [String] = []) throws -> Server {
        let skm = try rubric("skm-2017")
        var config = ServeConfiguration(
            rubric: skm, registry: try registry(), openPeriods: ["2026-S2"],
            dataDirectory: try dataDirectory(),
            formRubrics: [skm] + (try formRubrics.map { try rubric($0) }))
        config.perDeviceLimit = perDeviceLimit
        return try Server(config: config)
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    func cookie(_ name: String) -> String? {
        for value in headers[values: .setCookie] where value.hasPrefix(name + "=") {
            return String(value.dropFirst(name.count + 1).prefix { $0 != ";" })
        }
        return nil
    }
}

/// `name="value"` of the first hidden input called `name` in a page.
func hiddenValue(_ name: String, in page: String) -> String? {
    guard let r = page.range(of: "name=\"\(name)\" value=\"") else { return nil }
    return String(page[r.upperBound...].prefix { $0 != "\"" })
}

/// A form body, percent-encoded.
func formBody(_ fields: [(String, String)]) -> ByteBuffer {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    let text = fields.map {
        "\($0.0.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
    }
    .joined(separator: "&")
    return ByteBuffer(string: text)
}

let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

/// Every unsur answered `value`.
func answers(_ value: Int, except: [String: Int] = [:]) -> [(String, String)] {
    (1...9).map { ("a_U\($0)", String(except["U\($0)"] ?? value)) }
}

/// The built `patuh` executable (beside the test bundle, or under .build/debug).
func patuhExecutable() throws -> URL {
    let candidates = [
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("patuh"),
        Bundle.main.bundleURL.appendingPathComponent("patuh"),
        Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("patuh"),
        URL(fileURLWithPath: repositoryRoot).appendingPathComponent(".build/debug/patuh")
    ]
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) else {
        throw CocoaError(.fileNoSuchFile)
    }
    return found
}

typealias Run = ChildRun

/// Runs `executable` with `arguments` from the repository root.
func run(_ executable: String, _ arguments: [String]) throws -> Run {
    var environment = ProcessInfo.processInfo.environment
    environment["PATUH_RUBRICS"] = rubricsDirectory
    return try ChildProcess.run(
        URL(fileURLWithPath: executable), arguments, in: URL(fileURLWithPath: repositoryRoot),
        environment: environment)
}

/// The `column` of the first CSV row whose line starts with `prefix` (no quoted commas in these files).
func column(_ csv: String, _ name: String, _ prefix: String) -> String? {
    let lines = csv.split(whereSeparator: \.isNewline).map(String.init)
    guard let header = lines.first?.split(separator: ",", omittingEmptySubsequences: false).map(String.init),
        let index = header.firstIndex(of: name),
        let row = lines.dropFirst().first(where: { $0.hasPrefix(prefix) })
    else { return nil }
    let cells = row.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
    return index < cells.count ? cells[index] : nil
}
