import Foundation
import SpeedworkStore

/// Unguessable secrets for session cookies, CSRF tokens and API tokens: 32 bytes (256 bits) from
/// the system's cryptographic generator, written base64url without padding (RFC 4648 section 5),
/// stored only as their SHA-256 (OWASP Session Management Cheat Sheet: at least 64 bits of entropy).
enum Secret {
    /// How many random bytes a secret has.
    static let byteCount = 32

    /// A new secret: 43 characters of `A–Z a–z 0–9 - _`.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<byteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The SHA-256 of a secret in lower-case hex, as the store keeps it.
    static func hash(_ secret: String) -> String {
        SHA256.hex(of: Array(secret.utf8))
    }

    /// Whether a secret has the form ``make()`` gives, so junk is refused before any lookup.
    static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == 43 && text.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x2D || byte == 0x5F
        }
    }

    /// Compares two secrets in time that depends only on their lengths, so a token cannot be
    /// guessed byte by byte from response times.
    static func matches(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
