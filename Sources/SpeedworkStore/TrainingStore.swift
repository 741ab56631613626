import Foundation
import Speedwork

/// The training log (issue 9; M50–M52), whatever engine keeps it: SQLite on one machine,
/// PostgreSQL for a club. Every read and write of training data names the athlete it is for.
/// Adapters must pass the contract suite in Tests/SpeedworkStoreTests.
public protocol TrainingStore: Sendable {
    /// Where the log is, for messages: a file path or `postgres://host:port/db` without password.
    var location: String { get }

    /// The names of the migrations applied to this database, in the order they were applied.
    func appliedMigrations() async throws -> [String]

    /// The runner with this handle, if there is one.
    func athlete(handle: String) async throws -> Athlete?
    /// Adds a runner with this handle, or returns the one already there.
    func addAthlete(handle: String, name: String) async throws -> Athlete

    /// Writes a batch of activities and file records in one transaction; activities already in the
    /// log (same content hash) and files already recorded are left as they are.
    func save(_ batch: ImportBatch, for athlete: AthleteID) async throws -> BatchOutcome
    /// Summaries of the runner's activities that started in `range` (all when nil), oldest first.
    func activities(for athlete: AthleteID, in range: DateInterval?) async throws -> [ActivitySummary]
    /// The same summaries as ``activities(for:in:)`` without reading the analysis text: each with
    /// its ``ActivityDigest`` and `analysisJSON` nil. What `log` and `progress` read (issue 9).
    func activityDigests(for athlete: AthleteID, in range: DateInterval?) async throws -> [ActivitySummary]
    /// One activity with its samples, by content hash.
    func activity(_ contentHash: String, for athlete: AthleteID) async throws -> StoredActivity?
    /// One activity's summary with its analysis text, by content hash, without reading or decoding
    /// its samples: what a page or API answer that shows no samples reads.
    func activitySummary(_ contentHash: String, for athlete: AthleteID) async throws -> ActivitySummary?
    /// Every file an import has recorded for this runner, so the next import can skip them.
    func importedFiles(for athlete: AthleteID) async throws -> [ImportedFile]

    /// Adds results; a result whose id is already stored is left as it is. Returns how many were added.
    func add(_ results: [LoggedResult], for athlete: AthleteID) async throws -> Int
    /// The runner's results from `since` on (all when nil), oldest first.
    func results(for athlete: AthleteID, since: Day?) async throws -> [LoggedResult]

    /// Adds hand-logged sessions with their reps and sets; ids already stored are left as they are.
    func add(_ sessions: [LoggedSession], for athlete: AthleteID) async throws -> Int
    /// The runner's hand-logged sessions from `since` on (all when nil), oldest first.
    func sessions(for athlete: AthleteID, since: Day?) async throws -> [LoggedSession]

    /// Saves plans; ids already stored are left as they are.
    func save(_ plans: [SavedPlan], for athlete: AthleteID) async throws -> Int
    /// The runner's saved plans, oldest first.
    func plans(for athlete: AthleteID) async throws -> [SavedPlan]
    /// Makes a saved plan of this runner the active one from `since` on (issue 10): one active plan
    /// a runner at a time, the one before it staying in the log as history. Throws ``InputError``
    /// when the runner has no plan with this id.
    func activate(plan: UUID, for athlete: AthleteID, since: Date) async throws
    /// The runner's active plan, or nil when none was made active.
    func activePlan(for athlete: AthleteID) async throws -> SavedPlan?
    /// Links a piece of logged work (an activity's content hash or a hand-logged session's id) to a
    /// planned session of a saved plan (`2026-12-08` or `2026-12-08/2`), replacing any link either
    /// had in that plan. Throws ``InputError`` when the runner has no plan with this id.
    func link(work: String, to session: String, plan: UUID, for athlete: AthleteID, at moment: Date) async throws
    /// The links of a plan: planned session → work id.
    func links(plan: UUID, for athlete: AthleteID) async throws -> [String: String]
    /// Stores a pause of a saved plan (`speedwork plan pause`): no sessions from `pause.from` to
    /// `pause.to`. Throws ``InputError`` when the runner has no plan with this id, or when the pause
    /// shares a day with one the plan has, naming it.
    func add(pause: PlanPause, plan: UUID, for athlete: AthleteID, at moment: Date) async throws
    /// The pauses of a plan, earliest first.
    func pauses(plan: UUID, for athlete: AthleteID) async throws -> [PlanPause]

    /// The revision of the runner's log: 0 for a log never written, raised by every write of the
    /// runner's data (import batches, results, hand-logged sessions, plans, activation, links,
    /// pauses) in that write's transaction. One indexed read; what a server keys its read cache on.
    func logRevision(for athlete: AthleteID) async throws -> Int64
    /// Raises the runner's revision by one in a transaction of its own and returns the new
    /// revision: how a writer that held back its batches' raise (``ImportBatch/holdsBackRevision``)
    /// makes them known to every process's read cache.
    func publishRevision(for athlete: AthleteID) async throws -> Int64

    /// Closes connections; the store is not used afterwards.
    func close() async
}

extension TrainingStore {
    /// The runner the command line writes for when none is named, created on first use.
    public func defaultAthlete() async throws -> Athlete {
        try await addAthlete(handle: Athlete.defaultHandle, name: "Runner")
    }
}
