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
        guard Access.isName(name) else {
            throw ValidationError("--name takes letters, digits and . _ - @ (at most 64)")
        }
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
            Console.error(
                "patuh serve user add: error: give a password of at least 8 characters on standard input / kata sandi minimal 8 karakter"
            )
            throw ExitCode(2)
        }
        let store = try Store(directory: data)
        if let registry { try ServeData.keep(registry: registry, data: data) }
        try store.save(Access.account(name: name, role: role, scope: scope, password: password, cost: cost))
        Console.error("patuh serve user add: \(name) (\(role.rawValue) \(scope)) saved in \(store.path)")
    }
}
