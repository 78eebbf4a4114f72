import PatuhCore

/// The packed form of an assessment's notes and evidence: for each answer that has any, its
/// index, its notes and its evidence (href and optional caption), in `PackedBytes`.
enum RemarkBytes {
    private static let noCaption = UInt32.max

    static func append(answer: Int, notes: [String], evidence: [Evidence], to bytes: inout [UInt8]) {
        PackedBytes.put(UInt32(truncatingIfNeeded: answer), into: &bytes)
        PackedBytes.put(UInt32(truncatingIfNeeded: notes.count), into: &bytes)
        for note in notes { PackedBytes.put(note, into: &bytes) }
        PackedBytes.put(UInt32(truncatingIfNeeded: evidence.count), into: &bytes)
        for e in evidence {
            PackedBytes.put(e.href, into: &bytes)
            if let caption = e.caption {
                PackedBytes.put(caption, into: &bytes)
            } else {
                PackedBytes.put(noCaption, into: &bytes)
            }
        }
    }

    /// The bytes `append` writes for an answer with these notes and evidence (0 for none).
    static func size(notes: [String], evidence: [Evidence]) -> Int {
        guard !notes.isEmpty || !evidence.isEmpty else { return 0 }
        return 12 + notes.reduce(0) { $0 + 4 + $1.utf8.count }
            + evidence.reduce(0) { $0 + 8 + $1.href.utf8.count + ($1.caption?.utf8.count ?? 0) }
    }

    /// Calls `body` with each answer's index, notes and evidence, in the order appended.
    static func forEach(in bytes: [UInt8], _ body: (Int, [String], [Evidence]) -> Void) {
        var reader = PackedBytes.Reader(bytes)
        while let answer = reader.number(), let noteCount = reader.number() {
            var notes: [String] = []
            for _ in 0..<noteCount {
                guard let note = reader.string() else { return }
                notes.append(note)
            }
            guard let evidenceCount = reader.number() else { return }
            var evidence: [Evidence] = []
            for _ in 0..<evidenceCount {
                guard let href = reader.string(), let c = reader.number() else { return }
                if c == noCaption {
                    evidence.append(Evidence(href: href))
                } else {
                    guard let caption = reader.string(length: c) else { return }
                    evidence.append(Evidence(href: href, caption: caption))
                }
            }
            body(Int(answer), notes, evidence)
        }
    }
}
