import PatuhCore

extension OutputDirectory {
    /// Writes each table to its file, atomically, using every core.
    ///
    /// A table of one part is written whole by one worker, streaming. A table in parts
    /// (indicators.csv of a national round: 1.6 million rows, 72 MB) has its parts encoded by
    /// the workers, `partsInFlight` at a time, each into its own buffer, and the buffers are
    /// written in order by this thread: the file is the bytes `CSVTable.write` sends, and no
    /// more than those parts' bytes (a few MB) are held at once. The first failure, in the
    /// order of the files, is thrown.
    public func write(
        tables files: [(name: String, table: CSVTable)], dialect: CSVDialect, partsInFlight: Int = 4
    ) throws {
        let tables = files.map(\.table)
        let names = files.map(\.name)
        // Whole files first, so that they spread over the cores while the parts start.
        var jobs = tables.indices.filter { tables[$0].parts == 1 }.map { CSVJob.whole($0) }
        var handleOf = [Int?](repeating: nil, count: tables.count)
        var split: [String] = []
        for f in tables.indices where tables[f].parts > 1 {
            handleOf[f] = split.count
            split.append(names[f])
            jobs += (0..<tables[f].parts).map { CSVJob.part($0, of: f) }
        }
        try withFiles(split[...], opened: []) { handles in
            for start in stride(from: 0, to: jobs.count, by: Swift.max(1, partsInFlight)) {
                let window = Array(jobs[start..<Swift.min(jobs.count, start + Swift.max(1, partsInFlight))])
                let outcomes = window.parallelMap { job -> Result<[UInt8], any Error> in
                    switch job {
                    case .whole(let f):
                        return Result {
                            try self.write(names[f]) { file in
                                try tables[f].write(dialect, bytes: { try file.write(bytes: $0) })
                            }
                            return []
                        }
                    case .part(let p, let f): return .success(tables[f].encoded(part: p, dialect))
                    }
                }
                for (job, outcome) in zip(window, outcomes) {
                    let bytes = try outcome.get()
                    guard case .part(_, let f) = job, let h = handleOf[f] else { continue }
                    try bytes.withUnsafeBytes { try handles[h].write(bytes: $0) }
                }
            }
        }
    }

    /// Opens `names` (each written atomically, as `write(_:streaming:)` does) and hands them
    /// to `body` all at once, in order.
    private func withFiles(
        _ names: ArraySlice<String>, opened: [OutputFile], _ body: ([OutputFile]) throws -> Void
    ) throws {
        guard let name = names.first else { return try body(opened) }
        try write(name) { file in try withFiles(names.dropFirst(), opened: opened + [file], body) }
    }
}

/// One piece of work of `OutputDirectory.write(tables:dialect:)`: a whole file, or one
/// part of a table (indices into its list).
private enum CSVJob: Sendable {
    case whole(Int)
    case part(Int, of: Int)
}
