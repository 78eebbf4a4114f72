import ArgumentParser

extension ValidationError {
    /// Bad usage (exit status 2), said in the language of messages (`Console.say`).
    init(id: String, en: String) { self.init(Console.say((id, en))) }
}

extension UsageChecks {
    /// At least one of `values` (inputs, repeatable options) is given; else bad usage, said
    /// in `id` or `en`.
    static func atLeastOne(_ values: [String], id: String, en: String) throws {
        if values.isEmpty { throw ValidationError(id: id, en: en) }
    }
}
