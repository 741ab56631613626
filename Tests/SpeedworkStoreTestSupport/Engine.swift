import Foundation
import SpeedworkStore

/// The engines the store-backed tests run on: SQLite always, PostgreSQL when
/// `SPEEDWORK_TEST_POSTGRES` names a server (`.ci/run` starts one on loopback).
public enum Engine: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite, postgres

    /// The environment variable naming the test server, a `postgres://` URL.
    public static let variable = "SPEEDWORK_TEST_POSTGRES"

    /// The test server's URL, or nil when none is named.
    public static var serverURL: String? {
        guard let url = ProcessInfo.processInfo.environment[variable], !url.isEmpty else { return nil }
        return url
    }

    /// The test server's address, or nil (with a printed note) when none is named or the URL is not
    /// a `postgres://` one.
    public static let server: PostgresAddress? = {
        guard let url = serverURL else { return nil }
        guard case .postgres(let address)? = try? DatabaseLocation(url: url) else {
            print("note: \(variable) is not a postgres:// URL: the PostgreSQL tests are skipped")
            return nil
        }
        return address
    }()

    /// The engines to run on here; PostgreSQL's absence is printed, not hidden.
    public static let available: [Engine] = {
        if server == nil {
            print("note: \(variable) is not set: the PostgreSQL tests are skipped (bash .ci/run starts a server)")
            return [.sqlite]
        }
        return [.sqlite, .postgres]
    }()

    public var description: String { rawValue }
}
