import ArgumentParser
import Foundation
import PatuhFormats
import PatuhSamples

/// `patuh generate`: a deterministic synthetic dataset (registry, assessments, surveys).
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: GenerateHelp.abstract, discussion: GenerateHelp.discussion)

    @Option(help: GenerateHelp.seed)
    var seed: UInt64 = 7

    @Option(help: GenerateHelp.out)
    var out: String

    @Option(help: GenerateHelp.provinces)
    var provinces: Int = 1

    @Option(help: GenerateHelp.regions)
    var regions: Int?

    @Option(help: GenerateHelp.units)
    var units: Int?

    @Option(help: GenerateHelp.respondents)
    var respondents: Int = 150

    @Option(help: GenerateHelp.periods)
    var periods: String = "2019,2022,2023,2024,2025"

    @Option(
        name: .customLong("pekppp-periods"),
        help: GenerateHelp.pekpppPeriods)
    var pekpppPeriods: String = "2023"

    @Option(
        name: .customLong("skm2004-periods"),
        help: GenerateHelp.skm2004Periods)
    var skm2004Periods: String = "2013"

    @Option(name: .customLong("survey-periods"), help: GenerateHelp.surveyPeriods)
    var surveyPeriods: String = "2023-S1,2023-S2"

    @Option(
        name: .customLong("opini-respondents"),
        help: GenerateHelp.opiniRespondents)
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
