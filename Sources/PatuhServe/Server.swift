import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import PatuhCore

/// The request context: Hummingbird's, with the peer's address (the rate limit's second key).
public struct ServeContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}

/// `patuh serve`: the counter questionnaire, ODK Collect's OpenRosa endpoints, the live view
/// behind a login and its export, over one embedded database.
public final class Server: Sendable {
    public let config: ServeConfiguration
    public let store: Store
    let limiter = RateLimiter()
    let digest: DigestAuth
    let odk: ODKReceiver

    /// A server over `config.dataDirectory`'s database (created when missing).
    public init(config: ServeConfiguration) throws {
        self.config = config
        store = try Store(directory: config.dataDirectory)
        digest = DigestAuth()
        odk = ODKReceiver(config: config)
    }

    /// The routes, for `application` or for Hummingbird's test client.
    public func router() -> Router<ServeContext> {
        let router = Router(context: ServeContext.self)
        router.middlewares.add(SecurityHeaders())
        router.get("/") { request, _ in self.home(request) }
        router.get("/s/:unit") { request, context in try self.questionnaire(request, context) }
        router.post("/s/:unit") { request, context in try await self.submit(request, context) }
        router.get("/poster/:unit") { request, context in try self.poster(request, context) }
        addAccountRoutes(router)
        addOpenRosaRoutes(router)
        return router
    }

