import Foundation
import Speedwork
import SpeedworkStore

/// `speedwork log --json`: the logged results and hand-logged sessions (M50), oldest first, and
/// the log by weeks (``LogWeek``), which the text shows.
struct LogReport: Encodable {
    struct Result: Encodable {
        let id: String
        let date: String
        let kind: String
        let distance: String
        let meters: Double
        let seconds: Double
        let notes: String?
    }

    struct Rep: Encodable {
        let meters: Double?
        let seconds: Double
    }

    struct StrengthSetJSON: Encodable {
        let exercise: String
        let reps: Int
        let loadKg: Double?
        let formWasGood: Bool
    }

    struct Session: Encodable {
        let id: String
        let date: String
        let session: String?
        let rpe: Int?
        let notes: String?
        let reps: [Rep]
        let strength: [StrengthSetJSON]
    }

    let results: [Result]
    let sessions: [Session]
    let weeks: [LogWeek]

    init(results: [LoggedResult], sessions: [LoggedSession], weeks: [LogWeek] = []) {
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
    var text: String {
        guard !weeks.isEmpty else { return "The log is empty: add a result with speedwork log add --result 5k=20:00." }
        return weeks.map(\.text).joined(separator: "\n\n")
    }
}
