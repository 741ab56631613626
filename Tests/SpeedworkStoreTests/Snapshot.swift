import Foundation
import PostgresNIO
import SpeedworkStore

/// What a database holds, taken outside the store, to show that a refused open wrote nothing:
/// for SQLite the main file's bytes and the write-ahead log's length, for PostgreSQL its tables
/// and the migrations recorded.
struct Snapshot: Equatable {
    var bytes: Data
    var walLength: Int
    var rows: [String]

    static func take(_ database: TestDatabase) async throws -> Snapshot {
        switch database.location {
        case .sqlite(let path):
            let wal = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
            return Snapshot(bytes: try Data(contentsOf: URL(fileURLWithPath: path)), walLength: wal, rows: [])
        case .postgres(let address):
            var rows: [String] = []
            try await TestDatabase.admin(address) { connection, logger in
                for try await (name) in try await connection.query(
                    "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
                    logger: logger).decode(String.self) { rows.append("table " + name) }
                for try await (name) in try await connection.query(
                    "SELECT name FROM speedwork_migrations ORDER BY name", logger: logger).decode(String.self) {
                    rows.append("migration " + name)
                }
            }
            return Snapshot(bytes: Data(), walLength: 0, rows: rows)
        }
    }
}
