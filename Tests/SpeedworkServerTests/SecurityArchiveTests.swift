import Foundation
import Hummingbird
import HummingbirdTesting
import Speedwork
@testable import SpeedworkReports
import SpeedworkCLI
import SpeedworkFiles
@testable import SpeedworkServer
import SpeedworkStore
import Testing

/// Hostile archives uploaded to the real router with the real importer (issue 12, security; OWASP
/// File Upload Cheat Sheet): zip and gzip bombs stop at their limit with a reason per file, names
/// that are paths (`..`, absolute, a drive, a NUL) are reported and never used, the other files
/// import, and the server keeps serving.
@Suite(.serialized)
struct SecurityArchiveTests {
    @Test func theZeroStreamInflatesToExactlyItsLength() throws {
        // Checked against zlib through the gzip reader: 1 MiB and 7 bytes of zeros.
        let count = (1 << 20) + 7
        let deflate = HostileArchive.zeros(count)
        let zeros = Data(count: count)
        let gzip = HostileArchive.gzip(deflate, crc: StoredZip.crc32(zeros), size: UInt32(count))
        #expect(try Gzip.decompress(gzip, limit: 2 << 20) == zeros)
        // About 159 times smaller than what it makes (258 bytes per 13 bits).
        #expect(deflate.count < count / 150)
    }

