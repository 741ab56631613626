import ArgumentParser
import Foundation
import Speedwork
import SpeedworkReports
import SpeedworkFiles
import SpeedworkStore

/// Runs a command line as the `speedwork` executable does: arguments are prepared for the
/// parser, the command runs, and any failure becomes one line on standard error and an
/// ``ExitStatus`` from the README's table. No Foundation or Swift runtime text reaches the user.
public enum CommandLineRun {
    /// Runs `arguments` (without the program name) and returns the exit status.
    public static func execute(_ arguments: [String]) async -> Int32 {
        do {
            var command = try parse(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return ExitStatus.success.rawValue
        } catch {
            return report(error, arguments: arguments)
        }
    }

    /// The command for `arguments`, parsed as ``execute(_:)`` parses them (see ``prepared(_:)``).
    static func parse(_ arguments: [String]) throws -> ParsableCommand {
        let prepared = prepared(arguments)
        var command = try SpeedworkCommand.parseAsRoot(prepared.arguments)
        if let paths = prepared.inspectPaths, var inspect = command as? InspectCommand {
            inspect.files += paths
            command = inspect
        }
        return command
    }

    /// The arguments the parser sees, and the file arguments of `inspect`, taken out of them.
    ///
    /// - A value that starts with a minus sign and a digit (`--riegel-exponent -1`) is joined to
    ///   its option (`--riegel-exponent=-1`), so it is read as a value, which the option then
    ///   refuses with "must be positive".
    /// - `inspect`'s paths are passed around the parser, which takes time in proportion to the
    ///   square of the argument count (86 % of the time at 8,880 files); the rest is linear.
    static func prepared(_ arguments: [String]) -> (arguments: [String], inspectPaths: [String]?) {
        var joined: [String] = []
        joined.reserveCapacity(arguments.count)
        var index = 0
        while index < arguments.count {
            let token = arguments[index]
            if token.hasPrefix("--"), token != "--", !token.contains("="), index + 1 < arguments.count,
               looksNegative(arguments[index + 1]) {
                joined.append(token + "=" + arguments[index + 1])
                index += 2
                continue
            }
            if token == "--" {
                joined += arguments[index...]
                break
            }
            joined.append(token)
            index += 1
        }
        guard joined.first == "inspect" else { return (joined, nil) }
        var options = ["inspect"]
        var paths: [String] = []
        paths.reserveCapacity(joined.count)
        index = 1
        while index < joined.count {
            let token = joined[index]
            if token == "--" {
                paths += joined[(index + 1)...]
                break
            }
            if token == "-" || !token.hasPrefix("-") {
                paths.append(token)
            } else {
                options.append(token)
                if InspectCommand.optionsWithValue.contains(token), index + 1 < joined.count {
                    options.append(joined[index + 1])
                    index += 1
                }
            }
            index += 1
        }
        return (options, paths)
    }

    /// `-1`, `-0.5`, `-.5`, `-2cm`, `-1:20`: a minus sign and a digit or point.
    private static func looksNegative(_ token: String) -> Bool {
        let scalars = token.unicodeScalars
        guard scalars.count >= 2, scalars.first == "-" else { return false }
        let second = scalars[scalars.index(after: scalars.startIndex)]
        return second == "." || ("0"..."9").contains(second)
    }

    /// Prints the one-line message for `error` (or the help it asks for) and returns the status.
    static func report(_ error: Error, arguments: [String]) -> Int32 {
        let (status, message) = describe(error)
        if status == ExitStatus.success.rawValue {
            try? StandardOutput.write(line: message)
            return status
        }
        let text = shortened(message, arguments: arguments)
        let lines = text.hasPrefix("Error: ") || text.isEmpty ? text : "Error: " + text
        try? StandardOutput.write(Array((lines + "\n").utf8), to: 2)
        return status
    }

    /// The exit status and the text for `error`.
    static func describe(_ error: Error) -> (status: Int32, message: String) {
        switch error {
        case let failure as CommandFailure:
            return (failure.status.rawValue, failure.description)
        case let input as InputError:
            return (ExitStatus.usage.rawValue, input.description)
        case let file as ActivityFileError:
            if case .unreadable = file.problem { return (ExitStatus.noInput.rawValue, file.description) }
            return (ExitStatus.dataError.rawValue, file.description)
        case let write as FileWriteError:
            return (ExitStatus.cannotWrite.rawValue, write.description)
        case let store as StoreError:
            return (status(of: store).rawValue, store.description)
        case is EncodingError:
            return (ExitStatus.failure.rawValue, "the report holds a value JSON cannot carry; please report this with the command line")
        case is DecodingError:
            return (ExitStatus.dataError.rawValue, "the file is not the JSON the command expects")
        case is CocoaError, is POSIXError:
            return (ExitStatus.failure.rawValue, "a file operation failed unexpectedly; please report this with the command line")
        default:
            let type = String(reflecting: Swift.type(of: error))
            if type.hasPrefix("Foundation.") || type.hasPrefix("__C.") {
                return (ExitStatus.failure.rawValue, "a system operation failed unexpectedly; please report this with the command line")
            }
            // The parser's own errors: help and version print in full; a mistake prints its one
            // line, without the parser's help and usage lines (`--help` shows those).
            let code = SpeedworkCommand.exitCode(for: error)
            if code == .success { return (code.rawValue, SpeedworkCommand.fullMessage(for: error)) }
            return (code.rawValue, SpeedworkCommand.message(for: error))
        }
    }

    /// How a training-log failure ends the command: a mistyped database URL is a command-line
    /// mistake, a newer schema is data this version cannot read, a read-only log cannot be written.
    static func status(of error: StoreError) -> ExitStatus {
        switch error {
        case .unknownScheme, .badURL: .usage
        case .unreachable: .unavailable
        case .readOnly: .cannotWrite
        case .newerSchema: .dataError
        case .engine: .failure
        }
    }

    /// `message` with every long command-line argument (and each part of one, split at `=`,
    /// `@`, `,`) cut to ``InputError/longestQuotedValue`` characters; the parsers quote what
    /// they repeat through ``InputError/quoted(_:)``, so this catches what comes from elsewhere.
    static func shortened(_ message: String, arguments: [String]) -> String {
        var text = message
        let limit = InputError.longestQuotedValue
        var pieces = Set<String>()
        for argument in arguments where argument.unicodeScalars.count > limit {
            pieces.insert(argument)
            for part in argument.split(whereSeparator: { "=@,".contains($0) }) where part.unicodeScalars.count > limit {
                pieces.insert(String(part))
            }
            pieces.insert(argument.trimmingCharacters(in: .whitespaces))
        }
        for piece in pieces.sorted(by: { $0.unicodeScalars.count > $1.unicodeScalars.count }) where text.contains(piece) {
            text = text.replacingOccurrences(of: piece, with: InputError.shortened(piece))
        }
        return capped(text)
    }

    /// A message of at most 2,000 characters: a last guard for text from elsewhere.
    private static func capped(_ text: String) -> String {
        text.unicodeScalars.count > 2_000 ? String(String.UnicodeScalarView(text.unicodeScalars.prefix(2_000))) + "…" : text
    }
}
