import PatuhCore

/// What reading an assessment or survey file gave, as a record of the read cache and back.
/// Notes, evidence and comments set aside in a `CommentStore` are read back into the record,
/// and set aside again in the new run's store when the record is used.
enum FileRecords {
    static func write(_ file: AssessmentFile, store: CommentStore?) -> [UInt8] {
        var w = RecordWriter()
        let packed = file.assessments
        w.int(packed.forms.count)
        for ids in packed.forms {
            w.int(ids.count)
            for id in ids { w.string(id) }
        }
        w.int(packed.values.count)
        for v in packed.values { w.double(v) }
        w.int(packed.positions.count)
        for p in packed.positions { w.int(Int(bitPattern: UInt(p))) }
        w.int(packed.entries.count)
        for e in packed.entries {
            let a = e.head
            w.string(a.id)
            w.string(a.rubricID)
            w.string(a.unitID)
            w.string(a.period)
            w.string(a.assessor)
            w.string(a.date)
            w.string(a.service)
            w.location(a.location)
            w.int(e.form)
            w.int(e.firstValue)
            w.int(e.firstPosition)
            let remarks = packed.remarkBytes(of: e)
            w.int(remarks.count)
            w.bytes += remarks
        }
        w.int(file.rejected)
        w.diagnostics(file.diagnostics)
        w.bool(file.complete)
        w.int(file.skipped)
        w.held(file.skippedHeld)
        w.bool(file.checked)
        return w.bytes
    }

    static func assessmentFile(path: String, from bytes: [UInt8], store: CommentStore?) -> AssessmentFile? {
        var r = RecordReader(bytes)
        do throws(RecordReader.Unreadable) {
            var forms: [[String]] = []
            for _ in 0..<(try r.count()) {
                var ids: [String] = []
                for _ in 0..<(try r.count()) { ids.append(try r.string()) }
                forms.append(ids)
            }
            var values: [Double] = []
            let valueCount = try r.count()
            values.reserveCapacity(valueCount)
            for _ in 0..<valueCount { values.append(try r.double()) }
            var positions: [UInt64] = []
            let positionCount = try r.count()
            positions.reserveCapacity(positionCount)
            for _ in 0..<positionCount { positions.append(UInt64(UInt(bitPattern: try r.int()))) }
            var entries: [PackedAssessments.Entry] = []
            for _ in 0..<(try r.count()) {
                var head = Assessment(
                    id: try r.string(), rubricID: try r.shared(), unitID: try r.string(), period: try r.shared(),
                    assessor: try r.optionalShared(), date: try r.optionalShared())
                head.service = try r.optionalShared()
                head.location = try r.location()
                let (form, firstValue, firstPosition) = (try r.int(), try r.int(), try r.int())
                let remarks = try r.bytes(try r.count())
                entries.append(
                    PackedAssessments.Entry(
                        head: head, form: form, firstValue: firstValue, firstPosition: firstPosition,
                        remarks: remarksKept(remarks, store: store)))
            }
            guard
                let assessments = PackedAssessments(
                    entries: entries, forms: forms, values: values, positions: positions)
            else { return nil }
            var file = AssessmentFile(
                path: path, assessments: assessments, rejected: try r.int(), diagnostics: try r.diagnostics(),
                complete: try r.bool(), skipped: try r.int(), skippedHeld: try r.held())
            file.checked = try r.bool()
            return r.isAtEnd ? file : nil
        } catch {
            return nil
        }
    }

    private static func remarksKept(_ bytes: [UInt8], store: CommentStore?) -> PackedAssessments.Remarks {
        guard !bytes.isEmpty else { return .none }
        if let store, let block = store.store(bytes) { return .aside(store, block) }
        return .inMemory(bytes)
    }

    static func write(_ file: SurveyFile) -> [UInt8] {
        var w = RecordWriter()
        w.string(file.id)
        w.string(file.rubricID)
        w.string(file.unitID)
        w.string(file.period)
        w.location(file.location)
        tally(file.summary.tally, into: &w)
        w.int(file.summary.breakdown.count)
        for (key, t) in file.summary.breakdown {
            w.string(key.dimension.rawValue)
            w.string(key.value)
            tally(t, into: &w)
        }
        let comments = file.summary.allComments()
        w.int(comments.count)
        for c in comments {
            w.string(c.responseID)
            w.string(c.service)
            w.string(c.text)
            w.location(c.location)
        }
        w.int(file.accepted)
        w.int(file.excluded)
        w.diagnostics(file.diagnostics)
        w.bool(file.complete)
        w.bool(file.skipped)
        w.int(Int(bitPattern: UInt(file.responseDigest)))
        return w.bytes
    }

    static func surveyFile(path: String, from bytes: [UInt8], store: CommentStore?) -> SurveyFile? {
        var r = RecordReader(bytes)
        do throws(RecordReader.Unreadable) {
            let (id, rubricID, unitID, period) = (
                try r.optionalString(), try r.shared(), try r.string(), try r.shared()
            )
            var location = try r.location()
            if location.file == path { location.file = path }  // one copy of the path, as reading shares it
            var summary = SurveySummary(indicatorCount: 0)
            summary.tally = try tally(from: &r)
            for _ in 0..<(try r.count()) {
                guard let dimension = BreakdownDimension(rawValue: try r.string()) else { return nil }
                let key = BreakdownKey(dimension, try r.string())
                summary.breakdown[key] = try tally(from: &r)
            }
            var comments: [SurveyComment] = []
            for _ in 0..<(try r.count()) {
                comments.append(
                    SurveyComment(
                        responseID: try r.string(), service: try r.optionalShared(), text: try r.string(),
                        location: try r.location()))
            }
            if let store, let block = store.append(comments) {
                summary.commentBlocks = [block]
            } else {
                summary.comments = comments
            }
            var file = SurveyFile(
                path: path, id: id, rubricID: rubricID, unitID: unitID, period: period, location: location,
                summary: summary, accepted: try r.int(), excluded: try r.int(), diagnostics: try r.diagnostics(),
                complete: try r.bool(), skipped: try r.bool())
            file.responseDigest = UInt64(UInt(bitPattern: try r.int()))
            return r.isAtEnd ? file : nil
        } catch {
            return nil
        }
    }

    private static func tally(_ t: SurveyTally, into w: inout RecordWriter) {
        let columns = t.columns
        w.int(t.indicatorCount)
        w.int(t.window.lowerBound)
        w.int(t.window.upperBound)
        w.int(t.respondents)
        for s in columns.sums { w.double(s) }
        for c in columns.counts { w.int(c) }
    }

    private static func tally(from r: inout RecordReader) throws(RecordReader.Unreadable) -> SurveyTally {
        let (indicatorCount, lower, upper, respondents) = (try r.count(), try r.count(), try r.count(), try r.count())
        guard lower <= upper, upper <= indicatorCount else { throw RecordReader.Unreadable() }
        // Exactly as long as reading the file makes them: appended one by one, they would keep
        // room to grow, in every one of a national round's tallies.
        var sums: [Double] = []
        var counts: [Int] = []
        sums.reserveCapacity(upper - lower)
        counts.reserveCapacity(upper - lower)
        for _ in lower..<upper { sums.append(try r.double()) }
        for _ in lower..<upper { counts.append(try r.int()) }
        guard
            let t = SurveyTally(
                indicatorCount: indicatorCount, window: lower..<upper, respondents: respondents, sums: sums,
                counts: counts)
        else { throw RecordReader.Unreadable() }
        return t
    }
}
