import Foundation
import PatuhCore
import PatuhFormats
import PatuhTestSupport
import PatuhXML
import Testing

#if canImport(Glibc)
    import Glibc
#endif

// Hostile and broken input, file by file (issue 7): each case is read every way Patuh reads
// a file (the root sniff, the whole-document parse of rubrics and registries, the streamed
// assessment and survey readers, and the loader that `patuh` itself uses) and must be
// refused with a message naming the file and line, without reading anything it should not.
//
// Timing: the project's tests do not time things, so "quickly" is proved by the work done,
// not by a clock: the parse stops at the DOCTYPE, before any entity is declared, so nothing
// is expanded (the handler sees no text and no element).
//
// Memory: measured in a child process of its own (patuhTests/MemoryBoundTests, through
// PatuhProbe), never in this process, where other suites run at the same time.

/// The first line of the file the external entities point at.
private let passwdLine: String = {
    let text = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8)) ?? ""
    return String(text.split(separator: "\n").first ?? "")
}()

/// Writes bytes to `name` in a fresh scratch directory; returns the path.
private func write(_ bytes: [UInt8], _ name: String = "hostile.xml", in dir: URL? = nil) throws -> String {
    let dir = try dir ?? scratchDirectory()
    let url = dir.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
}

private func write(_ text: String, _ name: String = "hostile.xml", in dir: URL? = nil) throws -> String {
    try write(Array(text.utf8), name, in: dir)
}

/// Streams a big file made of `head`, `count` copies of `unit`, and `tail`, without holding it.
private func writeBig(head: String, unit: [UInt8], count: Int, tail: String, in dir: URL) throws -> String {
    let path = dir.appendingPathComponent("big.xml").path
    FileManager.default.createFile(atPath: path, contents: nil)
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    defer { try? handle.close() }
    try handle.write(contentsOf: Data(head.utf8))
    let block = Data((0..<(1 << 20) / unit.count).flatMap { _ in unit })
    var written = 0
    while written + block.count <= count * unit.count {
        try handle.write(contentsOf: block)
        written += block.count
    }
    if written < count * unit.count { try handle.write(contentsOf: block.prefix(count * unit.count - written)) }
    try handle.write(contentsOf: Data(tail.utf8))
    return path
}

/// Everything each way of reading a file said and read.
private struct Reading {
    var diagnostics: [Diagnostic] = []
    /// Anything a reader accepted: registries, rubrics, assessments, survey responses.
    var accepted = 0
    /// Every string the readers kept (names, notes, evidence), to search for leaked bytes.
    var text: [String] = []

    var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    var allText: String { (diagnostics.map(\.description) + text).joined(separator: "\n") }
}

private struct Readers {
    let loader: InputLoader
    let registry: Registry
    let skm: Rubric

    init() throws {
        loader = try makeLoader()
        let (inputs, _) = try load(["r.xml": registryXML])
        registry = try #require(inputs.registry)
        skm = try loader.readRubric(file: rubricsDirectory + "/skm-2017.xml")
    }

    var surveyReader: SurveyReader {
        let skm = self.skm
        return SurveyReader(schema: loader.schemas.schema(for: .survey), registry: registry) {
            $0 == skm.id ? skm : nil
        }
    }

    /// Reads `path` every way Patuh reads a file of `kind` (its root's name): the root
    /// sniff, the whole-document parse, the stream reader of that kind, and the loader.
    func readEveryWay(_ path: String, as kind: String) -> Reading {
        var r = Reading()
        do throws(Rejection) { _ = try DocumentKind.sniff(path) } catch { r.diagnostics += error.diagnostics }
        do throws(Rejection) {
            let doc = try XMLDocument.parse(file: path)
            r.accepted += 1
            r.text.append(doc.root?.text ?? "")
        } catch {
            r.diagnostics += error.diagnostics
        }
        if kind == "assessment" {
            let assessments = AssessmentReader(schema: loader.schemas.schema(for: .assessment)).read(file: path)
            r.diagnostics += assessments.diagnostics
            r.accepted += assessments.assessments.count
            r.text += assessments.assessments.flatMap { a in
                [a.assessor ?? ""] + a.answers.flatMap { $0.notes + $0.evidence.map(\.href) }
            }
        }
        if kind == "survey" {
            let survey = surveyReader.read(file: path)
            r.diagnostics += survey.diagnostics
            r.accepted += survey.accepted
            r.text += survey.summary.comments.map(\.text)
        }
        let inputs = loader.load([path])
        r.diagnostics += inputs.diagnostics
        // Rubrics read from this file: one of Rubrics/ named on its root is looked up
        // whether the file turns out whole or not.
        r.accepted +=
            inputs.registries.count + inputs.rubrics.values.filter { $0.location.file == path }.count
            + inputs.assessmentFiles.reduce(0) { $0 + $1.assessments.count }
            + inputs.surveyFiles.reduce(0) { $0 + $1.accepted }
        r.text += inputs.registries.flatMap { $0.registry.units.map(\.name) + $0.registry.regions.map(\.name) }
        return r
    }
}

