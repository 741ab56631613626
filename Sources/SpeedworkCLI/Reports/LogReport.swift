import Foundation
import Speedwork
import SpeedworkStore

/// `speedwork log --json`: the logged results and hand-logged sessions (M50), oldest first.
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

    init(results: [LoggedResult], sessions: [LoggedSession]) {
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

    /// One line per entry, oldest day first.
    var text: String {
        var lines: [(date: String, line: String)] = []
        for result in results {
            lines.append((result.date, "\(result.date)  \(result.kind) \(result.distance) in \(Duration(seconds: result.seconds).formatted(.rep))"
                          + (result.notes.map { "  (\($0))" } ?? "")))
        }
        for session in sessions {
            var parts = ["\(session.date)  \(session.session ?? "session")"]
            if !session.reps.isEmpty {
                parts.append("reps " + session.reps.map { Duration(seconds: $0.seconds).formatted(.rep) }.joined(separator: ", "))
            }
            for set in session.strength {
                parts.append("\(set.exercise) \(set.reps)" + (set.loadKg.map { " × \($0.trimmedText()) kg" } ?? "")
                             + (set.formWasGood ? "" : " (form poor)"))
            }
            if let rpe = session.rpe { parts.append("RPE \(rpe)") }
            if let notes = session.notes { parts.append("(\(notes))") }
            lines.append((session.date, parts.joined(separator: "  ")))
        }
        guard !lines.isEmpty else { return "The log is empty: add a result with speedwork log add --result 5k=20:00." }
        return lines.enumerated().sorted { ($0.element.date, $0.offset) < ($1.element.date, $1.offset) }
            .map(\.element.line).joined(separator: "\n")
    }
}
