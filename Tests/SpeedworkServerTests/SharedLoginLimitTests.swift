import Foundation
import Hummingbird
import HummingbirdTesting
import Speedwork
@testable import SpeedworkServer
import SpeedworkStore
import Testing

/// The log-in limits are one count for every server process on the database (issue 12: several
/// `speedwork serve` behind a proxy serve one club; docs/server.md, "Log-in limits"): two apps,
/// each with its own store open on one database as two processes have, share the per-account and
/// per-address limits, one after the other and with many wrong passwords sent to both at once.
@Suite(.serialized)
struct SharedLoginLimitTests {
    /// Runs `body` against two apps built on one fresh database of `engine`, each with a store of its own.
    static func withTwoApps(_ engine: Engine, configure: (inout ServerConfiguration) -> Void,
                            _ body: @escaping @Sendable (any TestClientProtocol, any TestClientProtocol) async throws -> Void) async throws {
        try await withDatabase(engine, prefix: "speedwork_server") { database in
            var configuration = database.configuration()
            configure(&configuration)
            let first = try await database.location.openServerStore()
            let second = try await database.location.openServerStore()
            do {
                let one = try buildApplication(configuration, store: first)
                let two = try buildApplication(configuration, store: second)
                try await one.test(.router) { client in
                    try await two.test(.router) { other in try await body(client, other) }
                }
            } catch {
                await first.close()
                await second.close()
                throw error
            }
            await first.close()
            await second.close()
        }
    }

    @Test(arguments: Engine.available)
    func failuresThroughEitherAppCountTowardsOneLimit(engine: Engine) async throws {
        let clock = SecurityLoginLimitTests.TestClock(SecurityLoginLimitTests.start)
        try await Self.withTwoApps(engine, configure: {
            $0.loginAttemptsPerAccount = 4
            $0.loginWindow = 60
            $0.clock = { clock.read() }
        }) { one, two in
            try await Browser(one).register("ana", goodPassword)
            // Two wrong passwords through each app, 5 s apart: each app alone is under the limit of 4.
            for index in 0..<4 {
                #expect(try await Browser(index.isMultiple(of: 2) ? one : two).logIn("ana", "wrong-password-\(index)").status == .unauthorized)
                clock.advance(5)
            }
            // Either app now refuses even the right password, until the first failure leaves the window.
            for client in [one, two] {
                let limited = try await Browser(client).logIn("ana", goodPassword)
                #expect(limited.status == .tooManyRequests)
                #expect(limited.headers[.retryAfter] == "40")
            }
            clock.advance(40)
            // The right password through one app forgets the account's failures for both.
            #expect(try await Browser(two).logIn("ana", goodPassword).status == .seeOther)
            for index in 0..<4 {
                #expect(try await Browser(index.isMultiple(of: 2) ? two : one).logIn("ana", "wrong-again-\(index)").status == .unauthorized)
            }
            #expect(try await Browser(one).logIn("ana", goodPassword).status == .tooManyRequests)
        }
    }

    @Test(arguments: Engine.available)
    func manyWrongPasswordsSentToBothAppsAtOnceAdmitNoMoreThanTheLimit(engine: Engine) async throws {
        let clock = SecurityLoginLimitTests.TestClock(SecurityLoginLimitTests.start)
        try await Self.withTwoApps(engine, configure: {
            $0.loginAttemptsPerAccount = 5
            $0.clock = { clock.read() }
        }) { one, two in
            try await Browser(one).register("ana", goodPassword)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        try await APIRoutesTests.makeToken(index.isMultiple(of: 2) ? one : two, login: "ana",
                                                           password: "guess-number-\(index)").status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .unauthorized }.count == 5, "\(statuses)")
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 35, "\(statuses)")
        }
    }

    @Test(arguments: Engine.available)
    func theAddressLimitIsSharedToo(engine: Engine) async throws {
        let clock = SecurityLoginLimitTests.TestClock(SecurityLoginLimitTests.start)
        try await Self.withTwoApps(engine, configure: {
            $0.loginAttemptsPerAddress = 3
            $0.loginWindow = 120
            $0.clock = { clock.read() }
        }) { one, two in
            try await Browser(one).register("ana", goodPassword)
            // One password sprayed over three logins, through both apps, from the one test address.
            for (index, login) in ["bob", "carla", "dev"].enumerated() {
                #expect(try await Browser(index.isMultiple(of: 2) ? one : two).logIn(login, "Spring-2026!").status == .unauthorized)
            }
            let limited = try await Browser(two).logIn("ana", goodPassword)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] == "120")
        }
    }
}
