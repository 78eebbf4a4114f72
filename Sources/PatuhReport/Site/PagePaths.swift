import PatuhCore

/// Where each page of a site lives. The latest period's pages have the plain names
/// (`unit/<id>.html`); an earlier period's live in a folder named after it
/// (`unit/2022/<id>.html`), so that each period's index leads to that period's pages.
struct PagePaths: Sendable {
    let latest: String

    /// A name safe as a file name: the value itself when it is plain (letters, digits, `.`,
    /// `_`, `-`, at most 64, not starting with a dot), else a hash of it.
    static func safe(_ value: String) -> String {
        let plain =
            !value.isEmpty && value.utf8.count <= 64 && value.utf8.first != UInt8(ascii: ".")
            && value.utf8.allSatisfy { b in
                (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122) || b == 46 || b == 95 || b == 45
            }
        return plain ? value : "x" + FNV1a.hex(FNV1a.hash(value))
    }

    private func folder(_ kind: String, _ period: String) -> String {
        period == latest ? kind + "/" : kind + "/" + Self.safe(period) + "/"
    }

    func index(_ period: String) -> String { period == latest ? "index.html" : "index-\(Self.safe(period)).html" }
    func unit(_ id: String, _ period: String) -> String { folder("unit", period) + Self.safe(id) + ".html" }
    func region(_ code: String, _ period: String) -> String { folder("region", period) + Self.safe(code) + ".html" }
    func group(_ key: String, _ period: String) -> String { folder("zone", period) + Self.safe(key) + ".html" }

    /// The way back to the site's root from a page at `path` ("", "../", "../../").
    static func root(of path: String) -> String {
        String(repeating: "../", count: path.utf8.filter { $0 == UInt8(ascii: "/") }.count)
    }
}
