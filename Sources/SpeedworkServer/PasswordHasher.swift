import HummingbirdBcrypt

/// bcrypt with the configured cost (Provos and Mazières 1999; OWASP Password Storage Cheat
/// Sheet). Passwords are never logged or stored, only this hash.
struct PasswordHasher: Sendable {
    /// log₂ of bcrypt's rounds (``ServerConfiguration/bcryptCost``).
    let cost: Int

    /// A hash compared against when the login is unknown, so a wrong login takes as long as a
    /// wrong password and does not reveal which logins exist.
    let decoy: String

    init(cost: Int) {
        self.cost = cost
        self.decoy = Bcrypt.hash("speedwork-decoy-password", cost: UInt8(cost))
    }

    /// The bcrypt hash of `password`, computed off the request's task on threads of its own
    /// (``PriorityExecutor/passwords``), never on an event loop.
    func hash(_ password: String) async -> String {
        let cost = UInt8(cost)
        return await Task.detached(executorPreference: PriorityExecutor.passwords) { Bcrypt.hash(password, cost: cost) }.value
    }

    /// Whether `password` matches `hash`; with no hash, checks against the decoy and says no.
    func verify(_ password: String, against hash: String?) async -> Bool {
        let target = hash ?? decoy
        let matches = await Task.detached(executorPreference: PriorityExecutor.passwords) { Bcrypt.verify(password, hash: target) }.value
        return hash != nil && matches
    }
}
