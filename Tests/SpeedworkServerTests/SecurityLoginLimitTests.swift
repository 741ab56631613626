import Foundation
import Hummingbird
import HummingbirdTesting
import Speedwork
@testable import SpeedworkServer
import SpeedworkStore
import Synchronization
import Testing

/// The log-in limits (issue 12, security; OWASP Authentication Cheat Sheet, RFC 6585 section 4):
/// per account and per address, the attempt past the limit is refused with 429 and `Retry-After`
/// even with the right password, attempts sent at once cannot slip past it, and it lifts once the
/// window has passed, on a clock the test moves.
@Suite(.serialized)
struct SecurityLoginLimitTests {
    /// A clock the test sets.
    final class TestClock: Sendable {
        private let now: Mutex<Date>
        init(_ start: Date) { now = Mutex(start) }
        func read() -> Date { now.withLock { $0 } }
        func advance(_ seconds: TimeInterval) { now.withLock { $0 = $0.addingTimeInterval(seconds) } }
    }

    static let start = Date(timeIntervalSince1970: 1_794_898_800)

    @Test(arguments: Engine.available)
    func theAccountLimitRefusesEvenTheRightPasswordUntilTheWindowHasPassed(engine: Engine) async throws {
        let clock = TestClock(Self.start)
        try await withApp(engine, configure: {
            $0.loginAttemptsPerAccount = 3
            $0.loginWindow = 60
            $0.clock = { clock.read() }
        }) { client, _ async throws in
            try await Browser(client).register("ana", goodPassword)
            // Failures at 0, 10 and 20 s.
            for _ in 0..<3 {
                #expect(try await Browser(client).logIn("ana", "wrong-password-1").status == .unauthorized)
                clock.advance(10)
            }
            // At 30 s the oldest failure leaves the window in 30 s.
            let limited = try await Browser(client).logIn("ana", goodPassword)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] == "30")
            #expect(limited.errorMessage == "too many failed log-ins: wait 30 s and try again")
            // The API's token request shares the count, and other spellings of the login too.
            #expect(try await APIRoutesTests.makeToken(client, login: "ana").status == .tooManyRequests)
            #expect(try await Browser(client).logIn("  ANA ", goodPassword).status == .tooManyRequests)
            clock.advance(29)
            let oneMore = try await Browser(client).logIn("ana", goodPassword)
            #expect(oneMore.status == .tooManyRequests)
            #expect(oneMore.headers[.retryAfter] == "1")
            // At 60 s the first failure is out of the window: the right password signs in.
            clock.advance(1)
            let lifted = try await Browser(client).logIn("ana", goodPassword)
            #expect(lifted.status == .seeOther)
            #expect(lifted.headers[.location] == "/")
        }
    }

    @Test(arguments: Engine.available)
    func theAddressLimitCountsEveryLoginTriedFromIt(engine: Engine) async throws {
        let clock = TestClock(Self.start)
        try await withApp(engine, configure: {
            $0.loginAttemptsPerAddress = 4
            $0.loginWindow = 120
            $0.clock = { clock.read() }
        }) { client, _ async throws in
            try await Browser(client).register("ana", goodPassword)
            // Spraying one password over many logins (each under its own limit) meets the address's.
            for login in ["bob", "carla", "dev@example.org", "eve"] {
                #expect(try await Browser(client).logIn(login, "Spring-2026!").status == .unauthorized)
            }
            let limited = try await Browser(client).logIn("ana", goodPassword)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] == "120")
            clock.advance(120)
            #expect(try await Browser(client).logIn("ana", goodPassword).status == .seeOther)
        }
    }

    @Test(arguments: Engine.available)
    func attemptsSentAtOnceCannotAllPassTheLimit(engine: Engine) async throws {
        let clock = TestClock(Self.start)
        try await withApp(engine, configure: {
            $0.loginAttemptsPerAccount = 5
            $0.clock = { clock.read() }
        }) { client, _ async throws in
            try await Browser(client).register("ana", goodPassword)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for index in 0..<30 {
                    group.addTask {
                        try await APIRoutesTests.makeToken(client, login: "ana", password: "guess-number-\(index)").status
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.count == 30)
            #expect(statuses.filter { $0 == .unauthorized }.count == 5, "\(statuses)")
            #expect(statuses.filter { $0 == .tooManyRequests }.count == 25, "\(statuses)")
        }
    }

    @Test(arguments: Engine.available)
    func aBrowserGetsTheFormAgainWithTheWaitAndTheHeader(engine: Engine) async throws {
        let clock = TestClock(Self.start)
        try await withApp(engine, configure: {
            $0.loginAttemptsPerAccount = 1
            $0.clock = { clock.read() }
        }) { client, _ async throws in
            try await Browser(client).register("ana", goodPassword)
            #expect(try await Browser(client).logIn("ana", "wrong-password-1").status == .unauthorized)
            let browser = Browser(client, acceptsHTML: true)
            let limited = try await browser.logIn("ana", goodPassword)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] == "60")
            #expect(limited.headers[.contentType]?.hasPrefix("text/html") == true)
            #expect(SecurityPasswordTests.errorLine(limited.text) == "too many failed log-ins: wait 60 s and try again")
            #expect(limited.text.contains(#"value="ana""#))
            #expect(browser.cookies[SessionCookieName.session] == nil)
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
        }
    }

    @Test(arguments: Engine.available)
    func aRightPasswordTakesItsAttemptBackFromTheAddress(engine: Engine) async throws {
        try await withApp(engine) { _, store async throws in
            let throttle = LoginThrottle(store: store, perAccount: 2, perAddress: 2, window: 60)
            let now = Self.start
            // Two sign-ins with the right password from one address do not use up its failures.
            for second in 0..<4 {
                let at = now.addingTimeInterval(Double(second))
                let ticket = try await throttle.admit(login: "ana", address: "10.0.0.1", at: at).get()
                try await throttle.succeeded(ticket)
            }
            #expect(try await Self.wait(throttle, "bob", "10.0.0.1", now.addingTimeInterval(5)) == nil)
            #expect(try await Self.wait(throttle, "carla", "10.0.0.1", now.addingTimeInterval(6)) == nil)
            // Two failures counted: the third attempt waits for the first to leave the window.
            #expect(try await Self.wait(throttle, "dev", "10.0.0.1", now.addingTimeInterval(7)) == 58)
            // Another address is not held back.
            #expect(try await Self.wait(throttle, "dev", "10.0.0.2", now.addingTimeInterval(7)) == nil)
        }
    }

    /// The throttle's wait for one attempt, or nil when it is admitted.
    static func wait(_ throttle: LoginThrottle, _ login: String, _ address: String, _ at: Date) async throws -> Int? {
        switch try await throttle.admit(login: login, address: address, at: at) {
        case .success: nil
        case .failure(let refusal): refusal.retryAfter
        }
    }
}
