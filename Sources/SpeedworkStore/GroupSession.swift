import Foundation
import Speedwork

/// A track session a coach runs for a training group (issue 12): one session of the method's
/// library (M10–M21) on one day for several athletes, each of whom runs it at the targets of their
/// own fitness (M42). Stored once; the targets are worked out for each member when read.
public struct GroupSession: Sendable, Hashable {
    /// The session's key.
    public let id: UUID
    /// The coach who made it, and who alone may change it.
    public let coach: AccountID
    /// The day it is run.
    public var day: Day
    /// What the group calls it: `Tuesday track`.
    public var name: String
    /// The method's session, by rule id (`M13`).
    public var rule: String
    /// The week of the block progression the session is taken from (M11: week 1 is 6 × 200 m).
    public var week: Int
    /// The runners in the group, in the order the coach listed them.
    public var members: [Athlete]
    /// When it was made (whole milliseconds).
    public let createdAt: Date

    /// The longest name a group session may have.
    public static let longestName = 80

    /// A session, refused with an empty or overlong name, a rule outside the library's running
    /// sessions, a week outside the standard block (1 to 8), no members, or a member listed twice.
    public init(id: UUID = UUID(), coach: AccountID, day: Day, name: String, rule: String, week: Int,
                members: [Athlete], createdAt: Date) throws {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= Self.longestName,
              !name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
            throw InputError("group session name \(InputError.quoted(name)) is not allowed: use 1 to \(Self.longestName) characters on one line, without control characters")
        }
        let rule = try SessionLibrary.rule(parsing: rule)
        guard let entry = SessionLibrary.entries.first(where: { $0.rule == rule }), entry.kind.isRun,
              rule != GoalPaceSession.rule else {
            let runs = SessionLibrary.entries.filter { $0.kind.isRun && $0.rule != GoalPaceSession.rule }.map(\.rule)
            throw InputError("session \(rule) is not allowed for a group: use one of \(runs.joined(separator: ", "))")
        }
        guard (1...BlockProgression.defaultBlockWeeks).contains(week) else {
            throw InputError("week \(week) is not a week of the block: use 1 to \(BlockProgression.defaultBlockWeeks)")
        }
        guard !members.isEmpty else { throw InputError("a group session needs at least one athlete") }
        if let twice = Dictionary(grouping: members, by: \.id).first(where: { $0.value.count > 1 })?.value.first {
            throw InputError("athlete '\(twice.handle)' is listed twice: list each athlete once")
        }
        self.init(stored: id, coach: coach, day: day, name: name, rule: rule, week: week, members: members,
                  createdAt: Date(timeIntervalSince1970: (createdAt.timeIntervalSince1970 * 1000).rounded() / 1000))
    }

    /// A session as stored, its members as they now are (a deleted runner leaves the group).
    init(stored id: UUID, coach: AccountID, day: Day, name: String, rule: String, week: Int, members: [Athlete], createdAt: Date) {
        self.id = id
        self.coach = coach
        self.day = day
        self.name = name
        self.rule = rule
        self.week = week
        self.members = members
        self.createdAt = createdAt
    }

    /// Whether `athlete` is in the group.
    public func hasMember(_ athlete: AthleteID) -> Bool {
        members.contains { $0.id == athlete }
    }
}
