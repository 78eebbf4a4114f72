import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import PatuhServe

/// A digest header is good once: sent again as it was (a capture replayed), it is refused.
@Suite struct DigestReplayTests {
    @Test func aCapturedHeaderCannotBeSentAgain() async throws {
        let server = try Fixture.server()
        try server.store.save(
            Access.account(name: "enumerator", role: .pemda, scope: "14.71", password: "rahasia-123", cost: 4))
        let phone = OpenRosaClient(name: "enumerator", password: "rahasia-123")
        try await Application(router: server.router()).test(.router) { client in
            let challenge = try await client.execute(uri: "/formList", method: .get)
            let header = phone.authorization(
                challenge: challenge.headers[.wwwAuthenticate] ?? "", method: "GET", uri: "/formList")
            let first = try await client.execute(uri: "/formList", method: .get, headers: [.authorization: header])
            #expect(first.status == .ok)
            let again = try await client.execute(uri: "/formList", method: .get, headers: [.authorization: header])
            #expect(again.status == .unauthorized)
            // Another client nonce on the same server nonce is another use: accepted.
            let other = phone.authorization(
                challenge: challenge.headers[.wwwAuthenticate] ?? "", method: "GET", uri: "/formList", cnonce: "77aa01")
            let second = try await client.execute(uri: "/formList", method: .get, headers: [.authorization: other])
            #expect(second.status == .ok)
        }
    }

    @Test func aHeaderWithoutQopIsRefused() async throws {
        let server = try Fixture.server()
        try server.store.save(
            Access.account(name: "enumerator", role: .pemda, scope: "14.71", password: "rahasia-123", cost: 4))
        try await Application(router: server.router()).test(.router) { client in
            let challenge = try await client.execute(uri: "/formList", method: .get)
            let nonce = OpenRosaClient.field("nonce", in: challenge.headers[.wwwAuthenticate] ?? "") ?? ""
            // RFC 2069's form: response = MD5(HA1:nonce:HA2), no nc to tell a replay by.
            let ha1 = Access.md5Hex("enumerator:patuh:rahasia-123")
            let response = Access.md5Hex("\(ha1):\(nonce):\(Access.md5Hex("GET:/formList"))")
            let header =
                "Digest username=\"enumerator\", realm=\"patuh\", nonce=\"\(nonce)\", uri=\"/formList\", response=\"\(response)\""
            let answer = try await client.execute(uri: "/formList", method: .get, headers: [.authorization: header])
            #expect(answer.status == .unauthorized)
        }
    }

    @Test func countsAreForgottenWithTheirNonce() {
        let counts = NonceCounts(perNonce: 2, capacity: 2)
        #expect(counts.record(nonce: "n1", cnonce: "c", count: 1, issued: 100, forgettingBefore: 0) == .first)
        #expect(counts.record(nonce: "n1", cnonce: "c", count: 1, issued: 100, forgettingBefore: 0) == .replay)
        #expect(counts.record(nonce: "n1", cnonce: "c", count: 2, issued: 100, forgettingBefore: 0) == .first)
        #expect(counts.record(nonce: "n1", cnonce: "c", count: 3, issued: 100, forgettingBefore: 0) == .usedUp)
        // Once n1's time is before the cutoff it is forgotten (the nonce is stale by then).
        #expect(counts.record(nonce: "n2", cnonce: "c", count: 1, issued: 200, forgettingBefore: 150) == .first)
        #expect(counts.record(nonce: "n1", cnonce: "c", count: 1, issued: 100, forgettingBefore: 150) == .first)
    }
}
