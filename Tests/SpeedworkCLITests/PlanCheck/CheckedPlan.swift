import Foundation
@testable import SpeedworkReports

/// `speedwork plan --json` as the plan checker reads it: its own mirror of the README's JSON
/// contract plus the keys issue 7 adds (`targetGoal`, `volume`, weekly `runningMinutes`,
/// `cutback`, `longRunMinutes`, per-session `goalPace` and `longRun`). Written apart from the
/// builder's encoder. The keys issue 7 adds are optional here so that a plan without them is
/// still read and checked; ``PlanChecker`` reports each missing one as a contract violation.
struct CheckedPlan: Decodable, Sendable {
    struct Volume: Decodable, Sendable {
        let startWeeklyMinutes: Int
        let source: String
        let note: String
    }

    struct Feasibility: Decodable, Sendable {
        let verdict: String
        let message: String
    }

    struct Fitness: Decodable, Sendable {
        let confidence: String
    }

    struct Relaxed: Decodable, Sendable {
        let rule: String
        let why: String
        let week: Int?
    }

    struct Band: Decodable, Sendable {
        let fast: Double
        let slow: Double

        var middle: Double { (fast + slow) / 2 }
    }

    struct Effort: Decodable, Sendable {
        let min: Int
        let max: Int
    }

    /// A step's target: a pace band (`secondsPerKm`) or an effort (`rpe`).
    struct Target: Decodable, Sendable {
        let secondsPerKm: Band?
        let rpe: Effort?
    }

    struct Step: Decodable, Sendable {
        let intensity: String
        let name: String
        let meters: Double?
        let seconds: Double?
        let open: Bool?
        let reps: Int?
        let count: Int?
        let steps: [Step]?
        let target: Target?
    }

    struct Session: Decodable, Sendable {
        let date: String
        let rule: String
        let kind: String
        let title: String
        let hard: Bool
        let minutes: Int
        let goalPace: Bool?
        let longRun: Bool?
        let steps: [Step]

        /// Kinds whose minutes count as running (the contract's `runningMinutes`).
        static let runningKinds: Set<String> = ["speed", "hills", "time-trial", "race", "easy", "long"]

        var isRun: Bool { Self.runningKinds.contains(kind) }
        /// `goalPace`, false when the key is missing (reported by the contract check).
        var isGoalPace: Bool { goalPace ?? false }
        /// `longRun`, or the `long` kind when the key is missing (reported by the contract check).
        var isLongRun: Bool { longRun ?? (kind == "long") }
        /// How a violation names the session: its date, rule and title.
        var label: String { "\(date) \(rule) “\(title)”" }
    }

    struct Week: Decodable, Sendable {
        let index: Int
        let start: String
        let phase: String
        let runningMinutes: Int?
        let cutback: Bool?
        let longRunMinutes: Int?
        let sessions: [Session]

        /// Minutes of the week's running sessions, added up from the sessions themselves.
        var sessionRunningMinutes: Int { sessions.filter(\.isRun).reduce(0) { $0 + $1.minutes } }
        /// `runningMinutes`, or the sessions' sum when the key is missing (reported by the contract check).
        var running: Int { runningMinutes ?? sessionRunningMinutes }
        /// `cutback`, false when the key is missing.
        var isCutback: Bool { cutback ?? false }
        /// `longRunMinutes`, or the long run's own minutes when the key is missing.
        var longRun: Int { longRunMinutes ?? (sessions.first(where: \.isLongRun)?.minutes ?? 0) }

        /// How a violation names the week: its number and first day.
        var label: String { "week \(index) (\(start), \(phase))" }
    }

    let goal: String
    let targetGoal: String?
    let targetGoalReason: String?
    let raceDate: String
    let volume: Volume?
    let fitness: Fitness
    let feasibility: Feasibility
    let relaxed: [Relaxed]
    let weeks: [Week]

    /// Decodes `plan --json` output; a missing or mistyped key becomes one line naming its path.
    static func decode(_ data: Data) throws -> CheckedPlan {
        do {
            return try JSONDecoder().decode(CheckedPlan.self, from: data)
        } catch let error as DecodingError {
            throw ContractError(error)
        }
    }

    /// A decoding failure said in one line: which key, where.
    struct ContractError: Error, CustomStringConvertible {
        let description: String

        init(_ error: DecodingError) {
            func path(_ keys: [any CodingKey]) -> String {
                let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
                return text.isEmpty ? "the top level" : String(text.drop { $0 == "." })
            }
            switch error {
            case .keyNotFound(let key, let context):
                description = "missing key “\(key.stringValue)” at \(path(context.codingPath))"
            case .typeMismatch(let type, let context):
                description = "\(path(context.codingPath)) is not a \(type)"
            case .valueNotFound(let type, let context):
                description = "\(path(context.codingPath)) is null, expected a \(type)"
            case .dataCorrupted(let context):
                description = "unreadable JSON at \(path(context.codingPath)): \(context.debugDescription)"
            @unknown default:
                description = "unreadable plan JSON"
            }
        }
    }
}
