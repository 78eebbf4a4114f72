import ArgumentParser
import Foundation
import PatuhFormats
import PatuhReport

/// `--license` and `--assessing-body`: what `datapackage.json` says about the CSV files.
struct OpenDataOptions: ParsableArguments {
    @Option(help: OptionsHelp.license)
    var license: String = "CC-BY-4.0"

    @Option(help: OptionsHelp.assessingBody)
    var assessingBody: String?

    func validate() throws {
        guard DataPackage.License.isValidID(license) else {
            throw ValidationError(
                Console.say(
                    (
                        "--license berupa id dari huruf, angka, '-', '.' dan '_' (CC-BY-4.0)",
                        "--license takes an id of letters, digits, '-', '.' and '_' (CC-BY-4.0)"
                    )))
        }
    }

    /// `SOURCE_DATE_EPOCH` (seconds since 1970) when set, else now.
    static var created: Date {
        if let text = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"], let seconds = Int(text) {
            return Date(timeIntervalSince1970: TimeInterval(seconds))
        }
        return Date()
    }

    /// Writes `datapackage.json` (describing `files`) and `indicator_metadata.csv` beside the
    /// CSV files of `run`.
    func write(_ run: ScoredRound, files: [String], to out: OutputDirectory, dialect: CSVDialect) throws {
        let package = DataPackage(
            result: run.result, files: files,
            license: DataPackage.License(id: license), created: Self.created,
            dialect: dialect, assessingBody: assessingBody)
        try out.write(DataPackage.indicatorMetadataFile) { file in
            try package.indicatorMetadata.write(dialect, bytes: { try file.write(bytes: $0) })
        }
        try out.write("datapackage.json", package.json())
    }
}
