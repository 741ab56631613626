import Foundation
import Speedwork
import SpeedworkReports

/// Reads one session back from a plan saved with `speedwork plan --json > plan.json`, so that a
/// run can be graded against the session the plan gave for that day (`--plan-session plan.json@DATE`).
enum PlanSessionFile {
    private struct PlanFile: Decodable {
        let weeks: [Week]
    }

    private struct Week: Decodable {
        let sessions: [Session]
    }

    private struct Session: Decodable {
        let date: String
        let rule: String
        let kind: String
        let title: String
        let notes: [String]?
        let steps: [Step]
    }

    private struct Band: Decodable {
        let fast: Double
        let slow: Double
    }

    private struct RPE: Decodable {
        let min: Int
        let max: Int
    }

    private struct Target: Decodable {
        let secondsPerKm: Band?
        let rpe: RPE?
    }

    private struct Step: Decodable {
        let intensity: String
        let name: String
        let seconds: Double?
        let meters: Double?
        let open: Bool?
        let reps: Int?
        let target: Target?
        let note: String?
        let count: Int?
        let steps: [Step]?
    }

    /// The hard session (or, failing that, the first run) of the day `reference` names:
    /// `plan.json@2026-12-08`.
    static func workout(_ reference: String) throws -> Workout {
        guard let at = reference.lastIndex(of: "@") else {
            throw InputError("\(InputError.quoted(reference)) does not name a plan session: write PLAN.json@YYYY-MM-DD")
        }
        let path = String(reference[..<at])
        let day = try Day(parsing: String(reference[reference.index(after: at)...]))
        let data = try InputFile.read(path)
        let plan: PlanFile
        do {
            plan = try JSONDecoder().decode(PlanFile.self, from: data)
        } catch {
            throw CommandFailure(.dataError, "\(InputError.quoted(path)) is not a plan saved with speedwork plan --json")
        }
        let sessions = plan.weeks.flatMap(\.sessions).filter { $0.date == day.description }
        let kinds = sessions.compactMap { SessionKind(rawValue: $0.kind) }
        guard let index = kinds.firstIndex(where: \.isHard) ?? kinds.firstIndex(where: \.isRun) else {
            throw InputError("the plan \(InputError.quoted(path)) has no run on \(day)")
        }
        let session = sessions[index]
        return Workout(rule: session.rule, kind: kinds[index], title: session.title,
                       blocks: try session.steps.map(block), notes: session.notes ?? [])
    }

    private static func block(_ step: Step) throws -> WorkoutBlock {
        if step.intensity == "repeat" {
            return .repeats(count: step.count ?? 1, steps: try (step.steps ?? []).map(single))
        }
        return .step(try single(step))
    }

    private static func single(_ step: Step) throws -> WorkoutStep {
        guard let intensity = Intensity(rawValue: step.intensity) else {
            throw CommandFailure(.dataError, "the plan has a step of unknown intensity \(InputError.quoted(step.intensity))")
        }
        let length: StepLength
        if let seconds = step.seconds { length = .time(.seconds(seconds)) }
        else if let meters = step.meters { length = .distance(.meters(meters)) }
        else if let reps = step.reps { length = .reps(reps) }
        else { length = .open }
        let target: StepTarget
        if let band = step.target?.secondsPerKm {
            target = .pace(PaceRange(fast: Pace(secondsPerKilometer: band.fast), slow: Pace(secondsPerKilometer: band.slow)))
        } else if let rpe = step.target?.rpe, rpe.min <= rpe.max {
            target = .effort(rpe.min...rpe.max)
        } else {
            target = .none
        }
        return WorkoutStep(intensity, length, target: target, name: step.name, note: step.note)
    }
}
