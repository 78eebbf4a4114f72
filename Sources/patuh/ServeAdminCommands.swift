import ArgumentParser
import Foundation
import PatuhCore
import PatuhFormats
import PatuhReport
import PatuhServe

/// `patuh serve user add`: accounts of the live view and of ODK Collect.
struct ServeUserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Manage accounts (live view, ODK Collect).",
        subcommands: [ServeUserAddCommand.self, ServeUserImportCommand.self])
}

/// `patuh serve user import FILE`: many accounts at once, from a file the pemda keeps.
struct ServeUserImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Add or replace the accounts of a file: one per line, name,role,scope,password (# starts a comment).",
        discussion: """
            Each line is checked as `user add` checks it; a bad line is named as FILE:LINE:COL and skipped, \
            the others are saved. Delete the file afterwards: it holds passwords in clear.

            Example / contoh:
              patuh serve user import --data skm-data accounts.csv

            Exit status / kode keluar: 0 all saved / semua disimpan; 1 a line was refused (the rest saved) / \
            ada baris ditolak; 2 bad usage / pemakaian salah.
            """)

    @Option(help: "The server's data folder.")
    var data: String

    @Argument(help: "The accounts file.")
    var file: String

    @Option(help: "The registry (default: the copy under --data).")
    var registry: String?

    @Option(help: "bcrypt cost (2^cost rounds; 4-16).")
    var cost: UInt8 = 12

    @OptionGroup var library: RubricLibraryOption

    func validate() throws {
        guard (4...16).contains(cost) else { throw ValidationError("--cost takes 4 to 16") }
    }

    func run() throws {
        let reg = try ServeData.registry(given: registry, data: data, library: library)
        let text: String
        do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
            Console.error("patuh serve user import: error: cannot read \(file) / berkas tidak terbaca")
            throw ExitCode(2)
        }
        let store = try Store(directory: data)
        if let registry { try ServeData.keep(registry: registry, data: data) }
        var saved = 0
        var refused = 0
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let cells = line.split(separator: ",", maxSplits: 3, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            var problem: String?
            if cells.count != 4 {
                problem = "expected name,role,scope,password / harus nama,peran,cakupan,kata sandi"
            } else if !Access.isName(cells[0]) {
                problem = "'\(cells[0])' is not an account name / nama akun tidak sah"
            } else if let role = Role(rawValue: cells[1]) {
                problem = Access.scopeProblem(role: role, scope: cells[2], registry: reg)
                    ?? (cells[3].count < 8 ? "password shorter than 8 characters / kata sandi kurang dari 8 karakter" : nil)
            } else {
                problem = "role '\(cells[1])' is not unit, pemda or assessor / peran tidak dikenal"
            }
            if let problem {
                Console.error("\(file):\(n + 1):1: error: \(problem)")
                refused += 1
                continue
            }
            guard let role = Role(rawValue: cells[1]) else { continue }
            try store.save(Access.account(name: cells[0], role: role, scope: cells[2], password: cells[3], cost: cost))
            saved += 1
        }
        Console.error("patuh serve user import: \(Console.count(saved, "account")) saved, \(refused) refused")
        if refused > 0 { throw ExitCode(1) }
    }
}

struct ServeUserAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Add or replace an account; the password is read from the first line of standard input.",
        discussion: """
            Roles / peran: unit (scope: a unit id; that unit only), pemda (scope: a provinsi, kabupaten or kota \
            code; the units registered in it), assessor (scope: a provinsi code; every unit of the province). \
            The password is stored as a bcrypt hash (and the digest ODK Collect's sign-in needs).

            Example / contoh:
              echo 'rahasia-panjang' | patuh serve user add --data skm-data --name dukcapil --role unit --scope 1471-disdukcapil
            """)

    @Option(help: "The server's data folder.")
    var data: String

    @Option(help: "Account name (letters, digits, . _ - @).")
    var name: String

    @Option(help: "unit, pemda or assessor.")
    var role: String

    @Option(help: "The unit id, or the region code, the account covers.")
    var scope: String

    @Option(help: "The registry (default: the copy under --data).")
    var registry: String?

    @Option(help: "bcrypt cost (2^cost rounds; 10-14).")
    var cost: UInt8 = 12

    @OptionGroup var library: RubricLibraryOption

    func validate() throws {
        guard Access.isName(name) else { throw ValidationError("--name takes letters, digits and . _ - @ (at most 64)") }
        guard Role(rawValue: role) != nil else { throw ValidationError("--role takes unit, pemda or assessor") }
        guard (4...16).contains(cost) else { throw ValidationError("--cost takes 4 to 16") }
    }

    func run() throws {
        guard let role = Role(rawValue: role) else { throw ExitCode(2) }
        let reg = try ServeData.registry(given: registry, data: data, library: library)
        if let problem = Access.scopeProblem(role: role, scope: scope, registry: reg) {
            Console.error("patuh serve user add: error: \(problem)")
            throw ExitCode(2)
        }
        guard let password = readLine(strippingNewline: true), password.count >= 8 else {
            Console.error("patuh serve user add: error: give a password of at least 8 characters on standard input / kata sandi minimal 8 karakter")
            throw ExitCode(2)
        }
        let store = try Store(directory: data)
        if let registry { try ServeData.keep(registry: registry, data: data) }
        try store.save(Access.account(name: name, role: role, scope: scope, password: password, cost: cost))
        Console.error("patuh serve user add: \(name) (\(role.rawValue) \(scope)) saved in \(store.path)")
    }
}

