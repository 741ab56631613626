import Foundation
import Speedwork

/// A track session a coach runs for a training group (issue 12): one session of the method's
/// library (M10–M21) or a free-form set the coach types (``RepSet``: `8 × 400 m, 90 s jog`) on one
/// day for several athletes, each of whom runs it at the targets of their own fitness (M42).
/// Stored once; the targets are worked out for each member when read.
public struct GroupSession: Sendable, Hashable {
    /// The session's key.
    public let id: UUID
    /// The coach who made it, and who alone may change it.
    public let coach: AccountID
    /// The day it is run.
    public var day: Day
    /// What the group calls it: `Tuesday track`.
    public var name: String
    /// The method's session, by rule id (`M13`); ``RepSet/rule`` (M42) for a free-form set.
    public var rule: String
    /// The week of the block progression the session is taken from (M11: week 1 is 6 × 200 m);
    /// 0 for a free-form set, which has no week.
    public var week: Int
    /// The free-form set the group runs instead of a library session; nil for a library session.
    public var set: RepSet?
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
        let name = try Self.checked(name: name)
        let rule = try SessionLibrary.rule(parsing: rule)
        guard let entry = SessionLibrary.entries.first(where: { $0.rule == rule }), entry.kind.isRun,
              rule != GoalPaceSession.rule else {
            let runs = SessionLibrary.entries.filter { $0.kind.isRun && $0.rule != GoalPaceSession.rule }.map(\.rule)
            throw InputError("session \(rule) is not allowed for a group: use one of \(runs.joined(separator: ", "))")
        }
        guard (1...BlockProgression.defaultBlockWeeks).contains(week) else {
            throw InputError("week \(week) is not a week of the block: use 1 to \(BlockProgression.defaultBlockWeeks)")
        }
        try Self.check(members)
        self.init(stored: id, coach: coach, day: day, name: name, rule: rule, week: week, members: members,
                  createdAt: Date(timeIntervalSince1970: (createdAt.timeIntervalSince1970 * 1000).rounded() / 1000))
    }

    /// A session of a free-form set, refused with an empty or overlong name, no members, or a
    /// member listed twice.
    public init(id: UUID = UUID(), coach: AccountID, day: Day, name: String, set: RepSet, members: [Athlete], createdAt: Date) throws {
        let name = try Self.checked(name: name)
        try Self.check(members)
        self.init(stored: id, coach: coach, day: day, name: name, rule: RepSet.rule, week: 0, members: members,
                  createdAt: Date(timeIntervalSince1970: (createdAt.timeIntervalSince1970 * 1000).rounded() / 1000))
        self.set = set
    }

    /// `name` trimmed, refused when empty, overlong or spread over lines.
    static func checked(name: String) throws -> String {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, name.count <= Self.longestName,
              !name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
            throw InputError("group session name \(InputError.quoted(name)) is not allowed: use 1 to \(Self.longestName) characters on one line, without control characters")
        }
        return name
    }

    /// Refuses no members, or a member listed twice.
    static func check(_ members: [Athlete]) throws {
        guard !members.isEmpty else { throw InputError("a group session needs at least one athlete") }
        if let twice = Dictionary(grouping: members, by: \.id).first(where: { $0.value.count > 1 })?.value.first {
            throw InputError("athlete '\(twice.handle)' is listed twice: list each athlete once")
        }
    }

    /// A session as stored, its members as they now are (a deleted runner leaves the group).
    init(stored id: UUID, coach: AccountID, day: Day, name: String, rule: String, week: Int, set: RepSet? = nil,
         members: [Athlete], createdAt: Date) {
        self.id = id
        self.coach = coach
        self.day = day
        self.name = name
        self.rule = rule
        self.week = week
        self.set = set
        self.members = members
        self.createdAt = createdAt
    }

    /// What the group runs, in words: the set's text, or the library session's title (`VO2max repeats`).
    public var sessionTitle: String {
        self.set?.text ?? SessionLibrary.entries.first { $0.rule == rule }?.title ?? rule
    }

    /// Whether `athlete` is in the group.
    public func hasMember(_ athlete: AthleteID) -> Bool {
        members.contains { $0.id == athlete }
    }
}
