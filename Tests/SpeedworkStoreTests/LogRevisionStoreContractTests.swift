import Foundation
import Speedwork
import SpeedworkStore
import Testing

/// The runner's log revision (`0011-log-revision`, issue 12) on every engine: each write of the
/// runner's data raises it by exactly one, a write that changes nothing or is refused leaves it,
/// another runner's writes do not touch it, and two stores on one database (two server processes)
/// see each other's raises and never hand out one revision twice.
@Suite(.serialized)
struct LogRevisionStoreContractTests {
    private static func day(_ text: String) -> Day { try! Day(parsing: text) }
    private static let moment = Date(timeIntervalSince1970: 1_790_000_000)

    @Test(arguments: Engine.available)
    func everyWriteOfTheRunnersDataRaisesTheRevisionByOne(engine: Engine) async throws {
        try await withStore(engine) { store, _ in
            let runner = try await store.defaultAthlete().id
            let other = try await store.addAthlete(handle: "other", name: "Other").id
            #expect(try await store.logRevision(for: runner) == 0)

            // An import batch: one raise for the whole batch; the same activities again without
            // file records change nothing.
            let packed = try [PackedActivity(GeneratedActivity.run(seed: 31, samples: 120)),
                              PackedActivity(GeneratedActivity.run(seed: 32, samples: 120))]
            let file = ImportedFile(path: "run.fit", sizeBytes: 1000, modifiedAt: Self.moment, outcome: .added,
                                    contentHash: packed[0].summary.contentHash)
            _ = try await store.save(ImportBatch(activities: packed, files: [file]), for: runner)
            #expect(try await store.logRevision(for: runner) == 1)
            _ = try await store.save(ImportBatch(activities: packed), for: runner)
            #expect(try await store.logRevision(for: runner) == 1)

            let result = try LoggedResult(day: Self.day("2026-03-01"), kind: .race, distance: .kilometers(5), time: .seconds(1199))
            #expect(try await store.add([result], for: runner) == 1)
            #expect(try await store.logRevision(for: runner) == 2)
            #expect(try await store.add([result], for: runner) == 0)
            #expect(try await store.logRevision(for: runner) == 2)

            let session = try LoggedSession(day: Self.day("2026-03-03"), session: "M11",
                                            reps: [try LoggedRep(distance: .meters(200), time: .seconds(38))])
            #expect(try await store.add([session], for: runner) == 1)
            #expect(try await store.logRevision(for: runner) == 3)

            let plan = try SavedPlan(name: "Spring mile", createdAt: Self.moment, json: "{}", request: "{}")
            #expect(try await store.save([plan], for: runner) == 1)
            #expect(try await store.logRevision(for: runner) == 4)
            try await store.activate(plan: plan.id, for: runner, since: Self.moment)
            #expect(try await store.logRevision(for: runner) == 5)
            try await store.link(work: packed[0].summary.contentHash, to: "2026-03-10", plan: plan.id, for: runner, at: Self.moment)
            #expect(try await store.logRevision(for: runner) == 6)
            let pause = try PlanPause(from: Self.day("2026-03-20"), to: Self.day("2026-03-25"))
            try await store.add(pause: pause, plan: plan.id, for: runner, at: Self.moment)
            #expect(try await store.logRevision(for: runner) == 7)

            // Refused writes leave the revision as it was.
            await #expect(throws: InputError.self) {
                try await store.add(pause: pause, plan: plan.id, for: runner, at: Self.moment)
            }
            await #expect(throws: InputError.self) {
                try await store.link(work: "x", to: "2026-03-10", plan: UUID(), for: runner, at: Self.moment)
            }
            await #expect(throws: InputError.self) {
                try await store.activate(plan: UUID(), for: runner, since: Self.moment)
            }
            #expect(try await store.logRevision(for: runner) == 7)

            // The other runner's log moved on its own.
            #expect(try await store.logRevision(for: other) == 0)
            #expect(try await store.add([result.with(id: UUID())], for: other) == 1)
            #expect(try await store.logRevision(for: other) == 1)
            #expect(try await store.logRevision(for: runner) == 7)
        }
    }

    @Test(arguments: Engine.available)
    func aBatchSavedWithTheRaiseHeldBackWaitsForItsPublication(engine: Engine) async throws {
        try await withDatabase(engine) { database in
            let store = try await database.location.open()
            let other = try await database.location.open()
            let runner = try await store.defaultAthlete().id
            let packed = try PackedActivity(GeneratedActivity.run(seed: 41, samples: 120))
            let file = ImportedFile(path: "held.fit", sizeBytes: 1000, modifiedAt: Self.moment, outcome: .added,
                                    contentHash: packed.summary.contentHash)
            let outcome = try await ImportBatch.$holdsBackRevision.withValue(true) {
                try await store.save(ImportBatch(activities: [packed], files: [file]), for: runner)
            }
            // Saved and readable, but the revision (what caches key on) has not moved.
            #expect(outcome.added == 1)
            #expect(try await other.activities(for: runner, in: nil).map(\.contentHash) == [packed.summary.contentHash])
            #expect(try await other.logRevision(for: runner) == 0)
            // Published: one raise, returned and seen by the other store; a second publication raises again.
            #expect(try await store.publishRevision(for: runner) == 1)
            #expect(try await other.logRevision(for: runner) == 1)
            #expect(try await other.publishRevision(for: runner) == 2)
            #expect(try await store.logRevision(for: runner) == 2)
            // Outside the held-back scope a batch raises it as before.
            let next = try PackedActivity(GeneratedActivity.run(seed: 42, samples: 120))
            _ = try await store.save(ImportBatch(activities: [next]), for: runner)
            #expect(try await store.logRevision(for: runner) == 3)
            await store.close()
            await other.close()
        }
    }

    @Test(arguments: Engine.available)
    func twoStoresOnOneDatabaseSeeEachOthersRaisesAndNeverShareOne(engine: Engine) async throws {
        try await withDatabase(engine) { database in
            let first = try await database.location.open()
            let second = try await database.location.open()
            let runner = try await first.defaultAthlete().id
            #expect(try await second.logRevision(for: runner) == 0)

            let result = try LoggedResult(day: Self.day("2026-04-01"), kind: .effort, distance: .meters(400), time: .seconds(72))
            _ = try await first.add([result], for: runner)
            #expect(try await second.logRevision(for: runner) == 1)

            // Writes from both at once: each is its own revision, none lost.
            let writes = 12
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<writes {
                    let store = index.isMultiple(of: 2) ? first : second
                    group.addTask {
                        let one = try LoggedResult(day: Self.day("2026-04-02"), kind: .effort, distance: .meters(400),
                                                   time: .seconds(70 + Double(index)))
                        _ = try await store.add([one], for: runner)
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await first.logRevision(for: runner) == Int64(1 + writes))
            #expect(try await second.logRevision(for: runner) == Int64(1 + writes))
            await first.close()
            await second.close()
        }
    }
}

private extension LoggedResult {
    /// The same result under a new id (a result's id is its key across runners).
    func with(id: UUID) throws -> LoggedResult {
        try LoggedResult(id: id, day: day, kind: kind, distance: distance, time: time)
    }
}
