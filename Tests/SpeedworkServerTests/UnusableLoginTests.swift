import Foundation
@testable import SpeedworkReports
import Hummingbird
import HummingbirdTesting
import SpeedworkServer
import SpeedworkStore
import Testing

/// A login no account can have — a NUL or another control character, which PostgreSQL's text
/// type refuses — is a wrong login (401), never a database failure (500), on the sign-in form and
/// the token endpoint, on both engines (found by schemathesis on PostgreSQL; docs/server.md).
@Suite(.serialized)
struct UnusableLoginTests {
    static let logins = ["ana\u{0}", "\u{0}", "ana\u{1}@example.org", "ana\u{7}"]

    @Test(arguments: Engine.available)
    func theTokenEndpointAnswersWrongLogin(engine: Engine) async throws {
        try await withApp(engine) { client, _ async throws in
            try await Browser(client).register("ana", goodPassword)
            for login in Self.logins {
                let response = try await APIRoutesTests.makeToken(client, login: login)
                #expect(response.status == .unauthorized, "\(login.unicodeScalars.map(\.value)): \(response.text)")
                #expect(response.errorMessage == "wrong login or password", "\(response.text)")
            }
        }
    }

    @Test(arguments: Engine.available)
    func theSignInFormAnswersWrongLogin(engine: Engine) async throws {
        try await withApp(engine) { client, _ async throws in
            try await Browser(client).register("ana", goodPassword)
            let browser = Browser(client)
            for login in Self.logins {
                let response = try await browser.logIn(login, goodPassword)
                #expect(response.status == .unauthorized, "\(login.unicodeScalars.map(\.value)): \(response.text)")
                #expect(response.errorMessage == "wrong login or password", "\(response.text)")
                #expect(browser.cookies[SessionCookieName.session] == nil)
            }
            // The right login still signs in afterwards: the refusals were failures, not a lock-out.
            let signedIn = try await browser.logIn("ana", goodPassword)
            #expect(signedIn.status == .seeOther)
        }
    }
}
