import PatuhCore

extension ContractXML {
    /// A `followup` document (see `Rubrics/schema/followup.xsd`) holding `plans`, which share
    /// one rubric and period. Empty fields are written as empty elements, to be filled in.
    public static func followup(_ plans: [FollowupPlan], rubric: String, period: String, comment: String? = nil)
        -> String
    {
        func attr(_ name: String, _ value: String?) -> String {
            value.map { " \(name)=\"\(XMLText.escaped($0, in: .attribute))\"" } ?? ""
        }
        func element(_ name: String, _ text: String, _ indent: String) -> String {
            text.isEmpty ? "\(indent)<\(name)/>\n" : "\(indent)<\(name)>\(XMLText.escaped(text))</\(name)>\n"
        }
        var out =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + (comment.map { "<!-- \(XMLText.comment($0)) -->\n" } ?? "")
        out += "<followup xmlns=\"\(namespace)\"" + attr("rubric", rubric) + attr("period", period) + ">\n"
        for plan in plans {
            out += "  <plan" + attr("unit", plan.unitID) + attr("date", plan.date) + ">\n"
            for item in plan.items {
                out +=
                    "    <item" + attr("indicator", item.indicatorID) + attr("status", item.status.rawValue)
                    + attr("date", item.statusDate) + ">\n"
                out += element("problem", item.problem, "      ") + element("action", item.action, "      ")
                if let end = item.end {
                    out += "      <timeframe" + attr("start", item.start) + attr("end", end) + "/>\n"
                }
                out += element("responsible", item.responsible, "      ")
                for e in item.evidence {
                    out += "      <evidence" + attr("href", e.href) + ">\(XMLText.escaped(e.text))</evidence>\n"
                }
                out += "    </item>\n"
            }
            out += "  </plan>\n"
        }
        return out + "</followup>\n"
    }
}
