import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import PatuhServe

@Suite struct AuthorizationMatrixTests {
    /// Signs in through the login form (its CSRF cookie and field); the session cookie and its CSRF token.
    static func signIn(_ client: some TestClientProtocol, _ name: String, _ password: String) async throws -> (
        cookie: String, csrf: String
    )? {
        let page = try await client.execute(uri: "/login", method: .get)
        guard let loginCSRF = page.cookie("patuh_login") else { return nil }
        #expect(hiddenValue("csrf", in: page.text) == loginCSRF)
        var headers = formHeaders
        headers[.cookie] = "patuh_login=\(loginCSRF)"
        let done = try await client.execute(
            uri: "/login", method: .post, headers: headers,
            body: formBody([("csrf", loginCSRF), ("name", name), ("password", password)]))
        guard done.status == .seeOther, let session = done.cookie("patuh_session") else { return nil }
        let live = try await client.execute(uri: "/live", method: .get, headers: [.cookie: "patuh_session=\(session)"])
        guard let csrf = hiddenValue("csrf", in: live.text) else { return nil }
        return ("patuh_session=\(session)", csrf)
    }

    enum Who: String, CaseIterable { case anonymous, unit, pemda, assessor }

    @Test func everyRoleSeesAndDoesOnlyWhatItMay() async throws {
        let server = try Fixture.server()
        // Unit officer of Disdukcapil Pekanbaru; pemda officer of Kota Pekanbaru (14.71); Ombudsman assessor of Riau (14).
        try server.store.save(
            Access.account(name: "dukcapil", role: .unit, scope: "1471-disdukcapil", password: "rahasia-unit", cost: 4))
        try server.store.save(
            Access.account(name: "pekanbaru", role: .pemda, scope: "14.71", password: "rahasia-pemda", cost: 4))
        try server.store.save(
            Access.account(name: "ombudsman", role: .assessor, scope: "14", password: "rahasia-asesor", cost: 4))
        try await Application(router: server.router()).test(.router) { client in
            var sessions: [Who: (cookie: String, csrf: String)] = [:]
            sessions[.unit] = try await Self.signIn(client, "dukcapil", "rahasia-unit")
            sessions[.pemda] = try await Self.signIn(client, "pekanbaru", "rahasia-pemda")
            sessions[.assessor] = try await Self.signIn(client, "ombudsman", "rahasia-asesor")
            #expect(sessions.count == 3)
            let wrongPassword = try await Self.signIn(client, "ombudsman", "rahasia-salah")
            #expect(wrongPassword == nil)
            let noAccount = try await Self.signIn(client, "nobody", "rahasia-asesor")
            #expect(noAccount == nil)

            // Which units each role may see: its own unit; the pemda's units; the province's (not Sumatera Barat's).
            let units = ["1471-disdukcapil", "1471-dpmptsp", "14-dpmptsp", "1401-disdukcapil", "13-dpmptsp"]
            let allowed: [Who: Set<String>] = [
                .anonymous: [], .unit: ["1471-disdukcapil"], .pemda: ["1471-disdukcapil", "1471-dpmptsp"],
                .assessor: ["1471-disdukcapil", "1471-dpmptsp", "14-dpmptsp", "1401-disdukcapil"]
            ]
            for who in Who.allCases {
                let s = sessions[who]
                let cookie: HTTPFields = s.map { [.cookie: $0.cookie] } ?? [:]
                // The list of units.
                let index = try await client.execute(uri: "/live", method: .get, headers: cookie)
                if who == .anonymous {
                    #expect(index.status == .seeOther && index.headers[.location] == "/login")
                } else {
                    #expect(index.status == .ok)
                    for unit in units {
                        #expect(
                            index.text.contains("/live/\(unit)\"") == allowed[who]?.contains(unit),
                            "\(who) list \(unit)")
                    }
                }
                for unit in units {
                    let may = allowed[who]?.contains(unit) == true
                    // The unit's page.
                    let page = try await client.execute(uri: "/live/\(unit)", method: .get, headers: cookie)
                    #expect(
                        page.status == (who == .anonymous ? .seeOther : may ? .ok : .forbidden), "\(who) view \(unit)")
                    // The export button's action, with the session's CSRF token ...
                    var form = formHeaders
                    if let s { form[.cookie] = s.cookie }
                    let export = try await client.execute(
                        uri: "/live/\(unit)/export", method: .post, headers: form,
                        body: formBody([("csrf", s?.csrf ?? ""), ("period", "2026-S2")]))
                    #expect(
                        export.status == (who == .anonymous ? .seeOther : may ? .ok : .forbidden),
                        "\(who) export \(unit)")
                    if may { #expect(export.text.contains("unit=\"\(unit)\"")) }
                    // ... and without it (a forged form from another site): never.
                    let forged = try await client.execute(
                        uri: "/live/\(unit)/export", method: .post, headers: form,
                        body: formBody([("csrf", Token.make()), ("period", "2026-S2")]))
                    #expect(forged.status != .ok, "\(who) forged export \(unit)")
                }
                // ODK Collect's endpoints need digest credentials, never a browser session.
                #expect(
                    try await client.execute(uri: "/formList", method: .get, headers: cookie).status == .unauthorized)
                #expect(
                    try await client.execute(uri: "/submission", method: .post, headers: cookie).status == .unauthorized
                )
                // The questionnaire is open to everyone.
                #expect(
                    try await client.execute(uri: "/s/1471-disdukcapil", method: .get, headers: cookie).status == .ok)
            }
            // Signing out needs the CSRF token; afterwards the session is gone.
            guard let unit = sessions[.unit] else {
                Issue.record("no session of the unit officer")
                return
            }
            var form = formHeaders
            form[.cookie] = unit.cookie
            #expect(
                try await client.execute(uri: "/logout", method: .post, headers: form, body: formBody([("csrf", "x")]))
                    .status == .forbidden)
            #expect(
                try await client.execute(
                    uri: "/logout", method: .post, headers: form, body: formBody([("csrf", unit.csrf)])
                ).status == .seeOther)
            #expect(
                try await client.execute(uri: "/live", method: .get, headers: [.cookie: unit.cookie]).status
                    == .seeOther)
        }
    }

    @Test func sessionsExpire() async throws {
        var server = try Fixture.server()
        var config = server.config
        config.sessionLifetime = -1
        server = try Server(config: config)
        try server.store.save(
            Access.account(name: "dukcapil", role: .unit, scope: "1471-disdukcapil", password: "rahasia-unit", cost: 4))
        try await Application(router: server.router()).test(.router) { client in
            // Signed in with a lifetime already over: the live view asks to sign in again.
            let expired = try await Self.signIn(client, "dukcapil", "rahasia-unit")
            #expect(expired == nil)
        }
    }

    @Test func scopesFollowTheRegistry() throws {
        let registry = try Fixture.registry()
        #expect(Access.scopeProblem(role: .unit, scope: "1471-disdukcapil", registry: registry) == nil)
        #expect(Access.scopeProblem(role: .unit, scope: "9999-x", registry: registry) != nil)
        #expect(Access.scopeProblem(role: .pemda, scope: "14.71", registry: registry) == nil)
        #expect(Access.scopeProblem(role: .assessor, scope: "14.71", registry: registry) != nil)
        #expect(Access.scopeProblem(role: .assessor, scope: "14", registry: registry) == nil)
        let hash = Access.account(name: "a", role: .unit, scope: "x", password: "rahasia-unit", cost: 4).passwordHash
        #expect(hash.hasPrefix("$2") && !hash.contains("rahasia"))
    }
}
