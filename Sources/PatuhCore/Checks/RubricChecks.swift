/// Checks on a rubric that its schema cannot express.
public enum RubricChecks {
    /// The largest magnitude of any number written in a rubric (weights, ranges, levels,
    /// band minimums, scale, factor). `xs:decimal` has no bound, but the arithmetic does:
    /// scores are rounded in hundredths held in an `Int`.
    public static let numberLimit = 1_000_000.0

    /// The largest magnitude of any total a rubric may give (its `top` and `bottom`).
    public static let scoreLimit = 1_000_000_000.0

    public static func check(_ rubric: Rubric) -> [Diagnostic] {
        let bounds = checkBounds(rubric)
        // A number out of bounds makes the checks below meaningless (and their arithmetic
        // could overflow): report only those.
        guard bounds.isEmpty else { return bounds.sorted { $0.location < $1.location } }
        var problems =
            Duplicates.find(
                rubric.dimensions, what: Wording(id: "id dimensi", en: "dimension id"), id: \.id, location: \.location)
            + Duplicates.find(
                rubric.indicators, what: Wording(id: "id indikator", en: "indicator id"), id: \.id, location: \.location
            )
            + Duplicates.find(
                rubric.bands.sorted { $0.location < $1.location }, what: Wording(id: "id band", en: "band id"),
                id: \.id,
                location: \.location)
        for dimension in rubric.dimensions {
            if !(dimension.weight > 0) {
                problems.append(
                    .error(
                        dimension.location,
                        id: "dimensi '\(dimension.id)' berbobot \(dimension.weight); bobot harus positif",
                        en: "dimension '\(dimension.id)' has weight \(dimension.weight); weights must be positive"))
            }
            // A weighted sum may carry an indicator at weight 0 (recorded, not counted).
            let zeroAllowed = if case .weightedSum = rubric.model { true } else { false }
            for indicator in dimension.indicators {
                if !(indicator.weight > 0) && !(zeroAllowed && indicator.weight == 0) {
                    problems.append(
                        .error(
                            indicator.location,
                            id: "indikator '\(indicator.id)' berbobot \(indicator.weight); bobot harus positif",
                            en: "indicator '\(indicator.id)' has weight \(indicator.weight); weights must be positive"))
                }
                if !(indicator.max > indicator.min) {
                    problems.append(
                        .error(
                            indicator.location,
                            id:
                                "indikator '\(indicator.id)' bernilai maksimum \(indicator.max), tidak di atas minimum \(indicator.min)",
                            en: "indicator '\(indicator.id)' has max \(indicator.max) not above min \(indicator.min)"))
                }
                for level in indicator.levels where level.value < indicator.min || level.value > indicator.max {
                    problems.append(
                        .error(
                            indicator.location,
                            id:
                                "indikator '\(indicator.id)' menjelaskan tingkat \(level.value), di luar \(indicator.min)..\(indicator.max)",
                            en:
                                "indicator '\(indicator.id)' describes level \(level.value), outside \(indicator.min)..\(indicator.max)"
                        ))
                }
            }
        }
        var bandMins: [Int: Band] = [:]
        for band in rubric.bands.sorted(by: { $0.location < $1.location }) {
            let cents = Rounding.cents(band.min)
            if let other = bandMins[cents] {
                problems.append(
                    .error(
                        band.location,
                        id:
                            "band '\(other.id)' dan '\(band.id)' memiliki batas bawah yang sama \(Rounding.format2(band.min))",
                        en: "bands '\(other.id)' and '\(band.id)' have the same min \(Rounding.format2(band.min))"))
            } else {
                bandMins[cents] = band
            }
        }
        if let lowest = rubric.bands.first, Rounding.cents(lowest.min) > Rounding.cents(rubric.bottom) {
            problems.append(
                .error(
                    lowest.location,
                    id:
                        "tidak ada band yang mulai pada nilai terendah skala (\(Rounding.format2(rubric.bottom))): band terendah '\(lowest.id)' mulai pada \(Rounding.format2(lowest.min)), sehingga nilai rendah tidak mendapat band",
                    en:
                        "no band starts at the bottom of the scale (\(Rounding.format2(rubric.bottom))): the lowest band '\(lowest.id)' starts at \(Rounding.format2(lowest.min)), so low scores would have no band"
                ))
        }
        if let highest = rubric.bands.last, Rounding.cents(highest.min) > Rounding.cents(rubric.top) {
            problems.append(
                .error(
                    highest.location,
                    id:
                        "band '\(highest.id)' mulai pada \(Rounding.format2(highest.min)), di atas nilai tertinggi yang dapat diberikan rubrik (\(Rounding.format2(rubric.top))): tidak ada unit yang dapat mencapainya",
                    en:
                        "band '\(highest.id)' starts at \(Rounding.format2(highest.min)), above the highest score the rubric can give (\(Rounding.format2(rubric.top))): no unit could reach it"
                ))
        }
        if let q = rubric.qualifier, rubric.qualifierDimension == nil {
            problems.append(
                .error(
                    q.location,
                    id: "kualifikasi '\(q.id)' menyebut dimensi '\(q.dimensionID)', yang tidak ada dalam rubrik",
                    en: "qualifier '\(q.id)' names dimension '\(q.dimensionID)', which the rubric does not have"))
        }
        let bandIDs = Set(rubric.bands.map(\.id))
        for row in rubric.conversion?.rows ?? [] where !bandIDs.contains(row.bandID) {
            problems.append(
                .error(
                    row.location,
                    id: "baris konversi menyebut band '\(row.bandID)', yang tidak ada dalam rubrik",
                    en: "conversion row names band '\(row.bandID)', which the rubric does not have"))
        }
        if rubric.bands.isEmpty {
            problems.append(
                .error(
                    rubric.location, id: "rubrik '\(rubric.id)' tidak memiliki band",
                    en: "rubric '\(rubric.id)' has no bands"))
        }
        return problems.sorted { $0.location < $1.location }
    }

