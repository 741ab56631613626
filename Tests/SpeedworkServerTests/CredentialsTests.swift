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

    @Test func theThrottleCountsFailuresInASlidingWindow() async {
        let throttle = LoginThrottle(perAccount: 3, perAddress: 5, window: 60)
        let t0 = Date(timeIntervalSince1970: 1_000_000)
        for second in [0.0, 10, 20] {
            #expect(await throttle.retryAfter(login: "ana", address: "10.0.0.1", at: t0 + second) == nil)
            await throttle.recordFailure(login: "ana", address: "10.0.0.1", at: t0 + second)
        }
        // The oldest failure (t0) leaves the window at t0 + 60: 30 s to wait at t0 + 30.
        #expect(await throttle.retryAfter(login: "ANA", address: "10.0.0.2", at: t0 + 30) == 30)
        #expect(await throttle.retryAfter(login: "ana", address: "10.0.0.2", at: t0 + 60) == nil)
        // Two more failures on other logins fill the address's five.
        await throttle.recordFailure(login: "x", address: "10.0.0.1", at: t0 + 25)
        await throttle.recordFailure(login: "y", address: "10.0.0.1", at: t0 + 26)
        #expect(await throttle.retryAfter(login: "z", address: "10.0.0.1", at: t0 + 30) == 30)
        #expect(await throttle.retryAfter(login: "z", address: "10.0.0.3", at: t0 + 30) == nil)
        await throttle.recordSuccess(login: "ana")
        #expect(await throttle.retryAfter(login: "ana", address: "10.0.0.9", at: t0 + 30) == nil)
    }
}
