import Foundation
import Testing

/// Options that several commands share are declared once (`RubricOptions.swift`): the same
/// help and the same checks wherever they appear.
@Suite struct OptionGroupTests {
    /// What `command --help` says of each of `options` under OPTIONS: from the option to the
    /// next one (wrapped lines joined).
    func helpLines(_ command: [String], _ options: [String]) throws -> [String] {
        let help = try patuh(command + ["--help"]).stdout
        let section = help.range(of: "OPTIONS:").map { help[$0.upperBound...] } ?? ""
        let text = section.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return options.map { option in
            guard let start = text.range(of: option + " ") else { return "" }
            let end = text.range(of: " --", range: start.upperBound..<text.endIndex)?.lowerBound ?? text.endIndex
            return String(text[start.lowerBound..<end])
        }
    }

    @Test func xformAndTemplateShowTheSameRubricOptions() throws {
        let options = ["--rubric <rubric>", "--registry <registry>", "--period <period>", "--survey"]
        let xform = try helpLines(["xform"], options)
        #expect(xform == (try helpLines(["template"], options)))
        #expect(xform.allSatisfy { !$0.isEmpty })
    }

    @Test(arguments: [["xform", "--out", "f.xml"], ["template", "--out", "f.xlsx"]])
    func xformAndTemplateRefuseABadPeriodAlike(_ command: [String]) throws {
        let out = try scratchDirectory().appendingPathComponent(command[2]).path
        let run = try patuh([command[0], "--rubric", "skm-2017", "--period", "23", "--out", out])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--period '23' is not a period such as 2023 or 2023-S1"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// bcrypt costs 4 to 16 are taken by both account commands, and said so in both helps.
    @Test(arguments: [
        ["serve", "user", "add", "--name", "a", "--role", "unit", "--scope", "u"],
        ["serve", "user", "import", "accounts.csv"]
    ])
    func bothAccountCommandsRefuseACostOutsideFourToSixteen(_ command: [String]) throws {
        let data = try scratchDirectory().path
        for cost in ["3", "17"] {
            let run = try patuh(command + ["--data", data, "--cost", cost])
            #expect(run.status == 2)
            #expect(run.stderr.contains("--cost takes 4 to 16"), "\(run.stderr)")
        }
        let help = try patuh(Array(command.prefix(3)) + ["--help"]).stdout
        #expect(help.contains("bcrypt cost (2^cost rounds; 4-16)"))
    }
}
