import Foundation
import Hummingbird
import HummingbirdTesting
import Speedwork
@testable import SpeedworkServer
import SpeedworkStore
import Testing

/// Password rules at registration and the password compared at log-in (issue 12, security; NIST
/// SP 800-63B section 5.1.1.2): a refused password gives the form again with one line, nothing
/// is stored, bcrypt's 72-byte limit and NUL are never silently cut, and Unicode passwords work
/// whichever way the accents are composed.
@Suite(.serialized)
struct SecurityPasswordTests {
    /// Passwords refused at registration for the login `ana`, and a phrase of the line that says why.
    static let refused: [(password: String, reason: String)] = [
        ("Track-42", "too short"),
        ("ééééééé-1", "too short"),  // 9 characters, 16 bytes: characters count, not bytes
        (String(repeating: "Ab1-", count: 18) + "x", "too long"),  // 73 bytes
        (String(repeating: "é", count: 36) + "A", "too long"),  // 37 characters, 73 bytes
        ("trackanfield", "one kind"),
        ("ana-runs-fast-7", "must not contain the login"),
        ("x-ANA-x-1234", "must not contain the login"),
        ("Password123!", "most common"),
        ("password1234", "most common"),
        ("1q2w3e4r5t", "most common"),
        ("Qwerty123456", "most common"),
        ("speedwork2026", "most common"),
        ("!!Marathon2025!!", "most common"),
        ("tab\there-is-9", "control character"),
        ("nul\u{0}here-is-9", "control character"),
    ]

