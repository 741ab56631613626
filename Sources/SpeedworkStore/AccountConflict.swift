/// Why a new account was refused by the store: what it names is already taken. One line each,
/// safe to show to the person registering.
public enum AccountConflict: Error, Equatable, Sendable, CustomStringConvertible {
    /// Another account signs in with this login.
    case loginTaken(String)
    /// The runner with this handle already belongs to an account.
    case athleteTaken(String)

    /// The one-line message.
    public var description: String {
        switch self {
        case .loginTaken(let login): "'\(login)' is already registered: sign in, or choose another login"
        case .athleteTaken(let handle): "the runner '\(handle)' already belongs to an account"
        }
    }
}
