/// What inspecting a FIT input found: one summary per chained file, and an error that stopped
/// inspection between files (e.g. a corrupt second header).
///
/// Counting follows the Garmin FIT SDK *FIT Protocol* file structure (section 3); message
/// names come from the FIT *Profile* via ``FITProfile``.
public struct FITInspection: Sendable, Equatable {
    /// The chained files, in input order.
    public var files: [FITFileSummary]
    /// An error met where a file header was expected; nil when the input ended cleanly.
    public var trailingError: FITDecodeError?

    /// Creates an inspection result.
    public init(files: [FITFileSummary], trailingError: FITDecodeError?) {
        self.files = files
        self.trailingError = trailingError
    }

    /// Number of chained FIT files whose header was read.
    public var chainedFileCount: Int { files.count }

    /// Every error, file by file, then the trailing one.
    public var errors: [FITDecodeError] {
        files.flatMap(\.errors) + (trailingError.map { [$0] } ?? [])
    }

    /// Number of data messages with global number `number`, summed over the chained files.
    public func count(of number: UInt16) -> Int {
        files.reduce(0) { $0 + $1.count(of: number) }
    }

    /// Counts summed over the chained files, by global message number.
    public var messageCounts: [UInt16: Int] {
        var total: [UInt16: Int] = [:]
        for file in files { total.merge(file.messageCounts, uniquingKeysWith: +) }
        return total
    }
}

/// One chained FIT file: where it starts, its header, its message counts and its errors.
public struct FITFileSummary: Sendable, Equatable {
    /// Byte offset of the file header in the input.
    public var offset: Int
    /// The file header.
    public var header: FITHeader
    /// Data messages counted, by global message number.
    public var messageCounts: [UInt16: Int] = [:]
    /// Errors met in this file: CRC mismatch, then a decoding error or a missing end.
    public var errors: [FITDecodeError] = []

    /// Creates a summary with no counts and no errors yet.
    public init(offset: Int, header: FITHeader) {
        self.offset = offset
        self.header = header
    }

    /// Number of data messages with global number `number`.
    public func count(of number: UInt16) -> Int { messageCounts[number] ?? 0 }

    /// Counts keyed by profile name (unknown numbers by their number), as the SDK reports them.
    public var namedCounts: [String: Int] {
        var named: [String: Int] = [:]
        for (number, count) in messageCounts { named[FITProfile.messageName(number), default: 0] += count }
        return named
    }
}

/// Counts messages by global number: an array for the profile's usual range, a dictionary above.
struct FITMessageCounter {
    private var small = [Int](repeating: 0, count: 512)
    private var large: [UInt16: Int] = [:]

    mutating func add(_ number: UInt16) {
        if number < 512 { small[Int(number)] += 1 } else { large[number, default: 0] += 1 }
    }

    var counts: [UInt16: Int] {
        var result = large
        for (number, count) in small.enumerated() where count > 0 { result[UInt16(number)] = count }
        return result
    }
}
