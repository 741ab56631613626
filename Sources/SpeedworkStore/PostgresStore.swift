import Foundation
import PostgresNIO
import Speedwork

/// The training log in a PostgreSQL database through postgres-nio (issue 9): for a club or a
/// server that outgrows one machine. Same schema and contract as ``SQLiteStore``; a pool of
/// connections, each write one transaction.
public final class PostgresStore: TrainingStore, AccountStore {
    let client: PostgresClient
    private let runner: Task<Void, Never>
    let logger: Logger
    /// The database as `postgres://user@host:port/db`, without the password.
    public let location: String

    /// How long to wait for the server to accept a connection before calling it unreachable.
    public static let connectTimeoutSeconds: Int64 = 5
    /// Taken while migrating so two processes opening a new database do not both migrate it.
    static let migrationLockKey: Int64 = 0x5350_4545_4457_4B31

    private init(client: PostgresClient, runner: Task<Void, Never>, logger: Logger, location: String) {
        self.client = client
        self.runner = runner
        self.logger = logger
        self.location = location
    }

    /// Connects, refusing an unreachable server or a database from a newer schema before writing
    /// anything, applies pending migrations, and starts the connection pool.
    public static func open(_ address: PostgresAddress) async throws -> PostgresStore {
        var logger = Logger(label: "speedwork.store")
        logger.logLevel = .critical
        let location = address.description
        var configuration = PostgresConnection.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: .disable)
        configuration.options.connectTimeout = .seconds(connectTimeoutSeconds)
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            throw StoreError.unreachable(location: location, reason: describe(error))
        }
        do {
            try await migrate(connection, location: location, logger: logger)
            try await connection.close()
        } catch {
            try? await connection.close()
            throw translate(error, location: location)
        }
        var clientConfiguration = PostgresClient.Configuration(
            host: address.host, port: address.port, username: address.user, password: address.password,
            database: address.database, tls: .disable)
        clientConfiguration.options.connectTimeout = .seconds(connectTimeoutSeconds)
        clientConfiguration.options.maximumConnections = 4
        let client = PostgresClient(configuration: clientConfiguration, backgroundLogger: logger)
        let runner = Task { await client.run() }
        return PostgresStore(client: client, runner: runner, logger: logger, location: location)
    }

    /// The server's own message when there is one (PSQLError hides it from `description`), else the
    /// underlying network error.
    static func describe(_ error: any Error) -> String {
        if let error = error as? PSQLError {
            if let message = error.serverInfo?[.message] { return message }
            if let underlying = error.underlying { return describe(underlying) }
            return "\(error.code)"
        }
        if let error = error as? NIOConnectionError, let first = error.connectionErrors.first {
            return describe(first.error)
        }
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)).lowercased() }
        return "\(error)"
    }

    private static func translate(_ error: any Error, location: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? PSQLError, error.serverInfo?[.sqlState] == "25006" { return .readOnly(location: location) }
        return .engine(location: location, reason: describe(error))
    }

    func run<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch { throw PostgresStore.translate(error, location: location) }
    }

    // MARK: Migrations

    private static func appliedNames(_ connection: PostgresConnection, logger: Logger) async throws -> [String] {
        let exists = try await connection.query(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = \(Schema.migrationsTable)",
            logger: logger)
        var count = 0
        for try await (found) in exists.decode(Int.self) { count = found }
        guard count > 0 else { return [] }
        var names: [String] = []
        for try await (name) in try await connection.query(
            "SELECT name FROM speedwork_migrations ORDER BY applied_at, name", logger: logger).decode(String.self) {
            names.append(name)
        }
        return names
    }

    private static func migrate(_ connection: PostgresConnection, location: String, logger: Logger) async throws {
        let applied = try await appliedNames(connection, logger: logger)
        guard try !Schema.pending(applied: applied, location: location).isEmpty else { return }
        try await connection.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT pg_advisory_xact_lock(\(migrationLockKey))", logger: logger)
            let pending = try Schema.pending(applied: try await appliedNames(connection, logger: logger), location: location)
            try await connection.query(PostgresQuery(unsafeSQL: Schema.createMigrationsTable), logger: logger)
            for migration in pending {
                for statement in migration.statements {
                    try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                }
                if migration.name == Schema.activityDigestMigration { try await fillDigests(connection, logger: logger) }
                try await connection.query(
                    "INSERT INTO speedwork_migrations (name, applied_at) VALUES (\(migration.name), \(StoredTime.milliseconds(Date())))",
                    logger: logger)
            }
        }
    }

    /// Derives the digest of every activity stored with an analysis and without a digest.
    private static func fillDigests(_ connection: PostgresConnection, logger: Logger) async throws {
        var found: [(String, String, ActivityDigest)] = []
        let rows = try await connection.query(
            "SELECT athlete_id, content_hash, analysis FROM activities WHERE analysis IS NOT NULL AND digest IS NULL", logger: logger)
        for try await (athlete, hash, json) in rows.decode((String, String, String).self) {
            if let digest = ActivityDigest(analysisJSON: json) { found.append((athlete, hash, digest)) }
        }
        for (athlete, hash, digest) in found {
            try await connection.query(
                "UPDATE activities SET digest = \(digest.encoded) WHERE athlete_id = \(athlete) AND content_hash = \(hash)", logger: logger)
        }
    }

    public func appliedMigrations() async throws -> [String] {
        try await run { try await client.withConnection { try await PostgresStore.appliedNames($0, logger: logger) } }
    }

    static func count(_ rows: PostgresRowSequence) async throws -> Int {
        var count = 0
        for try await _ in rows { count += 1 }
        return count
    }

    // MARK: Athletes

    public func athlete(handle: String) async throws -> Athlete? {
        try await run {
            let rows = try await client.query(
                "SELECT id, handle, name, created_at FROM athletes WHERE handle = \(handle)", logger: logger)
            for try await (id, handle, name, created) in rows.decode((String, String, String, Int64).self) {
                return Athlete(id: AthleteID(rawValue: id), handle: handle, name: name, createdAt: StoredTime.date(created))
            }
            return nil
        }
    }

    public func addAthlete(handle: String, name: String) async throws -> Athlete {
        try StoreRecords.checkHandle(handle)
        try await run {
            let id = UUID().uuidString.lowercased()
            try await client.query("""
                INSERT INTO athletes (id, handle, name, created_at)
                VALUES (\(id), \(handle), \(name), \(StoredTime.milliseconds(Date()))) ON CONFLICT DO NOTHING
                """, logger: logger)
        }
        guard let athlete = try await athlete(handle: handle) else {
            throw StoreError.engine(location: location, reason: "athlete '\(handle)' was not stored")
        }
        return athlete
    }

    // MARK: Activities

    public func save(_ batch: ImportBatch, for athlete: AthleteID) async throws -> BatchOutcome {
        let now = StoredTime.milliseconds(Date())
        let logger = logger
        let raises = !ImportBatch.holdsBackRevision
        return try await run {
            try await client.withTransaction(logger: logger) { connection in
                var added = 0
                for packed in batch.activities {
                    let s = packed.summary
                    let inserted = try await PostgresStore.count(connection.query("""
                        INSERT INTO activities (athlete_id, content_hash, started_at, sport, name, device, distance_m,
                            duration_s, sample_count, source, analysis, digest, imported_at)
                        VALUES (\(athlete.rawValue), \(s.contentHash), \(s.start.map(StoredTime.milliseconds)), \(s.sport),
                            \(s.name), \(s.device), \(s.distanceMeters), \(s.durationSeconds), \(s.sampleCount), \(s.source),
                            \(s.analysisJSON), \(s.digest?.encoded), \(now))
                        ON CONFLICT DO NOTHING RETURNING 1
                        """, logger: logger))
                    guard inserted > 0 else { continue }
                    added += 1
                    try await connection.query("""
                        INSERT INTO activity_samples (athlete_id, content_hash, blob)
                        VALUES (\(athlete.rawValue), \(s.contentHash), \(packed.samples)) ON CONFLICT DO NOTHING
                        """, logger: logger)
                }
                for file in batch.files {
                    try await connection.query("""
                        INSERT INTO imported_files (athlete_id, path, size_bytes, modified_at, outcome, content_hash, detail, imported_at)
                        VALUES (\(athlete.rawValue), \(file.path), \(file.sizeBytes), \(StoredTime.milliseconds(file.modifiedAt)),
                            \(file.outcome.rawValue), \(file.contentHash), \(file.detail), \(now))
                        ON CONFLICT DO NOTHING
                        """, logger: logger)
                }
                if raises, added > 0 || !batch.files.isEmpty { try await PostgresStore.raiseRevision(connection, for: athlete, logger: logger) }
                return BatchOutcome(added: added, alreadyThere: batch.activities.count - added)
            }
        }
    }

    private typealias SummaryColumns = (String, Int64?, String, String?, String?, Double?, Double?, Int, String?, String?, Data?)

    private static func summary(_ c: SummaryColumns, location: String) throws -> ActivitySummary {
        ActivitySummary(contentHash: c.0, start: c.1.map(StoredTime.date), sport: c.2, name: c.3, device: c.4,
                        distanceMeters: c.5, durationSeconds: c.6, sampleCount: c.7, source: c.8, analysisJSON: c.9,
                        digest: try StoreRecords.digest(c.10, location: location))
    }

    public func activities(for athlete: AthleteID, in range: DateInterval?) async throws -> [ActivitySummary] {
        try await summaries(for: athlete, in: range, analysis: "analysis")
    }

    public func activityDigests(for athlete: AthleteID, in range: DateInterval?) async throws -> [ActivitySummary] {
        try await summaries(for: athlete, in: range, analysis: "NULL::TEXT")
    }

    /// The summaries in `range` with `analysis` as the tenth column: the stored report, or NULL.
    private func summaries(for athlete: AthleteID, in range: DateInterval?, analysis: String) async throws -> [ActivitySummary] {
        let location = location
        return try await run {
            let rows: PostgresRowSequence
            if let range {
                rows = try await client.query("""
                    SELECT content_hash, started_at, sport, name, device, distance_m, duration_s, sample_count, source,
                        \(unescaped: analysis), digest
                    FROM activities WHERE athlete_id = \(athlete.rawValue)
                        AND started_at >= \(StoredTime.milliseconds(range.start)) AND started_at < \(StoredTime.milliseconds(range.end))
                    ORDER BY started_at, content_hash
                    """, logger: logger)
            } else {
                rows = try await client.query("""
                    SELECT content_hash, started_at, sport, name, device, distance_m, duration_s, sample_count, source,
                        \(unescaped: analysis), digest
                    FROM activities WHERE athlete_id = \(athlete.rawValue) ORDER BY started_at, content_hash
                    """, logger: logger)
            }
            var summaries: [ActivitySummary] = []
            for try await columns in rows.decode(SummaryColumns.self) { summaries.append(try PostgresStore.summary(columns, location: location)) }
            return summaries
        }
    }

    public func activity(_ contentHash: String, for athlete: AthleteID) async throws -> StoredActivity? {
        let found: (ActivitySummary, Data)? = try await run {
            let rows = try await client.query("""
                SELECT a.content_hash, a.started_at, a.sport, a.name, a.device, a.distance_m, a.duration_s, a.sample_count,
                    a.source, a.analysis, a.digest, s.blob
                FROM activities a JOIN activity_samples s ON s.athlete_id = a.athlete_id AND s.content_hash = a.content_hash
                WHERE a.athlete_id = \(athlete.rawValue) AND a.content_hash = \(contentHash)
                """, logger: logger)
            for try await (h, st, sp, n, d, m, sec, c, src, an, dg, blob) in rows.decode(
                (String, Int64?, String, String?, String?, Double?, Double?, Int, String?, String?, Data?, Data).self) {
                return (try PostgresStore.summary((h, st, sp, n, d, m, sec, c, src, an, dg), location: location), blob)
            }
            return nil
        }
        guard case let (summary, blob)? = found else { return nil }
        return try StoreRecords.unpack(summary, blob: blob, location: location)
    }

    public func activitySummary(_ contentHash: String, for athlete: AthleteID) async throws -> ActivitySummary? {
        try await run {
            let rows = try await client.query("""
                SELECT content_hash, started_at, sport, name, device, distance_m, duration_s, sample_count, source, analysis, digest
                FROM activities WHERE athlete_id = \(athlete.rawValue) AND content_hash = \(contentHash)
                """, logger: logger)
            for try await row in rows.decode((String, Int64?, String, String?, String?, Double?, Double?, Int, String?, String?, Data?).self) {
                return try PostgresStore.summary(row, location: location)
            }
            return nil
        }
    }

    public func importedFiles(for athlete: AthleteID) async throws -> [ImportedFile] {
        try await run {
            let rows = try await client.query("""
                SELECT path, size_bytes, modified_at, outcome, content_hash, detail FROM imported_files
                WHERE athlete_id = \(athlete.rawValue) ORDER BY path, size_bytes, modified_at
                """, logger: logger)
            var files: [ImportedFile] = []
            for try await (path, size, modified, outcome, hash, detail) in rows.decode(
                (String, Int64, Int64, String, String?, String?).self) {
                files.append(try StoreRecords.importedFile(path: path, size: size, modified: modified, outcome: outcome,
                                                           contentHash: hash, detail: detail, location: location))
            }
            return files
        }
    }

    // MARK: Results

    public func add(_ results: [LoggedResult], for athlete: AthleteID) async throws -> Int {
        let now = StoredTime.milliseconds(Date())
        let logger = logger
        return try await run {
            try await client.withTransaction(logger: logger) { connection in
                var added = 0
                for result in results {
                    added += try await PostgresStore.count(connection.query("""
                        INSERT INTO results (id, athlete_id, day, kind, distance_m, time_s, activity_hash, notes, created_at)
                        VALUES (\(StoreRecords.key(result.id)), \(athlete.rawValue), \(result.day.description),
                            \(result.kind.rawValue), \(result.distance.meters), \(result.time.seconds), \(result.activityHash),
                            \(result.notes), \(now))
                        ON CONFLICT DO NOTHING RETURNING 1
                        """, logger: logger))
                }
                if added > 0 { try await PostgresStore.raiseRevision(connection, for: athlete, logger: logger) }
                return added
            }
        }
    }

    public func results(for athlete: AthleteID, since: Day?) async throws -> [LoggedResult] {
        try await run {
            let rows = try await client.query("""
                SELECT id, day, kind, distance_m, time_s, activity_hash, notes FROM results
                WHERE athlete_id = \(athlete.rawValue) AND day >= \(since?.description ?? "") ORDER BY day, created_at, id
                """, logger: logger)
            var results: [LoggedResult] = []
            for try await (id, day, kind, meters, seconds, hash, notes) in rows.decode(
                (String, String, String, Double, Double, String?, String?).self) {
                results.append(try StoreRecords.result(id: id, day: day, kind: kind, meters: meters, seconds: seconds,
                                                       activityHash: hash, notes: notes, location: location))
            }
            return results
        }
    }

    // MARK: Hand-logged sessions

    public func add(_ sessions: [LoggedSession], for athlete: AthleteID) async throws -> Int {
        let now = StoredTime.milliseconds(Date())
        let logger = logger
        return try await run {
            try await client.withTransaction(logger: logger) { connection in
                var added = 0
                for session in sessions {
                    let key = StoreRecords.key(session.id)
                    let inserted = try await PostgresStore.count(connection.query("""
                        INSERT INTO logged_sessions (id, athlete_id, day, session, rpe, notes, created_at)
                        VALUES (\(key), \(athlete.rawValue), \(session.day.description), \(session.session), \(session.rpe),
                            \(session.notes), \(now))
                        ON CONFLICT DO NOTHING RETURNING 1
                        """, logger: logger))
                    guard inserted > 0 else { continue }
                    added += 1
                    for (position, rep) in session.reps.enumerated() {
                        try await connection.query("""
                            INSERT INTO logged_reps (session_id, position, distance_m, time_s)
                            VALUES (\(key), \(position), \(rep.distance?.meters), \(rep.time.seconds))
                            """, logger: logger)
                    }
                    for (position, set) in session.strengthSets.enumerated() {
                        try await connection.query("""
                            INSERT INTO strength_sets (session_id, position, exercise, reps, load_kg, form_was_good)
                            VALUES (\(key), \(position), \(set.exercise), \(set.reps), \(set.loadKilograms), \(set.formWasGood))
                            """, logger: logger)
                    }
                }
                if added > 0 { try await PostgresStore.raiseRevision(connection, for: athlete, logger: logger) }
                return added
            }
        }
    }

    public func sessions(for athlete: AthleteID, since: Day?) async throws -> [LoggedSession] {
        let from = since?.description ?? ""
        return try await run {
            var reps: [String: [LoggedRep]] = [:]
            for try await (key, meters, seconds) in try await client.query("""
                SELECT r.session_id, r.distance_m, r.time_s FROM logged_reps r
                JOIN logged_sessions s ON s.id = r.session_id WHERE s.athlete_id = \(athlete.rawValue) AND s.day >= \(from)
                ORDER BY r.session_id, r.position
                """, logger: logger).decode((String, Double?, Double).self) {
                reps[key, default: []].append(try StoreRecords.rep(meters: meters, seconds: seconds, location: location))
            }
            var sets: [String: [StrengthSet]] = [:]
            for try await (key, exercise, count, load, good) in try await client.query("""
                SELECT t.session_id, t.exercise, t.reps, t.load_kg, t.form_was_good FROM strength_sets t
                JOIN logged_sessions s ON s.id = t.session_id WHERE s.athlete_id = \(athlete.rawValue) AND s.day >= \(from)
                ORDER BY t.session_id, t.position
                """, logger: logger).decode((String, String, Int, Double?, Bool).self) {
                sets[key, default: []].append(try StoreRecords.strengthSet(
                    exercise: exercise, reps: count, load: load, formWasGood: good, location: location))
            }
            var sessions: [LoggedSession] = []
            for try await (key, day, session, rpe, notes) in try await client.query("""
                SELECT id, day, session, rpe, notes FROM logged_sessions
                WHERE athlete_id = \(athlete.rawValue) AND day >= \(from) ORDER BY day, created_at, id
                """, logger: logger).decode((String, String, String?, Int?, String?).self) {
                sessions.append(try StoreRecords.session(id: key, day: day, session: session, rpe: rpe, notes: notes,
                                                         reps: reps[key] ?? [], sets: sets[key] ?? [], location: location))
            }
            return sessions
        }
    }

    // MARK: Plans

    public func save(_ plans: [SavedPlan], for athlete: AthleteID) async throws -> Int {
        let logger = logger
        return try await run {
            try await client.withTransaction(logger: logger) { connection in
                var added = 0
                for plan in plans {
                    added += try await PostgresStore.count(connection.query("""
                        INSERT INTO plans (id, athlete_id, name, created_at, body, request)
                        VALUES (\(StoreRecords.key(plan.id)), \(athlete.rawValue), \(plan.name),
                            \(StoredTime.milliseconds(plan.createdAt)), \(plan.json), \(plan.request))
                        ON CONFLICT DO NOTHING RETURNING 1
                        """, logger: logger))
                }
                if added > 0 { try await PostgresStore.raiseRevision(connection, for: athlete, logger: logger) }
                return added
            }
        }
    }

    public func plans(for athlete: AthleteID) async throws -> [SavedPlan] {
        try await run {
            var plans: [SavedPlan] = []
            for try await (id, name, created, body, request) in try await client.query("""
                SELECT id, name, created_at, body, request FROM plans WHERE athlete_id = \(athlete.rawValue) ORDER BY created_at, id
                """, logger: logger).decode((String, String, Int64, String, String?).self) {
                plans.append(try StoreRecords.plan(id: id, name: name, createdAt: created, json: body, request: request, location: location))
            }
            return plans
        }
    }

    public func activate(plan: UUID, for athlete: AthleteID, since: Date) async throws {
        let logger = logger
        let key = StoreRecords.key(plan)
        let moment = StoredTime.milliseconds(StoredTime.rounded(since))
        let owned = try await run {
            try await client.withTransaction(logger: logger) { connection -> Bool in
                let owned = try await PostgresStore.count(connection.query("""
                    SELECT 1 FROM plans WHERE id = \(key) AND athlete_id = \(athlete.rawValue)
                    """, logger: logger))
                guard owned == 1 else { return false }
                try await connection.query("""
                    INSERT INTO active_plans (athlete_id, plan_id, since) VALUES (\(athlete.rawValue), \(key), \(moment))
                    ON CONFLICT (athlete_id) DO UPDATE SET plan_id = excluded.plan_id, since = excluded.since
                    """, logger: logger)
                try await PostgresStore.raiseRevision(connection, for: athlete, logger: logger)
                return true
            }
        }
        guard owned else { throw StoreRecords.noSuchPlan(plan) }
    }

    public func activePlan(for athlete: AthleteID) async throws -> SavedPlan? {
        try await run {
            for try await (id, name, created, body, request) in try await client.query("""
                SELECT p.id, p.name, p.created_at, p.body, p.request FROM active_plans a JOIN plans p ON p.id = a.plan_id
                WHERE a.athlete_id = \(athlete.rawValue) AND p.athlete_id = \(athlete.rawValue)
                """, logger: logger).decode((String, String, Int64, String, String?).self) {
                return try StoreRecords.plan(id: id, name: name, createdAt: created, json: body, request: request, location: location)
            }
            return nil
        }
    }

    public func link(work: String, to session: String, plan: UUID, for athlete: AthleteID, at moment: Date) async throws {
        let logger = logger
        let key = StoreRecords.key(plan)
        let milliseconds = StoredTime.milliseconds(moment)
        let owned = try await run {
            try await client.withTransaction(logger: logger) { connection -> Bool in
                let owned = try await PostgresStore.count(connection.query("""
                    SELECT 1 FROM plans WHERE id = \(key) AND athlete_id = \(athlete.rawValue)
                    """, logger: logger))
                guard owned == 1 else { return false }
                try await connection.query("""
                    DELETE FROM plan_links WHERE athlete_id = \(athlete.rawValue) AND plan_id = \(key)
                    AND (session_ref = \(session) OR work_id = \(work))
                    """, logger: logger)
                try await connection.query("""
                    INSERT INTO plan_links (athlete_id, plan_id, session_ref, work_id, linked_at)
                    VALUES (\(athlete.rawValue), \(key), \(session), \(work), \(milliseconds))
                    """, logger: logger)
                try await PostgresStore.raiseRevision(connection, for: athlete, logger: logger)
                return true
            }
        }
        guard owned else { throw StoreRecords.noSuchPlan(plan) }
    }

    public func links(plan: UUID, for athlete: AthleteID) async throws -> [String: String] {
        try await run {
            var links: [String: String] = [:]
            for try await (session, work) in try await client.query("""
                SELECT session_ref, work_id FROM plan_links WHERE athlete_id = \(athlete.rawValue) AND plan_id = \(StoreRecords.key(plan))
                """, logger: logger).decode((String, String).self) {
                links[session] = work
            }
            return links
        }
    }

    public func add(pause: PlanPause, plan: UUID, for athlete: AthleteID, at moment: Date) async throws {
        let logger = logger
        let location = location
        let key = StoreRecords.key(plan)
        let milliseconds = StoredTime.milliseconds(moment)
        let from = pause.from.description, to = pause.to.description
        let outcome = try await run {
            try await client.withTransaction(logger: logger) { connection -> (owned: Bool, overlap: PlanPause?) in
                let owned = try await PostgresStore.count(connection.query("""
                    SELECT 1 FROM plans WHERE id = \(key) AND athlete_id = \(athlete.rawValue) FOR UPDATE
                    """, logger: logger))
                guard owned == 1 else { return (false, nil) }
                for try await (first, last) in try await connection.query("""
                    SELECT from_day, to_day FROM plan_pauses WHERE athlete_id = \(athlete.rawValue) AND plan_id = \(key)
                    AND from_day <= \(to) AND to_day >= \(from) ORDER BY from_day LIMIT 1
                    """, logger: logger).decode((String, String).self) {
                    return (true, try StoreRecords.pause(from: first, to: last, location))
                }
                try await connection.query("""
                    INSERT INTO plan_pauses (athlete_id, plan_id, from_day, to_day, created_at)
                    VALUES (\(athlete.rawValue), \(key), \(from), \(to), \(milliseconds))
                    """, logger: logger)
                try await PostgresStore.raiseRevision(connection, for: athlete, logger: logger)
                return (true, nil)
            }
        }
        guard outcome.owned else { throw StoreRecords.noSuchPlan(plan) }
        if let existing = outcome.overlap { throw StoreRecords.overlappingPause(pause, existing) }
    }

    public func pauses(plan: UUID, for athlete: AthleteID) async throws -> [PlanPause] {
        let location = location
        return try await run {
            var pauses: [PlanPause] = []
            for try await (from, to) in try await client.query("""
                SELECT from_day, to_day FROM plan_pauses WHERE athlete_id = \(athlete.rawValue) AND plan_id = \(StoreRecords.key(plan))
                ORDER BY from_day
                """, logger: logger).decode((String, String).self) {
                pauses.append(try StoreRecords.pause(from: from, to: to, location))
            }
            return pauses
        }
    }

    public func close() async {
        runner.cancel()
        await runner.value
    }
}
