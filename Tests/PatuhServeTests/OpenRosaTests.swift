import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import PatuhFormats
import Testing

@testable import PatuhServe

/// A scripted OpenRosa client, as ODK Collect talks to a server: the form list, then a
/// multipart submission, each answering the digest challenge.
struct OpenRosaClient {
    var name: String
    var password: String

    /// The `Authorization` header answering `challenge` for `method` on `uri` (RFC 7616, qop=auth).
    func authorization(challenge: String, method: String, uri: String, cnonce: String = "0a4f113b") -> String {
        let nonce = Self.field("nonce", in: challenge) ?? ""
        let realm = Self.field("realm", in: challenge) ?? ""
        let ha1 = Access.md5Hex("\(name):\(realm):\(password)")
        let ha2 = Access.md5Hex("\(method):\(uri)")
        let response = Access.md5Hex("\(ha1):\(nonce):00000001:\(cnonce):auth:\(ha2)")
        return
            "Digest username=\"\(name)\", realm=\"\(realm)\", nonce=\"\(nonce)\", uri=\"\(uri)\", qop=auth, nc=00000001, cnonce=\"\(cnonce)\", response=\"\(response)\", algorithm=MD5"
    }

    static func field(_ name: String, in header: String) -> String? {
        guard let r = header.range(of: "\(name)=\"") else { return nil }
        return String(header[r.upperBound...].prefix { $0 != "\"" })
    }

    /// Sends `method uri`, first without credentials, then answering the challenge.
    func send(
        _ client: some TestClientProtocol, _ uri: String, method: HTTPRequest.Method, headers: HTTPFields = [:],
        body: ByteBuffer? = nil
    ) async throws -> TestResponse {
        let first = try await client.execute(uri: uri, method: method, headers: headers, body: body)
        guard first.status == .unauthorized, let challenge = first.headers[.wwwAuthenticate] else { return first }
        var authorized = headers
        authorized[.authorization] = authorization(challenge: challenge, method: method.rawValue, uri: uri)
        return try await client.execute(uri: uri, method: method, headers: authorized, body: body)
    }

    /// A multipart body as ODK Collect sends it: the instance, then each attachment.
    static func multipart(xml: String, attachments: [(String, [UInt8])], boundary: String = "----patuhBoundary7f3a")
        -> (HTTPFields, ByteBuffer)
    {
        var body = ByteBuffer()
        body.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"xml_submission_file\"; filename=\"submission.xml\"\r\nContent-Type: text/xml\r\n\r\n"
        )
        body.writeString(xml)
        for (name, bytes) in attachments {
            body.writeString(
                "\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"; filename=\"\(name)\"\r\nContent-Type: image/jpeg\r\n\r\n"
            )
            body.writeBytes(bytes)
        }
        body.writeString("\r\n--\(boundary)--\r\n")
        return ([.contentType: "multipart/form-data; boundary=\(boundary)"], body)
    }
}

/// Submissions of the forms `patuh xform` makes (the shapes of Tests/patuhTests/Fixtures/odk).
enum Instances {
    static func skm(
        version: String, unit: String = "1471-disdukcapil", period: String = "2026-S2", answers: [Int], id: String
    ) -> String {
        let u = answers.enumerated().map { "<U\($0.offset + 1)>\($0.element)</U\($0.offset + 1)>" }.joined()
        return
            "<?xml version='1.0' ?><data id=\"patuh-skm-2017\" version=\"\(version)\"><region>14.71</region><unit>\(unit)</unit><period>\(period)</period><date>2026-08-03</date><service>KTP-el</service><all>\(u)</all><respondent><gender>L</gender><age>41</age><education>s1</education><occupation>swasta</occupation></respondent><comment>Petugas ramah</comment><meta><instanceID>uuid:\(id)</instanceID></meta></data>"
    }

    /// ombudsman-kepatuhan-2019: every item 2 but SP-01 = 0 (with a photo) and PT-01 = na.
    static func kepatuhan(version: String, unit: String = "1471-disdukcapil", id: String, photo: String) -> String {
        func item(_ code: String, _ v: String, photo p: String = "") -> String {
            "<\(code)><answer>\(v)</answer><note/>\(p.isEmpty ? "<photo/>" : "<photo>\(p)</photo>")</\(code)>"
        }
        let groups: [(String, [String])] = [
            ("standar", ["SP-01", "SP-02", "SP-03", "SP-04", "SP-05", "SP-06"]), ("maklumat", ["MK-01"]),
            ("sipp", ["SI-01", "SI-02"]),
            ("sarpras", ["SR-01", "SR-02", "SR-03", "SR-04"]), ("khusus", ["PK-01", "PK-02", "PK-03"]),
            ("pengaduan", ["PA-01", "PA-02", "PA-03"]), ("visimisi", ["VM-01", "VM-02"]),
            ("atribut", ["AT-01", "AT-02"]), ("terpadu", ["PT-01"])
        ]
        var body = ""
        for (group, items) in groups {
            body +=
                "<\(group)>"
                + items.map { code in
                    code == "SP-01"
                        ? item(code, "0", photo: photo) : code == "PT-01" ? item(code, "na") : item(code, "2")
                }.joined() + "</\(group)>"
        }
        return
            "<?xml version='1.0' ?><data id=\"patuh-ombudsman-kepatuhan-2019\" version=\"\(version)\"><region>14.71</region><unit>\(unit)</unit><period>2026-S2</period><assessor>Tim Penilai 1</assessor><date>2026-08-04</date>\(body)<meta><instanceID>uuid:\(id)</instanceID></meta></data>"
    }
}

