import Foundation
import GRDB
import Speedwork

/// The training log in one SQLite file through GRDB (issue 9): the default, embedded engine. WAL
/// journal so reads never wait for the writer, foreign keys on, one writer with cached prepared
/// statements for the bulk paths (ARCHITECTURE.md item 11).
public final class SQLiteStore: TrainingStore, AccountStore {
    private let pool: DatabasePool
    /// A read-only connection of its own for the short reads made on every request (the log
    /// revision, an API token), run on the caller's thread (``readingHere(_:)``): never one of the
    /// pool's readers, which async reads hold across suspension points.
    private let requestReader: DatabaseQueue
    /// The database file's path.
    public let location: String

    /// How long a read on the request path waits for a lock (a WAL reader meets one only while the
    /// log is recovered after a crash): it runs on the thread serving the request, so briefly.
    public static let requestReadTimeout: TimeInterval = 1

    /// How long a writer waits for another process's lock before giving up.
    public static let busyTimeout: TimeInterval = 10

    private init(pool: DatabasePool, requestReader: DatabaseQueue, location: String) {
        self.pool = pool
        self.requestReader = requestReader
        self.location = location
    }

    /// Opens (creating on first use) the log at `path` and applies pending migrations. Refuses a
    /// read-only file or folder and a database from a newer schema before writing anything.
    public static func open(path: String) async throws -> SQLiteStore {
        let files = FileManager.default
        let folder = (path as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        if files.fileExists(atPath: path, isDirectory: &isFolder) {
            if isFolder.boolValue { throw StoreError.badURL(url: path, reason: "it is a folder, not a database file") }
            guard isWritable(path), isWritable(folder) else { throw StoreError.readOnly(location: path) }
        } else if files.fileExists(atPath: folder) {
            guard isWritable(folder) else { throw StoreError.readOnly(location: path) }
        } else {
            do {
                try files.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw StoreError.engine(location: path, reason: "cannot create the folder \(folder)")
            }
        }
        if files.fileExists(atPath: path) { try refuseNewerSchema(path: path) }
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        configuration.busyMode = .timeout(busyTimeout)
        configuration.label = "speedwork"
        let pool: DatabasePool
        let requestReader: DatabaseQueue
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
            var reading = Configuration()
            reading.readonly = true
            reading.busyMode = .timeout(requestReadTimeout)
            reading.label = "speedwork.requests"
            requestReader = try DatabaseQueue(path: path, configuration: reading)
        } catch {
            throw translate(error, location: path)
        }
        let store = SQLiteStore(pool: pool, requestReader: requestReader, location: path)
        try await store.migrate()
        return store
    }

    /// Reads the applied migrations through a plain connection before the pool opens: GRDB's
    /// pool writes to a WAL database that has no `-wal` file yet, and a database from a newer
    /// schema must be left exactly as it was.
    private static func refuseNewerSchema(path: String) throws {
        do {
            var configuration = Configuration()
            configuration.busyMode = .timeout(busyTimeout)
            let probe = try DatabaseQueue(path: path, configuration: configuration)
            let applied = try probe.read { try appliedNames($0) }
            try probe.close()
            _ = try Schema.pending(applied: applied, location: path)
        } catch {
            throw translate(error, location: path)
        }
    }