/// A document of each kind with `doctype` before its root and `reference` where text goes.
private func everyKind(doctype: String, reference: String) -> [String: String] {
    let prolog = "<?xml version=\"1.0\"?>\n\(doctype)\n"
    return [
        "registry": prolog + """
            <registry xmlns="urn:patuh:1"><region code="14" level="provinsi" name="R \(reference)"/></registry>
            """,
        "rubric": prolog
            + rubricXML(
                "<indicator id=\"X1\" min=\"0\" max=\"3\"><title lang=\"id\">\(reference)</title></indicator>\n\(goodBands)"
            ),
        "assessment": prolog + """
            <assessment xmlns="urn:patuh:1" id="a1" rubric="skm-2017" unit="1471-disdukcapil" period="2023">
              <answer indicator="U1" value="3"><note>\(reference)</note></answer>
            </assessment>
            """,
        "survey": prolog + """
            <survey xmlns="urn:patuh:1" rubric="skm-2017" unit="1471-disdukcapil" period="2023">
              <response id="r1"><answer indicator="U1" value="3"/><comment>\(reference)</comment></response>
            </survey>
            """
    ]
}

@Suite(.serialized) struct HostileInputTests {
    private let readers: Readers

    init() throws { readers = try Readers() }

    /// Expects every reading of `path` refused at the DOCTYPE on `line`, with nothing read.
    private func expectRefusedAtDoctype(
        _ path: String, kind: String, line: Int, _ what: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> Reading {
        let r = readers.readEveryWay(path, as: kind)
        #expect(r.accepted == 0, "\(what): something was read", sourceLocation: sourceLocation)
        #expect(
            !r.errors.isEmpty && r.errors.allSatisfy { $0.location.file == path },
            "\(what): \(r.errors)", sourceLocation: sourceLocation)
        #expect(
            r.errors.contains { $0.location.line == line && $0.message == XMLLimits.doctypeMessage },
            "\(what): \(r.errors)", sourceLocation: sourceLocation)
        return r
    }

    // MARK: External entities

    @Test func externalEntityReadingALocalFileIsRefusedUnread() throws {
        #expect(passwdLine.contains(":"), "this machine has an /etc/passwd to protect")
        let target = "file:///etc/passwd"
        let variants: [(name: String, doctype: String, reference: String)] = [
            ("general entity", "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"\(target)\">]>", "&xxe;"),
            ("parameter entity", "<!DOCTYPE x [<!ENTITY % p SYSTEM \"\(target)\"> %p;]>", "x"),
            ("external subset", "<!DOCTYPE x SYSTEM \"\(target)\">", "x"),
            ("public id", "<!DOCTYPE x PUBLIC \"-//P//X\" \"\(target)\">", "x")
        ]
        for variant in variants {
            for (kind, xml) in everyKind(doctype: variant.doctype, reference: variant.reference) {
                let path = try write(xml, "\(kind).xml")
                let r = expectRefusedAtDoctype(path, kind: kind, line: 2, "\(variant.name) in a \(kind)")
                #expect(!r.allText.contains(passwdLine), "\(variant.name) in a \(kind) leaked /etc/passwd")
                #expect(!r.allText.contains("root:x:"), "\(variant.name) in a \(kind) leaked /etc/passwd")
            }
        }
    }

    @Test func aDoctypeBehindALongCommentOrAByteOrderMarkIsRefusedToo() throws {
        // The root sniffer looks at the first 2 KB only: what hides past them, or behind a
        // BOM, must meet the same refusal in the readers.
        let comment = "<!--" + String(repeating: "x", count: 4096) + "-->\n"
        let doctype = "<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
        for (kind, xml) in everyKind(doctype: comment + doctype, reference: "&xxe;") {
            let r = expectRefusedAtDoctype(
                try write(xml, "\(kind).xml"), kind: kind, line: 3, "after a comment, in a \(kind)")
            #expect(!r.allText.contains(passwdLine))
        }
        for (kind, xml) in everyKind(doctype: doctype, reference: "&xxe;") {
            let path = try write([0xEF, 0xBB, 0xBF] + Array(xml.utf8), "\(kind).xml")
            let r = expectRefusedAtDoctype(path, kind: kind, line: 2, "after a BOM, in a \(kind)")
            #expect(!r.allText.contains(passwdLine))
        }
    }

    @Test func entitiesPointingAtTheNetworkMakeNoConnection() throws {
        let listener = try LocalListener()
        let url = "http://127.0.0.1:\(listener.port)"
        let refused: [(String, String)] = [
            ("general entity", "<!DOCTYPE x [<!ENTITY net SYSTEM \"\(url)/entity\">]>"),
            ("parameter entity", "<!DOCTYPE x [<!ENTITY % net SYSTEM \"\(url)/param\"> %net;]>"),
            ("external subset", "<!DOCTYPE x SYSTEM \"\(url)/dtd\">")
        ]
        for (name, doctype) in refused {
            for (kind, xml) in everyKind(doctype: doctype, reference: name.hasPrefix("general") ? "&net;" : "x") {
                _ = expectRefusedAtDoctype(try write(xml, "\(kind).xml"), kind: kind, line: 2, "\(name) in a \(kind)")
            }
        }
        // Without a DOCTYPE: a schema location hint and an XInclude. Neither is followed;
        // the include is an element the schema does not allow, the hint is ignored.
        let hint = try write(
            """
            <assessment xmlns="urn:patuh:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                xsi:schemaLocation="urn:patuh:1 \(url)/schema.xsd" id="a1" rubric="skm-2017" unit="1471-disdukcapil" period="2023"/>
            """)
        let include = try write(
            """
            <assessment xmlns="urn:patuh:1" xmlns:xi="http://www.w3.org/2001/XInclude" id="a1" rubric="skm-2017" unit="1471-disdukcapil" period="2023">
              <xi:include href="\(url)/include" parse="text"/>
            </assessment>
            """)
        _ = readers.readEveryWay(hint, as: "assessment")
        let r = readers.readEveryWay(include, as: "assessment")
        #expect(r.errors.contains { $0.location.line == 2 && $0.message.contains("include") }, "\(r.errors)")
        #expect(listener.connectionsAttempted == 0, "the parser connected to \(url)")
        // The listener does see a connection when one is made: the count above is not vacuous.
        #expect(listener.connectFromHere())
        #expect(listener.connectionsAttempted == 1)
    }

    // MARK: Entity expansion

    @Test func billionLaughsIsRefusedAtTheDoctypeBeforeAnyExpansion() throws {
        var doctype = "<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n"
        for i in 1...9 {
            doctype +=
                "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i == 1 ? "" : String(i - 1));", count: 10) + "\">\n"
        }
        doctype += "]>"
        try expectBoundedRefusal(doctype: doctype, reference: "&lol9;", "billion laughs")
    }

    @Test func quadraticBlowupIsRefusedAtTheDoctype() throws {
        // One 100 KB entity referenced 10,000 times: 1 GB if expanded, from a 140 KB file.
        let doctype = "<!DOCTYPE q [<!ENTITY a \"" + String(repeating: "a", count: 100_000) + "\">]>"
        try expectBoundedRefusal(
            doctype: doctype, reference: String(repeating: "&a;", count: 10_000), "quadratic blowup")
    }

    func expectBoundedRefusal(
        doctype: String, reference: String, _ what: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        for (kind, xml) in everyKind(doctype: doctype, reference: reference) {
            let path = try write(xml, "\(kind).xml")
            let r = expectRefusedAtDoctype(
                path, kind: kind, line: 2, "\(what) in a \(kind)", sourceLocation: sourceLocation)
            #expect(
                r.text.allSatisfy { !$0.contains("lol") && !$0.contains("aaaa") }, "\(what) expanded",
                sourceLocation: sourceLocation)
        }
    }

    // MARK: Size and depth

    @Test func tenThousandLevelsDeepIsRejectedWithAClearMessage() throws {
        let depth = 10_000
        // Regions nest in a registry (read whole); unknown elements nest in an assessment (streamed).
        let registry =
            "<registry xmlns=\"urn:patuh:1\">\n"
            + String(repeating: "<region code=\"14\" level=\"provinsi\" name=\"R\">", count: depth)
            + String(repeating: "</region>", count: depth) + "\n</registry>\n"
        let assessment =
            "<assessment xmlns=\"urn:patuh:1\" id=\"a1\" rubric=\"skm-2017\" unit=\"1471-disdukcapil\" period=\"2023\">\n"
            + String(repeating: "<x>", count: depth) + String(repeating: "</x>", count: depth) + "\n</assessment>\n"
        for (kind, xml) in [("registry", registry), ("assessment", assessment)] {
            let path = try write(xml, "\(kind).xml")
            let r = readers.readEveryWay(path, as: kind)
            #expect(r.accepted == 0, "\(kind)")
            #expect(
                r.errors.contains {
                    $0.location.file == path && $0.location.line == 2 && $0.message == XMLLimits.depthMessage
                },
                "\(kind): \(r.errors.prefix(4))")
        }
    }

    @Test func aTextNodeOf100MBIsStoppedWithItsLine() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try writeBig(
            head:
                "<assessment xmlns=\"urn:patuh:1\" id=\"a1\" rubric=\"skm-2017\" unit=\"1471-disdukcapil\" period=\"2023\">\n<answer indicator=\"U1\" value=\"3\">\n<note>",
            unit: Array("ABCDEFGHIJKLMNOP".utf8), count: (100 << 20) / 16, tail: "</note></answer></assessment>\n",
            in: dir)
        let assessments = AssessmentReader(schema: readers.loader.schemas.schema(for: .assessment)).read(file: path)
        #expect(assessments.assessments.isEmpty)
        #expect(
            assessments.diagnostics.contains {
                $0.location.file == path && $0.location.line == 3
                    && $0.message == "text longer than 1 MB in one element"
            },
            "\(assessments.diagnostics)")
        // Read whole (rubrics, registries): refused by its size, before a byte is read.
        do {
            _ = try XMLDocument.parse(file: path)
            Issue.record("a 100 MB document was parsed whole")
        } catch {
            #expect(error.diagnostics.first?.message == "file is larger than 64 MB, too large for this kind of file")
            #expect(error.diagnostics.first?.location.file == path)
        }
    }

    @Test func aTextNodeOf20MBInADocumentReadWholeIsRejectedWithItsLine() throws {
        // Under the 64 MB file cap, rubrics and registries are parsed whole; libxml2 builds
        // the 20 MB text node (its 10 MB limit applies only to text it has to join), and the
        // schema, which bounds every text of every format, refuses it with its line.
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try writeBig(
            head: rubricXML("<basis>").replacingOccurrences(of: "\n</rubric>", with: ""),
            unit: Array("ABCDEFGHIJKLMNOP".utf8), count: (20 << 20) / 16, tail: "</basis></rubric>\n", in: dir)
        do {
            _ = try readers.loader.readRubric(file: path)
            Issue.record("a rubric with a 20 MB basis was read")
        } catch {
            #expect(
                error.diagnostics.contains {
                    $0.location.file == path && $0.location.line == 3
                        && $0.message.contains(
                            "Element 'basis': [facet 'maxLength'] The value has a length of '20971520'")
                }, "\(error.diagnostics.map { String($0.description.prefix(300)) })")
        }
    }

    @Test func anAttributeOf50MBIsRejected() throws {
        let dir = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let streamed = try writeBig(
            head:
                "<assessment xmlns=\"urn:patuh:1\" id=\"a1\" rubric=\"skm-2017\" unit=\"1471-disdukcapil\" period=\"2023\"\n assessor=\"",
            unit: Array("ABCDEFGHIJKLMNOP".utf8), count: (50 << 20) / 16, tail: "\"/>\n", in: dir)
        let assessments = AssessmentReader(schema: readers.loader.schemas.schema(for: .assessment)).read(file: streamed)
        #expect(assessments.assessments.isEmpty)
        // Streamed: the parser waits for the end of the start tag (line 1) and gives up at 10 MB.
        #expect(
            assessments.diagnostics.contains {
                $0.location.file == streamed && $0.location.line == 1 && $0.message == XMLLimits.longTagMessage
            },
            "\(assessments.diagnostics)")

        let whole = try writeBig(
            head: "<registry xmlns=\"urn:patuh:1\">\n<region code=\"14\" level=\"provinsi\" name=\"",
            unit: Array("ABCDEFGHIJKLMNOP".utf8), count: (50 << 20) / 16, tail: "\"/>\n</registry>\n", in: dir)
        do {
            _ = try XMLDocument.parse(file: whole)
            Issue.record("a 50 MB attribute was parsed")
        } catch {
            #expect(
                error.diagnostics.contains {
                    $0.location.file == whole && $0.location.line == 2 && $0.message == XMLLimits.longAttributeMessage
                },
                "\(error.diagnostics)")
        }
    }

    // MARK: Broken files

    @Test func truncatedInTheMiddleOfAResponse() throws {
        let whole = """
            <survey xmlns="urn:patuh:1" rubric="skm-2017" unit="1471-disdukcapil" period="2023">
              <response id="r1"><answer indicator="U1" value="3"/></response>
              <response id="r2"><answer indicator="U1" val
            """
        let path = try write(whole, "cut.xml")
        let survey = readers.surveyReader.read(file: path)
        #expect(!survey.complete)
        #expect(survey.accepted == 0, "responses of a truncated file are not counted")
        #expect(
            survey.diagnostics.contains { $0.location.file == path && $0.location.line == 3 }, "\(survey.diagnostics)")
        // Cut between elements: the message says so.
        let between = try write(
            """
            <survey xmlns="urn:patuh:1" rubric="skm-2017" unit="1471-disdukcapil" period="2023">
              <response id="r1"><answer indicator="U1" value="3"/>
            """, "cut2.xml")
        let r = readers.surveyReader.read(file: between)
        #expect(r.accepted == 0)
        #expect(
            r.diagnostics.contains { $0.location.file == between && $0.message.contains("truncated") },
            "\(r.diagnostics)")
        // A registry (read whole) cut short.
        let registry = try write(String(registryXML.prefix(registryXML.count - 40)), "registry.xml")
        let inputs = readers.loader.load([registry])
        #expect(inputs.registries.isEmpty)
        #expect(
            inputs.diagnostics.contains { $0.location.file == registry && $0.severity == .error },
            "\(inputs.diagnostics)")
    }

    @Test func utf16WithBOMAndDeclarationIsAccepted() throws {
        let survey = """
            <?xml version="1.0" encoding="UTF-16"?>
            <survey xmlns="urn:patuh:1" rubric="skm-2017" unit="1471-disdukcapil" period="2023">
              <response id="r1"><answer indicator="U1" value="3"/><comment>Pelayanan ramah, café di ruang tunggu</comment></response>
            </survey>
            """
        let registry = registryXML.replacingOccurrences(
            of: "name=\"Disdukcapil\"", with: "name=\"Disdukcapil — Kantor Café\"")
        func utf16(_ s: String, bigEndian: Bool) -> [UInt8] {
            (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE])
                + s.utf16.flatMap { (u: UInt16) -> [UInt8] in
                    bigEndian ? [UInt8(u >> 8), UInt8(u & 0xFF)] : [UInt8(u & 0xFF), UInt8(u >> 8)]
                }
        }
        for bigEndian in [false, true] {
            let name = bigEndian ? "be" : "le"
            let encode = { (s: String) in utf16(s, bigEndian: bigEndian) }
            let dir = try scratchDirectory()
            let s = try write(encode(survey), "survey-\(name).xml", in: dir)
            let g = try write(
                encode("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + registry), "registry-\(name).xml", in: dir)
            let inputs = readers.loader.load([dir.path])
            #expect(inputs.diagnostics.filter { $0.severity == .error }.isEmpty, "\(name): \(inputs.diagnostics)")
            #expect(inputs.registry?.unit("1471-disdukcapil")?.name == "Disdukcapil — Kantor Café", "\(name)")
            #expect(inputs.surveyFiles.first?.accepted == 1, "\(name)")
            let read = readers.surveyReader.read(file: s)
            #expect(read.summary.comments.first?.text == "Pelayanan ramah, café di ruang tunggu", "\(name)")
            #expect(read.location.line == 2, "\(name): lines count in characters, not bytes")
            _ = g
        }
    }

    @Test func latin1WithItsDeclarationIsAccepted() throws {
        // ISO-8859-1: "é" is the single byte 0xE9.
        func latin1(_ s: String) -> [UInt8] { s.unicodeScalars.map { UInt8($0.value) } }
        let dir = try scratchDirectory()
        let registry = registryXML.replacingOccurrences(of: "name=\"Disdukcapil\"", with: "name=\"Kantor Café\"")
        _ = try write(latin1("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + registry), "registry.xml", in: dir)
        let a = try write(
            latin1(
                """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <assessment xmlns="urn:patuh:1" id="a1" rubric="skm-2017" unit="1471-disdukcapil" period="2023" assessor="Tim Penilai Café">
                  <answer indicator="U1" value="3"><note>Antrean di café</note></answer>
                </assessment>
                """), "assessment.xml", in: dir)
        let inputs = readers.loader.load([dir.path])
        #expect(inputs.registry?.unit("1471-disdukcapil")?.name == "Kantor Café")
        let assessment = try #require(inputs.assessmentFiles.first { $0.path == a }?.assessments.first)
        #expect(assessment.assessor == "Tim Penilai Café")
        #expect(assessment.answers.first?.notes == ["Antrean di café"])
        #expect(assessment.location.line == 2)  // checked answers point at their assessment
    }

    @Test func invalidUTF8IsRejectedWithItsLine() throws {
        let bad: [UInt8] = [0xC3, 0x28]  // a lead byte followed by no continuation byte
        let assessment =
            Array(
                "<assessment xmlns=\"urn:patuh:1\" id=\"a1\" rubric=\"skm-2017\" unit=\"1471-disdukcapil\" period=\"2023\">\n<answer indicator=\"U1\" value=\"3\">\n<note>"
                    .utf8)
            + bad + Array("</note></answer>\n</assessment>\n".utf8)
        let registry =
            Array(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<registry xmlns=\"urn:patuh:1\">\n<region code=\"14\" level=\"provinsi\"\n name=\"R"
                    .utf8)
            + bad + Array("\"/>\n</registry>\n".utf8)
        for (kind, bytes, line) in [("assessment", assessment, 3), ("registry", registry, 4)] {
            let path = try write(bytes, "\(kind).xml")
            let r = readers.readEveryWay(path, as: kind)
            #expect(r.accepted == 0, "\(kind)")
            #expect(
                r.errors.contains {
                    $0.location.file == path && $0.location.line == line && $0.message.contains("UTF-8")
                },
                "\(kind): \(r.errors)")
        }
    }

    @Test func filesThatCannotBeReadAreEachNamed() throws {
        let dir = try scratchDirectory()
        _ = try write(registryXML, "registry.xml", in: dir)
        let empty = try write("", "empty.xml", in: dir)
        let directory = dir.appendingPathComponent("x.xml")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let loop = dir.appendingPathComponent("loop.xml").path
        let loop2 = dir.appendingPathComponent("loop2.xml").path
        #expect(symlink(loop2, loop) == 0 && symlink(loop, loop2) == 0)
        let unreadable = try write(registryXML.replacingOccurrences(of: "14", with: "15"), "unreadable.xml", in: dir)
        #expect(chmod(unreadable, 0) == 0)

        let inputs = readers.loader.load([dir.path])
        func error(_ path: String) -> String? {
            inputs.diagnostics.first { $0.severity == .error && $0.location.file == path }?.message
        }
        #expect(error(empty) == "file is empty")
        #expect(error(directory.path) == "is a directory, not an XML file")
        #expect(error(loop)?.contains("symbolic links") == true, "\(String(describing: error(loop)))")
        #expect(error(loop2)?.contains("symbolic links") == true, "\(String(describing: error(loop2)))")
        // The good registry is still read.
        #expect(inputs.registries.contains { $0.path.hasSuffix("/registry.xml") })
        if geteuid() == 0 {
            // As root, mode 000 does not stop reading (root bypasses file permissions): the file
            // is read like any other, which is what the system allows. The refusal itself is
            // tested as an unprivileged user in HostileBatchTests.unreadableFileIsNamed.
            #expect(error(unreadable) == nil)
            #expect(inputs.registries.count == 2)
        } else {
            #expect(error(unreadable) == "cannot open the file for reading: permission denied")
            #expect(inputs.registries.count == 1)
        }
    }

    @Test func answersOutsideAResponseAreRefusedWithoutHarm() throws {
        // Found by fuzzing: an answer before the first response once indexed an empty array.
        let survey = try write(
            """
            <survey xmlns="urn:patuh:1" rubric="skm-2017" unit="1471-disdukcapil" period="2023">
              <answer indicator="U1" value="4"/>
              <response id="r1"><answer indicator="U1" value="2"/></response>
              <answer indicator="U1" value="4"/>
            </survey>
            """, "stray.xml")
        let read = readers.surveyReader.read(file: survey)
        #expect(
            read.diagnostics.contains {
                $0.location.line == 2 && $0.message.contains("Element 'answer': This element is not expected")
            },
            "\(read.diagnostics)")
        #expect(read.diagnostics.contains { $0.location.line == 4 }, "\(read.diagnostics)")
        // The response itself is sound and counts; the stray answers change nothing.
        #expect(read.accepted == 1)
        #expect(read.summary.tally.means[0] == 2)
    }

    // MARK: Duplicates

    @Test func theSameAssessmentTwiceCountsOnceWithAWarning() throws {
        let rubric = rubricXML(
            "<indicator id=\"X1\" min=\"0\" max=\"3\"><title lang=\"id\">X1</title></indicator>\n\(goodBands)")
        let a = """
            <assessment xmlns="urn:patuh:1" id="a-1" rubric="uji" unit="1471-disdukcapil" period="2023" assessor="Tim 1">
              <answer indicator="X1" value="3"/>
            </assessment>
            """
        let (inputs, dir) = try load(["r.xml": registryXML, "u.xml": rubric, "a.xml": a, "b.xml": a])
        let round = RoundAssembly(
            inputs: inputs, rubric: try #require(inputs.rubrics["uji"]), registry: try #require(inputs.registry))
        #expect(round.assessments.count == 1)
        #expect(round.assessments.first?.location.file == dir.appendingPathComponent("a.xml").path)
        let warning = try #require(round.diagnostics.first)
        #expect(warning.severity == .warning)
        #expect(warning.location.file == dir.appendingPathComponent("b.xml").path)
        #expect(
            warning.message
                == "assessment 'a-1' was already read at \(dir.appendingPathComponent("a.xml").path):1:1; counted once")
    }

    @Test func theSameSurveyTwiceCountsOnceWithAWarning() throws {
        let survey = """
            <survey xmlns="urn:patuh:1" id="skm-1471-2023" rubric="skm-2017" unit="1471-disdukcapil" period="2023">
              <response id="r1"><answer indicator="U1" value="4"/></response>
              <response id="r2"><answer indicator="U1" value="2"/></response>
            </survey>
            """
        let (inputs, dir) = try load(["r.xml": registryXML, "s1.xml": survey, "s2.xml": survey])
        let round = RoundAssembly(
            inputs: inputs, rubric: try #require(inputs.rubrics["skm-2017"]), registry: try #require(inputs.registry))
        #expect(round.surveys[UnitPeriod(unit: "1471-disdukcapil", period: "2023")]?.tally.respondents == 2)
        #expect(round.diagnostics.map(\.severity) == [.warning])
        #expect(
            round.diagnostics.first?.message
                == "survey 'skm-1471-2023' was already read at \(dir.appendingPathComponent("s1.xml").path):1:1; counted once"
        )
    }

    @Test func twoAssessmentsOfOneUnitAndPeriodByOneAssessorBothCount() throws {
        // Two service products of one unit, assessed by the same team in the same period:
        // different ids, so both count, and the unit scores the mean of their totals.
        let rubric = rubricXML(
            "<indicator id=\"X1\" min=\"0\" max=\"4\"><title lang=\"id\">X1</title></indicator>\n\(goodBands)")
        func a(_ id: String, _ v: Int) -> String {
            """
            <assessment xmlns="urn:patuh:1" id="\(id)" rubric="uji" unit="1471-disdukcapil" period="2023" assessor="Tim 1" date="2023-07-14">
              <answer indicator="X1" value="\(v)"/>
            </assessment>
            """
        }
        let (inputs, _) = try load(["r.xml": registryXML, "u.xml": rubric, "a.xml": a("ktp", 4), "b.xml": a("kk", 2)])
        let uji = try #require(inputs.rubrics["uji"])
        let registry = try #require(inputs.registry)
        let round = RoundAssembly(inputs: inputs, rubric: uji, registry: registry)
        #expect(round.assessments.map(\.id).sorted() == ["kk", "ktp"])
        #expect(round.diagnostics.isEmpty)
        let result = RoundScorer(rubric: uji, registry: registry).score(assessments: round.assessments, surveys: [:])
        let unit = try #require(result.units.first { $0.unit.id == "1471-disdukcapil" })
        #expect(unit.score == 75)  // (100 + 50) / 2
        #expect(unit.assessmentCount == 2)
    }

    // MARK: Number-like values

    /// What each value of an answer (`AnswerValue`: xs:decimal or `na`) becomes. xs:decimal has
    /// no exponent, no NaN, no infinity and no decimal comma; its blanks are collapsed, a sign
    /// and leading zeros are allowed, and `-0` is 0 (stored as +0, so no `-0.00` is ever
    /// printed). libxml2 holds at most 24 digits, so longer numbers are refused rather than rounded.
    static let answerValues: [(text: String, value: Double?)] = [
        ("3", 3), (" 3 ", 3), ("\t3\n", 3), ("+3", 3), ("-0", 0), ("0003", 3), ("3.", 3), (".5", 0.5), ("2.50", 2.5),
        ("3.0.1", nil), ("NaN", nil), ("nan", nil), ("inf", nil), ("INF", nil), ("-INF", nil), ("Infinity", nil),
        ("1e400", nil), ("1e0", nil), ("1E2", nil), ("3,5", nil), ("", nil), (" ", nil), ("+", nil), ("-", nil),
        (".", nil), ("0x3", nil), ("3 3", nil), ("٣", nil), ("１", nil),
        (String(repeating: "0", count: 29) + "3", 3),
        (String(repeating: "9", count: 24), 999_999_999_999_999_999_999_999),
        (String(repeating: "9", count: 25), nil), ("0." + String(repeating: "0", count: 23) + "1", 1e-24),
        ("0." + String(repeating: "0", count: 24) + "1", nil)
    ]

    /// A registry, a rubric with one indicator X1 (0..3), an assessment answering X1 with
    /// `value`, and an SKM survey whose one response answers U1 with it (and `more`), loaded.
    func loadAnswering(_ value: String, more: String = "") throws -> (inputs: Inputs, dir: URL) {
        let rubric = rubricXML(
            "<indicator id=\"X1\" min=\"0\" max=\"3\" na=\"true\"><title lang=\"id\">X1</title></indicator>\n\(goodBands)"
        )
        let a = """
            <assessment xmlns="urn:patuh:1" id="a1" rubric="uji" unit="1471-disdukcapil" period="2023">
              <answer indicator="X1" value="\(value)"/>
            </assessment>
            """
        let survey = """
            <survey xmlns="urn:patuh:1" rubric="skm-2017" unit="1471-disdukcapil" period="2023">
              <response id="r1"><answer indicator="U1" value="\(value)"/>\(more)</response>
            </survey>
            """
        return try load(["r.xml": registryXML, "u.xml": rubric, "a.xml": a, "s.xml": survey])
    }

    @Test(arguments: answerValues)
    func numberLikeAnswerValues(_ text: String, _ expected: Double?) throws {
        let (inputs, dir) = try loadAnswering(text)
        let assessment = inputs.assessmentFiles.first?.assessments.first
        let errors = inputs.diagnostics.filter { $0.severity == .error }
        let survey1 = try #require(inputs.surveyFiles.first)
        let s = dir.appendingPathComponent("s.xml").path
        if let expected {
            // Read as a number, then checked against the indicator's range like any other
            // (an assessment with a value out of range may be dropped as soon as it is read).
            if (0...3).contains(expected) {
                let value = try #require(assessment?.answers.first?.value)
                #expect(value == .number(expected), "'\(text)'")
                if case .number(let v) = value { #expect(v.sign == .plus, "'\(text)' kept a negative zero") }
            }
            let outOfRange = { (file: String) in
                errors.contains { $0.location.file == file && $0.message.contains("is outside its range") }
            }
            #expect(
                outOfRange(dir.appendingPathComponent("a.xml").path) == !(0...3).contains(expected),
                "'\(text)': \(errors)")
            #expect(outOfRange(s) == !(1...4).contains(expected), "'\(text)': \(errors)")
            #expect(survey1.accepted == ((1...4).contains(expected) ? 1 : 0), "'\(text)'")
            #expect(!errors.contains { $0.message.contains("is not a valid value") }, "'\(text)': \(errors)")
        } else {
            #expect(
                assessment == nil, "'\(text)' was accepted as \(String(describing: assessment?.answers.first?.value))")
            #expect(survey1.accepted == 0, "'\(text)'")
            for file in ["a.xml", "s.xml"] {
                let path = dir.appendingPathComponent(file).path
                #expect(
                    errors.contains {
                        $0.location.file == path && $0.location.line == 2 && $0.message.contains("is not a valid value")
                    },
                    "'\(text)' in \(file): \(errors)")
            }
        }
    }

    /// `na` is an xs:token, whose blanks (space, tab, line feed, carriage return) collapse:
    /// with any of them around it, it is still "not applicable", never a dropped answer.
    @Test(arguments: ["na", " na ", "\tna", "na&#10;", "&#13;na&#9;"])
    func notApplicableWithBlanks(_ text: String) throws {
        func read(_ value: String) throws -> (Inputs, String) {
            let (inputs, dir) = try loadAnswering(value, more: "<answer indicator=\"U2\" value=\"3\"/>")
            return (inputs, dir.path)
        }
        let (inputs, dir) = try read(text)
        #expect(inputs.assessmentFiles.first?.assessments.first?.answers.map(\.value) == [.notApplicable], "'\(text)'")
        // The survey goes the way a plain "na" goes, with the same messages.
        let (plain, plainDir) = try read("na")
        let survey = try #require(inputs.surveyFiles.first)
        let plainSurvey = try #require(plain.surveyFiles.first)
        #expect(survey.accepted == plainSurvey.accepted, "'\(text)'")
        #expect(
            inputs.diagnostics.map { $0.message.replacingOccurrences(of: dir, with: "") }
                == plain.diagnostics.map { $0.message.replacingOccurrences(of: plainDir, with: "") }, "'\(text)'")
    }

    @Test func numberLikeValuesInRubricsAndRegistries() throws {
        // Weights: "-0" is a valid xs:decimal, and a weight of 0 is refused by the rubric checks.
        let zeroWeight = rubricXML(
            "<indicator id=\"X1\" weight=\"-0\" min=\" 0 \" max=\"+3\"><title lang=\"id\">X1</title><level value=\" 3 \" lang=\"id\">Tiga</level></indicator>\n\(goodBands)"
        )
        var (inputs, _) = try load(["u.xml": zeroWeight])
        #expect(inputs.rubrics.isEmpty)
        #expect(
            inputs.diagnostics.contains { $0.message.contains("weights must be positive") }, "\(inputs.diagnostics)")
        // Blanks around numbers are collapsed like the schema does, signs are allowed.
        let spaced = zeroWeight.replacingOccurrences(of: "weight=\"-0\"", with: "weight=\" 2.5 \"")
        (inputs, _) = try load(["u.xml": spaced])
        let x1 = try #require(inputs.rubrics["uji"]?.indicators.first)
        #expect(x1.weight == 2.5 && x1.min == 0 && x1.max == 3)
        #expect(x1.levels.map(\.value) == [3])
        // Exponents and NaN are not decimals.
        for bad in ["1e2", "NaN", "INF"] {
            (inputs, _) = try load([
                "u.xml": zeroWeight.replacingOccurrences(of: "weight=\"-0\"", with: "weight=\"\(bad)\"")
            ])
            #expect(inputs.rubrics.isEmpty, "weight \(bad)")
            #expect(
                inputs.diagnostics.contains {
                    $0.location.line == 3 && $0.message.contains("'\(bad)' is not a valid value")
                }, "weight \(bad)")
        }
        // Population (xs:nonNegativeInteger): " 52000 " is 52000, "-0" is 0, "-1" and "5e4" are refused.
        for (text, expected) in [
            (" 52000 ", Optional(52000)), ("-0", 0), ("+7", 7), ("-1", nil), ("5e4", nil), ("5.0", nil)
        ] {
            (inputs, _) = try load([
                "r.xml": registryXML.replacingOccurrences(of: "population=\"52000\"", with: "population=\"\(text)\"")
            ])
            if let expected {
                #expect(
                    inputs.registry?.unit("1471-disdukcapil")?.population == expected,
                    "population '\(text)': \(inputs.diagnostics)")
            } else {
                #expect(inputs.registries.isEmpty, "population '\(text)'")
                #expect(
                    inputs.diagnostics.contains { $0.location.line == 5 && $0.message.contains("population") },
                    "population '\(text)': \(inputs.diagnostics)")
            }
        }
    }
}
