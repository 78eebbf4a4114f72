import Foundation
import GRDB
import PatuhCore

/// One questionnaire answered at the counter, as stored; its respondent's fields read by name
/// (`response.gender`) through `respondent`.
@dynamicMemberLookup
public struct StoredResponse: Sendable, Hashable {
    public var id: String
    public var unitID: String
    public var period: String
    public var date: String
    /// Who answered.
    public var respondent: RespondentProfile
    /// Answers by indicator id.
    public var answers: [String: Double]
    public var comment: String?

    public subscript<Value>(dynamicMember field: KeyPath<RespondentProfile, Value>) -> Value {
        respondent[keyPath: field]
    }
}

/// An account of the live view (and of ODK Collect).
public struct Account: Sendable, Hashable {
    public var name: String
    public var role: Role
    /// A unit id (unit officer), a region code (pemda officer), a province code (assessor).
    public var scope: String
    /// bcrypt hash of the password.
    public var passwordHash: String
    /// MD5(name:realm:password), which OpenRosa's digest authentication needs.
    public var digestHA1: String
}

/// The roles of the live view.
public enum Role: String, Sendable, CaseIterable {
    /// A unit's officer: that unit only.
    case unit
    /// The pemda's officer: every unit of the pemda (its region and the regions below it).
    case pemda
    /// An Ombudsman assessor: the whole province.
    case assessor
}

/// What the store refused.
public enum StoreError: Error, Sendable, Equatable {
    /// The form's one-time token was already used: a replay.
    case replay
}

/// The embedded database under `--data`: SQLite in WAL mode with `synchronous=FULL`, so a
/// commit is on disk before the caller goes on (the thank-you page is sent only after it).
/// Every statement is parameterised.
public final class Store: Sendable {
    let pool: DatabasePool
    public let path: String

