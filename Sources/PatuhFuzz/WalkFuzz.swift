import Foundation
import PatuhCore
import PatuhFormats

/// The input read as a little program that builds a folder tree (folders, files named like
/// inputs in any case, hidden names, names that are not UTF-8, FIFOs, links to folders of
/// the tree, links back up), then searched the way every command searches its inputs. The
/// search must end, never take a FIFO, never enter a linked folder, and account for every
/// plain `*.xml` file it can reach: taken, or named as skipped.
enum WalkFuzz {
    static func run(_ data: Data, root: String) {
        try? FileManager.default.removeItem(atPath: root)
        guard mkdir(root, 0o755) == 0 else { return }
        defer { try? FileManager.default.removeItem(atPath: root) }
        var folders = [root]
        var current = root
        var made: [String] = []  // regular *.xml files, by path
        var bytes = data.prefix(256).makeIterator()
        while let op = bytes.next() {
            var name: [UInt8] = []
            let length = Int(bytes.next() ?? 1) % 6 + 1
            for _ in 0..<length {
                guard let b = bytes.next() else { break }
                if b != 0 && b != 0x2F { name.append(b) }
            }
            if name.isEmpty || name == [0x2E] || name == [0x2E, 0x2E] { name = [0x61] }
            let suffix: [UInt8] = op & 0x10 == 0 ? Array(".xml".utf8) : Array(".XmL".utf8)
            func path(_ n: [UInt8]) -> [CChar] {
                (Array(current.utf8) + [0x2F] + n + [0]).map { CChar(bitPattern: $0) }
            }
            switch op % 6 {
            case 0:
                if mkdir(path(name), 0o755) == 0 {
                    current = String(decoding: Array(current.utf8) + [0x2F] + name, as: UTF8.self)
                    if String(validating: name, as: UTF8.self) != nil {
                        folders.append(current)
                    } else {
                        current = root
                    }
                }
            case 1:
                let full = path(name + suffix)
                let fd = open(full, O_WRONLY | O_CREAT | O_EXCL, 0o644)
                if fd >= 0 {
                    close(fd)
                    if let text = String(validating: name + suffix, as: UTF8.self), !text.hasPrefix(".") {
                        made.append(current + "/" + text)
                    }
                }
            case 2: _ = mkfifo(path(name + suffix), 0o644)
            case 3:
                let target = folders[Int(op >> 3) % folders.count]
                _ = symlink(target, path(name))
            case 4: current = folders[Int(op >> 3) % folders.count]
            default: current = root
            }
        }
        let found = InputFiles.collect([root])
        let taken = Set(found.files)
        let named = Set(found.problems.map(\.location.file))
        for file in found.files {
            var info = stat()
            if stat(file, &info) == 0, info.st_mode & S_IFMT == S_IFIFO { fatalError("the walk took a FIFO: \(file)") }
            // A folder named like an input (a link to one included) is handed to the reader,
            // which names it ("is a directory"); any other path must be a file made here.
            if info.st_mode & S_IFMT != S_IFDIR, !made.contains(file) {
                fatalError("the walk took a file through a linked folder: \(file)")
            }
        }
        // Files made directly (not through a link) in folders reached without a hidden name.
        for file in made where !file.dropFirst(root.count).contains("/.") {
            if !taken.contains(file) && !named.contains(file) && !named.contains(where: { file.hasPrefix($0 + "/") }) {
                fatalError("the walk neither took nor named \(file)")
            }
        }
    }
}
