import Foundation
import Hummingbird
import HummingbirdTesting
import Speedwork
@testable import SpeedworkReports
@testable import SpeedworkCLI
@testable import SpeedworkServer
import SpeedworkFiles
import SpeedworkStore
import Testing

/// The read cache of the JSON reads (issue 12, load): a warm answer is byte for byte the answer a
/// server that never saw the log computes; a write of the runner's data through another store on
/// the same database (another server process) makes the next read fresh; a change that raises no
/// revision is not seen, which shows answers really come from the cache; and the cache holds its
/// bound, computes once for requests that miss together and keeps no failure.
@Suite(.serialized)
struct LogReadCacheTests {
    /// Two apps on one fresh database of `engine`, as two server processes (`first` with the import
    /// workers when `importing`), each with its own store, and the database for raw SQL.
    static func withTwoApps(_ engine: Engine, importing: Bool = false,
                            _ body: @escaping @Sendable (_ first: any TestClientProtocol, _ second: any TestClientProtocol,
                                                         _ firstStore: any ServerStore, _ secondStore: any ServerStore,
                                                         _ database: TestDatabase) async throws -> Void) async throws {
        let database = try await TestDatabase.make(engine, prefix: "speedwork_cache")
        var configuration = database.configuration()
        if importing { UploadRoutesTests.importing(&configuration) }
        let firstStore = try await database.location.openServerStore()
        let secondStore = try await database.location.openServerStore()
        do {
            let first = try buildApplication(configuration, store: firstStore)
            let second = try buildApplication(database.configuration(), store: secondStore)
            try await first.test(.router) { firstClient in
                try await second.test(.router) { secondClient in
                    try await body(firstClient, secondClient, firstStore, secondStore, database)
                }
            }
        } catch {
            await firstStore.close()
            await secondStore.close()
            await database.drop()
            throw error
        }
        await firstStore.close()
        await secondStore.close()
        await database.drop()
    }

    static func get(_ client: any TestClientProtocol, _ path: String, _ token: String) async throws -> String {
        let answer = try await client.execute(uri: path, method: .get, headers: APIRoutesTests.bearer(token))
        #expect(answer.status == .ok, "\(path): \(answer.text.prefix(200))")
        return answer.text
    }

    /// The `plannedSession.ref` of an activity's answer.
    static func plannedRef(_ text: String) -> String? {
        let json = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        return (json?["plannedSession"] as? [String: Any])?["ref"] as? String
    }

    @Test(arguments: Engine.available)
    func todayWeekAndPlanAreServedFromTheCacheUntilAnotherProcessWrites(engine: Engine) async throws {
        try await Self.withTwoApps(engine) { first, second, store, otherStore, database in
            try await Browser(first).register("ana", goodPassword)
            let ana = try #require(try await store.account(login: "ana"))
            try await TodayPageTests.savePlan(for: ana.athlete, in: store)
            let token = try await TodayPageTests.token(first, "ana")
            let paths = ["/api/v1/today?date=2026-12-08", "/api/v1/week?date=2026-12-08", "/api/v1/plan"]

            // Cold, then warm: the same bytes, and the same as the other process computes.
            var before: [String: String] = [:]
            for path in paths {
                let cold = try await Self.get(first, path, token)
                #expect(try await Self.get(first, path, token) == cold, "\(path)")
                #expect(try await Self.get(second, path, token) == cold, "\(path)")
                before[path] = cold
            }
            // The API's today answer is the command line's `today --json` for the same log.
            let report = try await PlanDayReport.make(log: store, athlete: ana.athlete, date: try Day(parsing: "2026-12-08"), wholeWeek: false)
            #expect(before[paths[0]] == (try JSONOutput.render(report)))

            // A session logged by hand behind the store's back raises no revision: the warm answer stays.
            let revision = try await store.logRevision(for: ana.athlete)
            try await database.execute("""
                INSERT INTO logged_sessions (id, athlete_id, day, session, rpe, notes, created_at)
                VALUES ('\(UUID().uuidString.lowercased())', '\(ana.athlete.rawValue)', '2026-12-08', 'M11', 6, 'raw', 0)
                """)
            #expect(try await store.logRevision(for: ana.athlete) == revision)
            #expect(try await Self.get(first, paths[0], token) == before[paths[0]])

            // The other process logs a session and pauses the plan: the next reads here are fresh,
            // equal to what the other process computes, and show both.
            _ = try await otherStore.add([try LoggedSession(day: try Day(parsing: "2026-12-08"), session: "M11", rpe: 7,
                                                            reps: [35, 35.4, 36].map { try LoggedRep(distance: .meters(200), time: .seconds($0)) })],
                                         for: ana.athlete)
            let plan = try #require(try await otherStore.activePlan(for: ana.athlete))
            try await otherStore.add(pause: try PlanPause(from: try Day(parsing: "2026-12-21"), to: try Day(parsing: "2026-12-24")),
                                     plan: plan.id, for: ana.athlete, at: Date())
            #expect(try await store.logRevision(for: ana.athlete) == revision + 2)
            for path in paths {
                let fresh = try await Self.get(first, path, token)
                #expect(fresh != before[path], "\(path) still answers the log before the writes")
                #expect(fresh == (try await Self.get(second, path, token)), "\(path)")
            }
            let today = try await Self.get(first, paths[0], token)
            let uncached = try await PlanDayReport.make(log: store, athlete: ana.athlete, date: try Day(parsing: "2026-12-08"), wholeWeek: false)
            #expect(today == (try JSONOutput.render(uncached)))
        }
    }