    /// Writable by whoever runs this: the system's answer, and for root (whom the system lets write
    /// anything) at least one write permission bit, so a file marked read-only is treated as such.
    private static func isWritable(_ path: String) -> Bool {
        guard access(path, W_OK) == 0 else { return false }
        let mode = (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? 0o200
        return mode & 0o222 != 0
    }

    private static func translate(_ error: any Error, location: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError {
            if error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN && access(location, W_OK) != 0 {
                return .readOnly(location: location)
            }
            return .engine(location: location, reason: error.message ?? "\(error.resultCode)")
        }
        if let error = error as? InputError { return .engine(location: location, reason: error.description) }
        return .engine(location: location, reason: "\(error)")
    }

    func reading<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await pool.read(body) } catch { throw SQLiteStore.translate(error, location: location) }
    }

    /// `body` on the request reads' own read-only connection, run on the calling thread outside a
    /// transaction: for one short statement read on every request, where a hop to a reader's
    /// queue and back would cost more than the read. Callers wait only for each other.
    func readingHere<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try requestReader.inDatabase(body) } catch { throw SQLiteStore.translate(error, location: location) }
    }

    func writing<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        do { return try await pool.write(body) } catch { throw SQLiteStore.translate(error, location: location) }
    }

    /// `body` in a `BEGIN IMMEDIATE` transaction: the write lock is taken before anything is read,
    /// so another process cannot read the same rows in between (import job claims).
    func immediately<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        let location = location
        do {
            return try await pool.writeWithoutTransaction { db in
                var value: T?
                try db.inTransaction(.immediate) {
                    value = try body(db)
                    return .commit
                }
                guard let value else { throw StoreError.engine(location: location, reason: "a transaction gave no answer") }
                return value
            }
        } catch {
            throw SQLiteStore.translate(error, location: location)
        }
    }

    // MARK: Migrations

    private func migrate() async throws {
        let location = location
        let applied = try await reading { db in try SQLiteStore.appliedNames(db) }
        guard try !Schema.pending(applied: applied, location: location).isEmpty else { return }
        try await writing { db in
            let pending = try Schema.pending(applied: try SQLiteStore.appliedNames(db), location: location)
            try db.execute(sql: Schema.createMigrationsTable)
            for migration in pending {
                for statement in migration.statements { try db.execute(sql: statement) }
                if migration.name == Schema.activityDigestMigration { try SQLiteStore.fillDigests(db) }
                try db.execute(sql: "INSERT INTO speedwork_migrations (name, applied_at) VALUES (?, ?)",
                               arguments: [migration.name, StoredTime.milliseconds(Date())])
            }
        }
    }

    /// Derives the digest of every activity stored with an analysis and without a digest.
    private static func fillDigests(_ db: Database) throws {
        let rows = try Row.fetchAll(db, sql: "SELECT athlete_id, content_hash, analysis FROM activities WHERE analysis IS NOT NULL AND digest IS NULL")
        let update = try db.cachedStatement(sql: "UPDATE activities SET digest = ? WHERE athlete_id = ? AND content_hash = ?")
        for row in rows {
            guard let json = row[2] as String?, let digest = ActivityDigest(analysisJSON: json) else { continue }
            try update.execute(arguments: [digest.encoded, row[0] as String, row[1] as String])
        }
    }

    private static func appliedNames(_ db: Database) throws -> [String] {
        guard try db.tableExists(Schema.migrationsTable) else { return [] }
        return try String.fetchAll(db, sql: "SELECT name FROM speedwork_migrations ORDER BY applied_at, rowid")
    }

    public func appliedMigrations() async throws -> [String] {
        try await reading { db in try SQLiteStore.appliedNames(db) }
    }

    // MARK: Athletes

    public func athlete(handle: String) async throws -> Athlete? {
        try await reading { db in
            try Row.fetchOne(db, sql: "SELECT id, handle, name, created_at FROM athletes WHERE handle = ?", arguments: [handle])
                .map { Athlete(id: AthleteID(rawValue: $0[0]), handle: $0[1], name: $0[2], createdAt: StoredTime.date($0[3])) }
        }
    }

    public func addAthlete(handle: String, name: String) async throws -> Athlete {
        try StoreRecords.checkHandle(handle)
        try await writing { db in
            try db.execute(sql: "INSERT INTO athletes (id, handle, name, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                           arguments: [UUID().uuidString.lowercased(), handle, name, StoredTime.milliseconds(Date())])
        }
        guard let athlete = try await athlete(handle: handle) else {
            throw StoreError.engine(location: location, reason: "athlete '\(handle)' was not stored")
        }
        return athlete
    }

    // MARK: Activities

    public func save(_ batch: ImportBatch, for athlete: AthleteID) async throws -> BatchOutcome {
        let now = StoredTime.milliseconds(Date())
        let raises = !ImportBatch.holdsBackRevision
        return try await writing { db in
            let insertActivity = try db.cachedStatement(sql: """
                INSERT INTO activities (athlete_id, content_hash, started_at, sport, name, device, distance_m, duration_s,
                    sample_count, source, analysis, digest, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """)
            let insertSamples = try db.cachedStatement(sql:
                "INSERT INTO activity_samples (athlete_id, content_hash, blob) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
            var added = 0
            for packed in batch.activities {
                let s = packed.summary
                try insertActivity.execute(arguments: [
                    athlete.rawValue, s.contentHash, s.start.map(StoredTime.milliseconds), s.sport, s.name, s.device,
                    s.distanceMeters, s.durationSeconds, s.sampleCount, s.source, s.analysisJSON, s.digest?.encoded, now,
                ])
                guard db.changesCount > 0 else { continue }
                added += 1
                try insertSamples.execute(arguments: [athlete.rawValue, s.contentHash, packed.samples])
            }
            let insertFile = try db.cachedStatement(sql: """
                INSERT INTO imported_files (athlete_id, path, size_bytes, modified_at, outcome, content_hash, detail, imported_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """)
            for file in batch.files {
                try insertFile.execute(arguments: [
                    athlete.rawValue, file.path, file.sizeBytes, StoredTime.milliseconds(file.modifiedAt),
                    file.outcome.rawValue, file.contentHash, file.detail, now,
                ])
            }
            if raises, added > 0 || !batch.files.isEmpty { try SQLiteStore.raiseRevision(db, for: athlete) }
            return BatchOutcome(added: added, alreadyThere: batch.activities.count - added)
        }
    }

    public func activities(for athlete: AthleteID, in range: DateInterval?) async throws -> [ActivitySummary] {
        try await summaries(for: athlete, in: range, analysis: "analysis")
    }

    public func activityDigests(for athlete: AthleteID, in range: DateInterval?) async throws -> [ActivitySummary] {
        try await summaries(for: athlete, in: range, analysis: "NULL")
    }

    /// The summaries in `range` with `analysis` as the tenth column: the stored report, or NULL.
    private func summaries(for athlete: AthleteID, in range: DateInterval?, analysis: String) async throws -> [ActivitySummary] {
        let columns = "content_hash, started_at, sport, name, device, distance_m, duration_s, sample_count, source, \(analysis), digest"
        let location = location
        return try await reading { db in
            // Rows decoded straight from the statement (a cursor), not copied first: `log` and
            // `progress` read every activity of the log here.
            let statement: Statement
            let arguments: StatementArguments
            if let range {
                statement = try db.cachedStatement(sql: """
                    SELECT \(columns) FROM activities WHERE athlete_id = ? AND started_at >= ? AND started_at < ?
                    ORDER BY started_at, content_hash
                    """)
                arguments = [athlete.rawValue, StoredTime.milliseconds(range.start), StoredTime.milliseconds(range.end)]
            } else {
                statement = try db.cachedStatement(sql: """
                    SELECT \(columns) FROM activities WHERE athlete_id = ? ORDER BY started_at, content_hash
                    """)
                arguments = [athlete.rawValue]
            }
            var summaries: [ActivitySummary] = []
            let rows = try Row.fetchCursor(statement, arguments: arguments)
            while let row = try rows.next() { summaries.append(try SQLiteStore.summary(row, location: location)) }
            return summaries
        }
    }

    private static func summary(_ row: Row, location: String) throws -> ActivitySummary {
        ActivitySummary(
            contentHash: row[0], start: (row[1] as Int64?).map(StoredTime.date), sport: row[2], name: row[3], device: row[4],
            distanceMeters: row[5], durationSeconds: row[6], sampleCount: row[7], source: row[8], analysisJSON: row[9],
            digest: try StoreRecords.digest(row[10], location: location))
    }

    public func activity(_ contentHash: String, for athlete: AthleteID) async throws -> StoredActivity? {
        let location = location
        let found = try await reading { db -> (ActivitySummary, Data)? in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT a.content_hash, a.started_at, a.sport, a.name, a.device, a.distance_m, a.duration_s, a.sample_count,
                    a.source, a.analysis, a.digest, s.blob
                FROM activities a JOIN activity_samples s ON s.athlete_id = a.athlete_id AND s.content_hash = a.content_hash
                WHERE a.athlete_id = ? AND a.content_hash = ?
                """, arguments: [athlete.rawValue, contentHash])
            else { return nil }
            return (try SQLiteStore.summary(row, location: location), row[11])
        }
        guard case let (summary, blob)? = found else { return nil }
        return try StoreRecords.unpack(summary, blob: blob, location: location)
    }

    public func activitySummary(_ contentHash: String, for athlete: AthleteID) async throws -> ActivitySummary? {
        let location = location
        return try await reading { db -> ActivitySummary? in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT content_hash, started_at, sport, name, device, distance_m, duration_s, sample_count, source, analysis, digest
                FROM activities WHERE athlete_id = ? AND content_hash = ?
                """, arguments: [athlete.rawValue, contentHash])
            else { return nil }
            return try SQLiteStore.summary(row, location: location)
        }
    }

    public func importedFiles(for athlete: AthleteID) async throws -> [ImportedFile] {
        let location = location
        return try await reading { db in
            try Row.fetchAll(db, sql: """
                SELECT path, size_bytes, modified_at, outcome, content_hash, detail FROM imported_files
                WHERE athlete_id = ? ORDER BY path, size_bytes, modified_at
                """, arguments: [athlete.rawValue]).map { row in
                try StoreRecords.importedFile(path: row[0], size: row[1], modified: row[2], outcome: row[3],
                                              contentHash: row[4], detail: row[5], location: location)
            }
        }
    }

    // MARK: Results

    public func add(_ results: [LoggedResult], for athlete: AthleteID) async throws -> Int {
        let now = StoredTime.milliseconds(Date())
        return try await writing { db in
            let insert = try db.cachedStatement(sql: """
                INSERT INTO results (id, athlete_id, day, kind, distance_m, time_s, activity_hash, notes, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """)
            var added = 0
            for result in results {
                try insert.execute(arguments: [
                    StoreRecords.key(result.id), athlete.rawValue, result.day.description, result.kind.rawValue,
                    result.distance.meters, result.time.seconds, result.activityHash, result.notes, now,
                ])
                added += db.changesCount
            }
            if added > 0 { try SQLiteStore.raiseRevision(db, for: athlete) }
            return added
        }
    }

    public func results(for athlete: AthleteID, since: Day?) async throws -> [LoggedResult] {
        let location = location
        return try await reading { db in
            try Row.fetchAll(db, sql: """
                SELECT id, day, kind, distance_m, time_s, activity_hash, notes FROM results
                WHERE athlete_id = ? AND day >= ? ORDER BY day, created_at, id
                """, arguments: [athlete.rawValue, since?.description ?? ""]).map { row in
                try StoreRecords.result(id: row[0], day: row[1], kind: row[2], meters: row[3], seconds: row[4],
                                        activityHash: row[5], notes: row[6], location: location)
            }
        }
    }

    // MARK: Hand-logged sessions

    public func add(_ sessions: [LoggedSession], for athlete: AthleteID) async throws -> Int {
        let now = StoredTime.milliseconds(Date())
        return try await writing { db in
            let insertSession = try db.cachedStatement(sql: """
                INSERT INTO logged_sessions (id, athlete_id, day, session, rpe, notes, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
                """)
            let insertRep = try db.cachedStatement(sql:
                "INSERT INTO logged_reps (session_id, position, distance_m, time_s) VALUES (?, ?, ?, ?)")
            let insertSet = try db.cachedStatement(sql: """
                INSERT INTO strength_sets (session_id, position, exercise, reps, load_kg, form_was_good)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
            var added = 0
            for session in sessions {
                let key = StoreRecords.key(session.id)
                try insertSession.execute(arguments: [
                    key, athlete.rawValue, session.day.description, session.session, session.rpe, session.notes, now,
                ])
                guard db.changesCount > 0 else { continue }
                added += 1
                for (position, rep) in session.reps.enumerated() {
                    try insertRep.execute(arguments: [key, position, rep.distance?.meters, rep.time.seconds])
                }
                for (position, set) in session.strengthSets.enumerated() {
                    try insertSet.execute(arguments: [key, position, set.exercise, set.reps, set.loadKilograms, set.formWasGood])
                }
            }
            if added > 0 { try SQLiteStore.raiseRevision(db, for: athlete) }
            return added
        }
    }

    public func sessions(for athlete: AthleteID, since: Day?) async throws -> [LoggedSession] {
        let location = location
        let from = since?.description ?? ""
        return try await reading { db in
            let heads = try Row.fetchAll(db, sql: """
                SELECT id, day, session, rpe, notes FROM logged_sessions WHERE athlete_id = ? AND day >= ?
                ORDER BY day, created_at, id
                """, arguments: [athlete.rawValue, from])
            var reps: [String: [LoggedRep]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT r.session_id, r.distance_m, r.time_s FROM logged_reps r
                JOIN logged_sessions s ON s.id = r.session_id WHERE s.athlete_id = ? AND s.day >= ?
                ORDER BY r.session_id, r.position
                """, arguments: [athlete.rawValue, from]) {
                reps[row[0], default: []].append(try StoreRecords.rep(meters: row[1], seconds: row[2], location: location))
            }
            var sets: [String: [StrengthSet]] = [:]
            for row in try Row.fetchAll(db, sql: """
                SELECT t.session_id, t.exercise, t.reps, t.load_kg, t.form_was_good FROM strength_sets t
                JOIN logged_sessions s ON s.id = t.session_id WHERE s.athlete_id = ? AND s.day >= ?
                ORDER BY t.session_id, t.position
                """, arguments: [athlete.rawValue, from]) {
                sets[row[0], default: []].append(try StoreRecords.strengthSet(
                    exercise: row[1], reps: row[2], load: row[3], formWasGood: row[4], location: location))
            }
            return try heads.map { row in
                let key: String = row[0]
                return try StoreRecords.session(id: key, day: row[1], session: row[2], rpe: row[3], notes: row[4],
                                                reps: reps[key] ?? [], sets: sets[key] ?? [], location: location)
            }
        }
    }

    // MARK: Plans

    public func save(_ plans: [SavedPlan], for athlete: AthleteID) async throws -> Int {
        try await writing { db in
            let insert = try db.cachedStatement(sql:
                "INSERT INTO plans (id, athlete_id, name, created_at, body, request) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
            var added = 0
            for plan in plans {
                try insert.execute(arguments: [
                    StoreRecords.key(plan.id), athlete.rawValue, plan.name, StoredTime.milliseconds(plan.createdAt), plan.json, plan.request,
                ])
                added += db.changesCount
            }
            if added > 0 { try SQLiteStore.raiseRevision(db, for: athlete) }
            return added
        }
    }

    public func plans(for athlete: AthleteID) async throws -> [SavedPlan] {
        let location = location
        return try await reading { db in
            try Row.fetchAll(db, sql: "SELECT id, name, created_at, body, request FROM plans WHERE athlete_id = ? ORDER BY created_at, id",
                             arguments: [athlete.rawValue]).map { row in
                try StoreRecords.plan(id: row[0], name: row[1], createdAt: row[2], json: row[3], request: row[4], location: location)
            }
        }
    }

    public func activate(plan: UUID, for athlete: AthleteID, since: Date) async throws {
        let owned = try await writing { db -> Bool in
            let key = StoreRecords.key(plan)
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM plans WHERE id = ? AND athlete_id = ?",
                                   arguments: [key, athlete.rawValue]) == 1 else { return false }
            try db.execute(sql: """
                INSERT INTO active_plans (athlete_id, plan_id, since) VALUES (?, ?, ?)
                ON CONFLICT (athlete_id) DO UPDATE SET plan_id = excluded.plan_id, since = excluded.since
                """, arguments: [athlete.rawValue, key, StoredTime.milliseconds(StoredTime.rounded(since))])
            try SQLiteStore.raiseRevision(db, for: athlete)
            return true
        }
        guard owned else { throw StoreRecords.noSuchPlan(plan) }
    }

    public func activePlan(for athlete: AthleteID) async throws -> SavedPlan? {
        let location = location
        return try await reading { db in
            try Row.fetchOne(db, sql: """
                SELECT p.id, p.name, p.created_at, p.body, p.request FROM active_plans a JOIN plans p ON p.id = a.plan_id
                WHERE a.athlete_id = ? AND p.athlete_id = ?
                """, arguments: [athlete.rawValue, athlete.rawValue]).map { row in
                try StoreRecords.plan(id: row[0], name: row[1], createdAt: row[2], json: row[3], request: row[4], location: location)
            }
        }
    }

    public func link(work: String, to session: String, plan: UUID, for athlete: AthleteID, at moment: Date) async throws {
        let owned = try await writing { db -> Bool in
            let key = StoreRecords.key(plan)
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM plans WHERE id = ? AND athlete_id = ?",
                                   arguments: [key, athlete.rawValue]) == 1 else { return false }
            try db.execute(sql: "DELETE FROM plan_links WHERE athlete_id = ? AND plan_id = ? AND (session_ref = ? OR work_id = ?)",
                           arguments: [athlete.rawValue, key, session, work])
            try db.execute(sql: "INSERT INTO plan_links (athlete_id, plan_id, session_ref, work_id, linked_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [athlete.rawValue, key, session, work, StoredTime.milliseconds(moment)])
            try SQLiteStore.raiseRevision(db, for: athlete)
            return true
        }
        guard owned else { throw StoreRecords.noSuchPlan(plan) }
    }

    public func links(plan: UUID, for athlete: AthleteID) async throws -> [String: String] {
        try await reading { db in
            var links: [String: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT session_ref, work_id FROM plan_links WHERE athlete_id = ? AND plan_id = ?",
                                        arguments: [athlete.rawValue, StoreRecords.key(plan)]) {
                links[row[0]] = row[1]
            }
            return links
        }
    }

    public func add(pause: PlanPause, plan: UUID, for athlete: AthleteID, at moment: Date) async throws {
        let location = location
        let outcome = try await writing { db -> (owned: Bool, overlap: PlanPause?) in
            let key = StoreRecords.key(plan)
            guard try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM plans WHERE id = ? AND athlete_id = ?",
                                   arguments: [key, athlete.rawValue]) == 1 else { return (false, nil) }
            if let row = try Row.fetchOne(db, sql: """
                SELECT from_day, to_day FROM plan_pauses WHERE athlete_id = ? AND plan_id = ? AND from_day <= ? AND to_day >= ?
                ORDER BY from_day LIMIT 1
                """, arguments: [athlete.rawValue, key, pause.to.description, pause.from.description]) {
                return (true, try StoreRecords.pause(from: row[0], to: row[1], location))
            }
            try db.execute(sql: "INSERT INTO plan_pauses (athlete_id, plan_id, from_day, to_day, created_at) VALUES (?, ?, ?, ?, ?)",
                           arguments: [athlete.rawValue, key, pause.from.description, pause.to.description, StoredTime.milliseconds(moment)])
            try SQLiteStore.raiseRevision(db, for: athlete)
            return (true, nil)
        }
        guard outcome.owned else { throw StoreRecords.noSuchPlan(plan) }
        if let existing = outcome.overlap { throw StoreRecords.overlappingPause(pause, existing) }
    }

    public func pauses(plan: UUID, for athlete: AthleteID) async throws -> [PlanPause] {
        let location = location
        return try await reading { db in
            try Row.fetchAll(db, sql: "SELECT from_day, to_day FROM plan_pauses WHERE athlete_id = ? AND plan_id = ? ORDER BY from_day",
                             arguments: [athlete.rawValue, StoreRecords.key(plan)]).map { row in
                try StoreRecords.pause(from: row[0], to: row[1], location)
            }
        }
    }

    public func close() async {
        try? requestReader.close()
        try? pool.close()
    }
}
