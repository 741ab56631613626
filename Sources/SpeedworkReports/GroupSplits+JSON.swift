import Foundation
import Speedwork
import SpeedworkStore

extension GroupSplits {
    /// `GET /api/v1/group-sessions/{id}`: the session and its split table, a row per member
    /// (docs/server.md). Later versions add keys, never remove or rename them.
    public struct JSON: Encodable, Sendable {
        public let id: String
        public let name: String
        public let date: String
        public let rule: String
        /// The block week of a library session; left out for a free-form set.
        public let week: Int?
        public let session: String
        public let repColumns: Int
        public let athletes: [Athlete]
        /// `library` or `set` (added with free-form sets).
        public let kind: String
        /// The free-form set in its canonical text (`8 × 400 m @ R, 90 s jog`); left out for a library session.
        public let set: String?

        /// One member's row.
        public struct Athlete: Encodable, Sendable {
            public let handle: String
            public let name: String
            /// The VDOT the targets come from; null when the log has no result from the year before.
            public let vdot: Double?
            /// The member's session title at their targets; null without a fitness.
            public let workout: String?
            /// `file`, `hand` or `none`.
            public let source: String
            /// The activity's content hash when the reps come from a file.
            public let activity: String?
            /// The file's name when known.
            public let file: String?
            public let summary: String?
            public let reps: [Rep]
        }

        /// One rep of one member.
        public struct Rep: Encodable, Sendable {
            public let rep: Int
            /// The planned distance's label (`400m`); null for a timed rep.
            public let distance: String?
            public let meters: Double?
            public let target: String
            /// The target band in seconds: over the distance, or per km for a timed rep.
            public let targetFastSeconds: Double?
            public let targetSlowSeconds: Double?
            /// What was run on the same terms; null when not run.
            public let seconds: Double?
            public let actual: String
            /// `on-target`, `fast`, `slow`, `missing` or `extra`; null when nothing is logged yet.
            public let verdict: String?
            /// Whether the seconds are per km (a timed rep).
            public let perKilometer: Bool
        }
    }

    /// The table as the API's JSON.
    public var json: JSON {
        JSON(id: session.id.uuidString.lowercased(), name: session.name, date: session.day.description, rule: session.rule,
             week: session.set == nil ? session.week : nil, session: session.sessionTitle,
             repColumns: repColumns, athletes: rows.map(Self.json), kind: session.set == nil ? "library" : "set", set: session.set?.text)
    }

    static func json(_ row: Row) -> JSON.Athlete {
        let (kind, activity, file): (String, String?, String?) = switch row.source {
        case .file(let hash, let name): ("file", hash, name)
        case .hand: ("hand", nil, nil)
        case .none: ("none", nil, nil)
        }
        return JSON.Athlete(handle: row.athlete.handle, name: row.athlete.name, vdot: row.targets.fitness.map { rounded($0.vdot, 1) },
                            workout: row.targets.workout?.title, source: kind, activity: activity, file: file, summary: row.summary,
                            reps: row.cells.map { cell in
                                JSON.Rep(rep: cell.rep, distance: cell.distance?.label, meters: cell.distance.map { rounded($0.meters, 3) },
                                         target: cell.target, targetFastSeconds: cell.fast.map { rounded($0, 2) },
                                         targetSlowSeconds: cell.slow.map { rounded($0, 2) }, seconds: cell.seconds.map { rounded($0, 2) },
                                         actual: cell.actual, verdict: cell.verdict?.rawValue, perKilometer: cell.perKilometer)
                            })
    }

    /// The header of ``csv``.
    public static let csvHeader = ["athlete", "name", "rep", "distance", "target", "target_fast_s", "target_slow_s", "time", "seconds", "verdict"]

    /// `…/splits.csv`: one line per member and rep (RFC 4180, CRLF line ends), times as the table
    /// shows them and in seconds; a member with nothing logged has their planned reps with no time.
    public var csv: String {
        var lines = [Self.csvHeader.joined(separator: ",")]
        for row in rows {
            for cell in row.cells {
                var time = ""
                var seconds = ""
                if let value = cell.seconds {
                    time = Duration.seconds(value).formatted(.rep) + (cell.perKilometer ? "/km" : "")
                    seconds = rounded(value, 2).description
                }
                let fast: String = cell.fast.map { rounded($0, 2).description } ?? ""
                let slow: String = cell.slow.map { rounded($0, 2).description } ?? ""
                let verdict: String = cell.verdict?.rawValue ?? ""
                let fields: [String] = [row.athlete.handle, row.athlete.name, String(cell.rep), cell.distance?.label ?? "", cell.target,
                                        fast, slow, time, seconds, verdict]
                lines.append(fields.map(Self.csvField).joined(separator: ","))
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// A CSV field: quoted when it holds a comma, quote or line end (RFC 4180), and a text a
    /// spreadsheet would run as a formula (`=`, `+`, `-`, `@` first, OWASP "CSV Injection") led by `'`.
    static func csvField(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@\t\r".contains(first), Double(text) == nil { text = "'" + text }
        guard text.contains(where: { ",\"\r\n".contains($0) }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
