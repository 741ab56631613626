import Foundation
import Speedwork
import SpeedworkStore

/// `speedwork log --json`: the logged results and hand-logged sessions (M50), oldest first, and
/// the log by weeks (``LogWeek``), which the text shows.
public struct LogReport: Encodable {
    public struct Result: Encodable {
        public let id: String
        public let date: String
        public let kind: String
        public let distance: String
        public let meters: Double
        public let seconds: Double
        public let notes: String?
    }

    public struct Rep: Encodable {
        public let meters: Double?
        public let seconds: Double
    }

    public struct StrengthSetJSON: Encodable {
        public let exercise: String
        public let reps: Int
        public let loadKg: Double?
        public let formWasGood: Bool
    }

    public struct Session: Encodable {
        public let id: String
        public let date: String
        public let session: String?
        public let rpe: Int?
        public let notes: String?
        public let reps: [Rep]
        public let strength: [StrengthSetJSON]
    }

    public let results: [Result]
    public let sessions: [Session]
    public let weeks: [LogWeek]

    public init(results: [LoggedResult], sessions: [LoggedSession], weeks: [LogWeek] = []) {
        self.weeks = weeks
        self.results = results.map {
            Result(id: $0.id.uuidString.lowercased(), date: $0.day.description, kind: $0.kind.rawValue, distance: $0.distance.label,
                   meters: $0.distance.meters, seconds: $0.time.seconds, notes: $0.notes)
        }
        self.sessions = sessions.map {
            Session(id: $0.id.uuidString.lowercased(), date: $0.day.description, session: $0.session, rpe: $0.rpe, notes: $0.notes,
                    reps: $0.reps.map { Rep(meters: $0.distance?.meters, seconds: $0.time.seconds) },
                    strength: $0.strengthSets.map {
                        StrengthSetJSON(exercise: $0.exercise, reps: $0.reps, loadKg: $0.loadKilograms, formWasGood: $0.formWasGood)
                    })
        }
    }

    /// The weeks, oldest first, each a heading with its totals and a row per entry.
    public var text: String {
        guard !weeks.isEmpty else { return "The log is empty: add a result with speedwork log add --result 5k=20:00." }
        return weeks.map(\.text).joined(separator: "\n\n")
    }
}
