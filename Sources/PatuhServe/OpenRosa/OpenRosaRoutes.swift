import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import NIOPosix
import PatuhCore
import PatuhReport

/// ODK Collect direct: the OpenRosa form list, the forms `patuh xform` makes, and the
/// submission endpoint, all behind digest authentication.
extension Server {
    static let openRosaHeaders: HTTPFields = {
        var h = HTTPFields()
        if let name = HTTPField.Name("X-OpenRosa-Version") { h[name] = "1.0" }
        return h
    }()

    func addOpenRosaRoutes(_ router: Router<ServeContext>) {
        router.get("/formList") { request, _ in try self.formList(request) }
        router.get("/forms/:form") { request, context in try self.formDocument(request, context) }
        router.head("/submission") { request, _ in try self.submissionProbe(request) }
        router.post("/submission") { request, _ in try await self.submission(request) }
    }

    /// The account proven by the request's digest header, or the 401 answer to send.
    func digestAccount(_ request: Request) throws -> Gate<Account> {
        var stale = false
        if let header = request.headers[.authorization], let fields = DigestAuth.fields(header) {
            let method = request.method.rawValue
            let path = request.uri.string
            let found = digest.verify(fields, method: method, uri: path) { name in
                guard Access.isName(name) else { return nil }
                return (try? self.store.account(name))??.digestHA1
            }
            if let name = found.name, let account = try store.account(name) { return .pass(account) }
            stale = found.stale
        }
        var headers = Self.openRosaHeaders
        headers[.wwwAuthenticate] = digest.challenge(stale: stale)
        headers[.contentType] = "text/plain; charset=utf-8"
        return .stop(
            Response(
                status: .unauthorized, headers: headers,
                body: .init(byteBuffer: ByteBuffer(string: "authentication required / perlu masuk\n"))))
    }

    /// The XForms served: one per form of the form rubrics, with the registry's units and the current period.
    var xforms: [(id: String, writer: XFormWriter)] {
        config.formRubrics.flatMap { rubric in
            FieldForm.forms(for: rubric).map { form in
                (form.id, XFormWriter(form: form, lang: "id", registry: config.registry, period: config.currentPeriod))
            }
        }
    }

    private func xmlResponse(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        var headers = Self.openRosaHeaders
        headers[.contentType] = "text/xml; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private func formList(_ request: Request) throws -> Response {
        if case .stop(let refusal) = try digestAccount(request) { return refusal }
        let base = baseURL(request)
        var out =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xforms xmlns=\"http://openrosa.org/xforms/xformsList\">\n"
        for (id, writer) in xforms {
            let xml = writer.xml()
            out +=
                "  <xform>\n    <formID>\(XMLText.escaped(id))</formID>\n    <name>\(XMLText.escaped(writer.title))</name>\n"
            out +=
                "    <version>\(XMLText.escaped(writer.version))</version>\n    <hash>md5:\(Access.md5Hex(xml))</hash>\n"
            out +=
                "    <downloadUrl>\(XMLText.escaped(base))/forms/\(XMLText.escaped(id)).xml</downloadUrl>\n  </xform>\n"
        }
        return xmlResponse(out + "</xforms>\n")
    }

    private func formDocument(_ request: Request, _ context: ServeContext) throws -> Response {
        if case .stop(let refusal) = try digestAccount(request) { return refusal }
        var id = context.parameters.get("form") ?? ""
        if id.hasSuffix(".xml") { id.removeLast(4) }
        guard let found = xforms.first(where: { $0.id == id }) else {
            return xmlResponse(openRosaMessage("unknown form / formulir tidak dikenal"), status: .notFound)
        }
        return xmlResponse(found.writer.xml())
    }

    private func submissionProbe(_ request: Request) throws -> Response {
        if case .stop(let refusal) = try digestAccount(request) { return refusal }
        var headers = Self.openRosaHeaders
        if let name = HTTPField.Name("X-OpenRosa-Accept-Content-Length") {
            headers[name] = String(config.maxSubmissionBody)
        }
        return Response(status: .noContent, headers: headers)
    }

    private func submission(_ request: Request) async throws -> Response {
        var request = request
        let account: Account
        switch try digestAccount(request) {
        case .pass(let a): account = a
        case .stop(let response): return response
        }
        guard let boundary = request.headers[.contentType].flatMap(Multipart.boundary) else {
            return xmlResponse(
                openRosaMessage("expected multipart/form-data / harus multipart/form-data"), status: .badRequest)
        }
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: config.maxSubmissionBody)
        } catch {
            return xmlResponse(
                openRosaMessage("submission too large / kiriman terlalu besar"), status: .contentTooLarge)
        }
        guard await limiter.admit([("odk:" + account.name, config.perDeviceLimit * 50)]) else {
            return xmlResponse(
                openRosaMessage("too many submissions / terlalu banyak kiriman"), status: .tooManyRequests)
        }
        guard let parts = Multipart.parts(Array(buffer: body), boundary: boundary) else {
            return xmlResponse(openRosaMessage("malformed multipart body / badan multipart rusak"), status: .badRequest)
        }
        let receiver = odk
        let outcome = try await NIOThreadPool.singleton.runIfActive { receiver.receive(parts, account: account) }
        switch outcome {
        case .kept(let instance, let form, let folder):
            guard
                try await store.recordSubmission(instance: instance, form: form, folder: folder, account: account.name)
            else {
                return xmlResponse(openRosaMessage("already received / sudah diterima"), status: .ok)
            }
            return xmlResponse(openRosaMessage("submission received / kiriman diterima"), status: .created)
        case .duplicate:
            return xmlResponse(openRosaMessage("already received / sudah diterima"), status: .ok)
        case .refused(let status, let message):
            return xmlResponse(openRosaMessage(message), status: HTTPResponse.Status(code: status))
        }
    }

    private func openRosaMessage(_ text: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<OpenRosaResponse xmlns=\"http://openrosa.org/http/response\">"
            + "<message nature=\"submit_success\">\(XMLText.escaped(text))</message></OpenRosaResponse>\n"
    }

    /// `http://host:port` of the request (or `--public-url`).
    func baseURL(_ request: Request) -> String {
        if let url = config.publicURL { return url.hasSuffix("/") ? String(url.dropLast()) : url }
        let host = request.head.authority ?? "localhost"
        return "http://" + host
    }
}

/// A request let through (with what was found), or the answer that stops it.
enum Gate<Value> {
    case pass(Value)
    case stop(Response)
}