    @Test(arguments: Engine.available)
    func anActivitysGradeIsFreshAfterALinkFromAnotherProcess(engine: Engine) async throws {
        let folder = UploadRoutesTests.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Self.withTwoApps(engine, importing: true) { first, second, store, otherStore, _ in
            try await Browser(first).register("ana", goodPassword)
            let ana = try #require(try await store.account(login: "ana"))
            let planned = try await PlannedSessionGradeRoutesTests.savePlan(for: ana.athlete, in: store)
            let speeds = planned.reps.map { rep in 2000 / (rep.band.fast.secondsPerKilometer + rep.band.slow.secondsPerKilometer) }
            let start = Date(timeIntervalSince1970: Double(planned.session.day.daysSinceEpoch) * 86_400 + 7 * 3_600)
            let fit = Data(try FITActivityEncoder().encode(PlannedSessionGradeRoutesTests.trackSession(
                planned.reps, speeds: speeds, recoveries: planned.recoveries, start: start)))
            let token = try await UploadRoutesTests.token(first, login: "ana")
            let empty = try await Self.get(first, "/api/v1/activities", token)
            #expect(empty == #"{"activities":[]}"#)
            let sent = try await first.execute(uri: "/api/v1/uploads?name=track.fit", method: .post,
                                               headers: APIRoutesTests.bearer(token), body: ByteBuffer(bytes: fit))
            let done = try await UploadRoutesTests.finishedUpload(first, try #require(sent.headers[.location]), token: token)
            let hash = try #require((done["activities"] as? [String])?.first)
            let path = "/api/v1/activities/\(hash)"
            // The import's write raised the revision: the list is fresh, and the other process's.
            let listed = try await Self.get(first, "/api/v1/activities", token)
            #expect(listed.contains(hash))
            #expect(listed == (try await Self.get(second, "/api/v1/activities", token)))

            let cold = try await Self.get(first, path, token)
            #expect(try await Self.get(first, path, token) == cold)
            #expect(try await Self.get(second, path, token) == cold)
            #expect(Self.plannedRef(cold) == planned.session.day.description)

            // The other process links the activity to the plan's next day with a session instead.
            let plan = try #require(try await otherStore.activePlan(for: ana.athlete))
            let standing = try #require(try await PlanAsItStands.load(from: Day(Date()), log: otherStore, for: ana.athlete))
            let other = try #require(standing.sessions.first { $0.session.day > planned.session.day && $0.session.day < Day(Date())
                && $0.session.workout.isHard && $0.ref.description != planned.session.day.description })
            try await otherStore.link(work: hash, to: other.ref.description, plan: plan.id, for: ana.athlete, at: Date())
            let fresh = try await Self.get(first, path, token)
            #expect(fresh != cold)
            #expect(Self.plannedRef(fresh) == other.ref.description)
            #expect(fresh == (try await Self.get(second, path, token)))
        }
    }

    @Test func requestsThatMissTogetherComputeOnceAndAFailureIsNotKept() async throws {
        try await withStore(.sqlite) { store, _ in
            let runner = try await store.defaultAthlete().id
            let cache = LogReadCache()
            let computed = CallCount()
            let answers = try await withThrowingTaskGroup(of: String.self) { group in
                for _ in 0..<16 {
                    group.addTask {
                        try await cache.text("today/2026-12-08", athlete: runner, store: store) {
                            computed.add()
                            try await Task.sleep(for: .milliseconds(50))
                            return "answer"
                        }
                    }
                }
                return try await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(answers == Array(repeating: "answer", count: 16))
            #expect(computed.value == 1)

            struct Broken: Error {}
            await #expect(throws: Broken.self) {
                _ = try await cache.text("week/2026-12-08", athlete: runner, store: store) { throw Broken() }
            }
            #expect(try await cache.text("week/2026-12-08", athlete: runner, store: store) { "week" } == "week")

            // A write raises the revision: computed again.
            _ = try await store.add([try LoggedResult(day: try Day(parsing: "2026-12-01"), kind: .effort, distance: .meters(400),
                                                      time: .seconds(70))], for: runner)
            #expect(try await cache.text("today/2026-12-08", athlete: runner, store: store) { computed.add(); return "newer" } == "newer")
            #expect(computed.value == 2)
            // The same revision on another day is another answer.
            let tomorrow = Day(Date()).adding(days: 1)
            #expect(try await cache.text("today/2026-12-08", athlete: runner, store: store, today: tomorrow) { "tomorrow" } == "tomorrow")
        }
    }

    @Test func aKeptAnswerIsSentFromOneCopyOfItsBytes() async throws {
        try await withStore(.sqlite) { store, _ in
            let runner = try await store.defaultAthlete().id
            let cache = LogReadCache()
            let list = String(repeating: "{\"id\":\"a\"},", count: 10_000)
            let first = try await cache.answer("activities", athlete: runner, store: store) { list }
            let second = try await cache.answer("activities", athlete: runner, store: store) { "computed again" }
            #expect(String(buffer: second) == list)
            let firstAddress = first.withUnsafeReadableBytes { UInt(bitPattern: $0.baseAddress) }
            let secondAddress = second.withUnsafeReadableBytes { UInt(bitPattern: $0.baseAddress) }
            #expect(firstAddress == secondAddress, "the second request's body is a copy of the kept answer")
            #expect(cache.size.bytes == list.utf8.count)
        }
    }

    @Test func oneRunnersAnswerIsNeverAnothersAtTheSameRevision() async throws {
        try await withStore(.sqlite) { store, _ in
            let ana = try await store.addAthlete(handle: "ana", name: "Ana").id
            let bob = try await store.addAthlete(handle: "bob", name: "Bob").id
            #expect(try await store.logRevision(for: ana) == (try await store.logRevision(for: bob)))
            let cache = LogReadCache()
            #expect(try await cache.text("today/2026-12-08", athlete: ana, store: store) { "ana's day" } == "ana's day")
            #expect(try await cache.text("today/2026-12-08", athlete: bob, store: store) { "bob's day" } == "bob's day")
            #expect(try await cache.text("today/2026-12-08", athlete: ana, store: store) { "computed again" } == "ana's day")
        }
    }

    @Test func aPublishedImportIsReadFromAnswersMadeReadyBeforeThePublication() async throws {
        try await withStore(.sqlite) { store, _ in
            let runner = try await store.defaultAthlete().id
            let cache = LogReadCache()
            let computed = CallCount()
            let list: @Sendable () async throws -> String = {
                computed.add()
                return try await store.activities(for: runner, in: nil).map(\.contentHash).joined(separator: ",")
            }
            #expect(try await cache.text("activities", athlete: runner, store: store, compute: list) == "")
            let packed = try PackedActivity(UploadFixtures.trackSession(), name: "Track", source: "track.fit")
            _ = try await ImportBatch.$holdsBackRevision.withValue(true) {
                try await store.save(ImportBatch(activities: [packed]), for: runner)
            }
            // Held back: still the answer of the log before the import, not computed again.
            #expect(try await cache.text("activities", athlete: runner, store: store, compute: list) == "")
            #expect(computed.value == 1)
            // Published: computed once by the publication, and the read after it finds it ready.
            let revision = try await LogReadCache.publish(athlete: runner, store: store)
            #expect(revision == 1)
            #expect(computed.value == 2)
            #expect(try await cache.text("activities", athlete: runner, store: store) { computed.add(); return "computed by the read" }
                    == packed.summary.contentHash)
            #expect(computed.value == 2)
            // Read since it was kept: computed again by the next publication. Not read since: left
            // to the next read, so answers nobody reads any more are not carried along.
            try await LogReadCache.publish(athlete: runner, store: store)
            #expect(computed.value == 3)
            try await LogReadCache.publish(athlete: runner, store: store)
            #expect(computed.value == 3)
            #expect(try await cache.text("activities", athlete: runner, store: store, compute: list) == packed.summary.contentHash)
            #expect(computed.value == 4)
        }
    }

    @Test func answersMadeReadyAreDroppedWhenAnotherWriteRaisedTheRevisionMeanwhile() async throws {
        try await withStore(.sqlite) { store, _ in
            let runner = try await store.defaultAthlete().id
            let cache = LogReadCache()
            let raced = CallCount()
            // The answer's computation is raced by a write that raises the revision (another process).
            #expect(try await cache.text("today/2026-12-08", athlete: runner, store: store) {
                raced.add()
                if raced.value == 2 {
                    _ = try await store.add([try LoggedResult(day: try Day(parsing: "2026-12-01"), kind: .effort, distance: .meters(400),
                                                              time: .seconds(70))], for: runner)
                }
                return "computed \(raced.value)"
            } == "computed 1")
            #expect(try await LogReadCache.publish(athlete: runner, store: store) == 2)
            #expect(raced.value == 2)
            // Not kept under revision 2: the write at revision 1 came after it was computed.
            #expect(try await cache.text("today/2026-12-08", athlete: runner, store: store) { "computed by the read" } == "computed by the read")
        }
    }

    /// Two apps in one process, each with its own store on one database: an import of the first
    /// computes none of the second's answers (that cache computes its own on its next read).
    @Test func aPublicationComputesOnlyTheAnswersOfItsOwnStore() async throws {
        try await withDatabase(.sqlite) { database in
            let store = try await database.location.open()
            let otherStore = try await database.location.open()
            let runner = try await store.defaultAthlete().id
            let cache = LogReadCache()
            let computed = CallCount()
            _ = try await cache.text("activities", athlete: runner, store: otherStore) { computed.add(); return "other" }
            #expect(try await LogReadCache.publish(athlete: runner, store: store) == 1)
            #expect(computed.value == 1, "the other store's answer is not computed by this store's publication")
            #expect(try await cache.text("activities", athlete: runner, store: otherStore) { computed.add(); return "again" } == "again")
            await store.close()
            await otherStore.close()
        }
    }

    @Test func theCacheHoldsItsBoundDroppingTheLeastRecentlyUsed() async throws {
        try await withStore(.sqlite) { store, _ in
            let runner = try await store.defaultAthlete().id
            let cache = LogReadCache(capacityBytes: 10_000)
            let text = String(repeating: "x", count: 1_000)
            for index in 0..<50 {
                _ = try await cache.text("activity/\(index)", athlete: runner, store: store) { text }
                // The first answer is read after every other one, so it stays the most recently used.
                _ = try await cache.text("activity/0", athlete: runner, store: store) { text }
                #expect(cache.size.bytes <= 10_000)
            }
            #expect(cache.size.answers <= 10)
            let recomputed = CallCount()
            _ = try await cache.text("activity/0", athlete: runner, store: store) { recomputed.add(); return text }
            _ = try await cache.text("activity/1", athlete: runner, store: store) { recomputed.add(); return text }
            #expect(recomputed.value == 1, "the most recently used answer stays, the oldest goes")
        }
    }
}

/// A count shared by concurrent closures.
final class CallCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}

extension LogReadCache {
    /// The answer of `read` as text, for comparing with what the test computed.
    func text(_ read: String, athlete: AthleteID, store: any TrainingStore, today: Day = Day(Date()),
              compute: @escaping @Sendable () async throws -> String) async throws -> String {
        String(buffer: try await answer(read, athlete: athlete, store: store, today: today, compute: compute))
    }
}
