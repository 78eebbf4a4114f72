import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

@testable import PatuhServe

@Suite struct QuestionnaireTests {
    @Test func pageCarriesTheRegulationsWordingInBothLanguagesWithoutScript() async throws {
        let server = try Fixture.server()
        try await Application(router: server.router()).test(.router) { client in
            let id = try await client.execute(uri: "/s/1471-disdukcapil", method: .get)
            #expect(id.status == .ok)
            // U1's question and answer labels as skm-2017.xml words them.
            #expect(
                id.text.contains(
                    "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?"))
            #expect(id.text.contains("4. Sangat sesuai"))
            #expect(id.text.contains("Dinas Kependudukan dan Pencatatan Sipil Kota Pekanbaru"))
            #expect(id.text.contains("id=\"privasi\""))
            #expect(id.text.contains("<html lang=\"id\">"))
            #expect(!id.text.contains("<script"))
            #expect(id.text.contains("method=\"post\""))
            #expect(id.cookie("patuh_device") != nil)
            let en = try await client.execute(uri: "/s/1471-disdukcapil?lang=en", method: .get)
            #expect(en.text.contains("How well do the service requirements fit the type of service?"))
            #expect(en.text.contains("<html lang=\"en\">"))
            let unknown = try await client.execute(uri: "/s/9999-nowhere", method: .get)
            #expect(unknown.status == .notFound)
            #expect(unknown.text.contains("Unit tidak dikenal"))
        }
    }

    @Test func submissionIsStoredOnceAndScoredAsByHand() async throws {
        let server = try Fixture.server()
        try await Application(router: server.router()).test(.router) { client in
            // Respondent A answers 4 to every unsur, B answers 2: NRR 3,00 each, IKM = 25·(9·3)/9 = 75,00 (C: 65,00–76,60).
            var tokens: [String] = []
            for (value, comment) in [
                (4, "Antrian <script>alert(1)</script> panjang"), (2, "'); DROP TABLE response; --")
            ] {
                let page = try await client.execute(uri: "/s/1471-disdukcapil", method: .get)
                let token = try #require(hiddenValue("token", in: page.text))
                tokens.append(token)
                let fields =
                    [
                        ("token", token), ("period", "2026-S2"), ("lang", "id"), ("gender", "P"), ("age", "34"),
                        ("education", "sma"), ("occupation", "wiraswasta"), ("service", "KTP-el"), ("comment", comment)
                    ]
                    + answers(value)
                let done = try await client.execute(
                    uri: "/s/1471-disdukcapil", method: .post, headers: formHeaders, body: formBody(fields))
                #expect(done.status == .ok)
                #expect(done.text.contains("Tanggapan Anda telah tersimpan"))
            }
            #expect(try server.store.responseCount() == 2)
            // The same form sent again (a replay): refused, nothing more stored.
            let replay = try await client.execute(
                uri: "/s/1471-disdukcapil", method: .post, headers: formHeaders,
                body: formBody([("token", tokens[0]), ("period", "2026-S2")] + answers(1)))
            #expect(replay.status == .conflict)
            #expect(try server.store.responseCount() == 2)
            let stored = try server.store.responses(unit: "1471-disdukcapil")
            #expect(stored[0].gender == "P" && stored[0].education == "SMA" && stored[0].occupation == "Wiraswasta")
            #expect(stored[1].comment == "'); DROP TABLE response; --")
            let live = LiveFigures(config: server.config, responses: stored)
            #expect(live.ikm == 75.0)
            let xml = SurveyExport.survey(
                config: server.config, unit: "1471-disdukcapil", period: "2026-S2", responses: stored)
            #expect(xml.contains("<survey xmlns=\"urn:patuh:1\""))
            #expect(xml.contains("rubric=\"skm-2017\" unit=\"1471-disdukcapil\" period=\"2026-S2\""))
            #expect(xml.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            #expect(!xml.contains("<script>"))
        }
    }

    @Test func refusedSubmissionsStoreNothing() async throws {
        let server = try Fixture.server(perDeviceLimit: 2)
        try await Application(router: server.router()).test(.router) { client in
            let page = try await client.execute(uri: "/s/1471-dpmptsp", method: .get)
            let device = try #require(page.cookie("patuh_device"))
            var headers = formHeaders
            headers[.cookie] = "patuh_device=\(device)"
            func send(_ fields: [(String, String)]) async throws -> TestResponse {
                try await client.execute(
                    uri: "/s/1471-dpmptsp", method: .post, headers: headers, body: formBody(fields))
            }
            // An unsur left out: the form again, with what was filled kept.
            let missing = try await send(
                [("token", Token.make()), ("period", "2026-S2"), ("comment", "halo")] + answers(3).dropLast())
            #expect(missing.status == .unprocessableContent)
            #expect(
                missing.text.contains("Sistem, Mekanisme, dan Prosedur") && missing.text.contains(">halo</textarea>"))
            // An answer the rubric does not offer.
            let outOfRange = try await send(
                [("token", Token.make()), ("period", "2026-S2")] + answers(3, except: ["U4": 5]))
            #expect(outOfRange.status == .unprocessableContent)
            // A closed period.
            let closed = try await send([("token", Token.make()), ("period", "2026-S1")] + answers(3))
            #expect(closed.status == .conflict)
            #expect(closed.text.contains("Periode survei ditutup"))
            // A token the server cannot have made.
            let forged = try await send([("token", "x' OR 1=1 --"), ("period", "2026-S2")] + answers(3))
            #expect(forged.status == .badRequest)
            // A body over 64 KiB.
            let huge = try await send(
                [("token", Token.make()), ("period", "2026-S2"), ("comment", String(repeating: "a", count: 100_000))]
                    + answers(3))
            #expect(huge.status == .contentTooLarge)
            // Unknown unit on POST.
            let nowhere = try await client.execute(
                uri: "/s/9999-x", method: .post, headers: headers, body: formBody(answers(3)))
            #expect(nowhere.status == .notFound)
            #expect(try server.store.responseCount() == 0)
            // The device's limit is 2 an hour: the third is refused.
            for _ in 0..<2 {
                #expect(try await send([("token", Token.make()), ("period", "2026-S2")] + answers(3)).status == .ok)
            }
            let third = try await send([("token", Token.make()), ("period", "2026-S2")] + answers(3))
            #expect(third.status == .tooManyRequests)
            #expect(try server.store.responseCount() == 2)
            // And the server keeps serving.
            #expect(try await client.execute(uri: "/s/1471-dpmptsp", method: .get).status == .ok)
        }
    }

    @Test func formFieldsDecode() {
        let f = Submission.fields("a=1&b=x+y%26z&a=2&c")
        #expect(f["a"] == "1")
        #expect(f["b"] == "x y&z")
        #expect(f["c"] == "")
        #expect(Submission.clean(" a\u{0}b\u{202E}c \n", limit: 10) == "abc")
        #expect(Submission.clean("   ", limit: 10) == nil)
    }
}
