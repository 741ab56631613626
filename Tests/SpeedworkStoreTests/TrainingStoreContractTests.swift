import Foundation
import Speedwork
import SpeedworkStore
import Testing

/// What every engine behind `TrainingStore` must do (ARCHITECTURE.md items 4 and 11): run on SQLite
/// always and on PostgreSQL when `SPEEDWORK_TEST_POSTGRES` is set, each test on a fresh database.
@Suite(.serialized)
struct TrainingStoreContractTests {
    private static func day(_ text: String) -> Day { try! Day(parsing: text) }

    @Test func postgresIsRunOrSaidToBeSkipped() {
        #expect(Engine.available.contains(.sqlite))
        #expect(Engine.available.contains(.postgres) == (Engine.serverURL != nil))
    }

    @Test(arguments: Engine.available)
    func migrationsAreAppliedOnceInOrder(engine: Engine) async throws {
        try await withDatabase(engine) { database in
            let first = try await database.location.open()
            #expect(try await first.appliedMigrations() == Schema.migrations.map(\.name))
            await first.close()
            let second = try await database.location.open()
            #expect(try await second.appliedMigrations() == Schema.migrations.map(\.name))
            await second.close()
        }
    }

    @Test(arguments: Engine.available)
    func twoOpeningsAtOnceMigrateOnce(engine: Engine) async throws {
        try await withDatabase(engine) { database in
            let location = database.location
            async let first = location.open()
            async let second = location.open()
            let stores = try await [first, second]
            for store in stores {
                #expect(try await store.appliedMigrations() == Schema.migrations.map(\.name))
                await store.close()
            }
        }
    }

    @Test(arguments: Engine.available)
    func aDamagedSampleBlobIsAnErrorNotACrash(engine: Engine) async throws {
        try await withStore(engine) { store, database in
            let runner = try await store.defaultAthlete().id
            let packed = try PackedActivity(GeneratedActivity.run(seed: 90, samples: 300))
            _ = try await store.save(ImportBatch(activities: [packed]), for: runner)
            // The magic bytes and a length, then no zlib stream.
            let damaged = engine == .sqlite ? "X'5357530164'" : "'\\x5357530164'::bytea"
            try await database.execute("UPDATE activity_samples SET blob = \(damaged)")
            let error = await #expect(throws: StoreError.self) { _ = try await store.activity(packed.summary.contentHash, for: runner) }
            #expect(error?.description.contains("damaged") == true)
            #expect(try await store.activities(for: runner, in: nil) == [packed.summary])
        }
    }

