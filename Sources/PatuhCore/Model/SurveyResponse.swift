/// One service user's answers, kept whole (surveys read from files are tallied instead;
/// this is what an imported phone submission becomes before it is written to a survey file).
public struct SurveyResponse: Hashable, Sendable {
    public var id: String
    public var rubricID: String
    public var unitID: String
    public var period: String
    public var date: String?
    public var service: String?
    /// `L` or `P`.
    public var gender: String?
    public var age: Int?
    public var education: String?
    public var occupation: String?
    /// Answers by indicator id, in rubric order.
    public var answers: [Answer]
    public var comments: [String]
    public var location: SourceLocation

    public init(
        id: String, rubricID: String, unitID: String, period: String, date: String? = nil,
        service: String? = nil, gender: String? = nil, age: Int? = nil, education: String? = nil,
        occupation: String? = nil, answers: [Answer] = [],
        comments: [String] = [], location: SourceLocation = SourceLocation(file: "")
    ) {
        self.id = id
        self.rubricID = rubricID
        self.unitID = unitID
        self.period = period
        self.date = date
        self.service = service
        self.gender = gender
        self.age = age
        self.education = education
        self.occupation = occupation
        self.answers = answers
        self.comments = comments
        self.location = location
    }
}
