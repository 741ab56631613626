import Foundation
import SpeedworkTestSupport
@testable import SpeedworkFiles

/// Builds FIT bytes by hand for fixtures: header, records, file CRC.
struct FITBuilder {
    var headerSize = 14
    /// nil: compute the header CRC; a value: write it as is (0 = not computed).
    var headerCRC: UInt16? = nil
    var records: [UInt8] = []

    /// A definition message. `fields` are (number, size, base type byte).
    mutating func define(
        local: UInt8, global: UInt16, bigEndian: Bool = false, fields: [(UInt8, UInt8, UInt8)],
        developer: [(UInt8, UInt8, UInt8)]? = nil
    ) {
        records.append(0x40 | (developer == nil ? 0 : 0x20) | local)
        records.append(0)
        records.append(bigEndian ? 1 : 0)
        if bigEndian {
            records += [UInt8(global >> 8), UInt8(global & 0xFF)]
        } else {
            records += [UInt8(global & 0xFF), UInt8(global >> 8)]
        }
        records.append(UInt8(fields.count))
        for (n, s, t) in fields { records += [n, s, t] }
        if let developer {
            records.append(UInt8(developer.count))
            for (n, s, i) in developer { records += [n, s, i] }
        }
    }

    /// A data message with a normal header.
    mutating func data(local: UInt8, _ content: [UInt8]) {
        records.append(local & 0x0F)
        records += content
    }

    /// A data message with a compressed-timestamp header.
    mutating func compressed(local: UInt8, timeOffset: UInt8, _ content: [UInt8]) {
        records.append(0x80 | (local & 0x03) << 5 | (timeOffset & 0x1F))
        records += content
    }

    func build() -> [UInt8] {
        var header: [UInt8] = [UInt8(headerSize), 0x20, 0x54, 0x08]
        let size = UInt32(records.count)
        header += [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 24)]
        header += Array(".FIT".utf8)
        if headerSize == 14 {
            let crc = headerCRC ?? FITCRC.checksum(header)
            header += [UInt8(crc & 0xFF), UInt8(crc >> 8)]
        }
        var file = header + records
        let crc = FITCRC.checksum(file)
        file += [UInt8(crc & 0xFF), UInt8(crc >> 8)]
        return file
    }
}

func le16(_ v: UInt16) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
func le32(_ v: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
func be16(_ v: UInt16) -> [UInt8] { le16(v).reversed() }
func be32(_ v: UInt32) -> [UInt8] { le32(v).reversed() }

/// The shared corpus beside the package (`../shared/corpus`), absent in users' clones.
enum Corpus {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/corpus").standardizedFileURL

    static var isPresent: Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent("fit_reference.tsv").path)
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: root.appendingPathComponent(name)))
    }

    struct Reference {
        let file: String
        let chained: Int
        let counts: [String: Int]
        let errorCount: Int
    }

    /// Rows of fit_reference.tsv (Garmin SDK's counts per file).
    static func references() throws -> [Reference] {
        let text = try String(contentsOf: root.appendingPathComponent("fit_reference.tsv"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        guard !lines.isEmpty else { return [] }
        let columns = lines.removeFirst().split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        func index(_ name: String) -> Int { columns.firstIndex(of: name) ?? -1 }
        let (iFile, iChained, iCounts, iErrors) = (index("file"), index("n_chained"), index("mesg_counts"), index("n_errors"))
        return lines.compactMap { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == columns.count else { return nil }
            var counts: [String: Int] = [:]
            for pair in cells[iCounts].split(separator: ";") {
                let kv = pair.split(separator: "=")
                if kv.count == 2, let n = Int(kv[1]) { counts[String(kv[0])] = n }
            }
            return Reference(
                file: cells[iFile], chained: Int(cells[iChained]) ?? 0, counts: counts,
                errorCount: Int(cells[iErrors]) ?? 0)
        }
    }
}

/// Decodes with a visitor and counts messages by global number.
func countMessages(_ bytes: [UInt8], verifyCRC: Bool = true) throws -> (files: Int, counts: [UInt16: Int]) {
    var counts: [UInt16: Int] = [:]
    let files = try FITDecoder(verifyCRC: verifyCRC).decode(bytes) { counts[$0.globalMessageNumber, default: 0] += 1 }
    return (files, counts)
}