    @Test(arguments: Engine.available)
    func athletesAreAddedOnceByHandle(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            #expect(try await store.athlete(handle: "default") == nil)
            let runner = try await store.defaultAthlete()
            #expect(runner.handle == Athlete.defaultHandle)
            #expect(try await store.defaultAthlete() == runner)
            let other = try await store.addAthlete(handle: "kip", name: "Kip K.")
            #expect(other.id != runner.id)
            #expect(try await store.athlete(handle: "kip") == other)
            await #expect(throws: InputError.self) { try await store.addAthlete(handle: "no spaces", name: "x") }
        }
    }

    @Test(arguments: Engine.available)
    func activitiesRoundTripWithTheirSamples(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let runner = try await store.defaultAthlete().id
            let activities = (0..<3).map { GeneratedActivity.run(seed: UInt64(40 + $0), samples: 1200,
                                                                 start: Date(timeIntervalSince1970: 1_767_225_600 + Double($0) * 86_400)) }
            let packed = try activities.enumerated().map {
                try PackedActivity($1, name: "run \($0)", source: "run\($0).fit", analysisJSON: #"{"reps":[{"seconds":38.2}]}"#)
            }
            let outcome = try await store.save(ImportBatch(activities: packed), for: runner)
            #expect(outcome == BatchOutcome(added: 3, alreadyThere: 0))
            let summaries = try await store.activities(for: runner, in: nil)
            #expect(summaries == packed.map(\.summary))
            #expect(summaries.map(\.name) == ["run 0", "run 1", "run 2"])
            #expect(summaries[0].sampleCount == 1200)
            #expect(summaries[0].distanceMeters == activities[0].deviceDistanceMeters)
            let stored = try #require(try await store.activity(packed[1].summary.contentHash, for: runner))
            #expect(stored.activity == activities[1])
            #expect(stored.summary.analysisJSON == #"{"reps":[{"seconds":38.2}]}"#)
            #expect(try await store.activitySummary(packed[1].summary.contentHash, for: runner) == stored.summary,
                    "the summary alone is the one read with the samples")
            #expect(try await store.activitySummary(String(repeating: "0", count: 64), for: runner) == nil)
            let secondDay = DateInterval(start: Date(timeIntervalSince1970: 1_767_225_600 + 86_400), duration: 86_400)
            #expect(try await store.activities(for: runner, in: secondDay).map(\.contentHash) == [packed[1].summary.contentHash])
            #expect(try await store.activity(String(repeating: "0", count: 64), for: runner) == nil)
        }
    }

    @Test(arguments: Engine.available)
    func digestsAreStoredAndReadWithoutTheAnalysis(engine: Engine) async throws {
        try await withStore(engine) { store, database in
            let runner = try await store.defaultAthlete().id
            let reports = [ActivityDigestTests.report, #"{"sport": 7}"#, nil]
            let packed = try reports.enumerated().map { index, report in
                try PackedActivity(GeneratedActivity.run(seed: UInt64(70 + index), samples: 300,
                                                         start: Date(timeIntervalSince1970: 1_767_225_600 + Double(index) * 3600)),
                                   analysisJSON: report)
            }
            _ = try await store.save(ImportBatch(activities: packed), for: runner)
            let digests = try await store.activityDigests(for: runner, in: nil)
            #expect(digests.map(\.digest) == [ActivityDigestTests.expected, nil, nil])
            #expect(digests.allSatisfy { $0.analysisJSON == nil })
            #expect(digests.map(\.contentHash) == packed.map(\.summary.contentHash))
            #expect(try await store.activities(for: runner, in: nil).map(\.digest) == [ActivityDigestTests.expected, nil, nil])
            let firstHour = DateInterval(start: Date(timeIntervalSince1970: 1_767_225_600), duration: 3600)
            #expect(try await store.activityDigests(for: runner, in: firstHour).map(\.contentHash) == [packed[0].summary.contentHash])
            // A damaged digest is an error naming the log, not a crash or a silent nil.
            let damaged = engine == .sqlite ? "X'0907'" : "'\\x0907'::bytea"
            try await database.execute("UPDATE activities SET digest = \(damaged) WHERE content_hash = '\(packed[0].summary.contentHash)'")
            let error = await #expect(throws: StoreError.self) { _ = try await store.activityDigests(for: runner, in: nil) }
            #expect(error?.description.contains("digest is damaged") == true)
        }
    }

    @Test(arguments: Engine.available)
    func aLogFromBeforeDigestsGetsThemFromItsAnalysesOnce(engine: Engine) async throws {
        try await withDatabase(engine) { database in
            let reports = [ActivityDigestTests.report, #"{"sport": 7}"#, nil, #"{"reps":[{"seconds":38.2}]}"#]
            let packed = try reports.enumerated().map { index, report in
                try PackedActivity(GeneratedActivity.run(seed: UInt64(80 + index), samples: 200,
                                                         start: Date(timeIntervalSince1970: 1_767_225_600 + Double(index) * 3600)),
                                   analysisJSON: report)
            }
            let first = try await database.location.open()
            let runner = try await first.defaultAthlete().id
            _ = try await first.save(ImportBatch(activities: packed), for: runner)
            await first.close()
            // Back to the schema before the digest: its column and its migration's record gone.
            try await database.execute("ALTER TABLE activities DROP COLUMN digest")
            try await database.execute("DELETE FROM speedwork_migrations WHERE name = '0007-activity-digest'")
            let reopened = try await database.location.open()
            // Every migration applied, the digest's again (after any later one).
            #expect(Set(try await reopened.appliedMigrations()) == Set(Schema.migrations.map(\.name)))
            let digests = try await reopened.activityDigests(for: runner, in: nil).map(\.digest)
            #expect(digests == [ActivityDigestTests.expected, nil, nil,
                                ActivityDigest(analysedAsRun: nil, distanceMeters: nil, durationSeconds: nil, movingSeconds: nil,
                                               reps: [.init(meters: nil, seconds: 38.2)], recoverySeconds: [], bestEfforts: [],
                                               easyRunTooHard: nil)])
            #expect(digests == packed.map(\.summary.digest))
            await reopened.close()
        }
    }

    @Test(arguments: Engine.available)
    func savingTheSameBatchTwiceAddsNothing(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let runner = try await store.defaultAthlete().id
            let packed = try (0..<4).map { try PackedActivity(GeneratedActivity.run(seed: UInt64(60 + $0), samples: 200)) }
            let modified = Date(timeIntervalSince1970: 1_700_000_000.123)
            let files = packed.enumerated().map {
                ImportedFile(path: "export/\($0).fit", sizeBytes: 1000 + Int64($0), modifiedAt: modified, outcome: .added,
                             contentHash: $1.summary.contentHash)
            } + [ImportedFile(path: "export/broken.fit", sizeBytes: 12, modifiedAt: modified, outcome: .skipped,
                              detail: "FIT header says 14 bytes, file has 12")]
            // The same run twice in one batch (as .fit and .fit.gz) is one activity.
            let batch = ImportBatch(activities: packed + [packed[0]], files: files)
            #expect(try await store.save(batch, for: runner) == BatchOutcome(added: 4, alreadyThere: 1))
            #expect(try await store.save(batch, for: runner) == BatchOutcome(added: 0, alreadyThere: 5))
            #expect(try await store.activities(for: runner, in: nil).count == 4)
            let recorded = try await store.importedFiles(for: runner)
            #expect(Set(recorded) == Set(files))
            #expect(recorded.count == files.count)
        }
    }

    @Test(arguments: Engine.available)
    func resultsRoundTripOnceAndFilterByDay(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let runner = try await store.defaultAthlete().id
            let results = [
                try LoggedResult(day: Self.day("2026-03-01"), kind: .race, distance: .kilometers(5), time: .seconds(1199),
                                 notes: "parkrun, windy"),
                try LoggedResult(day: Self.day("2026-04-12"), kind: .timeTrial, distance: .meters(1609.344), time: .seconds(331.4),
                                 activityHash: String(repeating: "ab", count: 32)),
                try LoggedResult(day: Self.day("2026-05-02"), kind: .effort, distance: .meters(400), time: .seconds(71.9)),
            ]
            #expect(try await store.add(results, for: runner) == 3)
            #expect(try await store.add(results, for: runner) == 0)
            #expect(try await store.results(for: runner, since: nil) == results)
            #expect(try await store.results(for: runner, since: Self.day("2026-04-12")) == Array(results[1...]))
        }
    }

    @Test(arguments: Engine.available)
    func handLoggedSessionsKeepRepsSetsAndForm(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let runner = try await store.defaultAthlete().id
            let track = try LoggedSession(
                day: Self.day("2026-02-03"), session: "M11", rpe: 7, notes: "no watch, coach timed",
                reps: [38.2, 37.9, 38.5].map { try LoggedRep(distance: .meters(200), time: .seconds($0)) })
            let strength = try LoggedSession(
                day: Self.day("2026-02-04"), rpe: 5,
                strengthSets: [
                    try StrengthSet(exercise: "back squat", reps: 5, loadKilograms: 62.5, formWasGood: true),
                    try StrengthSet(exercise: "back squat", reps: 5, loadKilograms: 62.5, formWasGood: false),
                    try StrengthSet(exercise: "calf raise", reps: 15, formWasGood: true),
                ])
            let untimed = try LoggedSession(day: Self.day("2026-02-05"), reps: [try LoggedRep(time: .seconds(61))])
            #expect(try await store.add([track, strength, untimed], for: runner) == 3)
            #expect(try await store.add([track], for: runner) == 0)
            let back = try await store.sessions(for: runner, since: nil)
            #expect(back == [track, strength, untimed])
            #expect(back[1].strengthSets.map(\.formWasGood) == [true, false, true])
            #expect(try await store.sessions(for: runner, since: Self.day("2026-02-04")) == [strength, untimed])
        }
    }

    @Test(arguments: Engine.available)
    func plansRoundTripAsJSON(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let runner = try await store.defaultAthlete().id
            let plan = try SavedPlan(name: "Spring 1500", createdAt: Date(timeIntervalSince1970: 1_770_000_000.5),
                                     json: #"{"weeks":[{"days":[{"session":"M11"}]}]}"#)
            #expect(try await store.save([plan], for: runner) == 1)
            #expect(try await store.save([plan], for: runner) == 0)
            #expect(try await store.plans(for: runner) == [plan])
            #expect(throws: InputError.self) { try SavedPlan(name: "bad", json: "{weeks") }
        }
    }

    @Test(arguments: Engine.available)
    func oneActivePlanAtATimeWithTheRestKeptAsHistory(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let runner = try await store.defaultAthlete().id
            let other = try await store.addAthlete(handle: "other", name: "Other").id
            #expect(try await store.activePlan(for: runner) == nil)
            let spring = try SavedPlan(name: "Spring mile", createdAt: Date(timeIntervalSince1970: 1_770_000_000),
                                       json: #"{"weeks":[]}"#, request: #"{"goal":"mile=6:00","days":["mon","wed","sat"]}"#)
            let summer = try SavedPlan(name: "Summer 5k", createdAt: Date(timeIntervalSince1970: 1_780_000_000),
                                       json: #"{"weeks":[]}"#, request: #"{"goal":"5k=20:00"}"#)
            let old = try SavedPlan(name: "Before requests were kept", createdAt: Date(timeIntervalSince1970: 1_760_000_000), json: "{}")
            #expect(try await store.save([spring, summer, old], for: runner) == 3)
            #expect(try await store.plans(for: runner) == [old, spring, summer])
            #expect(try await store.plans(for: runner).first?.request == nil)

            try await store.activate(plan: spring.id, for: runner, since: Date(timeIntervalSince1970: 1_770_000_001))
            #expect(try await store.activePlan(for: runner) == spring)
            try await store.activate(plan: summer.id, for: runner, since: Date(timeIntervalSince1970: 1_780_000_001))
            #expect(try await store.activePlan(for: runner) == summer)
            // The plan made inactive stays in the log.
            #expect(try await store.plans(for: runner) == [old, spring, summer])

            // A plan of another runner, or none at all, cannot be made active; nothing changes.
            let theirs = try SavedPlan(name: "Theirs", json: "{}")
            _ = try await store.save([theirs], for: other)
            await #expect(throws: InputError.self) { try await store.activate(plan: theirs.id, for: runner, since: Date()) }
            await #expect(throws: InputError.self) { try await store.activate(plan: UUID(), for: runner, since: Date()) }
            #expect(try await store.activePlan(for: runner) == summer)
            #expect(try await store.activePlan(for: other) == nil)
            #expect(throws: InputError.self) { try SavedPlan(name: "bad request", json: "{}", request: "{goal") }
        }
    }

    @Test(arguments: Engine.available)
    func planLinksReplaceEarlierOnesOfTheSessionOrTheWork(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let runner = try await store.defaultAthlete().id
            let other = try await store.addAthlete(handle: "other", name: "Other").id
            let plan = try SavedPlan(name: "Spring mile", json: "{}", request: "{}")
            let older = try SavedPlan(name: "Winter", createdAt: Date(timeIntervalSince1970: 1_700_000_000), json: "{}")
            _ = try await store.save([plan, older], for: runner)
            #expect(try await store.links(plan: plan.id, for: runner).isEmpty)
            let moment = Date(timeIntervalSince1970: 1_770_000_000)
            try await store.link(work: "hash-a", to: "2026-12-08", plan: plan.id, for: runner, at: moment)
            try await store.link(work: "hash-b", to: "2026-12-10", plan: plan.id, for: runner, at: moment)
            try await store.link(work: "hash-a", to: "2026-12-08", plan: older.id, for: runner, at: moment)
            #expect(try await store.links(plan: plan.id, for: runner) == ["2026-12-08": "hash-a", "2026-12-10": "hash-b"])
            // Relinking a piece of work moves it; linking a session again replaces its work.
            try await store.link(work: "hash-a", to: "2026-12-09/2", plan: plan.id, for: runner, at: moment)
            #expect(try await store.links(plan: plan.id, for: runner) == ["2026-12-09/2": "hash-a", "2026-12-10": "hash-b"])
            try await store.link(work: "hash-c", to: "2026-12-10", plan: plan.id, for: runner, at: moment)
            #expect(try await store.links(plan: plan.id, for: runner) == ["2026-12-09/2": "hash-a", "2026-12-10": "hash-c"])
            #expect(try await store.links(plan: older.id, for: runner) == ["2026-12-08": "hash-a"])
            // Another runner cannot link to this runner's plan, nor see its links.
            await #expect(throws: InputError.self) {
                try await store.link(work: "x", to: "2026-12-08", plan: plan.id, for: other, at: moment)
            }
            #expect(try await store.links(plan: plan.id, for: other).isEmpty)
        }
    }

    @Test(arguments: Engine.available)
    func planPausesAreKeptInOrderAndNeverOverlap(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let runner = try await store.defaultAthlete().id
            let other = try await store.addAthlete(handle: "other", name: "Other").id
            let plan = try SavedPlan(name: "Spring mile", json: "{}", request: "{}")
            let older = try SavedPlan(name: "Winter", createdAt: Date(timeIntervalSince1970: 1_700_000_000), json: "{}")
            _ = try await store.save([plan, older], for: runner)
            func day(_ text: String) throws -> Day { try Day(parsing: text) }
            let moment = Date(timeIntervalSince1970: 1_770_000_000)
            #expect(try await store.pauses(plan: plan.id, for: runner).isEmpty)
            let illness = try PlanPause(from: day("2027-01-04"), to: day("2027-01-17"))
            let travel = try PlanPause(from: day("2026-12-20"), to: day("2026-12-22"))
            try await store.add(pause: illness, plan: plan.id, for: runner, at: moment)
            try await store.add(pause: travel, plan: plan.id, for: runner, at: moment)
            // The same days in another plan are another plan's business.
            try await store.add(pause: illness, plan: older.id, for: runner, at: moment)
            #expect(try await store.pauses(plan: plan.id, for: runner) == [travel, illness])
            // Sharing a first day, a last day, or lying inside: each overlaps and changes nothing.
            for (from, to) in [("2027-01-17", "2027-01-20"), ("2027-01-01", "2027-01-04"), ("2027-01-06", "2027-01-07"),
                               ("2026-12-01", "2027-02-01")] {
                let error = await #expect(throws: InputError.self) {
                    try await store.add(pause: try PlanPause(from: day(from), to: day(to)), plan: plan.id, for: runner, at: moment)
                }
                #expect(error?.description.contains("overlaps your pause") == true, "\(from)–\(to)")
            }
            // The day after a pause is free to start another.
            let after = try PlanPause(from: day("2027-01-18"), to: day("2027-01-18"))
            try await store.add(pause: after, plan: plan.id, for: runner, at: moment)
            #expect(try await store.pauses(plan: plan.id, for: runner) == [travel, illness, after])
            // Another runner cannot pause this runner's plan, nor see its pauses.
            await #expect(throws: InputError.self) { try await store.add(pause: travel, plan: plan.id, for: other, at: moment) }
            #expect(try await store.pauses(plan: plan.id, for: other).isEmpty)
        }
    }

    @Test(arguments: Engine.available)
    func oneAthleteNeverSeesAnothersData(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let a = try await store.addAthlete(handle: "a", name: "A").id
            let b = try await store.addAthlete(handle: "b", name: "B").id
            let packed = try PackedActivity(GeneratedActivity.run(seed: 80, samples: 100))
            let file = ImportedFile(path: "a.fit", sizeBytes: 1, modifiedAt: Date(timeIntervalSince1970: 0), outcome: .added)
            _ = try await store.save(ImportBatch(activities: [packed], files: [file]), for: a)
            let result = try LoggedResult(day: Self.day("2026-01-01"), kind: .race, distance: .kilometers(10), time: .seconds(2400))
            _ = try await store.add([result], for: a)
            let session = try LoggedSession(day: Self.day("2026-01-02"), rpe: 6, reps: [try LoggedRep(time: .seconds(80))])
            _ = try await store.add([session], for: a)
            let plan = try SavedPlan(name: "A's plan", json: "{}")
            _ = try await store.save([plan], for: a)

            #expect(try await store.activities(for: b, in: nil).isEmpty)
            #expect(try await store.activity(packed.summary.contentHash, for: b) == nil)
            #expect(try await store.activitySummary(packed.summary.contentHash, for: b) == nil)
            #expect(try await store.importedFiles(for: b).isEmpty)
            #expect(try await store.results(for: b, since: nil).isEmpty)
            #expect(try await store.sessions(for: b, since: nil).isEmpty)
            #expect(try await store.plans(for: b).isEmpty)

            // B writing a record under A's key changes nothing of A's and gives B nothing of A's.
            let clash = try LoggedSession(id: session.id, day: Self.day("2026-01-03"), rpe: 9,
                                          reps: [try LoggedRep(time: .seconds(1)), try LoggedRep(time: .seconds(2))])
            #expect(try await store.add([clash], for: b) == 0)
            #expect(try await store.sessions(for: a, since: nil) == [session])
            #expect(try await store.sessions(for: b, since: nil).isEmpty)
            // The same activity is B's own once B imports it.
            #expect(try await store.save(ImportBatch(activities: [packed]), for: b) == BatchOutcome(added: 1, alreadyThere: 0))
            #expect(try await store.activities(for: a, in: nil).count == 1)
        }
    }

    @Test(arguments: Engine.available)
    func writingForAnAthleteNotInTheLogFailsWholeAndClearly(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let known = try await store.defaultAthlete().id
            let stranger = AthleteID(rawValue: "00000000-0000-0000-0000-000000000000")
            let packed = try PackedActivity(GeneratedActivity.run(seed: 95, samples: 100))
            let file = ImportedFile(path: "x.fit", sizeBytes: 1, modifiedAt: Date(timeIntervalSince1970: 0), outcome: .added)
            let error = await #expect(throws: StoreError.self) {
                _ = try await store.save(ImportBatch(activities: [packed], files: [file]), for: stranger)
            }
            #expect(error.map { !"\($0)".contains("\n") } == true)
            #expect(try await store.activities(for: stranger, in: nil).isEmpty)
            #expect(try await store.importedFiles(for: stranger).isEmpty)
            #expect(try await store.activities(for: known, in: nil).isEmpty)
        }
    }

    @Test(arguments: Engine.available)
    func aDatabaseFromANewerSchemaIsRefusedAndLeftAlone(engine: Engine) async throws {
        try await withDatabase(engine) { database in
            let store = try await database.location.open()
            await store.close()
            try await database.execute("INSERT INTO speedwork_migrations (name, applied_at) VALUES ('9999-from-the-future', 0)")
            let before = try await Snapshot.take(database)
            do {
                let refused = try await database.location.open()
                await refused.close()
                Issue.record("a database with an unknown migration was opened")
            } catch let error as StoreError {
                guard case .newerSchema(_, let migration) = error else { Issue.record("wrong error: \(error)"); return }
                #expect(migration == "9999-from-the-future")
                #expect(!error.description.contains("\n"))
                #expect(error.description.contains("newer Speedwork"))
            }
            let after = try await Snapshot.take(database)
            #expect(after.bytes == before.bytes)
            #expect(after.walLength == before.walLength)
            #expect(after.rows == before.rows)
        }
    }
}
