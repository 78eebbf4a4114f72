import ArgumentParser
import Foundation
import PatuhCore
import PatuhFormats
import PatuhServe

/// `patuh serve [run]`: starts the server.
struct ServeRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Start the server (the default subcommand).",
        discussion: """
            Pages / halaman: /  (the units), /s/UNIT (the questionnaire), /poster/UNIT (a printable poster with \
            its QR code, drawn by Debian's qrencode when installed), /login and /live (the live view), \
            /formList and /submission (OpenRosa, for ODK Collect: server address http://HOST:PORT, an account \
            made with `patuh serve user add`). Answers are committed to DATA/patuh-serve.sqlite before the \
            thank-you page is sent. Stop with Ctrl-C or SIGTERM.

            Examples / contoh:
              patuh serve --data skm-data --registry Samples/riau/registry.xml --period 2026-S2
              patuh serve --data skm-data --period 2026-S2 --listen 0.0.0.0:8080 --public-url https://skm.example.go.id

            Exit status / kode keluar: 0 stopped / dihentikan; 1 could not listen or open the database / gagal \
            mendengarkan atau membuka basis data; 2 bad usage / pemakaian salah.
            """)

    @Option(help: "The folder of the database and the ODK submissions (created when missing).")
    var data: String

    @Option(help: "The registry of units (kept under --data; later starts may leave it out).")
    var registry: String?

    @Option(help: "The survey rubric of the questionnaire (id or path).")
    var rubric: String = "skm-2017"

    @Option(
        name: .customLong("period"), help: "A period open for answers (repeatable; the first is the questionnaire's).")
    var periods: [String] = []

    @Option(
        name: .customLong("form-rubric"),
        help: "Another rubric whose `patuh xform` form ODK Collect may fetch and submit (repeatable).")
    var formRubrics: [String] = []

    @Option(help: "HOST:PORT to listen on.")
    var listen: String = "127.0.0.1:8080"

    @Option(help: "The public address printed on posters (default: the request's Host).")
    var publicURL: String?

    @Option(help: "Submissions one device may make in an hour (0: no limit).")
    var perDeviceLimit: Int = 20

    @Option(help: "Submissions one network address may make in an hour (0: no limit).")
    var perAddressLimit: Int = 2000

    @OptionGroup var library: RubricLibraryOption

    func validate() throws {
        try UsageChecks.atLeastOne(
            periods, id: "beri sedikitnya satu --period yang terbuka untuk jawaban",
            en: "give at least one --period open for answers")
        for p in periods where !ContractText.isPeriod(p) {
            throw ValidationError(
                id: "--period '\(p)' bukan periode seperti 2026 atau 2026-S2",
                en: "--period '\(p)' is not a period such as 2026 or 2026-S2")
        }
        guard listenAddress != nil else {
            throw ValidationError(
                id: "--listen berbentuk HOST:PORT, misalnya 127.0.0.1:8080",
                en: "--listen takes HOST:PORT, e.g. 127.0.0.1:8080")
        }
    }

    var listenAddress: (host: String, port: Int)? {
        guard let colon = listen.lastIndex(of: ":"), let port = Int(listen[listen.index(after: colon)...]),
            (0...65535).contains(port)
        else { return nil }
        return (String(listen[..<colon]), port)
    }

    func run() throws {
        let reg = try ServeData.registry(given: registry, data: data, library: library)
        if let registry { try ServeData.keep(registry: registry, data: data) }
        let survey = try ServeData.rubric(rubric, library: library)
        let extra = try formRubrics.map { try RubricSource.load($0, registry: nil, library: library).rubric }
        var config = ServeConfiguration(
            rubric: survey, registry: reg, openPeriods: periods, dataDirectory: data,
            formRubrics: [survey] + extra)
        config.publicURL = publicURL
        config.perDeviceLimit = perDeviceLimit
        config.perAddressLimit = perAddressLimit
        let server = try PatuhServe.Server(config: config)
        guard let (host, port) = listenAddress else { throw ExitCode(2) }
        let summary =
            "\(Console.count(config.surveyedUnits.count, "unit")) · period \(periods.joined(separator: ", ")) · database \(server.store.path)"
        let failed = ServeRunner.run(server: server, host: host, port: port) { bound in
            // One line that scripts and tests wait for (the port, when --listen asked for 0).
            Console.error("patuh serve: listening on http://\(host):\(bound)/ · \(summary)")
        }
        if let failed {
            Console.error("patuh serve: error: \(failed)")
            throw ExitCode(1)
        }
    }
}
