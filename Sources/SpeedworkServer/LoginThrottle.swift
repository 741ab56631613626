import Foundation

/// Limits failed log-ins per account and per client address over a sliding window (OWASP
/// Authentication Cheat Sheet, "Protect against automated attacks"); past the limit the answer is
/// 429 with `Retry-After` (RFC 6585 section 4). Kept in memory: a restart forgets it.
actor LoginThrottle {
    /// Failed attempts allowed per account in the window.
    let perAccount: Int
    /// Failed attempts allowed per address in the window.
    let perAddress: Int
    /// The window, in seconds.
    let window: TimeInterval
    /// Beyond this many keys, keys whose failures have all left the window are dropped.
    static let tidyAbove = 10_000

    private var failures: [String: [Date]] = [:]

    init(perAccount: Int, perAddress: Int, window: TimeInterval) {
        self.perAccount = perAccount
        self.perAddress = perAddress
        self.window = window
    }

    private static func keys(login: String, address: String?) -> [String] {
        ["login:" + login.lowercased(), "address:" + (address ?? "unknown")]
    }

    /// Whole seconds until another attempt is allowed, or nil when one is allowed now.
    func retryAfter(login: String, address: String?, at now: Date) -> Int? {
        var wait: TimeInterval = 0
        for (key, limit) in zip(Self.keys(login: login, address: address), [perAccount, perAddress]) {
            let recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
            if recent.count >= limit, let oldest = recent.first {
                wait = max(wait, window - now.timeIntervalSince(oldest))
            }
        }
        return wait > 0 ? max(1, Int(wait.rounded(.up))) : nil
    }

    /// Admits one attempt when neither the login nor the address is past its limit, and counts it
    /// as failed at once, so attempts sent together cannot all pass the check before the first of
    /// them has failed; ``succeeded(login:address:at:)`` takes it back. Returns nil when admitted,
    /// else whole seconds until another attempt is allowed.
    func admit(login: String, address: String?, at now: Date) -> Int? {
        if let wait = retryAfter(login: login, address: address, at: now) { return wait }
        recordFailure(login: login, address: address, at: now)
        return nil
    }

    /// An attempt admitted at `admittedAt` had the right password: the account's failures are
    /// forgotten and the address's count no longer holds this attempt.
    func succeeded(login: String, address: String?, at admittedAt: Date) {
        recordSuccess(login: login)
        let key = "address:" + (address ?? "unknown")
        if var times = failures[key], let index = times.lastIndex(of: admittedAt) {
            times.remove(at: index)
            failures[key] = times.isEmpty ? nil : times
        }
    }

    /// Counts a failed attempt against the login and the address.
    func recordFailure(login: String, address: String?, at now: Date) {
        if failures.count > Self.tidyAbove {
            failures = failures.filter { $0.value.contains { now.timeIntervalSince($0) < window } }
        }
        for key in Self.keys(login: login, address: address) {
            var recent = (failures[key] ?? []).filter { now.timeIntervalSince($0) < window }
            recent.append(now)
            failures[key] = recent
        }
    }

    /// Forgets the account's failures after it signs in (the address's stay counted).
    func recordSuccess(login: String) {
        failures["login:" + login.lowercased()] = nil
    }
}
