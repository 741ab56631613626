/// Why a value a runner typed was refused, in words that name the value and what is allowed.
///
/// Every parser and validating initializer in the domain throws this type, so the command line
/// and the server can print ``description`` as a single line without knowing where it came from.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The one-line explanation, e.g. `400m=0:30 is faster than the world record (43.03 s)`.
    public let description: String

    /// Creates an error with the given one-line explanation.
    public init(_ description: String) {
        self.description = description
    }
}