    /// Numbers the arithmetic cannot take, and a scale or factor that is not positive.
    private static func checkBounds(_ rubric: Rubric) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        func bounded(_ value: Double, _ what: String, _ location: SourceLocation) {
            guard !(value.magnitude <= numberLimit) else { return }
            problems.append(
                .error(
                    location,
                    id:
                        "\(what) bernilai \(DecimalFormat.plain(value)); angka dalam rubrik harus di antara -1000000 dan 1000000",
                    en:
                        "\(what) is \(DecimalFormat.plain(value)); numbers in a rubric must lie between -1000000 and 1000000"
                ))
        }
        switch rubric.model {
        case .normalized(let scale):
            bounded(scale, "scale", rubric.location)
            if scale.magnitude <= numberLimit, !(scale > 0) {
                problems.append(
                    .error(
                        rubric.location,
                        id:
                            "scale bernilai \(DecimalFormat.plain(scale)); harus positif (nilai berkisar dari 0 sampai scale)",
                        en:
                            "scale is \(DecimalFormat.plain(scale)); it must be positive (the total runs from 0 to the scale)"
                    ))
            }
        case .linear(let factor), .weightedSum(let factor):
            bounded(factor, "factor", rubric.location)
            if factor.magnitude <= numberLimit, !(factor > 0) {
                problems.append(
                    .error(
                        rubric.location, id: "factor bernilai \(DecimalFormat.plain(factor)); harus positif",
                        en: "factor is \(DecimalFormat.plain(factor)); it must be positive"))
            }
        }
        for dimension in rubric.dimensions {
            bounded(dimension.weight, "the weight of dimension '\(dimension.id)'", dimension.location)
            for indicator in dimension.indicators {
                bounded(indicator.weight, "the weight of indicator '\(indicator.id)'", indicator.location)
                bounded(indicator.min, "the min of indicator '\(indicator.id)'", indicator.location)
                bounded(indicator.max, "the max of indicator '\(indicator.id)'", indicator.location)
                for level in indicator.levels {
                    bounded(level.value, "a level of indicator '\(indicator.id)'", indicator.location)
                }
            }
        }
        for band in rubric.bands { bounded(band.min, "the min of band '\(band.id)'", band.location) }
        if problems.isEmpty, !(rubric.top.magnitude <= scoreLimit && rubric.bottom.magnitude <= scoreLimit) {
            problems.append(
                .error(
                    rubric.location,
                    id:
                        "nilai akan berkisar dari \(DecimalFormat.plain(rubric.bottom)) sampai \(DecimalFormat.plain(rubric.top)), melampaui ±1000000000 yang dihitung Patuh; perkecil bobot atau factor",
                    en:
                        "totals would run from \(DecimalFormat.plain(rubric.bottom)) to \(DecimalFormat.plain(rubric.top)), beyond the ±1000000000 Patuh computes; use smaller weights or a smaller factor"
                ))
        }
        return problems
    }
}
