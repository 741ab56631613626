import Foundation

/// A training plan kept in the log as the JSON that `speedwork plan --json` prints (M9), so a
/// runner's current plan survives between runs; with the request it was built from, the plan can be
/// rebuilt from newer fitness (M43).
public struct SavedPlan: Sendable, Hashable {
    /// The record's key; inserting the same key twice keeps the first.
    public var id: UUID
    /// The name the runner gave it.
    public var name: String
    /// When it was saved (whole milliseconds).
    public var createdAt: Date
    /// The plan as JSON text.
    public var json: String
    /// The request the plan was built from, as JSON text (every option of `plan`), when it was kept.
    public var request: String?

    /// A plan, refused when its JSON (or its request's) does not parse.
    public init(id: UUID = UUID(), name: String, createdAt: Date = Date(), json: String, request: String? = nil) throws {
        try PackedActivity.checkJSON(json, what: "plan '\(name)'")
        if let request { try PackedActivity.checkJSON(request, what: "plan '\(name)' request") }
        self.id = id
        self.name = name
        self.createdAt = StoredTime.rounded(createdAt)
        self.json = json
        self.request = request
    }
}
