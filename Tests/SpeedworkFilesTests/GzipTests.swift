import Foundation
import Speedwork
import Testing
@testable import SpeedworkFiles

/// gzip through the system zlib, and the content-sniffing entry point over compressed files.
@Suite("Gzip")
struct GzipTests {
    /// "hello\n" as `printf 'hello\n' | gzip -n` writes it (RFC 1952: header, deflate, CRC-32, size).
    static let helloGzip: [UInt8] = [
        0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xCB, 0x48, 0xCD, 0xC9, 0xC9, 0xE7,
        0x02, 0x00, 0x20, 0x30, 0x3A, 0x36, 0x06, 0x00, 0x00, 0x00,
    ]

    @Test func handMadeMemberDecompresses() throws {
        #expect(try Gzip.decompress(Data(Self.helloGzip)) == Data("hello\n".utf8))
    }

    @Test func concatenatedMembersAreJoined() throws {
        let twice = Data(Self.helloGzip + Self.helloGzip)
        #expect(try Gzip.decompress(twice) == Data("hello\nhello\n".utf8))
        let parts = try Gzip.compress(Data("first ".utf8)) + Gzip.compress(Data("second".utf8))
        #expect(try Gzip.decompress(parts) == Data("first second".utf8))
    }

    @Test func corruptGzipGivesTypedErrors() {
        var corrupt = Self.helloGzip
        corrupt[corrupt.count - 6] ^= 0xFF  // the CRC-32
        #expect { try Gzip.decompress(Data(corrupt)) } throws: { error in
            guard case GzipError.corrupt = error else { return false }
            return true
        }
        #expect(throws: GzipError.truncated(offset: 15)) { try Gzip.decompress(Data(Self.helloGzip.prefix(15))) }
        #expect(throws: GzipError.notGzip) { try Gzip.decompress(Data("hello".utf8)) }
        var trailing = Self.helloGzip
        trailing += [0x41, 0x42]
        #expect(throws: GzipError.corrupt(offset: 26, reason: "bytes after the last gzip member are not another member")) {
            try Gzip.decompress(Data(trailing))
        }
        #expect(throws: GzipError.tooLarge(limit: 3)) { try Gzip.decompress(Data(Self.helloGzip), limit: 3) }
    }

    /// A gzip bomb made here with zlib: one member holding 1 MiB of zeros (about 1 KiB compressed),
    /// repeated. Concatenated members are valid gzip, so the expansion is members × 1 MiB.
    static func bomb(members: Int) throws -> Data {
        let member = try Gzip.compress(Data(count: 1 << 20), level: 9)
        #expect(member.count < 2048)
        var data = Data()
        for _ in 0..<members { data.append(member) }
        return data
    }

    @Test func limitsFollowTheDocumentedCeiling() {
        let limits = Gzip.Limits.standard
        #expect(limits.ceiling(compressedBytes: 1_000) == 16 * 1_048_576)  // the floor
        #expect(limits.ceiling(compressedBytes: 1_000_000) == 32_000_000)  // 32 times
        #expect(limits.ceiling(compressedBytes: 10_000_000) == 256 * 1_048_576)  // the maximum
        #expect(limits.ceiling(compressedBytes: Int.max) == 256 * 1_048_576)
    }

    @Test func aGzipBombStopsAtItsRatioLimitWithAOneLineError() throws {
        // 600 members: about 600 KiB expanding to 600 MiB; the ceiling is 32 × the compressed size.
        let bomb = try Self.bomb(members: 600)
        let limit = bomb.count * 32
        #expect(limit > 16 << 20 && limit < 600 << 20)
        #expect(throws: GzipError.tooLarge(limit: limit)) { try Gzip.decompress(bomb) }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-bomb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("bomb.gpx.gz")
        try bomb.write(to: url)
        let error = try #require(#expect(throws: ActivityFileError.self) { try ActivityFile.read(contentsOf: url) })
        #expect(error.description == "bomb.gpx.gz: gzip data expands to more than \(limit) bytes, the limit for a "
            + "compressed file of this size (a guard against decompression bombs)")
        #expect(!error.description.contains("\n"))
    }

    @Test func smallFilesMayExpandToTheFloorAndTheMaximumCapsEverything() throws {
        // 12 MiB from about 12 KiB: 1000 times, allowed because it stays under the 16 MiB floor.
        let small = try Self.bomb(members: 12)
        #expect(try Gzip.decompress(small).count == 12 << 20)
        // The maximum applies even at a low ratio.
        let capped = Gzip.Limits(maxBytes: 3 << 20, ratio: 10_000, floorBytes: 1 << 20)
        #expect(throws: GzipError.tooLarge(limit: 3 << 20)) { try Gzip.decompress(small, limits: capped) }
    }

    @Test func compressedGPXReadsLikeThePlainFile() throws {
        let plain = Data(GPXReaderTests.gpx11.utf8)
        let packed = try Gzip.compress(plain)
        #expect(ActivityFile.format(of: packed) == .gzip)
        #expect(try ActivityFile.read(packed) == GPXReader().read(plain))
        var broken = [UInt8](packed)
        broken[broken.count / 2] ^= 0x55
        let error = try #require(#expect(throws: ActivityFileError.self) { try ActivityFile.read(Data(broken)) })
        guard case .gzip = error.problem else {
            Issue.record("\(error)")
            return
        }
    }

    @Test func corpusFITFileRoundTripsThroughZlib() throws {
        guard Corpus.availableOrNote() else { return }
        let original = try Data(contentsOf: Corpus.url("fit/slither__running.fit"))
        let packed = try Gzip.compress(original, level: 9)
        #expect(packed.count < original.count)
        #expect(try Gzip.decompress(packed) == original)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-gzip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("run.fit.gz")
        try packed.write(to: url)
        #expect(try ActivityFile.read(contentsOf: url) == FITActivityReader().read(original))
    }
}

