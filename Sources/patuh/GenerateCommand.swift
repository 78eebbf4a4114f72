import ArgumentParser
import Foundation
import PatuhFormats
import PatuhSamples

/// `patuh generate`: a deterministic synthetic dataset (registry, assessments, surveys).
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a deterministic synthetic dataset (Riau, or a national-scale corpus).",
        discussion: """
            The same options always give byte-identical files. Places and Kemendagri codes of \
            Provinsi Riau are real; every population, answer and score is invented.
            """)

    @Option(help: "Seed of every random draw.")
    var seed: UInt64 = 7

    @Option(help: "Directory to write into (created if needed).")
    var out: String

    @Option(help: "Provinces: 1 is Riau alone; more add synthetic provinces after it.")
    var provinces: Int = 1

    @Option(help: "Kabupaten/kota per province (default: Riau's real 12; 8-20 for synthetic provinces).")
    var regions: Int?

    @Option(help: "Service units per kabupaten/kota, besides the MPP (default: 6-10, varying).")
    var units: Int?

    @Option(
        help:
            "Mean SKM respondents per surveyed unit and period (each unit still collects at least its Krejcie-Morgan sample, but one)."
    )
    var respondents: Int = 150

    @Option(
        help:
            "Ombudsman assessment periods, comma-separated; each answers its year's instrument (before 2022: ombudsman-kepatuhan-2019; 2022-2024: ombudsman-opini-YYYY; from 2025: ombudsman-opini-2025)."
    )
    var periods: String = "2019,2022,2023,2024,2025"

    @Option(
        name: .customLong("pekppp-periods"),
        help: "PEKPPP evaluation periods (panrb-pekppp-2022), comma-separated; empty for none.")
    var pekpppPeriods: String = "2023"

    @Option(
        name: .customLong("skm2004-periods"),
        help: "Periods of a small skm-2004 survey round, comma-separated; empty for none.")
    var skm2004Periods: String = "2013"

    @Option(name: .customLong("survey-periods"), help: "SKM survey periods, comma-separated.")
    var surveyPeriods: String = "2023-S1,2023-S2"

    @Option(
        name: .customLong("opini-respondents"),
        help: "Respondents per assessed unit and period to the Ombudsman output questionnaire.")
    var opiniRespondents: Int = 30

    private var options: SampleOptions {
        SampleOptions(
            seed: seed, provinces: provinces, regions: regions, units: units,
            respondents: respondents, periods: Self.list(periods),
            surveyPeriods: Self.list(surveyPeriods), opiniRespondents: opiniRespondents,
            pekpppPeriods: Self.list(pekpppPeriods), skm2004Periods: Self.list(skm2004Periods))
    }

    private static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    func validate() throws {
        do {
            try options.validate()
        } catch let error as SampleError {
            throw ValidationError(Console.say((error.indonesian, error.description)))
        }
    }

    func run() throws {
        let summary: SampleSummary
        do {
            summary = try SampleGenerator(options: options).generate(into: out)
        } catch let error as SampleError {
            throw PatuhError(command: "generate", id: error.indonesian, en: error.description, status: 1)
        } catch {
            throw PatuhError(command: "generate", sameInBoth: Console.describe(error), status: 1)
        }
        Console.error(
            Console.say(
                (
                    "patuh generate: \(Console.number(summary.files)) berkas ditulis ke \(out): "
                        + "\(Console.number(summary.regions)) wilayah, \(Console.number(summary.units)) unit, "
                        + "\(Console.number(summary.assessments)) penilaian, \(Console.number(summary.responses)) respons, "
                        + "\(Self.size(summary.bytes))",
                    "patuh generate: wrote \(Console.count(summary.files, "file")) to \(out): "
                        + "\(Console.count(summary.regions, "region")), \(Console.count(summary.units, "unit")), "
                        + "\(Console.count(summary.assessments, "assessment")), \(Console.count(summary.responses, "response")), "
                        + "\(Self.size(summary.bytes))"
                )))
    }

    /// `14,812,345 bytes (14.1 MiB)`.
    private static func size(_ bytes: Int) -> String {
        let mib = Double(bytes) / 1_048_576
        return "\(bytes) bytes (\(String(format: "%.1f", mib)) MiB)"
    }
}
