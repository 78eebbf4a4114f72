import Foundation
import PatuhCore

/// Finds the XML files named on the command line.
public enum InputFiles {
    /// Files as given, and directories searched recursively for `*.xml`; sorted and without
    /// repeats, so that the order they were named in never changes a result. A path that
    /// does not exist is a problem; `excluding` directories (outputs) are never entered.
    public static func collect(_ paths: [String], excluding: [String] = []) -> (files: [String], problems: [Diagnostic]) {
        let fm = FileManager.default
        let excluded = Set(excluding.map { canonical($0) })
        var files: [String] = []
        var problems: [Diagnostic] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                // A dangling or looping symlink still gets a precise message from the reader.
                if (try? fm.destinationOfSymbolicLink(atPath: path)) != nil {
                    files.append(path)
                } else {
                    problems.append(.error(SourceLocation(file: path), "no such file or directory"))
                }
                continue
            }
            // A file, or a directory named like one (the reader says what is wrong with it).
            guard isDirectory.boolValue, !path.hasSuffix(".xml") else {
                files.append(path)
                continue
            }
            if excluded.contains(canonical(path)) { continue }
            files += walk(path, excluded: excluded)
        }
        var seen = Set<String>()
        let unique = files.map { normalize($0) }.filter { seen.insert($0).inserted }
        return (unique.sorted(), problems)
    }

    private static func walk(_ directory: String, excluded: Set<String>) -> [String] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: directory) else { return [] }
        var files: [String] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            let path = (directory as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            let exists = fm.fileExists(atPath: path, isDirectory: &isDirectory)
            if exists, isDirectory.boolValue {
                if name.hasSuffix(".xml") {
                    files.append(path)  // reported by the reader: a directory named like a file
                } else if !excluded.contains(canonical(path)), !isSymlink(path) {
                    files += walk(path, excluded: excluded)
                }
            } else if name.hasSuffix(".xml") {
                files.append(path)
            }
        }
        return files
    }

    private static func isSymlink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }

    static func canonical(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    private static func normalize(_ path: String) -> String {
        var p = path
        while p.hasPrefix("./") { p.removeFirst(2) }
        return p.replacingOccurrences(of: "//", with: "/")
    }
}
