import Foundation
import Testing

/// Issue 18: each subcommand's help shows its own options, examples, the rubric ids found
/// and the exit codes.
@Suite struct HelpTests {
    func help(_ command: String) throws -> String {
        try patuh([command, "--help"], environment: ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]).stdout.split(
            whereSeparator: \.isWhitespace
        ).joined(separator: " ")
    }

    @Test(arguments: ["validate", "score", "report", "check", "xform"])
    func examplesAndExitCodes(_ command: String) throws {
        let text = try help(command)
        #expect(text.contains("Examples: patuh \(command)"), "\(text)")
        #expect(text.contains("Exit status: 0 all good"), "\(text)")
        if command != "validate" {
            // The rubrics of Rubrics/, by id, in order.
            #expect(
                text.contains(
                    "ombudsman-kepatuhan-2019, ombudsman-opini-2022, ombudsman-opini-2023, ombudsman-opini-2024, ombudsman-opini-2025, panrb-pekppp-2022, skm-2004, skm-2017, skm-2017-bobot-0111"
                ), "\(text)")
        }
    }

    @Test func xformShowsOnlyItsOwnOptions() throws {
        let text = try help("xform")
        for option in ["--threads", "--quiet", "--always-validate"] { #expect(!text.contains(option), "\(option)") }
        #expect(text.contains("--rubrics"))
    }

    @Test func reportWithoutInputsSaysSo() throws {
        let run = try patuh(["report", "--rubric", "skm-2017", "--out", try scratchDirectory().path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no inputs: name the files or folders of the round"))
    }
}
