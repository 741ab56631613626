import GRDB

/// Direct access to an SQLite file, bypassing the store, for tests that plant or inspect rows.
public enum RawSQLite {
    public static func execute(_ sql: String, path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: sql) }
        // Move everything into the main file, so a later snapshot of it shows any new write.
        try queue.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try queue.close()
    }
}
