import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdBcrypt
import NIOCore
import NIOPosix
import PatuhCore

/// The login, the live view and its export: every page needs a session, every form a CSRF token.
extension Server {
    func addAccountRoutes(_ router: Router<ServeContext>) {
        router.get("/login") { request, _ in self.loginPage(request) }
        router.post("/login") { request, _ in try await self.login(request) }
        router.post("/logout") { request, _ in try await self.logout(request) }
        router.get("/live") { request, _ in try self.liveIndex(request) }
        router.get("/live/:unit") { request, context in try self.liveUnit(request, context) }
        router.post("/live/:unit/export") { request, context in try await self.exportUnit(request, context) }
    }

    /// The signed-in account and its CSRF token.
    func signedIn(_ request: Request) throws -> (account: Account, csrf: String)? {
        guard let token = request.cookies["patuh_session"]?.value, Token.isWellFormed(token) else { return nil }
        return try store.session(token)
    }

    static func redirect(_ location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location, .cacheControl: "no-store"])
    }

    static func forbidden(_ w: Words) -> Response {
        message(
            w, status: .forbidden, title: w("Tidak diizinkan", "Not allowed"),
            text: w(
                "Akun Anda tidak berhak atas halaman atau tindakan ini.",
                "Your account may not see this page or do this."),
            back: "/live" + w.query)
    }

    private func loginPage(_ request: Request, problem: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        let w = Self.words(request)
        let csrf = Token.make()
        var b = w.switchLink(path: "/login") + "<h1>\(w("Masuk", "Sign in"))</h1>\n"
        if let problem { b += "<p class=\"error\" role=\"alert\">\(HTML.esc(problem))</p>\n" }
        b +=
            "<form method=\"post\" action=\"/login\(w.query)\">\n<input type=\"hidden\" name=\"csrf\" value=\"\(csrf)\">\n"
        b +=
            "<label for=\"name\">\(w("Nama akun", "Account name"))</label><input id=\"name\" name=\"name\" type=\"text\" autocomplete=\"username\" required>\n"
        b +=
            "<label for=\"password\">\(w("Kata sandi", "Password"))</label><input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" required>\n"
        b += "<p><button type=\"submit\">\(w("Masuk", "Sign in"))</button></p>\n</form>\n"
        var response = Self.html(HTML.page(title: w("Masuk", "Sign in"), lang: w.lang, body: b), status: status)
        response.setCookie(
            Cookie(
                name: "patuh_login", value: csrf, maxAge: 3600, path: "/login", secure: config.cookiesAreSecure,
                httpOnly: true, sameSite: .strict))
        return response
    }

    private func login(_ request: Request) async throws -> Response {
        var request = request
        let w = Self.words(request)
        guard let body = try? await request.collectBody(upTo: 8 << 10) else {
            return Self.message(
                w, status: .contentTooLarge, title: w("Kiriman terlalu besar", "Request too large"), text: "")
        }
        let f = Submission.fields(String(buffer: body))
        guard let csrf = f["csrf"], Token.isWellFormed(csrf), request.cookies["patuh_login"]?.value == csrf else {
            return loginPage(
                request, problem: w("Formulir kedaluwarsa; coba lagi.", "The form expired; try again."),
                status: .forbidden)
        }
        let name = f["name"] ?? ""
        let password = f["password"] ?? ""
        let account = Access.isName(name) ? try store.account(name) : nil
        // bcrypt is slow on purpose: checked off the event loop. A missing account costs the same.
        let hash = account?.passwordHash ?? Self.dummyHash
        let ok = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
        guard ok, let account else {
            return loginPage(
                request, problem: w("Nama akun atau kata sandi salah.", "Wrong account name or password."),
                status: .unauthorized)
        }
        let session = Token.make()
        try await store.createSession(
            token: session, account: account.name, csrf: Token.make(),
            expires: Date().addingTimeInterval(config.sessionLifetime))
        var response = Self.redirect("/live" + w.query)
        response.setCookie(
            Cookie(
                name: "patuh_session", value: session, maxAge: Int(config.sessionLifetime), path: "/",
                secure: config.cookiesAreSecure, httpOnly: true, sameSite: .strict))
        return response
    }

    private static let dummyHash = Bcrypt.hash("patuh-no-such-account", cost: 4)

    private func logout(_ request: Request) async throws -> Response {
        var request = request
        let w = Self.words(request)
        guard let (_, csrf) = try signedIn(request) else { return Self.redirect("/login" + w.query) }
        let body = (try? await request.collectBody(upTo: 8 << 10)).map { String(buffer: $0) } ?? ""
        guard Submission.fields(body)["csrf"] == csrf else { return Self.forbidden(w) }
        if let token = request.cookies["patuh_session"]?.value { try await store.deleteSession(token) }
        var response = Self.redirect("/login" + w.query)
        response.setCookie(
            Cookie(
                name: "patuh_session", value: "", maxAge: 0, path: "/", secure: config.cookiesAreSecure, httpOnly: true,
                sameSite: .strict))
        return response
    }

    private func header(_ account: Account, csrf: String, _ w: Words, path: String) -> String {
        var b = w.switchLink(path: path)
        b +=
            "<form method=\"post\" action=\"/logout\(w.query)\" class=\"noprint\"><input type=\"hidden\" name=\"csrf\" value=\"\(csrf)\">"
        b += "\(HTML.esc(account.name)) (\(HTML.esc(roleName(account.role, w))) \(HTML.esc(account.scope))) "
        b += "<button type=\"submit\">\(w("Keluar", "Sign out"))</button></form>\n"
        return b
    }

    private func roleName(_ role: Role, _ w: Words) -> String {
        switch role {
        case .unit: return w("petugas unit", "unit officer")
        case .pemda: return w("petugas pemda", "local government officer")
        case .assessor: return w("asesor Ombudsman", "Ombudsman assessor")
        }
    }

    private func liveIndex(_ request: Request) throws -> Response {
        let w = Self.words(request)
        guard let (account, csrf) = try signedIn(request) else { return Self.redirect("/login" + w.query) }
        let period = config.currentPeriod
        var b = header(account, csrf: csrf, w, path: "/live")
        b += "<h1>\(w("Hasil sementara", "Live results")): \(HTML.esc(period))</h1>\n"
        b += "<table><thead><tr><th>\(w("Unit", "Unit"))</th><th class=\"n\">\(w("Responden", "Respondents"))</th>"
        b +=
            "<th class=\"n\">\(w("Sampel minimal", "Minimum sample"))</th><th class=\"n\">IKM</th></tr></thead><tbody>\n"
        for unit in config.surveyedUnits where Access.sees(account, unit, in: config.registry) {
            let live = LiveFigures(config: config, responses: try store.responses(unit: unit.id, period: period))
            b += "<tr><td><a href=\"/live/\(HTML.esc(unit.id))\(w.query)\">\(HTML.esc(unit.name))</a></td>"
            b +=
                "<td class=\"n\">\(live.respondents)</td><td class=\"n\">\(unit.population.map { String(SampleSize.krejcieMorgan(population: $0)) } ?? "-")</td>"
            b += "<td class=\"n\">\(live.ikm.map { HTML.number($0, w.lang) } ?? "-")</td></tr>\n"
        }
        b += "</tbody></table>\n"
        return Self.html(HTML.page(title: w("Hasil sementara", "Live results"), lang: w.lang, body: b))
    }

    private func visibleUnit(_ request: Request, _ context: ServeContext, _ w: Words) throws -> Gate<
        (ServiceUnit, Account, String)
    > {
        guard let (account, csrf) = try signedIn(request) else { return .stop(Self.redirect("/login" + w.query)) }
        guard case .success(let unit) = surveyedUnit(context, w) else { return .stop(Self.unknownUnit(w)) }
        guard Access.sees(account, unit, in: config.registry) else { return .stop(Self.forbidden(w)) }
        return .pass((unit, account, csrf))
    }

    private func liveUnit(_ request: Request, _ context: ServeContext) throws -> Response {
        let w = Self.words(request)
        let (unit, account, csrf): (ServiceUnit, Account, String)
        switch try visibleUnit(request, context, w) {
        case .stop(let response): return response
        case .pass(let found): (unit, account, csrf) = found
        }
        let periods = Array(Set(config.openPeriods + (try store.periods(unit: unit.id)))).sorted()
        let asked: String? = request.uri.queryParameters.get("period")
        let period = asked.flatMap { periods.contains($0) ? $0 : nil } ?? config.currentPeriod
        let live = LiveFigures(config: config, responses: try store.responses(unit: unit.id, period: period))
        let path = "/live/\(unit.id)"
        var b = header(account, csrf: csrf, w, path: path)
        b += "<h1>\(HTML.esc(unit.name))</h1>\n<p class=\"noprint\">\(w("Periode", "Period")): "
        b +=
            periods.map { p in
                p == period
                    ? "<strong>\(HTML.esc(p))</strong>"
                    : "<a href=\"\(path)?period=\(HTML.esc(p))\(w.lang == "en" ? "&amp;lang=en" : "")\">\(HTML.esc(p))</a>"
            }.joined(separator: " · ") + "</p>\n"
        b += live.summary(unit: unit, words: w)
        b +=
            "<form method=\"post\" action=\"\(path)/export\(w.query)\" class=\"noprint\"><input type=\"hidden\" name=\"csrf\" value=\"\(csrf)\">"
        b += "<input type=\"hidden\" name=\"period\" value=\"\(HTML.esc(period))\">"
        b +=
            "<button type=\"submit\">\(w("Unduh berkas survei (XML)", "Download the survey file (XML)"))</button></form>\n"
        return Self.html(HTML.page(title: unit.name, lang: w.lang, body: b))
    }

    private func exportUnit(_ request: Request, _ context: ServeContext) async throws -> Response {
        var request = request
        let w = Self.words(request)
        let (unit, csrf): (ServiceUnit, String)
        switch try visibleUnit(request, context, w) {
        case .stop(let response): return response
        case .pass(let found): (unit, csrf) = (found.0, found.2)
        }
        let body = (try? await request.collectBody(upTo: 8 << 10)).map { String(buffer: $0) } ?? ""
        let f = Submission.fields(body)
        guard f["csrf"] == csrf else { return Self.forbidden(w) }
        let period = f["period"].flatMap { ContractText.isPeriod($0) ? $0 : nil } ?? config.currentPeriod
        let xml = SurveyExport.survey(
            config: config, unit: unit.id, period: period,
            responses: try store.responses(unit: unit.id, period: period))
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/xml; charset=utf-8",
                .contentDisposition: "attachment; filename=\"\(unit.id)-\(period).xml\"",
                .cacheControl: "no-store"
            ], body: .init(byteBuffer: ByteBuffer(string: xml)))
    }
}
