import Foundation

/// One kabupaten/kota outline from `Map/Data/kabkota.txt` (derived from kabkota.geojson by
/// `scripts/derive-wilayah.py`): integer units of 0.01°, x east, y south.
struct BoundaryShape: Sendable, Hashable {
    /// Where a label goes (the source's centroid).
    var labelX: Int
    var labelY: Int
    /// Bounding box.
    var minX: Int, minY: Int, maxX: Int, maxY: Int
    /// SVG path data, written as is.
    var path: String
}

/// The kabupaten/kota boundaries shipped with Patuh, by Kemendagri code.
enum Boundaries {
    /// Read once from the resource; empty when it is missing (every region is then listed
    /// under its map as having no boundary).
    static let kabkota: [String: BoundaryShape] = {
        guard let url = Bundle.module.url(forResource: "Data/kabkota", withExtension: "txt"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return [:] }
        return parse(text)
    }()

    /// Lines of `code<TAB>x y<TAB>minX minY maxX maxY<TAB>path`; `#` lines are comments.
    static func parse(_ text: String) -> [String: BoundaryShape] {
        var shapes: [String: BoundaryShape] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", maxSplits: 3)
            guard fields.count == 4 else { continue }
            let label = fields[1].split(separator: " ").compactMap { Int($0) }
            let box = fields[2].split(separator: " ").compactMap { Int($0) }
            guard label.count == 2, box.count == 4 else { continue }
            shapes[String(fields[0])] = BoundaryShape(
                labelX: label[0], labelY: label[1], minX: box[0], minY: box[1],
                maxX: box[2], maxY: box[3], path: String(fields[3]))
        }
        return shapes
    }
}
