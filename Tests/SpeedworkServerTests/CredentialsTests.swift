import Foundation
import Speedwork
@testable import SpeedworkReports
@testable import SpeedworkServer
import Testing

/// The login and password rules (docs/server.md; NIST SP 800-63B 5.1.1) and the log-in limits'
/// window arithmetic.
struct CredentialsTests {
    @Test(arguments: [
        ("Ana@Example.org", "ana@example.org"), ("  runner-7  ", "runner-7"), ("a.b_c", "a.b_c"),
    ])
    func loginsAreTrimmedAndLowerCased(text: String, stored: String) throws {
        #expect(try Credentials.login(text) == stored)
    }

    @Test(arguments: ["", "ab", "a b", "ana@", "@example.org", "ana@example", "ana@@example.org", "ünï", String(repeating: "a", count: 65)])
    func badLoginsAreRefused(text: String) {
        #expect(throws: InputError.self) { try Credentials.login(text) }
    }

    @Test(arguments: [
        ("track-night-42", true), ("Correct Horse", true), ("abcdefghij1", true), ("ABCDEFGHIJ!", true),
        ("abcdefghi1", true), ("abcdefgh1", false), ("abcdefghijkl", false), ("1234567890", false),
        ("ana-runs-fast-1", false), (String(repeating: "ab1", count: 24), true), (String(repeating: "ab1", count: 24) + "x", false),
    ])
    func passwordRules(password: String, accepted: Bool) {
        let result = Result { try Credentials.checkNewPassword(password, login: "ana") }
        #expect(((try? result.get()) != nil) == accepted, "\(password)")
    }

    @Test func secretsAreLongRandomAndComparedWhole() {
        let a = Secret.make()
        let b = Secret.make()
        #expect(a != b)
        #expect(Secret.isWellFormed(a))
        #expect(!Secret.isWellFormed(a + "="))
        #expect(Secret.matches(a, a))
        #expect(!Secret.matches(a, b))
        #expect(!Secret.matches(a, String(a.dropLast())))
        // SHA-256 of "abc" (FIPS 180-2, appendix B.1).
        #expect(Secret.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func formFieldsAreDecodedAsBrowsersEncodeThem() {
        let fields = FormGuard.fields("login=ana%40example.org&name=Ana+Lee&csrf=a%2Bb&empty=&login=last")
        #expect(fields["login"] == "last")
        #expect(fields["name"] == "Ana Lee")
        #expect(fields["csrf"] == "a+b")
        #expect(fields["empty"] == "")
    }

    @Test(arguments: Engine.available)
    func theThrottleCountsFailuresInASlidingWindow(engine: Engine) async throws {
        try await withApp(engine) { _, store async throws in
            let throttle = LoginThrottle(store: store, perAccount: 3, perAddress: 5, window: 60)
            let t0 = Date(timeIntervalSince1970: 1_000_000)
            func wait(_ login: String, _ address: String, _ second: Double) async throws -> Int? {
                try await SecurityLoginLimitTests.wait(throttle, login, address, t0 + second)
            }
            for second in [0.0, 10, 20] { #expect(try await wait("ana", "10.0.0.1", second) == nil) }
            // The oldest failure (t0) leaves the window at t0 + 60: 30 s to wait at t0 + 30.
            #expect(try await wait("ANA", "10.0.0.2", 30) == 30)
            // Two more failures on other logins fill the address's five.
            #expect(try await wait("x", "10.0.0.1", 25) == nil)
            #expect(try await wait("y", "10.0.0.1", 26) == nil)
            #expect(try await wait("z", "10.0.0.1", 30) == 30)
            #expect(try await wait("z", "10.0.0.3", 30) == nil)
            // At t0 + 60 the first failure is out; a right password then forgets the account's others.
            let ticket = try await throttle.admit(login: "ana", address: "10.0.0.2", at: t0 + 60).get()
            try await throttle.succeeded(ticket)
            for second in [61.0, 62, 63] { #expect(try await wait("ana", "10.0.0.9", second) == nil) }
            #expect(try await wait("ana", "10.0.0.9", 64) == 57)
        }
    }
}