/// `<version>` of `form` in a form list.
func version(of form: String, in list: String) -> String? {
    guard let at = list.range(of: "<formID>\(form)</formID>"),
        let v = list.range(of: "<version>", range: at.upperBound..<list.endIndex)
    else { return nil }
    return String(list[v.upperBound...].prefix { $0 != "<" })
}

@Suite struct OpenRosaTests {
    @Test func digestOfRFC2617Example() {
        // RFC 2617 section 3.5: HA1 of Mufasa:testrealm@host.com:Circle Of Life.
        #expect(Access.md5Hex("Mufasa:testrealm@host.com:Circle Of Life") == "939e7578ed9e3c518a452acee763bce9")
    }

    @Test func formListAndSubmissionWithPhoto() async throws {
        let server = try Fixture.server(formRubrics: ["ombudsman-kepatuhan-2019"])
        try server.store.save(
            Access.account(name: "enumerator", role: .pemda, scope: "14.71", password: "rahasia-123", cost: 4))
        let phone = OpenRosaClient(name: "enumerator", password: "rahasia-123")
        try await Application(router: server.router()).test(.router) { client in
            let anonymous = try await client.execute(uri: "/formList", method: .get)
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.headers[.wwwAuthenticate]?.hasPrefix("Digest realm=\"patuh\"") == true)
            let wrong = try await OpenRosaClient(name: "enumerator", password: "salah-sekali").send(
                client, "/formList", method: .get)
            #expect(wrong.status == .unauthorized)

            let list = try await phone.send(client, "/formList", method: .get)
            #expect(list.status == .ok)
            #expect(list.headers[HTTPField.Name("X-OpenRosa-Version")!] == "1.0")
            let skmVersion = try #require(version(of: "patuh-skm-2017", in: list.text))
            let kepVersion = try #require(version(of: "patuh-ombudsman-kepatuhan-2019", in: list.text))
            let form = try await phone.send(client, "/forms/patuh-skm-2017.xml", method: .get)
            #expect(form.text.contains("id=\"patuh-skm-2017\" version=\"\(skmVersion)\""))
            #expect(try await phone.send(client, "/submission", method: .head).status == .noContent)

            let photo: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0] + Array("JFIF test photo".utf8) + [0xFF, 0xD9]
            let (h1, b1) = OpenRosaClient.multipart(
                xml: Instances.kepatuhan(
                    version: kepVersion, id: "0b8e2f6a-1c2d-4e5f-8a9b-0c1d2e3f4a51",
                    photo: "1785000000000.jpg"),
                attachments: [("1785000000000.jpg", photo)])
            let a = try await phone.send(client, "/submission", method: .post, headers: h1, body: b1)
            #expect(a.status == .created, "\(a.text)")
            let (h2, b2) = OpenRosaClient.multipart(
                xml: Instances.skm(
                    version: skmVersion, answers: [4, 4, 4, 4, 4, 4, 4, 4, 1],
                    id: "11111111-2222-4333-8444-555555555555"),
                attachments: [])
            #expect(
                try await phone.send(client, "/submission", method: .post, headers: h2, body: b2).status == .created)
            // Sent again (ODK Collect resends when an answer is lost): accepted, kept once.
            #expect(try await phone.send(client, "/submission", method: .post, headers: h2, body: b2).status == .ok)
            #expect(try server.store.submissionFolders().count == 2)

            // Refusals: an account outside its scope, an unknown unit, a closed period, a wrong form version.
            try server.store.save(
                Access.account(name: "kampar", role: .unit, scope: "1401-disdukcapil", password: "rahasia-456", cost: 4)
            )
            let (h3, b3) = OpenRosaClient.multipart(
                xml: Instances.skm(
                    version: skmVersion, answers: Array(repeating: 3, count: 9),
                    id: "21111111-2222-4333-8444-555555555555"), attachments: [])
            #expect(
                try await OpenRosaClient(name: "kampar", password: "rahasia-456").send(
                    client, "/submission", method: .post, headers: h3, body: b3
                ).status == .forbidden)
            let (h4, b4) = OpenRosaClient.multipart(
                xml: Instances.skm(
                    version: skmVersion, unit: "9999-x", answers: Array(repeating: 3, count: 9),
                    id: "31111111-2222-4333-8444-555555555555"), attachments: [])
            #expect(
                try await phone.send(client, "/submission", method: .post, headers: h4, body: b4).status == .badRequest)
            let (h5, b5) = OpenRosaClient.multipart(
                xml: Instances.skm(
                    version: skmVersion, period: "2026-S1", answers: Array(repeating: 3, count: 9),
                    id: "41111111-2222-4333-8444-555555555555"), attachments: [])
            #expect(
                try await phone.send(client, "/submission", method: .post, headers: h5, body: b5).status == .conflict)
            let (h6, b6) = OpenRosaClient.multipart(
                xml: Instances.skm(
                    version: "2017.0-0badf00d", answers: Array(repeating: 3, count: 9),
                    id: "51111111-2222-4333-8444-555555555555"), attachments: [])
            #expect(
                try await phone.send(client, "/submission", method: .post, headers: h6, body: b6).status == .badRequest)
            #expect(try server.store.submissionFolders().count == 2)
        }
        // What was kept reads back as `patuh import odk` reads it: the photo beside its submission.
        let odk = (server.config.dataDirectory as NSString).appendingPathComponent("odk")
        let kept = "\(odk)/patuh-ombudsman-kepatuhan-2019/0b8e2f6a-1c2d-4e5f-8a9b-0c1d2e3f4a51"
        #expect(FileManager.default.fileExists(atPath: kept + "/1785000000000.jpg"))
        let result = ODKImporter(
            catalog: FormCatalog(rubrics: [
                try Fixture.rubric("skm-2017"), try Fixture.rubric("ombudsman-kepatuhan-2019")
            ])
        ).run([odk])
        #expect(result.rejected == 0)
        #expect(result.forms["patuh-skm-2017"]?.kept.count == 1)
        #expect(result.forms["patuh-ombudsman-kepatuhan-2019"]?.kept.count == 1)

        // `patuh serve export`, then `patuh score` on what it wrote, as they are.
        let data = server.config.dataDirectory
        try FileManager.default.copyItem(atPath: Fixture.registryPath, toPath: data + "/registry.xml")
        let out = data + "/export"
        let patuh = try patuhExecutable().path
        let export = try run(patuh, ["serve", "export", "--data", data, "--out", out])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(
            FileManager.default.contentsEqual(
                atPath: out
                    + "/patuh-ombudsman-kepatuhan-2019/media/0b8e2f6a-1c2d-4e5f-8a9b-0c1d2e3f4a51/1785000000000.jpg",
                andPath: kept + "/1785000000000.jpg"))
        #expect(try run(patuh, ["validate", out]).status == 0)
        // ombudsman-kepatuhan-2019 (weights of FieldLoopTests): every item 0..2 weighs 1, f = v/2; dimension
        // weights standar 6, maklumat 1, sipp 2, sarpras 4, khusus 3, pengaduan 3, visimisi 2, atribut 2, terpadu 1.
        // All 2 but SP-01 = 0 and PT-01 = na: standar D = 5/6, terpadu drops out (Σ W = 23), the rest 1:
        // total = 100·(6·5/6 + 1 + 2 + 4 + 3 + 3 + 2 + 2)/23 = 100·22/23 = 95.652… → 95.65.
        let assessed = try run(
            patuh, ["score", "--rubric", "ombudsman-kepatuhan-2019", out, "--out", data + "/score-kep"])
        #expect(assessed.status == 0, "\(assessed.stderr)")
        let kepUnits = try String(contentsOfFile: data + "/score-kep/units.csv", encoding: .utf8)
        #expect(column(kepUnits, "score", "2026-S2,1471-disdukcapil,") == "95.65")
        // skm-2017: one respondent, 4 to U1..U8 and 1 to U9: IKM = 25·(8·4 + 1)/9 = 25·33/9 = 91.666… → 91.67 (A).
        let surveyed = try run(patuh, ["score", "--rubric", "skm-2017", out, "--out", data + "/score-skm"])
        #expect(surveyed.status == 0, "\(surveyed.stderr)")
        let skmUnits = try String(contentsOfFile: data + "/score-skm/units.csv", encoding: .utf8)
        #expect(column(skmUnits, "score", "2026-S2,1471-disdukcapil,") == "91.67")
        #expect(column(skmUnits, "respondents", "2026-S2,1471-disdukcapil,") == "1")
    }
}