/// `patuh serve export`: the database as contract files.
struct ServeExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the collected answers as survey and assessment files that validate, score and report read.",
        discussion: """
            Writes OUT/registry.xml (the server's copy), OUT/counter/<period>/<unit>.xml (the counter \
            questionnaire's responses) and, for ODK Collect's submissions, what `patuh import odk` writes \
            (OUT/<form id>/..., photos under OUT/<form id>/media/).

            Example / contoh:
              patuh serve export --data skm-data --out round-2026
              patuh score --rubric skm-2017 round-2026 --out out/skm

            Exit status / kode keluar: 0 all written / semua ditulis; 1 an ODK submission could not be \
            imported (the rest is written) / ada kiriman ODK ditolak; 2 bad usage / pemakaian salah.
            """)

    @Option(help: "The server's data folder.")
    var data: String

    @Option(help: "Output folder.")
    var out: String

    @Option(help: "The questionnaire's survey rubric (id or path).")
    var rubric: String = "skm-2017"

    @OptionGroup var common: CommonOptions

    func run() throws {
        guard FileManager.default.fileExists(atPath: (data as NSString).appendingPathComponent("patuh-serve.sqlite")) else {
            Console.error("patuh serve export: error: no database in \(data) / tidak ada basis data")
            throw ExitCode(2)
        }
        let reg = try ServeData.registry(given: nil, data: data, library: common.library)
        let survey = try ServeData.rubric(rubric, library: common.library)
        let config = ServeConfiguration(rubric: survey, registry: reg, openPeriods: [], dataDirectory: data)
        let store = try Store(directory: data)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        try Data(contentsOf: URL(fileURLWithPath: ServeData.registryPath(data)))
            .write(to: URL(fileURLWithPath: (out as NSString).appendingPathComponent("registry.xml")), options: .atomic)
        let files = try SurveyExport.write(config: config, store: store, into: out)
        var failed = false
        var odkFiles = 0
        let odkRoot = (data as NSString).appendingPathComponent("odk")
        if !(try store.submissionFolders()).isEmpty {
            let result = ODKImporter(catalog: FormCatalog(rubrics: try libraryRubrics())).run([odkRoot])
            Console.print(result.diagnostics, quiet: common.quiet)
            for id in result.forms.keys.sorted() {
                guard let form = result.forms[id], !form.kept.isEmpty else { continue }
                let written = try ImportWriter(out: out, result: form, spool: result.spool).write()
                Console.print(written.diagnostics, quiet: common.quiet)
                odkFiles += written.files
            }
            failed = result.diagnostics.hasErrors
        }
        Console.error("patuh serve export: \(Console.count(files.count, "survey file")) of the counter questionnaire, "
            + "\(Console.count(odkFiles, "file")) from ODK Collect, registry.xml → \(out)")
        if failed { throw ExitCode(1) }
    }

    private func libraryRubrics() throws -> [Rubric] {
        let loader = try common.loader()
        let directory = try common.library.rubricsDirectory()
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var rubrics = names.sorted().filter { $0.hasSuffix(".xml") }.compactMap { name in
            try? loader.readRubric(file: (directory as NSString).appendingPathComponent(name))
        }
        if FileManager.default.fileExists(atPath: rubric) { rubrics.insert(try ServeData.rubric(rubric, library: common.library), at: 0) }
        return rubrics
    }
}
