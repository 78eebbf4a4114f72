import PatuhCore

/// Small rubrics and registries built in code, so each test's arithmetic can be checked by hand.
enum Make {
    static func indicator(
        _ id: String, weight: Double = 1, min: Double = 0, max: Double = 4,
        source: IndicatorSource = .assessor
    ) -> Indicator {
        Indicator(id: id, weight: weight, min: min, max: max, source: source)
    }

    /// Two dimensions: A (weight 3: A1, A2 on 0..2) and B (weight 1: B1 on 0..4); bands at
    /// 80 (hijau), 50 (kuning), 0 (merah).
    static var rubric: Rubric {
        Rubric(
            id: "uji",
            dimensions: [
                Dimension(id: "A", weight: 3, indicators: [indicator("A1", max: 2), indicator("A2", max: 2)]),
                Dimension(id: "B", weight: 1, indicators: [indicator("B1")])
            ], bands: bands)
    }

    static var bands: [Band] {
        [
            Band(id: "baik", min: 80, zone: .hijau), Band(id: "cukup", min: 50, zone: .kuning),
            Band(id: "kurang", min: 0, zone: .merah)
        ]
    }

    /// The nine SKM unsur, `linear` with factor 25 and the given weight on each.
    static func skm(weight: Double) -> Rubric {
        Rubric(
            id: "skm", model: .linear(factor: 25),
            dimensions: [
                Dimension(
                    id: Dimension.implicitID,
                    indicators: (1...9).map {
                        indicator("U\($0)", weight: weight, min: 1, max: 4, source: .survey)
                    })
            ],
            bands: [
                Band(id: "A", min: 88.31), Band(id: "B", min: 76.61), Band(id: "C", min: 65), Band(id: "D", min: 25)
            ])
    }

    static func sheet(_ values: [AnswerValue?]) -> AnswerSheet { AnswerSheet(values: values) }

    static func assessment(_ id: String, unit: String, period: String = "2023", _ answers: [String: AnswerValue])
        -> Assessment
    {
        Assessment(
            id: id, rubricID: "uji", unitID: unit, period: period,
            answers: answers.sorted { $0.key < $1.key }.map { Answer(indicatorID: $0.key, value: $0.value) },
            location: SourceLocation(file: "\(id).xml", line: 1, column: 1))
    }

    /// Provinsi Uji (99) with one OPD; Kabupaten Satu (99.01) with two units; Kota Uji (99.71)
    /// with an MPP of two tenants and one OPD.
    static var registry: Registry {
        Registry(
            regions: [
                Region(code: "99", level: .provinsi, name: "Provinsi Uji"),
                Region(code: "99.01", level: .kabupaten, name: "Kabupaten Satu", parentCode: "99"),
                Region(code: "99.71", level: .kota, name: "Kota Uji", parentCode: "99")
            ],
            units: [
                ServiceUnit(id: "99-opd1", type: .opd, name: "Dinas Satu", regionCode: "99"),
                ServiceUnit(id: "9901-a", type: .opd, name: "Dinas A", regionCode: "99.01"),
                ServiceUnit(id: "9901-b", type: .puskesmas, name: "Puskesmas B", regionCode: "99.01"),
                ServiceUnit(id: "9971-mpp", type: .mpp, name: "MPP Kota Uji", regionCode: "99.71"),
                ServiceUnit(
                    id: "9971-mpp-t1", type: .mppTenant, name: "Tenant 1", regionCode: "99.71", parentID: "9971-mpp"),
                ServiceUnit(
                    id: "9971-mpp-t2", type: .mppTenant, name: "Tenant 2", regionCode: "99.71", parentID: "9971-mpp"),
                ServiceUnit(id: "9971-c", type: .opd, name: "Dinas C", regionCode: "99.71")
            ])
    }
}

extension Double {
    /// Equal to `other` within floating-point noise (the arithmetic is checked by hand).
    func near(_ other: Double, _ tolerance: Double = 1e-9) -> Bool { abs(self - other) <= tolerance }
}

extension Optional where Wrapped == Double {
    func near(_ other: Double) -> Bool { self.map { $0.near(other) } ?? false }
}
