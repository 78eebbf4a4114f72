import ArgumentParser
import Foundation

/// A bench that measures one command at several sizes, each size a child process of its own
/// run `--repeats` times (`bench import`, `bench report-scale`): each has its own working
/// folder and words for the two options they share (`SizedBenchOptions`).
protocol SizedBench: ParsableCommand {
    /// The default working folder, in the system's temporary folder.
    static var workFolder: String { get }
    /// `--work`'s and `--repeats`' help.
    static var workHelp: String { get }
    static var repeatsHelp: String { get }
}

/// `--work` and `--repeats` of a `SizedBench`, with its defaults and words.
struct SizedBenchOptions<Bench: SizedBench>: ParsableArguments {
    @Option(help: ArgumentHelp(Bench.workHelp))
    var work: String = (NSTemporaryDirectory() as NSString).appendingPathComponent(Bench.workFolder)

    @Option(help: ArgumentHelp(Bench.repeatsHelp))
    var repeats: Int = 1
}

extension SizedBench {
    /// Measures each of `sizes` (comma-separated numbers) with `row`, which gives its table
    /// row: each row on standard error as it comes, the table under `columns` on standard
    /// output at the end.
    func table(_ columns: [String], sizes: String, _ row: (Int) throws -> String) throws {
        var lines = [
            "| " + columns.joined(separator: " | ") + " |", "|" + String(repeating: "---|", count: columns.count)
        ]
        for size in sizes.split(separator: ",").compactMap({ Int($0) }) {
            lines.append(try row(size))
            Console.error(lines.last ?? "")
        }
        print(lines.joined(separator: "\n"))
    }
}
