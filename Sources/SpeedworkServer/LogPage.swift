import Foundation
import Hummingbird
import Speedwork
import SpeedworkStore

/// "Your log", the first signed-in page (issue 11): the runner's weeks (runs, distance and time
/// per Monday-to-Sunday week, ISO 8601), activities and results from the store, newest first.
struct LogPage: Sendable {
    let store: any ServerStore
    let pages: PageRenderer

    /// How many weeks and activities the page lists.
    static let weeksShown = 12
    static let activitiesShown = 50

    func addRoutes(to group: RouterGroup<ServerContext>) {
        group.get("/") { request, context in try await show(request, context) }
    }

    /// A coached runner's log, on `/coach/athletes/{handle}`: the same page, its links under that address.
    func addAthleteRoutes(coached: RouterGroup<ServerContext>) {
        coached.get("") { request, context in try await show(request, context) }
    }

    private func show(_ request: Request, _ context: ServerContext) async throws -> Response {
        let viewed = try await context.viewedAthlete(store)
        let activities = try await store.activities(for: viewed.id, in: nil)
        let results = try await store.results(for: viewed.id, since: nil)
        let weeks = Self.weeks(activities).prefix(Self.weeksShown).map { week -> [String: Any] in
            ["start": week.start.description, "runs": week.runs, "distance": Self.kilometers(week.meters),
             "time": Speedwork.Duration(seconds: week.seconds).formatted()]
        }
        let listed = activities.reversed().prefix(Self.activitiesShown).map { activity -> [String: Any] in
            var row: [String: Any] = ["id": activity.contentHash, "date": activity.start.map { Day($0).description } ?? "–",
                                      "title": activity.name ?? activity.sport.capitalized,
                                      "distance": activity.distanceMeters.map(Self.kilometers) ?? "–",
                                      "time": activity.durationSeconds.map { Speedwork.Duration(seconds: $0).formatted() } ?? "–"]
            if let meters = activity.distanceMeters, let seconds = activity.durationSeconds, meters > 0, seconds > 0 {
                row["pace"] = Pace(secondsPerKilometer: seconds / (meters / 1000)).perKilometerText
            } else {
                row["pace"] = "–"
            }
            return row
        }
        let resultRows = results.reversed().map { result -> [String: Any] in
            ["date": result.day.description, "kind": result.kind.rawValue, "distance": Self.kilometers(result.distance.meters),
             "time": result.time.formatted(.rep)]
        }
        let values: [String: Any] = [
            "heading": "\(viewed.possessive) log", "own": viewed.byHandle == nil, "viewing": viewed.byHandle?.name ?? "",
            "empty": activities.isEmpty && results.isEmpty,
            "hasWeeks": !weeks.isEmpty, "weeks": Array(weeks),
            "hasActivities": !listed.isEmpty, "activities": Array(listed),
            "hasResults": !resultRows.isEmpty, "results": resultRows,
        ]
        return pages.page("log", title: "\(viewed.possessive) log", values: values, context: context, csrf: context.session?.csrfToken ?? "")
    }

    /// One week's totals.
    struct Week: Equatable {
        /// The week's Monday.
        var start: Day
        var runs: Int
        var meters: Double
        var seconds: Double
    }

    /// Totals per Monday-to-Sunday week (UTC days) of the activities that have a start, newest first.
    static func weeks(_ activities: [ActivitySummary]) -> [Week] {
        var byStart: [Day: Week] = [:]
        for activity in activities {
            guard let start = activity.start else { continue }
            let monday = Self.monday(of: Day(start))
            var week = byStart[monday] ?? Week(start: monday, runs: 0, meters: 0, seconds: 0)
            week.runs += 1
            week.meters += activity.distanceMeters ?? 0
            week.seconds += activity.durationSeconds ?? 0
            byStart[monday] = week
        }
        return byStart.values.sorted { $0.start > $1.start }
    }

    /// The Monday on or before `day` (1970-01-01 was a Thursday).
    static func monday(of day: Day) -> Day {
        let days = day.daysSinceEpoch
        return Day(daysSinceEpoch: days - ((days % 7 + 7 + 3) % 7))
    }

    /// `12.34 km`.
    static func kilometers(_ meters: Double) -> String {
        String(format: "%.2f km", meters / 1000)
    }
}
