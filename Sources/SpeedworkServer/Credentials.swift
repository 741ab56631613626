import Foundation
import Speedwork

/// The rules for a login and a password (issue 11; docs/server.md), after NIST SP 800-63B section
/// 5.1.1 (length over composition, no more than needed) and OWASP's Authentication Cheat Sheet.
/// Each broken rule is one line naming it.
enum Credentials {
    /// The shortest password accepted.
    static let shortestPassword = 10
    /// bcrypt reads at most 72 bytes; a longer password would be silently cut, so it is refused.
    static let longestPasswordBytes = 72
    /// A handle login is 3 to 64 of these.
    static let handleCharacters = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyz0123456789._-")
    /// The longest e-mail address (RFC 5321 section 4.5.3.1.3: a path of 256 less the brackets).
    static let longestEmail = 254

    /// The login as stored: trimmed and lower-cased; an e-mail address (`name@domain.tld`) or a
    /// handle of 3 to 64 letters, digits, `.`, `_` and `-`.
    static func login(_ text: String) throws -> String {
        let login = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        guard !login.isEmpty else { throw InputError("login is empty: give an e-mail address or a handle of 3 to 64 letters, digits, '.', '_' or '-'") }
        if login.contains("@") {
            let parts = login.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix("."),
                  login.count <= longestEmail, !login.unicodeScalars.contains(where: { CharacterSet.whitespacesAndNewlines.contains($0) || $0.value < 0x20 })
            else {
                throw InputError("login \(InputError.quoted(login)) is not an e-mail address: write name@example.org, or use a handle")
            }
            return login
        }
        guard (3...64).contains(login.count), login.unicodeScalars.allSatisfy(handleCharacters.contains) else {
            throw InputError("login \(InputError.quoted(login)) is not allowed: use an e-mail address or 3 to 64 letters, digits, '.', '_' or '-'")
        }
        return login
    }

    /// The password as it is hashed and compared: Unicode NFKC (NIST SP 800-63B section 5.1.1.2),
    /// so one password typed on systems that compose accents differently (é as one character or
    /// as e and a combining accent) is the same password.
    static func normalized(_ password: String) -> String {
        password.precomposedStringWithCompatibilityMapping
    }

    /// The password a log-in compares, or nil when no account can have it: longer than
    /// ``longestPasswordBytes`` (bcrypt would compare only its first 72 bytes, so a longer guess
    /// that starts like the password would pass) or holding a NUL (bcrypt's C string ends there).
    static func comparable(_ password: String) -> String? {
        let text = Self.normalized(password)
        guard text.utf8.count <= longestPasswordBytes, !text.utf8.contains(0) else { return nil }
        return text
    }

    /// Checks a new password (after ``normalized(_:)``): at least ``shortestPassword``
    /// characters, at most ``longestPasswordBytes`` bytes, no control characters, at least two
    /// kinds of character (lower-case, upper-case, digit, other), not the login itself, and not
    /// on the list of common passwords (``CommonPasswords``).
    static func checkNewPassword(_ typed: String, login: String) throws {
        let password = normalized(typed)
        guard password.count >= shortestPassword else {
            throw InputError("the password is too short: use at least \(shortestPassword) characters")
        }
        guard password.utf8.count <= longestPasswordBytes else {
            throw InputError("the password is too long: use at most \(longestPasswordBytes) bytes (bcrypt reads no more)")
        }
        // Control characters proper (Unicode category Cc); format characters such as the zero-width
        // joiner inside an emoji are ordinary parts of a password.
        guard !password.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw InputError("the password holds a control character (a tab, a line break or a NUL): leave it out")
        }
        var kinds = Set<Int>()
        for scalar in password.unicodeScalars {
            if CharacterSet.lowercaseLetters.contains(scalar) { kinds.insert(0) }
            else if CharacterSet.uppercaseLetters.contains(scalar) { kinds.insert(1) }
            else if CharacterSet.decimalDigits.contains(scalar) { kinds.insert(2) }
            else { kinds.insert(3) }
        }
        guard kinds.count >= 2 else {
            throw InputError("the password uses one kind of character only: mix in another (upper-case, digits or symbols)")
        }
        guard password.lowercased() != login.lowercased(), !password.lowercased().contains(login.lowercased()) || login.count < 3 else {
            throw InputError("the password must not contain the login")
        }
        guard !CommonPasswords.isCommon(password) else {
            throw InputError("the password is one of the most common ones, which are guessed first: choose another")
        }
    }

    /// The runner's display name: trimmed, 1 to 80 characters, no control characters.
    static func name(_ text: String, fallback: String) throws -> String {
        let name = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if name.isEmpty { return fallback }
        guard name.count <= 80, !name.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) }) else {
            throw InputError("name \(InputError.quoted(name)) is not allowed: use up to 80 characters without control characters")
        }
        return name
    }
}
