/// How `speedwork` ends, as the README's exit-code table gives it; the numbers follow BSD
/// `sysexits.h`, so scripts can tell a typing mistake from a bad file or a full disk.
public enum ExitStatus: Int32, Sendable, CaseIterable {
    /// Done.
    case success = 0
    /// An unexpected failure: a bug to report.
    case failure = 1
    /// The command line is wrong: an unknown or missing option, a value outside its range,
    /// options that do not go together or do not apply, a result or goal the method refuses.
    case usage = 64
    /// A file was read but is not what the command needs (not a FIT file for `inspect`, not an
    /// activity for `analyze`, not a saved plan for `--plan-session`).
    case dataError = 65
    /// A file or folder named on the command line does not exist, is a folder where a file is
    /// needed, or cannot be opened.
    case noInput = 66
    /// An output could not be written (the calendar, the FIT workouts, standard output): a full
    /// disk, a missing or read-only folder. Files written before are left as they were.
    case cannotWrite = 73
}

/// A failure the command line reports as one line on standard error, with its exit status.
struct CommandFailure: Error, CustomStringConvertible, Equatable {
    /// How the command ends.
    let status: ExitStatus
    /// The one line, naming the value or file and what is wrong.
    let description: String

    init(_ status: ExitStatus, _ description: String) {
        self.status = status
        self.description = description
    }
}