    /// The application listening on `host:port` (port 0: any free port); `running` is told
    /// the port once it listens.
    public func application(
        host: String, port: Int, logger: Logger? = nil,
        running: @escaping @Sendable (Int) -> Void = { _ in }
    ) -> some ApplicationProtocol {
        var log = logger ?? Logger(label: "patuh-serve")
        if logger == nil { log.logLevel = .warning }
        return Application(
            router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "patuh"),
            onServerRunning: { channel in running(channel.localAddress?.port ?? port) }, logger: log)
    }

    // MARK: Pages

    static func html(_ body: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: body)))
    }

    /// A short page saying what happened, in the reader's language.
    static func message(_ w: Words, status: HTTPResponse.Status, title: String, text: String, back: String? = nil)
        -> Response
    {
        var body = "<h1>\(HTML.esc(title))</h1>\n<p>\(HTML.esc(text))</p>\n"
        if let back { body += "<p><a href=\"\(HTML.esc(back))\">\(w("Kembali", "Back"))</a></p>\n" }
        return html(HTML.page(title: title, lang: w.lang, body: body), status: status)
    }

    static func words(_ request: Request) -> Words { Words(request.uri.queryParameters.get("lang")) }

    private func home(_ request: Request) -> Response {
        let w = Self.words(request)
        var b = w.switchLink(path: "/")
        b += "<h1>\(w("Survei Kepuasan Masyarakat", "Community Satisfaction Survey"))</h1>\n"
        b +=
            "<p>\(HTML.esc(config.rubric.title.text(w.lang))). \(w("Periode", "Period")) \(HTML.esc(config.currentPeriod)).</p>\n<ul>\n"
        for unit in config.surveyedUnits {
            b += "<li><a href=\"/s/\(HTML.esc(unit.id))\(w.query)\">\(HTML.esc(unit.name))</a></li>\n"
        }
        b +=
            "</ul>\n<p class=\"noprint\"><a href=\"/login\(w.query)\">\(w("Masuk (petugas)", "Sign in (officers)"))</a></p>\n"
        return Self.html(
            HTML.page(title: w("Survei Kepuasan Masyarakat", "Community Satisfaction Survey"), lang: w.lang, body: b))
    }

    /// The unit of the address, or the page saying it is not known.
    func surveyedUnit(_ context: ServeContext, _ w: Words) -> Result<ServiceUnit, HTTPError> {
        let id = context.parameters.get("unit") ?? ""
        guard let unit = config.registry.unit(id), config.rubric.applies(to: unit.type) else {
            return .failure(HTTPError(.notFound))
        }
        return .success(unit)
    }

    static func unknownUnit(_ w: Words) -> Response {
        message(
            w, status: .notFound, title: w("Unit tidak dikenal", "Unknown unit"),
            text: w(
                "Alamat ini tidak menunjuk unit layanan yang disurvei.", "This address names no surveyed service unit."),
            back: "/" + w.query)
    }

    private func questionnaire(_ request: Request, _ context: ServeContext) throws -> Response {
        let w = Self.words(request)
        guard case .success(let unit) = surveyedUnit(context, w) else { return Self.unknownUnit(w) }
        var response = Self.html(Questionnaire(config: config, unit: unit, words: w).page(token: Token.make()))
        if request.cookies["patuh_device"].map({ Token.isWellFormed($0.value) }) != true {
            response.setCookie(
                Cookie(
                    name: "patuh_device", value: Token.make(), maxAge: 366 * 86400, path: "/",
                    secure: config.cookiesAreSecure, httpOnly: true, sameSite: .lax))
        }
        return response
    }

    private func submit(_ request: Request, _ context: ServeContext) async throws -> Response {
        var request = request
        let w0 = Self.words(request)
        guard case .success(let unit) = surveyedUnit(context, w0) else { return Self.unknownUnit(w0) }
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: config.maxFormBody)
        } catch {
            return Self.message(
                w0, status: .contentTooLarge, title: w0("Kiriman terlalu besar", "Submission too large"),
                text: w0("Kiriman ditolak dan tidak disimpan.", "The submission was refused and not stored."))
        }
        let fields = Submission.fields(String(buffer: body))
        let w = Words(fields["lang"])
        let back = "/s/\(unit.id)\(w.query)"
        let period = fields["period"] ?? ""
        guard config.openPeriods.contains(period) else {
            return Self.message(
                w, status: .conflict, title: w("Periode survei ditutup", "Survey period closed"),
                text: w(
                    "Periode \(period) tidak menerima jawaban lagi; tanggapan tidak disimpan.",
                    "Period \(period) no longer takes answers; the response was not stored."), back: back)
        }
        guard let token = fields["token"], Token.isWellFormed(token) else {
            return Self.message(
                w, status: .badRequest, title: w("Formulir tidak sah", "Invalid form"),
                text: w("Buka kembali kuesioner dan isi ulang.", "Open the questionnaire again and fill it in."),
                back: back)
        }
        let date = Self.today(config.timeZone)
        switch Submission.response(
            fields, config: config, unit: unit.id, id: "w-" + token.prefix(24), date: date, words: w)
        {
        case .failure(let found):
            let problems = found.list
            var filled = fields
            filled["token"] = nil
            return Self.html(
                Questionnaire(config: config, unit: unit, words: w).page(
                    token: token, filled: filled, problems: problems),
                status: .unprocessableContent)
        case .success(let response):
            let address = context.remoteAddress?.ipAddress ?? "?"
            let cookie = request.cookies["patuh_device"]?.value
            let device = cookie.flatMap { Token.isWellFormed($0) ? "c:" + $0 : nil } ?? "a:" + address
            guard await limiter.admit([(device, config.perDeviceLimit), ("a:" + address, config.perAddressLimit)])
            else {
                return Self.message(
                    w, status: .tooManyRequests, title: w("Terlalu banyak kiriman", "Too many submissions"),
                    text: w(
                        "Perangkat ini sudah mengirim terlalu banyak tanggapan dalam satu jam; tanggapan ini tidak disimpan.",
                        "This device has sent too many responses within an hour; this one was not stored."))
            }
            do {
                try await store.insert(response, token: token, device: device)
            } catch StoreError.replay {
                return Self.message(
                    w, status: .conflict, title: w("Sudah diterima", "Already received"),
                    text: w(
                        "Tanggapan dari formulir ini sudah tersimpan sebelumnya; kiriman ulang tidak disimpan lagi.",
                        "A response from this form was already stored; the resubmission was not stored again."))
            }
            // Committed (WAL, synchronous=FULL) before this page is sent.
            let body =
                "<h1>\(w("Terima kasih", "Thank you"))</h1>\n"
                + "<p id=\"saved\">\(w("Tanggapan Anda telah tersimpan.", "Your response has been saved.")) "
                + "\(w("Nomor tanggapan", "Response number")): <code>\(HTML.esc(response.id))</code></p>\n"
                + "<p>\(HTML.esc(unit.name))</p>\n"
            return Self.html(HTML.page(title: w("Terima kasih", "Thank you"), lang: w.lang, body: body))
        }
    }

    /// Today's date (YYYY-MM-DD) in `zone`.
    static func today(_ zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", c.year ?? 1970, c.month ?? 1, c.day ?? 1)
    }
}

/// Headers every answer carries: no framing, no sniffing, no referrer to other sites.
struct SecurityHeaders: RouterMiddleware {
    typealias Context = ServeContext

    static let headers = [
        ("X-Content-Type-Options", "nosniff"), ("X-Frame-Options", "DENY"), ("Referrer-Policy", "same-origin"),
        (
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'"
        )
    ]

    func handle(_ request: Request, context: ServeContext, next: (Request, ServeContext) async throws -> Response)
        async throws -> Response
    {
        var response = try await next(request, context)
        for (name, value) in Self.headers {
            if let name = HTTPField.Name(name) { response.headers[name] = value }
        }
        return response
    }
}
