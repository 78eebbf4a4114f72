import ArgumentParser
import Foundation
import PatuhCore
import PatuhFormats
import PatuhReport
import PatuhServe

/// `patuh serve user add`: accounts of the live view and of ODK Collect.
struct ServeUserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: ServeUserHelp.abstract,
        subcommands: [ServeUserAddCommand.self, ServeUserImportCommand.self])
}

struct ServeUserAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: ServeUserHelp.addAbstract, discussion: ServeUserHelp.addDiscussion)

    @OptionGroup var account: ServeAccountOptions

    @Option(help: ServeUserHelp.name)
    var name: String

    @Option(help: ServeUserHelp.role)
    var role: String

    @Option(help: ServeUserHelp.scope)
    var scope: String

    func validate() throws {
        guard Access.isName(name) else {
            throw ValidationError(
                Console.say(
                    (
                        "--name berupa huruf, angka dan . _ - @ (paling banyak 64)",
                        "--name takes letters, digits and . _ - @ (at most 64)"
                    )))
        }
        guard Role(rawValue: role) != nil else {
            throw ValidationError(
                Console.say(("--role berupa unit, pemda atau assessor", "--role takes unit, pemda or assessor")))
        }
    }

    func run() throws {
        guard let role = Role(rawValue: role) else { throw ExitCode(2) }
        let reg = try account.readRegistry()
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
        let store = try Store(directory: account.data)
        try account.keepRegistry()
        try store.save(Access.account(name: name, role: role, scope: scope, password: password, cost: account.cost))
        Console.error("patuh serve user add: \(name) (\(role.rawValue) \(scope)) saved in \(store.path)")
    }
}
