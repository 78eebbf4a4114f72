import Foundation
import Testing

@testable import PatuhServe

/// `patuh serve user add` and `user import`: accounts from a command or a file.
@Suite struct AccountCommandTests {
    @Test func accountsFromACommandAndAFile() throws {
        let patuh = try patuhExecutable().path
        let data = try Fixture.dataDirectory()
        // The password comes on standard input; here through a shell pipe.
        let add = try run(
            "/bin/sh",
            [
                "-c",
                "echo 'rahasia-unit' | '\(patuh)' serve user add --data '\(data)' --registry '\(Fixture.registryPath)' --name dukcapil --role unit --scope 1471-disdukcapil --cost 4"
            ])
        #expect(add.status == 0, "\(add.stderr)")
        let badScope = try run(
            "/bin/sh",
            [
                "-c",
                "echo 'rahasia-unit' | '\(patuh)' serve user add --data '\(data)' --name x --role assessor --scope 14.71 --cost 4"
            ])
        #expect(badScope.status == 2)
        #expect(badScope.stderr.contains("'14.71' is not a provinsi of the registry"))
        let file = data + "/accounts.csv"
        try """
        # name,role,scope,password
        pekanbaru,pemda,14.71,rahasia-pemda
        ombudsman,assessor,14,rahasia-asesor
        penyusup,admin,14,rahasia-lain
        pendek,unit,1471-dpmptsp,pendek
        """.write(toFile: file, atomically: true, encoding: .utf8)
        let imported = try run(patuh, ["serve", "user", "import", "--data", data, file, "--cost", "4"])
        #expect(imported.status == 1)
        #expect(imported.stderr.contains("\(file):4:1: error: role 'admin' is not unit, pemda or assessor"))
        #expect(imported.stderr.contains("\(file):5:1: error: password shorter than 8 characters"))
        #expect(imported.stderr.contains("2 accounts saved, 2 refused"))
        let store = try Store(directory: data)
        #expect(
            try store.accounts().map { "\($0.name) \($0.role.rawValue) \($0.scope)" }
                == ["dukcapil unit 1471-disdukcapil", "ombudsman assessor 14", "pekanbaru pemda 14.71"])
        let hash = try #require(try store.account("ombudsman")).passwordHash
        // bcrypt: "$2?$", the cost (04), 22 characters of salt and 31 of hash.
        #expect(
            hash.hasPrefix("$2") && hash.dropFirst(3).hasPrefix("$04$") && hash.count == 60 && !hash.contains("rahasia")
        )
    }
}
