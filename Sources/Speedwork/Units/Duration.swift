/// A span of running time — a race result, a rep, a recovery — stored in seconds.
public struct Duration: Sendable, Hashable, Comparable, Codable {
    /// The time in seconds.
    public let seconds: Double

    /// Creates a time of the given number of seconds.
    public init(seconds: Double) {
        self.seconds = seconds
    }

    public static func seconds(_ value: Double) -> Duration { Duration(seconds: value) }
    public static func minutes(_ value: Double) -> Duration { Duration(seconds: value * 60) }

    /// The time in minutes.
    public var minutes: Double { seconds / 60 }

    public static func < (lhs: Duration, rhs: Duration) -> Bool { lhs.seconds < rhs.seconds }
    public static func + (lhs: Duration, rhs: Duration) -> Duration { Duration(seconds: lhs.seconds + rhs.seconds) }
    public static func - (lhs: Duration, rhs: Duration) -> Duration { Duration(seconds: lhs.seconds - rhs.seconds) }

    /// The longest time written out digit by digit, a million hours (about 114 years); longer
    /// times, and infinity, are written as this bound with `>` (or `<-`) before it, so formatting
    /// is safe for any number.
    public static let longestFormatted = Duration(seconds: 3_600_000_000)

    /// How a time is written out.
    public enum Style: Sendable {
        /// Whole seconds: `6:30`, `1:02:03`, `45`.
        case clock
        /// Tenths of a second under two minutes (`38.0`, `1:29.5`), whole seconds above.
        case rep
        /// Always tenths: `20:00.0`, `1:02:03.4`.
        case precise
    }

    /// Writes the time as runners read it: `m:ss` under an hour, `h:mm:ss` above, with tenths
    /// for reps under two minutes in the ``Style/rep`` style.
    ///
    /// Never traps: a time that is not a number is written `--`, and one beyond
    /// ``longestFormatted`` is written as that bound with `>` before it (`<-` when negative).
    public func formatted(_ style: Style = .clock) -> String {
        guard !seconds.isNaN else { return "--" }
        if abs(seconds) > Duration.longestFormatted.seconds {
            return (seconds < 0 ? "<-" : ">") + Duration.longestFormatted.formatted(style)
        }
        let tenths = style == .precise || (style == .rep && seconds < 120)
        let total = tenths ? (seconds * 10).rounded() / 10 : seconds.rounded()
        let negative = total < 0
        let magnitude = abs(total)
        let hours = Int(magnitude / 3600)
        let minutes = Int((magnitude - Double(hours) * 3600) / 60)
        let rest = magnitude - Double(hours) * 3600 - Double(minutes) * 60
        let secondsText: String
        if tenths {
            let whole = Int(rest)
            let tenth = Int(((rest - Double(whole)) * 10).rounded())
            secondsText = tenth == 10 ? "\(whole + 1).0" : "\(whole).\(tenth)"
        } else {
            secondsText = String(Int(rest.rounded()))
        }
        let sign = negative ? "-" : ""
        func pad(_ text: String) -> String {
            let integerPart = text.split(separator: ".").first.map(String.init) ?? text
            return integerPart.count < 2 ? "0" + text : text
        }
        if hours > 0 {
            return "\(sign)\(hours):\(pad(String(minutes))):\(pad(secondsText))"
        }
        if minutes > 0 {
            return "\(sign)\(minutes):\(pad(secondsText))"
        }
        return sign + secondsText
    }
}

extension Duration: CustomStringConvertible {
    public var description: String { formatted(.rep) }
}