/// The entry point picks the format by content, not by name, and names the file in errors.
@Suite("Activity file")
struct ActivityFileTests {
    @Test func formatIsChosenByContent() throws {
        #expect(ActivityFile.format(of: Data(GPXReaderTests.gpx10.utf8)) == .gpx)
        #expect(ActivityFile.format(of: Data(TCXReaderTests.tcx.utf8)) == .tcx)
        #expect(ActivityFile.format(of: Data("\u{FEFF}<!-- note -->\n<gpx:gpx/>".utf8)) == .gpx)
        #expect(ActivityFile.format(of: Data(GzipTests.helloGzip)) == .gzip)
        var fit = FITBuilder()
        fit.define(local: 0, global: 20, fields: [(253, 4, 0x86), (5, 4, 0x86)])
        fit.data(local: 0, le32(1_000_000) + le32(12_345))
        let bytes = fit.build()
        #expect(ActivityFile.format(of: Data(bytes)) == .fit)
        #expect(ActivityFile.format(of: Data("<html/>".utf8)) == nil)
        let activity = try #require(try ActivityFile.read(Data(bytes)).first)
        #expect(activity.samples == [ActivitySample(seconds: 0, meters: 123.45)])
        #expect(activity.sport == "generic")
    }

    @Test func aGPXFileNamedFITIsStillReadAsGPX() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-sniff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let misnamed = directory.appendingPathComponent("run.fit")
        try Data(GPXReaderTests.gpx10.utf8).write(to: misnamed)
        #expect(try ActivityFile.read(contentsOf: misnamed).first?.samples.count == 2)
        let unknown = directory.appendingPathComponent("notes.txt")
        try Data("splits: 1:20, 1:21".utf8).write(to: unknown)
        #expect(throws: ActivityFileError(.unknownFormat, file: "notes.txt")) { try ActivityFile.read(contentsOf: unknown) }
        #expect(ActivityFileError(.unknownFormat, file: "notes.txt").description == "notes.txt: not a FIT, GPX, TCX or gzip file")
        let missing = directory.appendingPathComponent("gone.gpx")
        let error = try #require(#expect(throws: ActivityFileError.self) { try ActivityFile.read(contentsOf: missing) })
        #expect(error.description.hasPrefix("gone.gpx: cannot be read"))
    }
}
