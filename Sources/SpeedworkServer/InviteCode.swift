import Foundation
import Speedwork
import SpeedworkStore

/// A coach's invite code (issue 12, roles): eight characters from an alphabet without the letters
/// and digits people confuse when they read or type them (0/O, 1/I/L, after Crockford's Base32),
/// written as two groups of four (`K7QX-93HD`), typed in any case with or without the dash. Made
/// from the system's cryptographic generator and kept in the store only as the SHA-256 of its
/// canonical form, like an API token, so it is shown once, when it is made.
struct InviteCode: Sendable, Hashable, CustomStringConvertible {
    /// The eight characters, upper-case, without the dash.
    let characters: String

    /// The characters a code is made of: A–Z without I, L and O, and 2–9 (31 symbols, so a code
    /// carries 8 × log₂ 31 ≈ 39.6 bits).
    static let alphabet = Array("ABCDEFGHJKMNPQRSTUVWXYZ23456789")
    /// How many characters a code has.
    static let length = 8
    /// How long an invite stays open unless the coach revokes it: 14 days, long enough for a training
    /// group's weekly session to reach everyone twice.
    static let lifetime: TimeInterval = 14 * 24 * 3600

    /// A new random code.
    static func make() -> InviteCode {
        var generator = SystemRandomNumberGenerator()
        return InviteCode(characters: String((0..<length).map { _ in alphabet.randomElement(using: &generator)! }))
    }

    /// The code as typed: spaces and dashes are dropped and letters upper-cased; anything else than
    /// eight characters of the alphabet is refused with a line naming the value.
    init(parsing text: String) throws {
        let kept = text.uppercased().filter { $0 != "-" && $0 != " " }
        guard kept.count == Self.length, kept.allSatisfy(Self.alphabet.contains) else {
            throw InputError("an invite code is \(Self.length) letters and digits such as K7QX-93HD, not \(InputError.quoted(String(text.prefix(40))))")
        }
        characters = kept
    }

    private init(characters: String) { self.characters = characters }

    /// `K7QX-93HD`, as shown and as the link carries it.
    var description: String { "\(characters.prefix(4))-\(characters.suffix(4))" }

    /// The SHA-256 the store keeps, of the canonical form (no dash, upper-case).
    var hash: String { Secret.hash(characters) }
}