    /// Uploads `data` as `name` through the API and waits for its import to end.
    static func upload(_ client: any TestClientProtocol, token: String, _ name: String, _ data: Data) async throws -> [String: Any] {
        let sent = try await client.execute(uri: "/api/v1/uploads?name=\(name)", method: .post,
                                            headers: APIRoutesTests.bearer(token), body: ByteBuffer(bytes: data))
        #expect(sent.status == .accepted, "\(name): \(sent.status) \(sent.text)")
        return try await UploadRoutesTests.finishedUpload(client, try #require(sent.headers[.location]), token: token)
    }

    /// The skipped files of a finished upload: file → reason.
    static func skipped(_ upload: [String: Any]) -> [String: String] {
        let list = upload["skipped"] as? [[String: Any]] ?? []
        return Dictionary(list.map { ($0["file"] as? String ?? "", $0["reason"] as? String ?? "") }, uniquingKeysWith: { a, _ in a })
    }

    @Test(arguments: Engine.available)
    func zipBombsStopAtTheirLimitsWithAReasonPerFileAndTheRestImports(engine: Engine) async throws {
        let folder = UploadRoutesTests.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withApp(engine, configure: { UploadRoutesTests.importing(&$0); $0.dataFolder = folder }) { client, store async throws in
            try await Browser(client).register("ana", goodPassword)
            let token = try await UploadRoutesTests.token(client, login: "ana")
            let limits = ArchiveLimits.standard

            // 1. Honest about its size, which is past the limit for one file: 257 MiB of zeros in 1.7 MB.
            //    Refused on its declared size before a byte is inflated, so its CRC is never reached.
            let huge = limits.maxMemberBytes + (1 << 20)
            let bomb = HostileArchive.Member(name: Array("activities/bomb.fit".utf8), payload: HostileArchive.zeros(huge),
                                             method: 8, declaredSize: UInt64(huge), crc: 0)
            #expect(bomb.payload.count < huge / 150)
            // 2. Lies: declares 1,000 bytes, inflates to 8 MiB. Stopped once past what it declared.
            let liar = HostileArchive.Member(name: Array("activities/liar.fit".utf8), payload: HostileArchive.zeros(8 << 20),
                                             method: 8, declaredSize: 1000, crc: 0)
            // 3. Declares 2 GiB from 53 kB: refused on its declared size, before reading.
            var ratio = liar
            ratio.name = Array("activities/ratio.gpx".utf8)
            ratio.declaredSize = 2 << 30
            // 4. Zips in a zip in a zip: one level is what Garmin ships; the second is refused.
            let innermost = HostileArchive.zip([.deflated("run.fit", try UploadFixtures.trackFIT(start: UploadFixtures.start.addingTimeInterval(86_400)))])
            let middle = HostileArchive.zip([.stored(Array("b.zip".utf8), innermost)])
            let nested = HostileArchive.Member.stored(Array("nested/a.zip".utf8), middle)
            // 5. A gzip bomb inside the zip: 64 MiB of zeros in 420 kB, stopped at 16 MiB; its
            //    trailer is never reached.
            let gzipBomb = HostileArchive.gzip(HostileArchive.zeros(64 << 20), crc: 0, size: UInt32(64 << 20))
            let gzipped = HostileArchive.Member.stored(Array("activities/2.fit.gz".utf8), gzipBomb)
            // And one good file.
            let good = HostileArchive.Member.deflated("activities/1.fit", try UploadFixtures.trackFIT())
            let archive = HostileArchive.zip([good, bomb, liar, ratio, nested, gzipped])
            #expect(archive.count < 3 << 20)

            let done = try await Self.upload(client, token: token, "export.zip", archive)
            #expect(done["status"] as? String == "done")
            #expect(done["added"] as? Int == 1)
            let skipped = Self.skipped(done)
            #expect(skipped.count == 5, "\(skipped)")
            #expect(skipped["export.zip/activities/bomb.fit"]?.contains("declares 257 MiB; one activity file may hold at most 256 MiB") == true,
                    "\(skipped)")
            #expect(skipped["export.zip/activities/liar.fit"]?.contains("inflates past the 1000 bytes it declares (stopped there)") == true,
                    "\(skipped)")
            #expect(skipped["export.zip/activities/ratio.gpx"]?.contains("declares 2048 MiB") == true, "\(skipped)")
            #expect(skipped["export.zip/nested/a.zip/b.zip"]?.contains("nested more than 1 level deep") == true, "\(skipped)")
            #expect(skipped["export.zip/activities/2.fit.gz"]?.contains("gzip data expands to more than 16777216 bytes") == true,
                    "\(skipped)")
            for reason in skipped.values { #expect(!reason.contains("\n") && !reason.contains(folder), "\(reason)") }
            let ana = try #require(try await store.account(login: "ana"))
            #expect(try await store.activities(for: ana.athlete, in: nil).count == 1)

            // The server keeps serving, and the next upload imports.
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
            let next = try await Self.upload(client, token: token, "next.fit",
                                             try UploadFixtures.trackFIT(start: UploadFixtures.start.addingTimeInterval(2 * 86_400)))
            #expect(next["added"] as? Int == 1)
            #expect(UploadRoutesTests.leftovers(folder).isEmpty)
        }
    }

    @Test(arguments: Engine.available)
    func aGzipBombUploadedAloneStopsAtItsLimit(engine: Engine) async throws {
        let folder = UploadRoutesTests.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withApp(engine, configure: { UploadRoutesTests.importing(&$0); $0.dataFolder = folder }) { client, store async throws in
            let browser = Browser(client, acceptsHTML: true)
            try await browser.register("ana", goodPassword)
            try await browser.get("/upload")
            // 64 MiB of zeros in 420 kB: the ceiling is 16 MiB (32 × its size is less), reached long
            // before the end, so the trailer's CRC and size are never read.
            let compressed = HostileArchive.zeros(64 << 20)
            let bomb = HostileArchive.gzip(compressed, crc: 0, size: 0)
            let ceiling = Gzip.Limits.standard.ceiling(compressedBytes: bomb.count)
            #expect(ceiling == 16 << 20)
            let sent = try await browser.upload([("bomb.fit.gz", bomb)])
            #expect(sent.status == .seeOther)
            let page = try await browser.finishedUpload(try #require(sent.headers[.location]))
            #expect(UploadRoutesTests.statusLine(page.text) == "1 file read: done")
            #expect(page.text.contains("gzip data expands to more than \(ceiling) bytes"), "\(page.text)")
            let ana = try #require(try await store.account(login: "ana"))
            #expect(try await store.activities(for: ana.athlete, in: nil).isEmpty)
            #expect(try await browser.get("/").status == .ok)
        }
    }

    @Test(arguments: Engine.available)
    func namesThatArePathsAreReportedAndNeverUsed(engine: Engine) async throws {
        let folder = UploadRoutesTests.dataFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await withApp(engine, configure: { UploadRoutesTests.importing(&$0); $0.dataFolder = folder }) { client, store async throws in
            try await Browser(client).register("ana", goodPassword)
            let token = try await UploadRoutesTests.token(client, login: "ana")
            func fit(_ day: Double) throws -> Data { try UploadFixtures.trackFIT(start: UploadFixtures.start.addingTimeInterval(day * 86_400)) }
            let hostile: [(name: [UInt8], reason: String)] = [
                (Array("../../../evil.fit".utf8), "climbs out of the archive with '..'"),
                (Array("activities/../../evil.gpx".utf8), "climbs out of the archive with '..'"),
                (Array("..\\..\\evil.tcx".utf8), "climbs out of the archive with '..'"),
                (Array("/tmp/evil.fit".utf8), "is an absolute path"),
                (Array("\\\\server\\share\\evil.fit".utf8), "is an absolute path"),
                (Array("C:\\Windows\\evil.fit".utf8), "starts with a drive letter"),
                (Array("activities/evil".utf8) + [0] + Array(".fit".utf8), "holds a NUL character"),
                (Array("activities/run.fit".utf8) + [0] + Array(".txt".utf8), "holds a NUL character"),
                (Array("activities/line\nbreak.fit".utf8), "holds a control character"),
            ]
            var members = try hostile.enumerated().map { index, item in HostileArchive.Member.stored(item.name, try fit(Double(index + 1))) }
            // Dots in a name that are not a `..` component are an ordinary name.
            members.append(.stored(Array("activities/..morning..run.fit".utf8), try fit(20)))
            members.append(.stored(Array("activities/1.fit".utf8), try fit(0)))
            let done = try await Self.upload(client, token: token, "evil.zip", HostileArchive.zip(members))
            #expect(done["status"] as? String == "done")
            #expect(done["added"] as? Int == 2)
            let skipped = Self.skipped(done)
            #expect(skipped.count == hostile.count, "\(skipped)")
            for item in hostile {
                // Shown with every control character replaced by U+FFFD, so no NUL reaches the database or the page.
                let shown = "evil.zip/" + String(decoding: item.name, as: UTF8.self).unicodeScalars
                    .map { $0.value < 0x20 ? "\u{FFFD}" : String($0) }.joined()
                let reason = try #require(skipped[shown], "\(shown.debugDescription) not in \(skipped)")
                #expect(reason.contains(item.reason), "\(shown.debugDescription): \(reason)")
                #expect(reason.contains("not read (names are never used as paths)"))
            }
            // Nothing was written anywhere a name points.
            let root = URL(fileURLWithPath: folder)
            for path in ["../evil.fit", "../../evil.fit", "evil.gpx", "uploads/evil.fit", "../evil.gpx"] {
                #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent(path).standardized.path), "\(path)")
            }
            #expect(!FileManager.default.fileExists(atPath: "/tmp/evil.fit"))
            let ana = try #require(try await store.account(login: "ana"))
            #expect(try await store.activities(for: ana.athlete, in: nil).count == 2)
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
        }
    }
}
