import Foundation

/// The element names a reader acts on, each with a small number; every other name is
/// ``XMLNames/other``. Lookup compares bytes, no string is made per element.
struct XMLNames: Sendable {
    /// The number of a name the reader did not list.
    static let other = -1

    private let byLength: [[(id: Int, bytes: [UInt8])]]

    /// Numbers the names 0, 1, 2… in the order given.
    init(_ names: [String]) {
        let longest = names.map(\.utf8.count).max() ?? 0
        var byLength = [[(id: Int, bytes: [UInt8])]](repeating: [], count: longest + 1)
        for (id, name) in names.enumerated() { byLength[name.utf8.count].append((id, Array(name.utf8))) }
        self.byLength = byLength
    }

    /// The number of the local name at `start` (`count` bytes), or ``other``.
    @inline(__always)
    func id(_ start: UnsafeRawPointer, count: Int) -> Int {
        guard count > 0, count < byLength.count else { return XMLNames.other }
        let first = start.load(as: UInt8.self)
        for candidate in byLength[count] where candidate.bytes[0] == first {
            if candidate.bytes.withUnsafeBytes({ memcmp($0.baseAddress!, start, count) == 0 }) { return candidate.id }
        }
        return XMLNames.other
    }
}
