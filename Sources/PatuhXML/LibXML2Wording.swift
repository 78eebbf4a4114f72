import PatuhCore

/// libxml2's messages in Indonesian: libxml2 speaks only English, and most of the people who
/// write Patuh's files by hand read Indonesian. The messages people meet most (the parser's
/// and the schema validator's) are matched by their shape; any other keeps its English.
enum LibXML2Wording {
    /// The Indonesian for `english` (a libxml2 message as `ProblemCollector` tidied it, or one
    /// of Patuh's own words for libxml2's limits), or `nil` when it has none.
    /// An error in libxml2's words (or Patuh's words for its limits): in both languages when
    /// the wording has an Indonesian shape, else in libxml2's English alone, the one place
    /// a diagnostic is made untranslated.
    static func error(_ location: SourceLocation, _ english: String) -> Diagnostic {
        if let indonesian = indonesian(english) { return .error(location, id: indonesian, en: english) }
        return Diagnostic(untranslated: .error, at: location, english)
    }

    static func indonesian(_ english: String) -> String? {
        if let whole = fixed[english] { return whole }
        // "Element 'x', attribute 'y': BODY" and "Element 'x': BODY"
        var prefix = ""
        var body = Substring(english)
        if let m = match(body, "Element '{}', attribute '{}': {}") {
            prefix = "Elemen '\(m[0])', atribut '\(m[1])': "
            body = m[2]
        } else if let m = match(body, "Element '{}': {}") {
            prefix = "Elemen '\(m[0])': "
            body = m[1]
        }
        for (pattern, template) in shapes {
            guard let captures = match(body, pattern) else { continue }
            var text = template
            for (i, capture) in captures.enumerated().reversed() {
                text = text.replacingOccurrences(of: "$\(i + 1)", with: String(capture))
            }
            return prefix + text
        }
        return nil
    }

    /// The parts of `text` that stand where `pattern` has `{}`, or `nil` when it does not
    /// have the pattern's shape. Each `{}` takes the shortest text that lets the next literal
    /// part follow (the last takes the rest), as the messages' own quoting needs.
    static func match(_ text: Substring, _ pattern: String) -> [Substring]? {
        let parts = pattern.components(separatedBy: "{}")
        guard let first = parts.first, text.hasPrefix(first) else { return nil }
        var rest = text.dropFirst(first.count)
        if parts.count == 1 { return rest.isEmpty ? [] : nil }
        var captures: [Substring] = []
        for (k, part) in parts.enumerated().dropFirst() {
            if k == parts.count - 1 {
                guard rest.hasSuffix(part) else { return nil }
                captures.append(rest.dropLast(part.count))
            } else {
                guard !part.isEmpty, let r = rest.range(of: part) else { return nil }
                captures.append(rest[..<r.lowerBound])
                rest = rest[r.upperBound...]
            }
        }
        return captures
    }

    /// Whole messages, word for word.
    private static let fixed: [String: String] = [
        "Start tag expected, '<' not found": "tag awal diharapkan, '<' tidak ditemukan",
        "Extra content at the end of the document": "ada isi tambahan setelah akhir dokumen",
        "Document is empty": "dokumen kosong",
        "attributes construct error": "penulisan atribut salah",
        "AttValue: \" or ' expected": "nilai atribut: \" atau ' diharapkan",
        "EndTag: '</' not found": "tag penutup: '</' tidak ditemukan",
        "Comment not terminated": "komentar tidak ditutup",
        "Document labelled UTF-16 but has UTF-8 content": "dokumen berlabel UTF-16 tetapi isinya UTF-8",
        "Blank needed here": "di sini diperlukan spasi",
        "parsing XML declaration: '?>' expected": "deklarasi XML: '?>' diharapkan",
        "XML declaration allowed only at the start of the document":
            "deklarasi XML hanya boleh di awal dokumen",
        XMLLimits.doctypeMessage:
            "deklarasi DOCTYPE tidak diperbolehkan dalam berkas Patuh (DOCTYPE dapat mendefinisikan entitas yang membaca berkas lokal atau mengembang tanpa batas)",
        XMLLimits.depthMessage: "elemen bersarang lebih dari 256 tingkat; berkas Patuh hanya perlu beberapa tingkat",
        XMLLimits.longTagMessage:
            "sebuah tag, komentar atau deklarasi berlanjut lebih dari 10 MB tanpa berakhir (nilai atribut sepanjang ini?)",
        XMLLimits.longAttributeMessage: "nilai atribut lebih panjang dari 10 MB",
        XMLLimits.longTextMessage: "teks lebih dari 10 MB dalam satu elemen",
        XMLLimits.longNameMessage: "nama elemen atau atribut lebih dari 50.000 karakter"
    ]

