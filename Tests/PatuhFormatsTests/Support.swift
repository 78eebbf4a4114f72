import Foundation
import PatuhCore
import PatuhFormats
import PatuhTestSupport
import Testing

/// The repository's root, found from this file.
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let rubricsDirectory = repositoryRoot.appendingPathComponent("Rubrics").path

func makeLoader() throws -> InputLoader {
    InputLoader(schemas: try SchemaSet(directory: rubricsDirectory + "/schema"), rubricsDirectory: rubricsDirectory)
}

/// A fresh directory for one test's files.
func scratchDirectory() throws -> URL { try Scratch.directory("formats") }

/// Writes `files` (name → text) into a scratch directory and loads them as `patuh validate` does.
func load(_ files: [String: String]) throws -> (inputs: Inputs, dir: URL) {
    let dir = try scratchDirectory()
    for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
    return (try makeLoader().load([dir.path]), dir)
}

/// The fixture folder of this target.
let fixtures = repositoryRoot.appendingPathComponent("Tests/PatuhFormatsTests/Fixtures")

/// The registry every reference test resolves against.
let registryXML = """
    <registry xmlns="urn:patuh:1">
      <region code="14" level="provinsi" name="Provinsi Riau">
        <unit id="14-dpmptsp" type="opd" name="DPMPTSP Provinsi Riau"/>
        <region code="14.71" level="kota" name="Kota Pekanbaru">
          <unit id="1471-disdukcapil" type="opd" name="Disdukcapil" population="52000"/>
        </region>
      </region>
    </registry>
    """

/// A minimal rubric; `body` replaces its dimensions and bands.
func rubricXML(id: String = "uji", _ body: String) -> String {
    """
    <rubric xmlns="urn:patuh:1" id="\(id)">
      <title lang="id">Uji</title>
    \(body)
    </rubric>
    """
}

let goodBands = """
      <bands>
        <band id="baik" min="80"><label lang="id">Baik</label><label lang="en">Good</label></band>
        <band id="kurang" min="0"><label lang="id">Kurang</label><label lang="en">Poor</label></band>
      </bands>
    """
