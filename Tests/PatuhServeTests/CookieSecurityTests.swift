import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import PatuhServe

/// Cookies carry `Secure` exactly when the server says it is reached over HTTPS (`--public-url
/// https://…`): a login cookie must not travel over plain HTTP once the site is behind TLS, and
/// a laptop serving plain HTTP at the counter must still get its cookies back.
@Suite struct CookieSecurityTests {
    /// The attributes of the `Set-Cookie` line for `name`, lowercased (`httponly`, `secure`, …).
    static func attributes(_ response: TestResponse, _ name: String) -> Set<String>? {
        for value in response.headers[values: .setCookie] where value.hasPrefix(name + "=") {
            return Set(
                value.split(separator: ";").dropFirst().map {
                    $0.trimmingCharacters(in: .whitespaces).lowercased().split(separator: "=").first.map(String.init)
                        ?? ""
                })
        }
        return nil
    }

    static func server(publicURL: String?) throws -> Server {
        var config = try Fixture.server().config
        config.publicURL = publicURL
        let server = try Server(config: config)
        try server.store.save(
            Access.account(name: "dukcapil", role: .unit, scope: "1471-disdukcapil", password: "rahasia-unit", cost: 4))
        return server
    }

    @Test(arguments: [
        ("https://skm.example.go.id", true), ("HTTPS://skm.example.go.id/", true),
        ("http://192.168.1.10:8080", false), (nil, false)
    ])
    func loginAndSessionCookies(publicURL: String?, secure: Bool) async throws {
        let server = try Self.server(publicURL: publicURL)
        try await Application(router: server.router()).test(.router) { client in
            let page = try await client.execute(uri: "/login", method: .get)
            let login = try #require(Self.attributes(page, "patuh_login"))
            #expect(login.contains("secure") == secure)
            #expect(login.contains("httponly"))
            let csrf = try #require(page.cookie("patuh_login"))
            var headers = formHeaders
            headers[.cookie] = "patuh_login=\(csrf)"
            let done = try await client.execute(
                uri: "/login", method: .post, headers: headers,
                body: formBody([("csrf", csrf), ("name", "dukcapil"), ("password", "rahasia-unit")]))
            #expect(done.status == .seeOther)
            let session = try #require(Self.attributes(done, "patuh_session"))
            #expect(session.contains("secure") == secure)
            #expect(session.contains("httponly"))
        }
    }

    @Test(arguments: [("https://skm.example.go.id", true), (nil, false)])
    func theQuestionnairesDeviceCookie(publicURL: String?, secure: Bool) async throws {
        let server = try Self.server(publicURL: publicURL)
        try await Application(router: server.router()).test(.router) { client in
            let page = try await client.execute(uri: "/s/1471-disdukcapil", method: .get)
            #expect(page.status == .ok)
            let device = try #require(Self.attributes(page, "patuh_device"))
            #expect(device.contains("secure") == secure)
        }
    }
}
