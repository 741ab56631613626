/// One step of the log's schema: a name that is recorded once applied, and plain SQL statements
/// that mean the same on SQLite and PostgreSQL (ARCHITECTURE.md item 4).
public struct Migration: Sendable, Hashable {
    /// Recorded in `speedwork_migrations` once applied; never renamed.
    public let name: String
    /// Run in order inside one transaction, one statement each (PostgreSQL's extended protocol
    /// takes one statement per query).
    public let statements: [String]
}

/// The log's schema, as ordered migrations shared by both engines. Types are the ones both
/// engines accept: TEXT, BIGINT, INTEGER, DOUBLE PRECISION, BOOLEAN, and BYTEA (which SQLite stores
/// as a blob). Keys are UUID text or natural keys, so no engine-specific auto-increment is needed.
/// Moments are BIGINT milliseconds since 1970; days are TEXT `YYYY-MM-DD`. See docs/store.md.
public enum Schema {
    /// The table that records applied migrations; created before any migration runs.
    public static let migrationsTable = "speedwork_migrations"

    /// Creates the migrations table when missing.
    static let createMigrationsTable =
        "CREATE TABLE IF NOT EXISTS speedwork_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)"

    /// Every migration this version knows, oldest first. Append only.
    public static let migrations: [Migration] = [
        Migration(name: "0001-training-log", statements: [
            """
            CREATE TABLE athletes (
                id TEXT PRIMARY KEY,
                handle TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE activities (
                athlete_id TEXT NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
                content_hash TEXT NOT NULL,
                started_at BIGINT,
                sport TEXT NOT NULL,
                name TEXT,
                device TEXT,
                distance_m DOUBLE PRECISION,
                duration_s DOUBLE PRECISION,
                sample_count INTEGER NOT NULL,
                source TEXT,
                analysis TEXT,
                imported_at BIGINT NOT NULL,
                PRIMARY KEY (athlete_id, content_hash)
            )
            """,
            "CREATE INDEX activities_by_start ON activities (athlete_id, started_at)",
            """
            CREATE TABLE activity_samples (
                athlete_id TEXT NOT NULL,
                content_hash TEXT NOT NULL,
                blob BYTEA NOT NULL,
                PRIMARY KEY (athlete_id, content_hash),
                FOREIGN KEY (athlete_id, content_hash) REFERENCES activities (athlete_id, content_hash) ON DELETE CASCADE
            )
            """,
            """
            CREATE TABLE results (
                id TEXT PRIMARY KEY,
                athlete_id TEXT NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
                day TEXT NOT NULL,
                kind TEXT NOT NULL CHECK (kind IN ('race', 'time-trial', 'effort')),
                distance_m DOUBLE PRECISION NOT NULL CHECK (distance_m > 0),
                time_s DOUBLE PRECISION NOT NULL CHECK (time_s > 0),
                activity_hash TEXT,
                notes TEXT,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX results_by_day ON results (athlete_id, day)",
            """
            CREATE TABLE logged_sessions (
                id TEXT PRIMARY KEY,
                athlete_id TEXT NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
                day TEXT NOT NULL,
                session TEXT,
                rpe INTEGER CHECK (rpe BETWEEN 0 AND 10),
                notes TEXT,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX logged_sessions_by_day ON logged_sessions (athlete_id, day)",
            """
            CREATE TABLE logged_reps (
                session_id TEXT NOT NULL REFERENCES logged_sessions (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                distance_m DOUBLE PRECISION,
                time_s DOUBLE PRECISION NOT NULL CHECK (time_s > 0),
                PRIMARY KEY (session_id, position)
            )
            """,
            """
            CREATE TABLE strength_sets (
                session_id TEXT NOT NULL REFERENCES logged_sessions (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                exercise TEXT NOT NULL,
                reps INTEGER NOT NULL CHECK (reps > 0),
                load_kg DOUBLE PRECISION,
                form_was_good BOOLEAN NOT NULL,
                PRIMARY KEY (session_id, position)
            )
            """,
            """
            CREATE TABLE plans (
                id TEXT PRIMARY KEY,
                athlete_id TEXT NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
                name TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                body TEXT NOT NULL
            )
            """,
            """
            CREATE TABLE imported_files (
                athlete_id TEXT NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
                path TEXT NOT NULL,
                size_bytes BIGINT NOT NULL,
                modified_at BIGINT NOT NULL,
                outcome TEXT NOT NULL CHECK (outcome IN ('added', 'already-there', 'skipped')),
                content_hash TEXT,
                detail TEXT,
                imported_at BIGINT NOT NULL,
                PRIMARY KEY (athlete_id, path, size_bytes, modified_at)
            )
            """,
        ]),
        // The active plan (issue 10): each saved plan keeps the request it was built from, so it can be
        // rebuilt from current fitness; one plan per runner is the active one, the others are history.
        Migration(name: "0002-active-plan", statements: [
            "ALTER TABLE plans ADD COLUMN request TEXT",
            """
            CREATE TABLE active_plans (
                athlete_id TEXT PRIMARY KEY REFERENCES athletes (id) ON DELETE CASCADE,
                plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
                since BIGINT NOT NULL
            )
            """,
        ]),
        // Links the runner set between logged work and a plan's sessions (`speedwork plan link`), which
        // override matching: one per planned session, one session per piece of work.
        Migration(name: "0003-plan-links", statements: [
            """
            CREATE TABLE plan_links (
                athlete_id TEXT NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
                plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
                session_ref TEXT NOT NULL,
                work_id TEXT NOT NULL,
                linked_at BIGINT NOT NULL,
                PRIMARY KEY (athlete_id, plan_id, session_ref)
            )
            """,
            "CREATE UNIQUE INDEX plan_links_by_work ON plan_links (athlete_id, plan_id, work_id)",
        ]),
        // The web app's accounts (issue 11): each linked to one runner; sessions and API tokens
        // keep only the SHA-256 of their secrets. See docs/server.md.
        Migration(name: "0004-web-accounts", statements: [
            """
            CREATE TABLE accounts (
                id TEXT PRIMARY KEY,
                login TEXT NOT NULL UNIQUE,
                athlete_id TEXT NOT NULL UNIQUE REFERENCES athletes (id) ON DELETE CASCADE,
                password_hash TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE web_sessions (
                token_hash TEXT PRIMARY KEY,
                account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
                csrf_token TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX web_sessions_by_expiry ON web_sessions (expires_at)",
            """
            CREATE TABLE api_tokens (
                id TEXT PRIMARY KEY,
                account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
                token_hash TEXT NOT NULL UNIQUE,
                name TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                revoked_at BIGINT
            )
            """,
            "CREATE INDEX api_tokens_by_account ON api_tokens (account_id)",
        ]),
        // Calendar feeds (issue 11): a secret address per account serving the active plan as
        // iCalendar, kept as the SHA-256 of the secret; at most one active feed an account.
        Migration(name: "0005-calendar-feeds", statements: [
            """
            CREATE TABLE calendar_feeds (
                id TEXT PRIMARY KEY,
                account_id TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
                secret_hash TEXT NOT NULL UNIQUE,
                created_at BIGINT NOT NULL,
                revoked_at BIGINT
            )
            """,
            "CREATE UNIQUE INDEX calendar_feeds_active ON calendar_feeds (account_id) WHERE revoked_at IS NULL",
        ]),
        // Pauses of a saved plan (`speedwork plan pause`, issue 10): days without sessions, never
        // overlapping within a plan. See docs/active-plan.md.
        Migration(name: "0006-plan-pauses", statements: [
            """
            CREATE TABLE plan_pauses (
                athlete_id TEXT NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
                plan_id TEXT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
                from_day TEXT NOT NULL,
                to_day TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (athlete_id, plan_id, from_day)
            )
            """,
        ]),
        // The compact record of each activity's analysis (ActivityDigest) that log, progress and the
        // log's fitness read instead of the whole report (issue 9's speed targets). Both engines fill
        // it from the stored reports of an older log in the same transaction.
        Migration(name: activityDigestMigration, statements: [
            "ALTER TABLE activities ADD COLUMN digest BYTEA",
        ]),
        // Background imports as durable jobs (issue 12): an upload's files wait in the data folder,
        // its job in this table, claimed by one worker at a time under a lease the worker renews.
        // Lists (the files, skipped files with reasons, activity hashes) are JSON text. See docs/server.md.
        Migration(name: "0008-import-jobs", statements: [
            """
            CREATE TABLE import_jobs (
                id TEXT PRIMARY KEY,
                athlete_id TEXT NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
                folder TEXT NOT NULL,
                files TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
                files_done INTEGER NOT NULL DEFAULT 0,
                files_total INTEGER NOT NULL DEFAULT 0,
                added INTEGER,
                already_there INTEGER,
                skipped TEXT,
                activities TEXT,
                failure TEXT,
                claimed_by TEXT,
                claimed_at BIGINT,
                attempts INTEGER NOT NULL DEFAULT 0,
                created_at BIGINT NOT NULL,
                finished_at BIGINT
            )
            """,
            "CREATE INDEX import_jobs_by_state ON import_jobs (state, created_at)",
        ]),
        // Coaches and their athletes (issue 12): an account may coach; a coach invites athletes with
        // a code kept as its SHA-256 (reusable by a training group until it expires or is revoked);
        // an athlete joins and may leave. See docs/server.md, "Coaches".
        Migration(name: "0009-coaching", statements: [
            "ALTER TABLE accounts ADD COLUMN is_coach BOOLEAN NOT NULL DEFAULT FALSE",
            """
            CREATE TABLE coaching (
                coach_account TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
                athlete_id TEXT NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
                since BIGINT NOT NULL,
                PRIMARY KEY (coach_account, athlete_id)
            )
            """,
            "CREATE INDEX coaching_by_athlete ON coaching (athlete_id)",
            """
            CREATE TABLE coach_invites (
                id TEXT PRIMARY KEY,
                coach_account TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
                code_hash TEXT NOT NULL UNIQUE,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL,
                revoked_at BIGINT
            )
            """,
            "CREATE INDEX coach_invites_by_coach ON coach_invites (coach_account)",
        ]),
        // Group track sessions (issue 12): one library session on one day for a coach's athletes,
        // each running it at their own targets; the members in the order the coach listed them.
        Migration(name: "0010-group-sessions", statements: [
            """
            CREATE TABLE group_sessions (
                id TEXT PRIMARY KEY,
                coach_account TEXT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
                day TEXT NOT NULL,
                name TEXT NOT NULL,
                rule TEXT NOT NULL,
                week INTEGER NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX group_sessions_by_coach ON group_sessions (coach_account, day)",
            """
            CREATE TABLE group_session_members (
                session_id TEXT NOT NULL REFERENCES group_sessions (id) ON DELETE CASCADE,
                athlete_id TEXT NOT NULL REFERENCES athletes (id) ON DELETE CASCADE,
                position INTEGER NOT NULL,
                PRIMARY KEY (session_id, athlete_id)
            )
            """,
            "CREATE INDEX group_session_members_by_athlete ON group_session_members (athlete_id)",
        ]),
        // The revision of each runner's log (issue 12, load): raised by every write of the runner's
        // data in the write's own transaction, so the server can keep what a read computed until
        // the log changes. A runner without a row is at revision 0. See docs/store.md.
        Migration(name: "0011-log-revision", statements: [
            """
            CREATE TABLE log_revisions (
                athlete_id TEXT PRIMARY KEY REFERENCES athletes (id) ON DELETE CASCADE,
                revision BIGINT NOT NULL
            )
            """,
        ]),
        // Free-form group sets (issue 12): a group session holds a library session (rule, week) or
        // a set the coach typed, kept in its canonical text (`8 × 400 m, 90 s jog`; rule M42, week 0).
        Migration(name: "0012-group-session-sets", statements: [
            "ALTER TABLE group_sessions ADD COLUMN set_text TEXT",
        ]),
        // Failed log-ins (issue 12, security): one row per key (login, address; SHA-256 hashes) and
        // attempt, so every server process on the database shares the log-in limits. Rows older
        // than the window are pruned. See docs/server.md, "Log-in limits".
        Migration(name: "0013-login-failures", statements: [
            """
            CREATE TABLE login_failures (
                attempt TEXT NOT NULL,
                key TEXT NOT NULL,
                at BIGINT NOT NULL,
                PRIMARY KEY (attempt, key)
            )
            """,
            "CREATE INDEX login_failures_by_key ON login_failures (key, at)",
            "CREATE INDEX login_failures_by_time ON login_failures (at)",
        ]),
    ]

    /// The migration after whose statements each engine derives the digest of every activity
    /// stored before it, from the stored analysis, once.
    static let activityDigestMigration = "0007-activity-digest"

    /// Which known migrations are still to run, given the names a database has applied; throws
    /// when the database has one this version does not know (a newer Speedwork wrote it).
    static func pending(applied: [String], location: String) throws -> [Migration] {
        let known = Set(migrations.map(\.name))
        if let unknown = applied.sorted().first(where: { !known.contains($0) }) {
            throw StoreError.newerSchema(location: location, migration: unknown)
        }
        let done = Set(applied)
        return migrations.filter { !done.contains($0.name) }
    }
}
