import Foundation
import Speedwork
import SpeedworkStore
import Testing

/// The active plan's tables (`active_plans`, `plan_links`; issue 10) on every engine, beyond what
/// `TrainingStoreContractTests` checks: what `today`, `week`, `plan link` and the exports read
/// must survive closing and reopening the log, and a plan made active again finds its links.
@Suite(.serialized)
struct ActivePlanStoreContractTests {
    @Test(arguments: Engine.available)
    func theActivePlanAndItsLinksSurviveReopeningTheLog(engine: Engine) async throws {
        try await withDatabase(engine) { database in
            let spring = try SavedPlan(name: "Spring mile", createdAt: Date(timeIntervalSince1970: 1_770_000_000),
                                       json: #"{"weeks":[]}"#, request: #"{"goal":"mile=6:00"}"#)
            let summer = try SavedPlan(name: "Summer 5k", createdAt: Date(timeIntervalSince1970: 1_780_000_000), json: "{}", request: "{}")
            let moment = Date(timeIntervalSince1970: 1_770_000_500)

            let first = try await database.location.open()
            let runner = try await first.defaultAthlete().id
            _ = try await first.save([spring, summer], for: runner)
            try await first.activate(plan: spring.id, for: runner, since: moment)
            try await first.link(work: "hash-a", to: "2026-12-08/2", plan: spring.id, for: runner, at: moment)
            await first.close()

            let second = try await database.location.open()
            #expect(try await second.activePlan(for: runner) == spring)
            #expect(try await second.activePlan(for: runner)?.request == #"{"goal":"mile=6:00"}"#)
            #expect(try await second.links(plan: spring.id, for: runner) == ["2026-12-08/2": "hash-a"])
            // Another plan made active, then the first again: its links are still its own.
            try await second.activate(plan: summer.id, for: runner, since: moment.addingTimeInterval(60))
            #expect(try await second.links(plan: summer.id, for: runner).isEmpty)
            try await second.activate(plan: spring.id, for: runner, since: moment.addingTimeInterval(120))
            await second.close()

            let third = try await database.location.open()
            #expect(try await third.activePlan(for: runner) == spring)
            #expect(try await third.links(plan: spring.id, for: runner) == ["2026-12-08/2": "hash-a"])
            #expect(try await third.plans(for: runner).map(\.id) == [spring.id, summer.id])
            await third.close()
        }
    }
}