    @Test(arguments: Engine.available)
    func eachRefusedPasswordGivesTheFormAgainWithItsReason(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            let browser = Browser(client, acceptsHTML: true)
            for (password, reason) in Self.refused {
                let answer = try await browser.register("ana", password, name: "Ana")
                #expect(answer.status == .unprocessableContent, "\(password.debugDescription): \(answer.status)")
                #expect(answer.headers[.contentType]?.hasPrefix("text/html") == true)
                let line = try #require(Self.errorLine(answer.text), "\(password.debugDescription)")
                #expect(line.contains(reason), "\(password.debugDescription): \(line)")
                #expect(!line.contains("\n"))
                // The form is shown again with the login kept, and never the password.
                #expect(answer.text.contains(#"value="ana""#))
                #expect(!answer.text.contains(password))
                #expect(browser.cookies[SessionCookieName.session] == nil)
            }
            #expect(try await store.accountCount() == 0)
            // The API client gets the same line as JSON.
            let json = try await Browser(client).register("ana", "Password123!")
            #expect(json.status == .unprocessableContent)
            #expect(json.errorMessage?.contains("most common") == true)
        }
    }

    /// The text of the page's `<p class="error" …>`.
    static func errorLine(_ html: String) -> String? {
        guard let range = html.range(of: #"<p class="error"[^>]*>[^<]*</p>"#, options: .regularExpression) else { return nil }
        let element = html[range]
        guard let open = element.firstIndex(of: ">"), let close = element.range(of: "</p>") else { return nil }
        return String(element[element.index(after: open)..<close.lowerBound])
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
    }

    @Test func theLimitsAreCountedAsTheRulesSay() throws {
        // 10 characters of two kinds pass; 9 do not. Characters, not bytes: 9 × é and a digit is 10.
        try Credentials.checkNewPassword("Abcdefgh-1", login: "ana")
        #expect(throws: InputError.self) { try Credentials.checkNewPassword("Abcdefg-1", login: "ana") }
        try Credentials.checkNewPassword(String(repeating: "é", count: 9) + "1", login: "ana")
        // 72 bytes pass, 73 do not, counted in UTF-8 after NFKC.
        try Credentials.checkNewPassword(String(repeating: "Ab1-", count: 18), login: "ana")
        #expect(String(repeating: "Ab1-", count: 18).utf8.count == 72)
        #expect(throws: InputError.self) { try Credentials.checkNewPassword(String(repeating: "Ab1-", count: 18) + "x", login: "ana") }
        // The common-password list ignores case and padding of digits and symbols, not real words around it.
        #expect(CommonPasswords.isCommon("PASSWORD2024"))
        #expect(CommonPasswords.isCommon("  letmein!!  "))
        #expect(!CommonPasswords.isCommon("password-tuesday-track"))
        #expect(!CommonPasswords.isCommon(goodPassword))
    }

    @Test(arguments: Engine.available)
    func aPasswordOfExactly72BytesWorksAndALongerGuessDoesNotPassForIt(engine: Engine) async throws {
        try await withApp(engine) { client, _ async throws in
            let password = String(repeating: "Ab1-", count: 18)
            #expect(try await Browser(client).register("ana", password).status == .seeOther)
            #expect(try await Browser(client).logIn("ana", password).status == .seeOther)
            // bcrypt reads 72 bytes: without the check, anything after them would be ignored.
            let longer = try await Browser(client).logIn("ana", password + "anything")
            #expect(longer.status == .unauthorized)
            #expect(longer.errorMessage == "wrong login or password")
            let token = try await APIRoutesTests.makeToken(client, login: "ana", password: password + "x")
            #expect(token.status == .unauthorized)
        }
    }

    @Test(arguments: Engine.available)
    func aNULDoesNotCutThePasswordShort(engine: Engine) async throws {
        try await withApp(engine) { client, _ async throws in
            try await Browser(client).register("ana", goodPassword)
            // bcrypt's C string would end at the NUL and compare only what comes before it.
            let cut = try await Browser(client).logIn("ana", goodPassword + "\u{0}whatever")
            #expect(cut.status == .unauthorized)
            let token = try await APIRoutesTests.makeToken(client, login: "ana", password: goodPassword + "\u{0}x")
            #expect(token.status == .unauthorized)
            #expect(try await Browser(client).logIn("ana", goodPassword).status == .seeOther)
        }
    }

    @Test(arguments: Engine.available)
    func unicodePasswordsWorkWhicheverWayTheirAccentsAreComposed(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            // "Zürich-Läufer-5" typed with precomposed ü and ä (NFC)…
            let composed = "Z\u{00FC}rich-L\u{00E4}ufer-5"
            // …and as a system that decomposes them sends it (NFD: u + U+0308).
            let decomposed = "Zu\u{0308}rich-La\u{0308}ufer-5"
            #expect(Array(composed.utf8) != Array(decomposed.utf8))
            #expect(try await Browser(client).register("ana", composed).status == .seeOther)
            #expect(try await Browser(client).logIn("ana", composed).status == .seeOther)
            #expect(try await Browser(client).logIn("ana", decomposed).status == .seeOther)
            #expect(try await Browser(client).logIn("ana", "Zurich-Laufer-5").status == .unauthorized)
            // Scripts beyond Latin, and emoji, are passwords like any other.
            for (login, password) in [("kenji", "走るのが好きです-2026"), ("olga", "Бегун-на-треке"), ("emoji", "🏃‍♀️🏃🏽‍♂️ intervals")] {
                #expect(try await Browser(client).register(login, password).status == .seeOther, "\(login)")
                #expect(try await Browser(client).logIn(login, password).status == .seeOther, "\(login)")
            }
            #expect(try await store.accountCount() == 4)
        }
    }

    @Test(arguments: Engine.available)
    func anAccountMadeBeforeNormalizingStillSignsIn(engine: Engine) async throws {
        try await withApp(engine) { client, store async throws in
            // A hash of the password exactly as typed, decomposed, as earlier versions stored it.
            let typed = "Zu\u{0308}rich-La\u{0308}ufer-5"
            let hash = await PasswordHasher(cost: 4).hash(typed)
            _ = try await store.createAccount(login: "ana", passwordHash: hash, athleteHandle: Athlete.defaultHandle, athleteName: "Ana")
            #expect(try await Browser(client).logIn("ana", typed).status == .seeOther)
            #expect(try await Browser(client).logIn("ana", "Zurich-Laufer-5").status == .unauthorized)
        }
    }
}
