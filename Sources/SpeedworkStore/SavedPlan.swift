import Foundation

/// A training plan kept in the log as the JSON that `speedwork plan --json` prints (M9), so a
/// runner's current plan survives between runs.
public struct SavedPlan: Sendable, Hashable {
    /// The record's key; inserting the same key twice keeps the first.
    public var id: UUID
    /// The name the runner gave it.
    public var name: String
    /// When it was saved (whole milliseconds).
    public var createdAt: Date
    /// The plan as JSON text.
    public var json: String

    /// A plan, refused when its JSON does not parse.
    public init(id: UUID = UUID(), name: String, createdAt: Date = Date(), json: String) throws {
        try PackedActivity.checkJSON(json, what: "plan '\(name)'")
        self.id = id
        self.name = name
        self.createdAt = StoredTime.rounded(createdAt)
        self.json = json
    }
}