    /// Opens (or creates) `DIR/patuh-serve.sqlite`.
    public init(directory: String) throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        path = (directory as NSString).appendingPathComponent("patuh-serve.sqlite")
        var config = Configuration()
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        config.busyMode = .timeout(10)
        pool = try DatabasePool(path: path, configuration: config)
        try migrate()
    }

    private func migrate() throws {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(
                sql: """
                    CREATE TABLE response (
                        id TEXT PRIMARY KEY, token TEXT NOT NULL UNIQUE, unit TEXT NOT NULL, period TEXT NOT NULL,
                        date TEXT NOT NULL, service TEXT, gender TEXT, age INTEGER, education TEXT, occupation TEXT,
                        answers TEXT NOT NULL, comment TEXT, device TEXT NOT NULL, created REAL NOT NULL);
                    CREATE INDEX response_unit ON response(unit, period);
                    CREATE TABLE odk (
                        instance TEXT PRIMARY KEY, form TEXT NOT NULL, folder TEXT NOT NULL, account TEXT NOT NULL,
                        created REAL NOT NULL);
                    CREATE TABLE account (
                        name TEXT PRIMARY KEY, role TEXT NOT NULL, scope TEXT NOT NULL, hash TEXT NOT NULL, ha1 TEXT NOT NULL);
                    CREATE TABLE session (
                        token TEXT PRIMARY KEY, account TEXT NOT NULL REFERENCES account(name) ON DELETE CASCADE,
                        csrf TEXT NOT NULL, expires REAL NOT NULL);
                    """)
        }
        try migrator.migrate(pool)
    }

    // MARK: Responses

    /// Stores a response; `token` is the form's one-time token (a second use is a replay).
    public func insert(_ r: StoredResponse, token: String, device: String) async throws {
        let answers = Self.encode(r.answers)
        do {
            try await pool.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO response (id, token, unit, period, date, service, gender, age, education, occupation,
                                              answers, comment, device, created)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        r.id, token, r.unitID, r.period, r.date, r.service, r.gender, r.age, r.education,
                        r.occupation, answers, r.comment, device, Date().timeIntervalSince1970
                    ])
            }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            throw StoreError.replay
        }
    }

    /// Responses of a unit (or every unit when `unit` is nil) in a period (or every period), in the order received.
    public func responses(unit: String? = nil, period: String? = nil) throws -> [StoredResponse] {
        try pool.read { db in
            var sql =
                "SELECT id, unit, period, date, service, gender, age, education, occupation, answers, comment FROM response"
            var conditions: [String] = []
            var arguments: StatementArguments = []
            if let unit {
                conditions.append("unit = ?")
                arguments += [unit]
            }
            if let period {
                conditions.append("period = ?")
                arguments += [period]
            }
            if !conditions.isEmpty { sql += " WHERE " + conditions.joined(separator: " AND ") }
            sql += " ORDER BY rowid"
            return try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
                StoredResponse(
                    id: row["id"], unitID: row["unit"], period: row["period"], date: row["date"],
                    respondent: RespondentProfile(
                        service: row["service"], gender: row["gender"], age: row["age"],
                        education: row["education"], occupation: row["occupation"]),
                    answers: Self.decode(row["answers"]), comment: row["comment"])
            }
        }
    }

    /// The periods that hold responses of a unit.
    public func periods(unit: String) throws -> [String] {
        try pool.read { db in
            try String.fetchAll(
                db, sql: "SELECT DISTINCT period FROM response WHERE unit = ? ORDER BY period", arguments: [unit])
        }
    }

    /// `U1=4;U2=3`: indicator ids are contract ids (no `;` or `=`).
    static func encode(_ answers: [String: Double]) -> String {
        answers.keys.sorted().map { "\($0)=\(answers[$0] ?? 0)" }.joined(separator: ";")
    }

    static func decode(_ text: String) -> [String: Double] {
        var out: [String: Double] = [:]
        for part in text.split(separator: ";") {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2, let v = Double(pair[1]) { out[String(pair[0])] = v }
        }
        return out
    }

    // MARK: ODK submissions

    /// Records an ODK submission whose files are already on disk under `folder`; false when
    /// that instance was already received (a resend, which ODK Collect does after a lost answer).
    public func recordSubmission(instance: String, form: String, folder: String, account: String) async throws -> Bool {
        do {
            try await pool.write { db in
                try db.execute(
                    sql: "INSERT INTO odk (instance, form, folder, account, created) VALUES (?, ?, ?, ?, ?)",
                    arguments: [instance, form, folder, account, Date().timeIntervalSince1970])
            }
            return true
        } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            return false
        }
    }

    /// The folders of the ODK submissions received, in order.
    public func submissionFolders() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "SELECT folder FROM odk ORDER BY rowid") }
    }

    // MARK: Accounts and sessions

    /// Adds or replaces an account.
    public func save(_ a: Account) throws {
        try pool.write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO account (name, role, scope, hash, ha1) VALUES (?, ?, ?, ?, ?)",
                arguments: [a.name, a.role.rawValue, a.scope, a.passwordHash, a.digestHA1])
        }
    }

    public func account(_ name: String) throws -> Account? {
        try pool.read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM account WHERE name = ?", arguments: [name]),
                let role = Role(rawValue: row["role"])
            else { return nil }
            return Account(
                name: row["name"], role: role, scope: row["scope"], passwordHash: row["hash"], digestHA1: row["ha1"])
        }
    }

    public func accounts() throws -> [Account] {
        try pool.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM account ORDER BY name").compactMap { row in
                guard let role = Role(rawValue: row["role"]) else { return nil }
                return Account(
                    name: row["name"], role: role, scope: row["scope"], passwordHash: row["hash"], digestHA1: row["ha1"]
                )
            }
        }
    }

    public func createSession(token: String, account: String, csrf: String, expires: Date) async throws {
        try await pool.write { db in
            try db.execute(sql: "DELETE FROM session WHERE expires < ?", arguments: [Date().timeIntervalSince1970])
            try db.execute(
                sql: "INSERT INTO session (token, account, csrf, expires) VALUES (?, ?, ?, ?)",
                arguments: [token, account, csrf, expires.timeIntervalSince1970])
        }
    }

    /// The account and CSRF token of a session that has not expired.
    public func session(_ token: String) throws -> (account: Account, csrf: String)? {
        let found: (String, String)? = try pool.read { db in
            guard
                let row = try Row.fetchOne(
                    db, sql: "SELECT account, csrf FROM session WHERE token = ? AND expires > ?",
                    arguments: [token, Date().timeIntervalSince1970])
            else { return nil }
            return (row["account"], row["csrf"])
        }
        guard let found, let account = try account(found.0) else { return nil }
        return (account, found.1)
    }

    public func deleteSession(_ token: String) async throws {
        try await pool.write { db in try db.execute(sql: "DELETE FROM session WHERE token = ?", arguments: [token]) }
    }

    /// `PRAGMA integrity_check`'s answer (`ok` when sound).
    public func integrityCheck() throws -> String {
        try pool.read { db in try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "" }
    }

    /// How many responses are stored.
    public func responseCount() throws -> Int {
        try pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM response") ?? 0 }
    }
}
