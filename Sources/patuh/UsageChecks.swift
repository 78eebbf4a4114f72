import ArgumentParser
import Foundation
import PatuhCore
import PatuhFormats

/// Checks of the command line made before anything is read or written: each failure is
/// bad usage (exit status 2), named in a sentence.
enum UsageChecks {
    static func rubric(_ value: String) throws {
        guard RubricRequest.isPath(value) else {
            guard ContractText.isID(value) else {
                throw ValidationError(
                    Console.say(
                        (
                            "--rubric '\(value)' bukan id rubrik (huruf, angka, '.', '_', '-') dan bukan jalur berkas rubrik (tulis ./\(value) untuk berkas)",
                            "--rubric '\(value)' is neither a rubric id (letters, digits, '.', '_', '-') nor a path to a rubric file (write ./\(value) for a file)"
                        )))
            }
            return
        }
        try regularFile(value, option: "--rubric")
    }

    /// `--lang` of the commands that write for readers: `id` or `en`.
    static func language(_ value: String) throws {
        guard ["id", "en"].contains(value) else {
            throw ValidationError(Console.say(("--lang berupa id atau en", "--lang takes id or en")))
        }
    }

    static func period(_ value: String?) throws {
        guard let value else { return }
        guard ContractText.isPeriod(value) else {
            throw ValidationError(
                Console.say(
                    (
                        "--period '\(value)' bukan periode: tulis tahun (2023) atau tahun dan bagiannya (2023-S1, 2023-Q2, 2023-07), paling panjang \(ContractText.maxPeriodLength) karakter",
                        "--period '\(value)' is not a period: write a year (2023) or a year and its part (2023-S1, 2023-Q2, 2023-07), at most \(ContractText.maxPeriodLength) characters"
                    )))
        }
    }

    static func regularFile(_ path: String, option: String) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ValidationError(
                Console.say(("\(option) \(path): berkas tidak ada", "\(option) \(path): no such file")))
        }
        if isFolder.boolValue {
            throw ValidationError(
                Console.say(
                    ("\(option) \(path): sebuah folder, bukan berkas", "\(option) \(path): is a folder, not a file")))
        }
    }

    /// `--out` must be a folder (or not exist yet) and not one of the inputs; when the
    /// command replaces the folder whole, no input may lie inside it either.
    static func output(_ out: String, inputs: [String], replacesWhole: Bool) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), !isFolder.boolValue {
            throw ValidationError(
                Console.say(
                    (
                        "--out \(out): sudah ada berkas bernama itu; keluaran berupa folder",
                        "--out \(out): a file of that name exists; the output is a folder"
                    )))
        }
        let target = canonical(out)
        for input in inputs {
            let path = canonical(input)
            if path == target {
                throw ValidationError(
                    Console.say(
                        (
                            "--out \(out) juga merupakan masukan (\(input)): tulis keluaran ke folder lain",
                            "--out \(out) is also an input (\(input)): write the outputs to another folder"
                        )))
            }
            if replacesWhole, path.hasPrefix(target == "/" ? "/" : target + "/") {
                throw ValidationError(
                    Console.say(
                        (
                            "masukan \(input) terletak di dalam --out \(out), yang diganti utuh oleh perintah ini: tulis keluaran ke folder lain",
                            "the input \(input) lies inside --out \(out), which this command replaces whole: write the outputs to another folder"
                        )))
            }
        }
    }

    /// Whether `path` is `folder` or lies inside it (both resolved).
    static func lies(_ path: String, inside folder: String) -> Bool {
        let (p, f) = (canonical(path), canonical(folder))
        return p == f || p.hasPrefix(f == "/" ? "/" : f + "/")
    }

    /// The absolute path with `.`, `..` and symbolic links resolved (as far as it exists).
    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}

extension ScoreOptions {
    func validate() throws {
        try UsageChecks.atLeastOne(
            paths,
            id:
                "tidak ada masukan: sebutkan berkas atau folder putaran penilaian (registri, penilaian, survei), misalnya Samples/riau",
            en: "no inputs: name the files or folders of the round (registry, assessments, surveys), e.g. Samples/riau")
        try UsageChecks.rubric(rubric)
        try UsageChecks.period(period)
        if let registry { try UsageChecks.regularFile(registry, option: "--registry") }
        try UsageChecks.output(out, inputs: paths + (registry.map { [$0] } ?? []), replacesWhole: false)
    }
}
