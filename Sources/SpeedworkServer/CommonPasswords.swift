import Foundation

/// Passwords too easy to guess to be accepted (NIST SP 800-63B section 5.1.1.2: refuse values
/// from lists of commonly used or breached passwords and context-specific words such as the
/// service's name). The lists are short on purpose and described in docs/server.md, "Security":
/// the shapes that lead published breach lists (such as NCSC's 100,000 most common passwords,
/// from Have I Been Pwned) and pass the other rules, and words padded with digits and symbols.
enum CommonPasswords {
    /// Whole passwords, lower-cased: keyboard walks and counting runs of 10 or more characters,
    /// which the length and two-kinds rules alone let through.
    static let whole: Set<String> = [
        "1q2w3e4r5t", "1q2w3e4r5t6y", "q1w2e3r4t5", "q1w2e3r4t5y6", "1qaz2wsx3edc", "1qazxsw23edc",
        "qazwsxedc123", "123qweasdzxc", "qwerty123456", "qwertyuiop1", "qwertyuiop123", "1234qwerty",
        "asdfghjkl1", "zxcvbnm123", "a1b2c3d4e5", "abc1234567", "abcd123456", "a123456789",
        "123456789a", "1234567890a", "1234567890q", "qwerty1234",
    ]

    /// Words that, with only digits, symbols or spaces before and after them, make a guessable
    /// password (`Password123!`, `speedwork2026`); lower-cased.
    static let words: Set<String> = [
        "password", "passw0rd", "p@ssw0rd", "p@ssword", "pass", "qwerty", "qwertyuiop", "asdfgh", "asdfghjkl",
        "zxcvbn", "zxcvbnm", "abc", "abcd", "abcdef", "letmein", "welcome", "iloveyou", "admin", "administrator",
        "monkey", "dragon", "football", "baseball", "soccer", "sunshine", "princess", "starwars", "superman",
        "master", "trustno", "changeme", "secret", "login", "hello", "freedom", "whatever", "shadow", "michael",
        // The service and its subject.
        "speedwork", "running", "runner", "marathon", "halfmarathon", "track", "trackandfield", "strava", "garmin",
    ]

    /// Whether `password` is on the list, or one of the words with only digits, symbols or spaces
    /// around it; any case.
    static func isCommon(_ password: String) -> Bool {
        let lower = password.lowercased()
        if whole.contains(lower) { return true }
        let padding = CharacterSet.letters.inverted
        var scalars = Substring(lower).unicodeScalars
        while let first = scalars.first, padding.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, padding.contains(last) { scalars.removeLast() }
        return words.contains(String(scalars))
    }
}
