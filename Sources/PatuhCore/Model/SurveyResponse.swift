/// One service user's answers, kept whole (surveys read from files are tallied instead;
/// this is what an imported phone submission becomes before it is written to a survey file).
/// Its respondent's fields read by name (`response.gender`) through `respondent`.
@dynamicMemberLookup
public struct SurveyResponse: Hashable, Sendable {
    public var id: String
    public var rubricID: String
    public var unitID: String
    public var period: String
    public var date: String?
    /// Who answered.
    public var respondent: RespondentProfile
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
        respondent = RespondentProfile(
            service: service, gender: gender, age: age, education: education, occupation: occupation)
        self.answers = answers
        self.comments = comments
        self.location = location
    }

    /// A field of `respondent` (`service`, `gender`, ...).
    public subscript<Value>(dynamicMember field: WritableKeyPath<RespondentProfile, Value>) -> Value {
        get { respondent[keyPath: field] }
        set { respondent[keyPath: field] = newValue }
    }
}

/// Who answered a survey, as the SKM questionnaire asks it (every field may be left out): what
/// a survey file's response and `patuh serve`'s stored answer both carry.
public struct RespondentProfile: Hashable, Sendable {
    /// The service used.
    public var service: String?
    /// `L` or `P`.
    public var gender: String?
    public var age: Int?
    public var education: String?
    public var occupation: String?

    public init(
        service: String? = nil, gender: String? = nil, age: Int? = nil, education: String? = nil,
        occupation: String? = nil
    ) {
        self.service = service
        self.gender = gender
        self.age = age
        self.education = education
        self.occupation = occupation
    }
}
