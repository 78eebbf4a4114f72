import ArgumentParser
import Foundation
import PatuhCore
import PatuhFormats
import PatuhReport
import PatuhServe

/// `patuh serve user import FILE`: many accounts at once, from a file the pemda keeps.
struct ServeUserImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: ServeUserHelp.importAbstract, discussion: ServeUserHelp.importDiscussion)

    @OptionGroup var account: ServeAccountOptions

    @Argument(help: ServeUserHelp.file)
    var file: String

    func run() throws {
        let reg = try account.readRegistry()
        let text: String
        do { text = try String(contentsOfFile: file, encoding: .utf8) } catch {
            Console.error("patuh serve user import: error: cannot read \(file) / berkas tidak terbaca")
            throw ExitCode(2)
        }
        let store = try Store(directory: account.data)
        try account.keepRegistry()
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
                problem =
                    Access.scopeProblem(role: role, scope: cells[2], registry: reg)
                    ?? (cells[3].count < 8
                        ? "password shorter than 8 characters / kata sandi kurang dari 8 karakter" : nil)
            } else {
                problem = "role '\(cells[1])' is not unit, pemda or assessor / peran tidak dikenal"
            }
            if let problem {
                Console.error("\(file):\(n + 1):1: error: \(problem)")
                refused += 1
                continue
            }
            guard let role = Role(rawValue: cells[1]) else { continue }
            try store.save(
                Access.account(name: cells[0], role: role, scope: cells[2], password: cells[3], cost: account.cost))
            saved += 1
        }
        Console.error("patuh serve user import: \(Console.count(saved, "account")) saved, \(refused) refused")
        if refused > 0 { throw ExitCode(1) }
    }
}
