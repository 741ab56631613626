import Foundation
import Speedwork

/// Turning stored columns back into records, shared by both engines, so a damaged or foreign row
/// gives a clear error rather than a crash.
enum StoreRecords {
    /// Handles are short names: letters, digits, `-`, `_` and `.`, 1 to 64 of them.
    static func checkHandle(_ handle: String) throws {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
        guard (1...64).contains(handle.count), handle.unicodeScalars.allSatisfy(allowed.contains) else {
            throw InputError("athlete handle '\(handle)' is not allowed: use 1 to 64 letters, digits, '-', '_' or '.'")
        }
    }

    /// A UUID as stored: lower-case text.
    static func key(_ id: UUID) -> String { id.uuidString.lowercased() }

    static func damaged(_ location: String, _ what: String) -> StoreError {
        .engine(location: location, reason: "a stored \(what) is damaged")
    }

    static func unpack(_ summary: ActivitySummary, blob: Data, location: String) throws -> StoredActivity {
        do {
            let activity = try SampleBlob.decode(blob, sport: summary.sport, start: summary.start, device: summary.device)
            return StoredActivity(summary: summary, activity: activity)
        } catch let error as InputError {
            throw StoreError.engine(location: location, reason: "activity \(summary.contentHash.prefix(12)): \(error.description)")
        }
    }

    /// A stored digest read back; a damaged one is an error naming the log.
    static func digest(_ bytes: Data?, location: String) throws -> ActivityDigest? {
        guard let bytes else { return nil }
        do { return try ActivityDigest(encoded: bytes) } catch { throw damaged(location, "activity digest") }
    }

    static func uuid(_ text: String, _ location: String, _ what: String) throws -> UUID {
        guard let id = UUID(uuidString: text) else { throw damaged(location, "\(what) key") }
        return id
    }

    static func day(_ text: String, _ location: String, _ what: String) throws -> Day {
        guard let day = try? Day(parsing: text) else { throw damaged(location, "\(what) day") }
        return day
    }

    static func importedFile(path: String, size: Int64, modified: Int64, outcome: String, contentHash: String?,
                             detail: String?, location: String) throws -> ImportedFile {
        guard let outcome = ImportedFile.Outcome(rawValue: outcome) else { throw damaged(location, "import outcome") }
        return ImportedFile(path: path, sizeBytes: size, modifiedAt: StoredTime.date(modified), outcome: outcome,
                            contentHash: contentHash, detail: detail)
    }

    static func result(id: String, day: String, kind: String, meters: Double, seconds: Double, activityHash: String?,
                       notes: String?, location: String) throws -> LoggedResult {
        guard let kind = LoggedResult.Kind(rawValue: kind) else { throw damaged(location, "result kind") }
        do {
            return try LoggedResult(id: uuid(id, location, "result"), day: self.day(day, location, "result"), kind: kind,
                                    distance: .meters(meters), time: .seconds(seconds), activityHash: activityHash, notes: notes)
        } catch is InputError { throw damaged(location, "result") }
    }

    static func rep(meters: Double?, seconds: Double, location: String) throws -> LoggedRep {
        do { return try LoggedRep(distance: meters.map(Distance.meters), time: .seconds(seconds)) } catch is InputError {
            throw damaged(location, "rep")
        }
    }

    static func strengthSet(exercise: String, reps: Int, load: Double?, formWasGood: Bool, location: String) throws -> StrengthSet {
        do { return try StrengthSet(exercise: exercise, reps: reps, loadKilograms: load, formWasGood: formWasGood) } catch is InputError {
            throw damaged(location, "strength set")
        }
    }

    static func session(id: String, day: String, session: String?, rpe: Int?, notes: String?, reps: [LoggedRep],
                        sets: [StrengthSet], location: String) throws -> LoggedSession {
        do {
            return try LoggedSession(id: uuid(id, location, "session"), day: self.day(day, location, "session"), session: session,
                                     rpe: rpe, notes: notes, reps: reps, strengthSets: sets)
        } catch is InputError { throw damaged(location, "session") }
    }

    static func plan(id: String, name: String, createdAt: Int64, json: String, request: String?, location: String) throws -> SavedPlan {
        do {
            return try SavedPlan(id: uuid(id, location, "plan"), name: name, createdAt: StoredTime.date(createdAt), json: json,
                                 request: request)
        } catch is InputError { throw damaged(location, "plan") }
    }