    /// Messages by shape: `{}` stands for any text, `$1`, `$2`... for those texts in order.
    private static let shapes: [(String, String)] = [
        (
            "Opening and ending tag mismatch: {} line {} and {}",
            "tag pembuka dan penutup tidak cocok: <$1> (baris $2) ditutup dengan </$3>"
        ),
        (
            "Premature end of data in tag {} line {}",
            "data berakhir sebelum tag <$1> (baris $2) ditutup"
        ),
        (
            "Couldn't find end of Start Tag {} line {}",
            "akhir tag awal <$1> (baris $2) tidak ditemukan"
        ),
        (
            "Attribute {} redefined",
            "atribut $1 ditulis dua kali"
        ),
        (
            "Specification mandates value for attribute {}",
            "atribut $1 harus diberi nilai"
        ),
        (
            "Entity '{}' not defined",
            "entitas '$1' tidak didefinisikan"
        ),
        (
            "Namespace prefix {} on {} is not defined",
            "prefiks namespace $1 pada $2 tidak didefinisikan"
        ),
        (
            "Namespace prefix {} for {} on {} is not defined",
            "prefiks namespace $1 untuk $2 pada $3 tidak didefinisikan"
        ),
        (
            "Char {} out of allowed range",
            "karakter $1 di luar rentang yang diizinkan XML"
        ),
        (
            "PCDATA invalid Char value {}",
            "teks memuat karakter tidak sah (kode $1)"
        ),
        (
            "invalid character in attribute value",
            "nilai atribut memuat karakter tidak sah"
        ),
        (
            "not valid UTF-8 (a file in another encoding must declare it){}",
            "bukan UTF-8 yang sah (berkas dengan penyandian lain harus menyatakannya)$1"
        ),
        (
            "the file ends before the document does (truncated?): {} element is still open",
            "berkas berakhir sebelum dokumennya selesai (terpotong?): $1 elemen masih terbuka"
        ),
        (
            "the file ends before the document does (truncated?): {} elements are still open",
            "berkas berakhir sebelum dokumennya selesai (terpotong?): $1 elemen masih terbuka"
        ),
        (
            "This element is not expected. Expected is one of ({}).",
            "elemen ini tidak diharapkan di sini. Yang diharapkan salah satu dari ($1)."
        ),
        (
            "This element is not expected. Expected is ({}).",
            "elemen ini tidak diharapkan di sini. Yang diharapkan: ($1)."
        ),
        (
            "This element is not expected.",
            "elemen ini tidak diharapkan di sini."
        ),
        (
            "Missing child element(s). Expected is one of ({}).",
            "elemen anak kurang. Yang diharapkan salah satu dari ($1)."
        ),
        (
            "Missing child element(s). Expected is ({}).",
            "elemen anak kurang. Yang diharapkan: ($1)."
        ),
        (
            "The attribute '{}' is required but missing.",
            "atribut '$1' wajib ada tetapi tidak ada."
        ),
        (
            "The attribute '{}' is not allowed.",
            "atribut '$1' tidak diperbolehkan di sini."
        ),
        (
            "'{}' is not a valid value of the atomic type '{}'.",
            "'$1' bukan nilai yang sah untuk tipe '$2'."
        ),
        (
            "'{}' is not a valid value of the union type '{}'.",
            "'$1' bukan nilai yang sah untuk tipe gabungan '$2'."
        ),
        (
            "'{}' is not a valid value of the local atomic type.",
            "'$1' bukan nilai yang sah untuk tipenya."
        ),
        (
            "'{}' is not a valid value of the local list type.",
            "'$1' bukan daftar nilai yang sah."
        ),
        (
            "'{}' is not a valid value of the list type '{}'.",
            "'$1' bukan daftar nilai yang sah."
        ),
        (
            "[facet 'enumeration'] The value '{}' is not an element of the set {{}}.",
            "nilai '$1' bukan salah satu dari {$2}."
        ),
        (
            "[facet 'pattern'] The value '{}' is not accepted by the pattern '{}'.",
            "nilai '$1' tidak sesuai dengan pola '$2'."
        ),
        (
            "[facet 'maxLength'] The value has a length of '{}'; this exceeds the allowed maximum length of '{}'.",
            "panjang nilai $1 melebihi panjang maksimum $2."
        ),
        (
            "[facet 'minLength'] The value has a length of '{}'; this underruns the allowed minimum length of '{}'.",
            "panjang nilai $1 kurang dari panjang minimum $2."
        ),
        (
            "[facet 'minInclusive'] The value '{}' is less than the minimum value allowed ('{}').",
            "nilai '$1' kurang dari nilai terendah yang diizinkan ('$2')."
        ),
        (
            "[facet 'maxInclusive'] The value '{}' is greater than the maximum value allowed ('{}').",
            "nilai '$1' lebih dari nilai tertinggi yang diizinkan ('$2')."
        ),
        (
            "[facet 'minExclusive'] The value '{}' must be greater than '{}'.",
            "nilai '$1' harus lebih dari '$2'."
        ),
        (
            "[facet 'maxExclusive'] The value '{}' must be less than '{}'.",
            "nilai '$1' harus kurang dari '$2'."
        ),
        (
            "[facet 'fractionDigits'] The value '{}' has more fractional digits than are allowed ('{}').",
            "nilai '$1' memiliki lebih banyak angka desimal dari yang diizinkan ($2)."
        ),
        (
            "[facet 'totalDigits'] The value '{}' has more digits than are allowed ('{}').",
            "nilai '$1' memiliki lebih banyak angka dari yang diizinkan ($2)."
        ),
        (
            "Character content is not allowed, because the content type is empty.",
            "teks tidak diperbolehkan: elemen ini harus kosong."
        ),
        (
            "Character content other than whitespace is not allowed because the content type is 'element-only'.",
            "teks tidak diperbolehkan di sini: elemen ini hanya memuat elemen lain."
        ),
        (
            "Element content is not allowed, because the content type is a simple type definition.",
            "elemen anak tidak diperbolehkan: elemen ini hanya memuat teks."
        ),
        (
            "No matching global declaration available for the validation root.",
            "elemen akar ini tidak dikenal skema (nama atau namespace salah? Berkas Patuh memakai xmlns=\"urn:patuh:1\")."
        ),
        (
            "Duplicate key-sequence [{}] in unique identity-constraint '{}'.",
            "nilai [$1] berulang, padahal harus unik ('$2')."
        ),
        (
            "Duplicate key-sequence [{}] in key identity-constraint '{}'.",
            "nilai [$1] berulang, padahal harus unik ('$2')."
        ),
        (
            "No match found for key-sequence [{}] of keyref '{}'.",
            "nilai [$1] tidak merujuk ke apa pun yang ada ('$2')."
        )
    ]
}
