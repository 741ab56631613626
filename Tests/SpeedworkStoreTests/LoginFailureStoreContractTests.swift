import Foundation
import Speedwork
import SpeedworkStore
import Testing

/// What every engine behind `LoginFailureStore` must do (issue 12, security; docs/server.md,
/// "Log-in limits"): a sliding window per key, the wait until the failure that frees a place
/// leaves it, success forgetting the account's failures, pruning, and one count shared by every
/// store open on the database, even with attempts sent to them all at once. On SQLite always and on
/// PostgreSQL when `SPEEDWORK_TEST_POSTGRES` is set, each test on a fresh database.
@Suite(.serialized)
struct LoginFailureStoreContractTests {
    private static let t0 = Date(timeIntervalSince1970: 1_794_898_800)

    private static func limits(_ login: String, _ address: String, account: Int = 3, perAddress: Int = 10) -> [LoginLimit] {
        [LoginLimit(key: "login:\(login)", limit: account), LoginLimit(key: "address:\(address)", limit: perAddress)]
    }

    private static func admitted(_ admission: LoginAdmission) -> UUID? {
        if case .admitted(let attempt) = admission { return attempt }
        return nil
    }

    @Test(arguments: Engine.available)
    func theWindowSlidesAndTheWaitIsUntilTheOldestCountedFailureLeavesIt(engine: Engine) async throws {
        try await withServerStore(engine) { store async throws in
            #expect(try await store.appliedMigrations().contains("0013-login-failures"))
            // Failures at 0, 10 and 20 s; a window of 60 s and a limit of 3.
            for second in [0.0, 10, 20] {
                #expect(Self.admitted(try await store.admitLogin(Self.limits("ana", "10.0.0.1"), window: 60,
                                                                at: Self.t0.addingTimeInterval(second))) != nil)
            }
            // At 30 s, refused until the failure at 0 s leaves the window: 30 s.
            #expect(try await store.admitLogin(Self.limits("ana", "10.0.0.1"), window: 60, at: Self.t0.addingTimeInterval(30))
                    == .refused(retryAfter: 30))
            // A refusal is not counted: at 59.5 s, half a second to go.
            #expect(try await store.admitLogin(Self.limits("ana", "10.0.0.2"), window: 60, at: Self.t0.addingTimeInterval(59.5))
                    == .refused(retryAfter: 0.5))
            // Another login from the same address is under both its limits.
            #expect(Self.admitted(try await store.admitLogin(Self.limits("bob", "10.0.0.1"), window: 60, at: Self.t0.addingTimeInterval(30))) != nil)
            // At exactly 60 s the failure at 0 s is out (the window is the 60 s before now, now excluded).
            #expect(Self.admitted(try await store.admitLogin(Self.limits("ana", "10.0.0.1"), window: 60, at: Self.t0.addingTimeInterval(60))) != nil)
            // Full again (10, 20, 60): the wait is for the one at 10 s, at 70 s: 70 - 61 = 9 s.
            #expect(try await store.admitLogin(Self.limits("ana", "10.0.0.3"), window: 60, at: Self.t0.addingTimeInterval(61))
                    == .refused(retryAfter: 9))
        }
    }

    @Test(arguments: Engine.available)
    func theAddressLimitHoldsAcrossLoginsAndTheLongerWaitIsTold(engine: Engine) async throws {
        try await withServerStore(engine) { store async throws in
            for (index, login) in ["bob", "carla", "dev"].enumerated() {
                #expect(Self.admitted(try await store.admitLogin(Self.limits(login, "10.0.0.9", account: 5, perAddress: 3), window: 120,
                                                                at: Self.t0.addingTimeInterval(Double(index)))) != nil)
            }
            #expect(try await store.admitLogin(Self.limits("eve", "10.0.0.9", account: 5, perAddress: 3), window: 120,
                                               at: Self.t0.addingTimeInterval(10)) == .refused(retryAfter: 110))
            #expect(Self.admitted(try await store.admitLogin(Self.limits("eve", "10.0.0.8", account: 5, perAddress: 3), window: 120,
                                                            at: Self.t0.addingTimeInterval(10))) != nil)
        }
    }

    @Test(arguments: Engine.available)
    func successForgetsTheAccountAndTakesBackItsOwnAttemptFromTheAddress(engine: Engine) async throws {
        try await withServerStore(engine) { store async throws in
            func admit(_ login: String, _ address: String, _ second: Double) async throws -> LoginAdmission {
                try await store.admitLogin(Self.limits(login, address, account: 2, perAddress: 2), window: 60,
                                           at: Self.t0.addingTimeInterval(second))
            }
            // Bob signs in right four times from one address: his attempts do not use up its two.
            for second in 0..<4 {
                let attempt = try #require(Self.admitted(try await admit("bob", "10.0.0.1", Double(second))))
                try await store.loginSucceeded(attempt, forgetting: "login:bob")
            }
            // Two failures from it fill it; the third waits for the first to leave: 5 + 60 - 7 = 58 s.
            #expect(Self.admitted(try await admit("carla", "10.0.0.1", 5)) != nil)
            #expect(Self.admitted(try await admit("dev", "10.0.0.1", 6)) != nil)
            #expect(try await admit("eve", "10.0.0.1", 7) == .refused(retryAfter: 58))
            // Fay fails once, then signs in right: that failure is forgotten, so two more fit.
            #expect(Self.admitted(try await admit("fay", "10.0.0.5", 10)) != nil)
            try await store.loginSucceeded(try #require(Self.admitted(try await admit("fay", "10.0.0.6", 11))), forgetting: "login:fay")
            #expect(Self.admitted(try await admit("fay", "10.0.0.5", 12)) != nil)
            #expect(Self.admitted(try await admit("fay", "10.0.0.7", 13)) != nil)
            #expect(try await admit("fay", "10.0.0.8", 14) == .refused(retryAfter: 58))
        }
    }

    @Test(arguments: Engine.available)
    func pruningDeletesOnlyWhatLeftTheWindow(engine: Engine) async throws {
        try await withServerStore(engine) { store async throws in
            for second in [0.0, 30, 90] {
                _ = try await store.admitLogin(Self.limits("ana-\(Int(second))", "10.0.0.\(Int(second))"), window: 60,
                                               at: Self.t0.addingTimeInterval(second))
            }
            // Two rows (login, address) per attempt: up to 40 s, those at 0 and 30 s go.
            #expect(try await store.pruneLoginFailures(before: Self.t0.addingTimeInterval(40)) == 4)
            #expect(try await store.pruneLoginFailures(before: Self.t0.addingTimeInterval(40)) == 0)
            #expect(try await store.pruneLoginFailures(before: Self.t0.addingTimeInterval(90)) == 2)
        }
    }

    @Test(arguments: Engine.available)
    func twoStoresOnOneDatabaseShareTheCountEvenAllAtOnce(engine: Engine) async throws {
        try await withDatabase(engine) { database in
            let first = try await database.location.openServerStore()
            let second = try await database.location.openServerStore()
            // One after the other, alternating: the limit of 4 is reached with two on each.
            for index in 0..<4 {
                let store = index.isMultiple(of: 2) ? first : second
                #expect(Self.admitted(try await store.admitLogin(Self.limits("ana", "10.0.0.\(index)", account: 4), window: 60,
                                                                at: Self.t0)) != nil)
            }
            #expect(try await second.admitLogin(Self.limits("ana", "10.0.0.99", account: 4), window: 60, at: Self.t0) == .refused(retryAfter: 60))
            #expect(try await first.admitLogin(Self.limits("ana", "10.0.0.99", account: 4), window: 60, at: Self.t0) == .refused(retryAfter: 60))
            // Forty attempts on a fresh login, sent at once, half to each store: exactly the limit of 7 admitted.
            let admissions = try await withThrowingTaskGroup(of: LoginAdmission.self) { group in
                for index in 0..<40 {
                    let store = index.isMultiple(of: 2) ? first : second
                    group.addTask {
                        try await store.admitLogin(Self.limits("ben", "10.1.0.\(index)", account: 7), window: 60, at: Self.t0)
                    }
                }
                return try await group.reduce(into: [LoginAdmission]()) { $0.append($1) }
            }
            #expect(admissions.compactMap(Self.admitted).count == 7, "\(admissions)")
            #expect(Set(admissions.compactMap(Self.admitted)).count == 7)
            #expect(admissions.filter { $0 == .refused(retryAfter: 60) }.count == 33)
            await first.close()
            await second.close()
        }
    }
}