    /// The error for activating a plan the runner does not have.
    static func overlappingPause(_ pause: PlanPause, _ existing: PlanPause) -> InputError {
        InputError("pause \(pause.from) to \(pause.to) overlaps your pause \(existing.from) to \(existing.to): pauses of a plan never share a day")
    }

    static func pause(from: String, to: String, _ location: String) throws -> PlanPause {
        let pause = try? PlanPause(from: try day(from, location, "pause"), to: try day(to, location, "pause"))
        guard let pause else { throw damaged(location, "pause days") }
        return pause
    }

    static func noSuchPlan(_ id: UUID) -> InputError {
        InputError("no saved plan \(key(id)) for this runner: `speedwork plan history` lists the saved ones")
    }
}

/// Import jobs' columns as both engines read and write them (``ImportJob``).
enum ImportJobColumns {
    /// The columns every read selects, in this order.
    static let list = """
        id, athlete_id, folder, files, state, files_done, files_total, added, already_there, skipped, activities, failure, \
        claimed_by, claimed_at, attempts, created_at, finished_at
        """

    /// The oldest claimable job: queued, or running under an expired lease.
    static let claimable = """
        state = 'queued' OR (state = 'running' AND claimed_at < ?)
        """

    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data("[]".utf8), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String?, _ location: String) throws -> T? {
        guard let text else { return nil }
        guard let value = try? JSONDecoder().decode(type, from: Data(text.utf8)) else {
            throw StoreRecords.damaged(location, "import job list")
        }
        return value
    }

    /// A job read back from its columns in ``list`` order.
    static func job(id: String, athlete: String, folder: String, files: String, state: String, filesDone: Int, filesTotal: Int,
                    added: Int?, alreadyThere: Int?, skipped: String?, activities: String?, failure: String?, claimedBy: String?,
                    claimedAt: Int64?, attempts: Int, createdAt: Int64, finishedAt: Int64?, location: String) throws -> ImportJob {
        guard let state = ImportJob.State(rawValue: state) else { throw StoreRecords.damaged(location, "import job state") }
        var result: ImportJob.Result?
        if state == .done {
            result = ImportJob.Result(files: filesTotal, added: added ?? 0, alreadyThere: alreadyThere ?? 0,
                                      skipped: try decode([ImportJob.Skipped].self, skipped, location) ?? [],
                                      activities: try decode([String].self, activities, location) ?? [])
        }
        return ImportJob(id: try StoreRecords.uuid(id, location, "import job"), athlete: AthleteID(rawValue: athlete), folder: folder,
                         files: try decode([String].self, files, location) ?? [], state: state, filesDone: filesDone,
                         filesTotal: filesTotal, result: result, failure: failure, claimedBy: claimedBy,
                         claimedAt: claimedAt.map(StoredTime.date), attempts: attempts, createdAt: StoredTime.date(createdAt),
                         finishedAt: finishedAt.map(StoredTime.date))
    }

    /// The columns a finished job writes: state, files done and total, added, already there,
    /// skipped, activities, failure.
    static func finish(_ outcome: ImportJobOutcome) -> (state: String, files: Int?, added: Int?, alreadyThere: Int?,
                                                        skipped: String?, activities: String?, failure: String?) {
        switch outcome {
        case .done(let result):
            return ("done", result.files, result.added, result.alreadyThere, json(result.skipped), json(result.activities), nil)
        case .failed(let reason):
            return ("failed", nil, nil, nil, nil, nil, reason)
        }
    }
}

extension StoreRecords {
    /// A stored group session read back; one that no longer passes the checks is damaged.
    static func groupSession(id: String, coach: String, day: String, name: String, rule: String, week: Int, setText: String?,
                             members: [Athlete], createdAt: Int64, location: String) throws -> GroupSession {
        var set: RepSet?
        var rule = rule
        if let setText {
            guard rule == RepSet.rule, let parsed = try? RepSet(parsing: setText) else { throw damaged(location, "group session") }
            set = parsed
        } else {
            guard let parsed = try? SessionLibrary.rule(parsing: rule), (try? BlockProgression.validate(week: week)) != nil else {
                throw damaged(location, "group session")
            }
            rule = parsed
        }
        return GroupSession(stored: try uuid(id, location, "group session"), coach: AccountID(rawValue: coach),
                            day: try self.day(day, location, "group session"), name: name, rule: rule, week: week, set: set,
                            members: members, createdAt: StoredTime.date(createdAt))
    }
}
