import PatuhCore

/// HTML text helpers: every value from a request, the registry or the database goes through
/// `esc`, so a script typed into a comment is shown as text.
enum HTML {
    /// Text escaped for an element's content or a quoted attribute.
    static func esc(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// A number with two decimals and a decimal comma in Indonesian (87,28), a point in English.
    static func number(_ x: Double, _ lang: String) -> String {
        Rounding.format2(x, decimalSeparator: lang == "en" ? "." : ",")
    }

    /// A whole small page: mobile first, one inline style sheet, no script.
    static func page(title: String, lang: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(lang)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(esc(title))</title>
        <style>\(style)</style>
        </head>
        <body>
        <main>
        \(body)
        </main>
        </body>
        </html>

        """
    }

    static let style = """
        body{font-family:system-ui,sans-serif;margin:0;background:#f6f7f9;color:#111;line-height:1.45}\
        main{max-width:40rem;margin:0 auto;padding:1rem;background:#fff}\
        h1{font-size:1.35rem;margin:.3rem 0}h2{font-size:1.1rem}\
        fieldset{border:1px solid #ccd;border-radius:.4rem;margin:1rem 0;padding:.6rem .8rem}\
        legend{font-weight:600}label{display:block;padding:.35rem 0}\
        input[type=radio]{width:1.2rem;height:1.2rem;vertical-align:middle;margin-right:.5rem}\
        input[type=text],input[type=number],input[type=password],select,textarea{width:100%;box-sizing:border-box;\
        font-size:1rem;padding:.4rem}\
        button{font-size:1.1rem;padding:.7rem 1.4rem;background:#0b5394;color:#fff;border:0;border-radius:.4rem}\
        .note{font-size:.9rem;color:#444;background:#eef3f8;padding:.5rem .7rem;border-radius:.3rem}\
        .error{color:#a00;font-weight:600}.lang{text-align:right}\
        table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:.3rem;text-align:left}\
        td.n,th.n{text-align:right}\
        @media print{main{max-width:none}.noprint{display:none}}
        """
}

/// The two languages of every page: Bahasa Indonesia first, English on a switch.
struct Words {
    let lang: String

    init(_ lang: String?) { self.lang = lang == "en" ? "en" : "id" }

    func callAsFunction(_ id: String, _ en: String) -> String { lang == "en" ? en : id }

    /// `?lang=en` for English links, nothing for Indonesian.
    var query: String { lang == "en" ? "?lang=en" : "" }

    /// The link to the other language of the same address.
    func switchLink(path: String) -> String {
        lang == "en"
            ? "<p class=\"lang noprint\"><a href=\"\(HTML.esc(path))\" hreflang=\"id\">Bahasa Indonesia</a></p>"
            : "<p class=\"lang noprint\"><a href=\"\(HTML.esc(path))?lang=en\" hreflang=\"en\">English</a></p>"
    }
}
