import Foundation
import Speedwork
import SpeedworkTestSupport
import Testing
@testable import SpeedworkFiles

/// Zip bulk exports read member by member (M50): Strava's and Garmin Connect's layouts, damaged
/// and hostile archives. Every archive is written here by ``ZipFixture`` from hand-made GPX text
/// and FIT bytes.
@Suite("Activity archives")
struct ActivityArchiveTests {
    /// A GPX track of `points` one-second points starting at `start` (ISO 8601, UTC), heading north.
    static func gpx(points: Int, start: String = "2024-05-01T08:00:00Z", name: String = "run") -> String {
        let formatter = ISO8601DateFormatter()
        let t0 = formatter.date(from: start)!
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <gpx version="1.1" creator="hand" xmlns="http://www.topografix.com/GPX/1/1">
            <trk><name>\(name)</name><trkseg>

            """
        for i in 0..<points {
            text += "<trkpt lat=\"\(51.5 + Double(i) * 0.00003)\" lon=\"-0.1\"><time>\(formatter.string(from: t0.addingTimeInterval(Double(i))))</time></trkpt>\n"
        }
        return text + "</trkseg></trk></gpx>\n"
    }

    /// A folder of its own for one test's archives.
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("speedwork-archive-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func write(_ data: Data, named name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    /// Every member with what its read gave: the bytes or the error.
    static func members(of archive: ActivityArchive) throws -> [(ArchiveMember, Result<Data, ArchiveError>)] {
        var seen: [(ArchiveMember, Result<Data, ArchiveError>)] = []
        try archive.forEachMember { member, read in
            seen.append((member, Result { () throws(ArchiveError) -> Data in try read() }))
        }
        return seen
    }

    // MARK: Strava

    /// Strava's header repeats names ("Activity Name", "Elapsed Time", "Distance" appear twice);
    /// the first of each is the one read. Rows end in CRLF; names hold a quoted comma, doubled
    /// quotes and a line break.
    static let stravaCSV = [
        "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time,Distance,Filename,Activity Name,Elapsed Time,Distance",
        "101,\"May 1, 2024, 8:00:00 AM\",\"Track, 6 x 200m\",Run,,600,4.2,activities/101.gpx.gz,second name,600,4200",
        "102,\"May 3, 2024, 7:00:00 AM\",\"The \"\"hill\"\" loop\",Run,\"two\nlines\",1800,6.1,activities/102.gpx,x,1800,6100",
        "103,\"May 4, 2024, 7:00:00 AM\",\"Morning\nswim\",Swim,,1200,1.5,activities/103.fit,x,1200,1500",
        "104,\"May 5, 2024, 7:00:00 AM\",Gym,Weight Training,,3600,0,,x,3600,0",
    ].joined(separator: "\r\n") + "\r\n"

    static func stravaExport(fit: Data) throws -> (zip: ZipFixture, files: [String: Data]) {
        var zip = ZipFixture()
        let gz = try Gzip.compress(Data(gpx(points: 30).utf8))
        let plain = Data(gpx(points: 20, start: "2024-05-03T07:00:00Z").utf8)
        let unnamed = Data(gpx(points: 10, start: "2024-05-06T07:00:00Z").utf8)
        zip.add("activities.csv", text: stravaCSV)
        zip.add("profile.csv", text: "Athlete ID\n1\n")
        zip.addFolder("activities/")
        zip.add("activities/101.gpx.gz", gz, deflate: false)
        zip.add("activities/102.gpx", plain)
        zip.add("activities/103.fit", fit)
        zip.add("activities/105.GPX", unnamed)
        zip.add("media/photo.jpg", Data([0xFF, 0xD8, 0xFF, 0xE0]))
        zip.add("__MACOSX/activities/._102.gpx", Data([0, 5, 22, 7]))
        zip.add("activities/._103.fit", Data([0, 5, 22, 7]))
        return (zip, ["activities/101.gpx.gz": gz, "activities/102.gpx": plain, "activities/103.fit": fit, "activities/105.GPX": unnamed])
    }

    /// A FIT file: header, one file_id message (type 4, activity), CRC (FIT protocol).
    static func fitFile() -> Data {
        var fit = FITBuilder()
        fit.define(local: 0, global: 0, fields: [(0, 1, 0x00)])
        fit.data(local: 0, [4])
        return Data(fit.build())
    }

    @Test func stravaExportNamesEachActivityFromTheFirstColumnsOfItsCSV() throws {
        let folder = try Self.folder()
        let (zip, files) = try Self.stravaExport(fit: Self.fitFile())
        let url = try Self.write(zip.build(), named: "export_1234.zip", in: folder)
        let archive = try ActivityArchive(contentsOf: url)
        #expect(archive.warnings.isEmpty)
        let seen = try Self.members(of: archive)
        #expect(seen.map { $0.0.path } == [
            "export_1234.zip/activities/101.gpx.gz", "export_1234.zip/activities/102.gpx",
            "export_1234.zip/activities/103.fit", "export_1234.zip/activities/105.GPX",
        ])
        #expect(seen.map { $0.0.name } == ["Track, 6 x 200m", "The \"hill\" loop", "Morning\nswim", nil])
        #expect(seen.map { $0.0.sport } == ["Run", "Run", "Swim", nil])
        for (member, result) in seen {
            let inner = String(member.path.dropFirst("export_1234.zip/".count))
            #expect(try result.get() == files[inner])
            #expect(member.sizeBytes == Int64(files[inner]!.count))
            #expect(member.modifiedAt == ISO8601DateFormatter().date(from: "2024-03-15T13:45:30Z"))
        }
        // The .gz member comes still compressed; the activity reader undoes it.
        let activities = try ActivityFile.read(try seen[0].1.get())
        #expect(activities.first?.samples.count == 30)
    }

    @Test func anArchiveInMemoryReadsAsItsFileDoes() throws {
        let (zip, files) = try Self.stravaExport(fit: Self.fitFile())
        let archive = try ActivityArchive(zip.build(), named: "upload.zip")
        let seen = try Self.members(of: archive)
        #expect(seen.map { $0.0.path } == files.keys.sorted().map { "upload.zip/" + $0 })
        #expect(seen.map { $0.0.name } == ["Track, 6 x 200m", "The \"hill\" loop", "Morning\nswim", nil])
        #expect(try seen.map { try $0.1.get() } == files.keys.sorted().map { files[$0]! })
        #expect(throws: ArchiveError(.notZip, archive: "upload.zip")) { try ActivityArchive(Data("PK".utf8), named: "upload.zip") }
    }

    @Test func stravaExportInAFolderMatchesFilenamesFromTheCSVsFolder() throws {
        var zip = ZipFixture()
        zip.add("export_99/activities.csv", text: "Activity Name,Activity Type,Filename\nTempo,Run,activities/7.gpx\n")
        zip.add("export_99/activities/7.gpx", text: Self.gpx(points: 3))
        let url = try Self.write(zip.build(), named: "refolded.zip", in: try Self.folder())
        let seen = try Self.members(of: try ActivityArchive(contentsOf: url))
        #expect(seen.map { $0.0.name } == ["Tempo"])
    }

    @Test func malformedCSVIsAWarningAndActivitiesStillImport() throws {
        var zip = ZipFixture()
        zip.add("activities.csv", text: "Activity Name,Filename\n\"Intervals,activities/1.gpx\n")
        zip.add("activities/1.gpx", text: Self.gpx(points: 3))
        let url = try Self.write(zip.build(), named: "strava.zip", in: try Self.folder())
        let archive = try ActivityArchive(contentsOf: url)
        // The open quote runs to the end, so its row is also one field long.
        #expect(archive.warnings.map(\.description) == [
            "strava.zip/activities.csv: activities.csv is not well-formed CSV at line 2: a quoted field is never closed; "
                + "activities still import, without the names it gives",
            "strava.zip/activities.csv: activities.csv has 1 row shorter than its header; "
                + "activities still import, without the names it gives",
        ])
        let seen = try Self.members(of: archive)
        #expect(seen.map { $0.0.path } == ["strava.zip/activities/1.gpx"])
        #expect(seen.first?.0.name == nil)
        #expect(try seen.first?.1.get() == Data(Self.gpx(points: 3).utf8))
    }

    @Test func csvWithoutAFilenameColumnIsAWarning() throws {
        var zip = ZipFixture()
        zip.add("activities.csv", text: "Activity Name,Activity Type\nTempo,Run\n")
        zip.add("activities/1.gpx", text: Self.gpx(points: 3))
        let archive = try ActivityArchive(contentsOf: try Self.write(zip.build(), named: "s.zip", in: try Self.folder()))
        #expect(archive.warnings.map(\.problem) == [.malformedIndex(reason: "activities.csv has no \"Filename\" column")])
        #expect(try Self.members(of: archive).count == 1)
    }

    @Test func aCSVBeyondItsLimitIsPassedOverWithAWarning() throws {
        var zip = ZipFixture()
        zip.add("activities.csv", text: "Activity Name,Filename\nTempo,activities/1.gpx\n")
        zip.add("activities/1.gpx", text: Self.gpx(points: 3))
        let url = try Self.write(zip.build(), named: "s.zip", in: try Self.folder())
        let archive = try ActivityArchive(contentsOf: url, limits: ArchiveLimits(maxIndexBytes: 10))
        #expect(archive.warnings.map(\.description) == [
            "s.zip/activities.csv: it declares 46 bytes; at most 10 bytes is read; activities still import, without the names it gives",
        ])
        #expect(try Self.members(of: archive).map { $0.0.name } == [nil])
    }

    // MARK: Garmin

    @Test func garminExportOpensEachUploadedFilesZip() throws {
        var first = ZipFixture()
        let a = Self.fitFile(), b = Data(Self.gpx(points: 5).utf8), c = Data(Self.gpx(points: 7).utf8)
        first.add("runner_1001.fit", a)
        first.add("runner_1002.gpx", b)
        var second = ZipFixture()
        second.add("runner_2001.gpx", c)
        second.add("notes.txt", text: "not an activity")
        var outer = ZipFixture()
        outer.add("DI_CONNECT/DI-Connect-User/user_profile.json", text: "{}")
        outer.add("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_0-_Part1.zip", first.build())
        outer.add("DI_CONNECT/DI-Connect-Uploaded-Files/UploadedFiles_1-_Part2.zip", second.build(), deflate: false)
        let url = try Self.write(outer.build(), named: "garmin.zip", in: try Self.folder())
        let seen = try Self.members(of: try ActivityArchive(contentsOf: url))
        let base = "garmin.zip/DI_CONNECT/DI-Connect-Uploaded-Files/"
        #expect(seen.map { $0.0.path } == [
            base + "UploadedFiles_0-_Part1.zip/runner_1001.fit", base + "UploadedFiles_0-_Part1.zip/runner_1002.gpx",
            base + "UploadedFiles_1-_Part2.zip/runner_2001.gpx",
        ])
        #expect(try seen.map { try $0.1.get() } == [a, b, c])
    }

    @Test func zipsNestedTwoDeepAreRefusedByName() throws {
        var innermost = ZipFixture()
        innermost.add("deep.gpx", text: Self.gpx(points: 2))
        var middle = ZipFixture()
        middle.add("shallow.gpx", text: Self.gpx(points: 2))
        middle.add("b.zip", innermost.build())
        var outer = ZipFixture()
        outer.add("a.zip", middle.build())
        let url = try Self.write(outer.build(), named: "outer.zip", in: try Self.folder())
        let seen = try Self.members(of: try ActivityArchive(contentsOf: url))
        #expect(seen.map { $0.0.path } == ["outer.zip/a.zip/shallow.gpx", "outer.zip/a.zip/b.zip"])
        #expect(throws: ArchiveError(.nestedTooDeep(limit: 1), archive: "outer.zip", member: "a.zip/b.zip")) {
            try seen[1].1.get()
        }
        #expect(seen[1].1.failureDescription
            == "outer.zip/a.zip/b.zip: a zip nested more than 1 level deep; deeper ones are not read")
    }

    @Test func aDamagedNestedZipIsOneSkippedMember() throws {
        var outer = ZipFixture()
        outer.add("UploadedFiles_0.zip", Data("not a zip at all, just text".utf8))
        outer.add("run.gpx", text: Self.gpx(points: 2))
        let url = try Self.write(outer.build(), named: "g.zip", in: try Self.folder())
        let seen = try Self.members(of: try ActivityArchive(contentsOf: url))
        #expect(seen.map { $0.0.path } == ["g.zip/UploadedFiles_0.zip", "g.zip/run.gpx"])
        #expect(throws: ArchiveError(.notZip, archive: "g.zip", member: "UploadedFiles_0.zip")) { try seen[0].1.get() }
        #expect(try seen[1].1.get() == Data(Self.gpx(points: 2).utf8))
    }

    // MARK: Damaged members

    @Test func aCorruptMemberFailsAloneAndTheOthersRead() throws {
        var zip = ZipFixture()
        zip.add("a.gpx", text: Self.gpx(points: 40))
        zip.add("b.gpx", text: Self.gpx(points: 41))
        zip.add("c.gpx", text: Self.gpx(points: 42))
        var damaged = ZipFixture.rawDeflate(zip.items[1].data)
        for i in stride(from: 2, to: damaged.count, by: 3) { damaged[i] ^= 0x5A }
        zip.items[1].storedBytes = Data(damaged)
        let url = try Self.write(zip.build(), named: "mixed.zip", in: try Self.folder())
        let seen = try Self.members(of: try ActivityArchive(contentsOf: url))
        #expect(seen.count == 3)
        #expect(try seen[0].1.get() == Data(Self.gpx(points: 40).utf8))
        #expect(try seen[2].1.get() == Data(Self.gpx(points: 42).utf8))
        #expect {
            try seen[1].1.get()
        } throws: { error in
            guard let error = error as? ArchiveError, error.member == "b.gpx" else { return false }
            switch error.problem {
            case .corruptMember, .checksumMismatch: return true
            default: return false
            }
        }
    }

    @Test func aWrongCRCIsNamedWithBothValues() throws {
        var zip = ZipFixture()
        zip.add("a.gpx", text: "hello\n")
        zip.items[0].crc = 0x1234_5678
        let url = try Self.write(zip.build(), named: "crc.zip", in: try Self.folder())
        let seen = try Self.members(of: try ActivityArchive(contentsOf: url))
        // CRC-32 of "hello\n" is 0x363a3020 (the trailer of `printf 'hello\n' | gzip`, RFC 1952).
        #expect(throws: ArchiveError(.checksumMismatch(expected: 0x1234_5678, found: 0x363A_3020), archive: "crc.zip", member: "a.gpx")) {
            try seen[0].1.get()
        }
        #expect(seen[0].1.failureDescription
            == "crc.zip/a.gpx: damaged: CRC-32 is 0x363a3020, the directory records 0x12345678")
    }

    @Test func encryptedAndUnsupportedMembersAreRefused() throws {
        var zip = ZipFixture()
        zip.add("locked.fit", Self.fitFile())
        zip.items[0].flags |= 1
        zip.add("bzip2.gpx", text: Self.gpx(points: 2))
        zip.items[1].method = 12
        let url = try Self.write(zip.build(), named: "odd.zip", in: try Self.folder())
        let seen = try Self.members(of: try ActivityArchive(contentsOf: url))
        #expect(throws: ArchiveError(.encrypted, archive: "odd.zip", member: "locked.fit")) { try seen[0].1.get() }
        #expect(throws: ArchiveError(.unsupportedCompression(method: 12), archive: "odd.zip", member: "bzip2.gpx")) {
            try seen[1].1.get()
        }
    }

    // MARK: Zip bombs

    @Test func aMemberInflatingPastItsDeclaredSizeStopsThere() throws {
        var zip = ZipFixture()
        zip.add("bomb.gpx", Data(count: 1 << 20))  // 1 MiB of zeros, about 1 KiB deflated
        zip.items[0].declaredSize = 1_000
        let url = try Self.write(zip.build(), named: "liar.zip", in: try Self.folder())
        let seen = try Self.members(of: try ActivityArchive(contentsOf: url))
        #expect(seen.first?.0.sizeBytes == 1_000)
        #expect(throws: ArchiveError(.corruptMember(reason: "inflates past the 1000 bytes it declares (stopped there)"), archive: "liar.zip", member: "bomb.gpx")) {
            try seen[0].1.get()
        }
    }

    @Test func aHugeRatioIsRefusedBeforeInflating() throws {
        var zip = ZipFixture()
        zip.add("zeros.tcx", Data(count: 2 << 20))
        let compressed = UInt64(ZipFixture.rawDeflate(zip.items[0].data).count)
        #expect(compressed * 200 < 2 << 20)  // deflate of zeros: about 1000×
        let url = try Self.write(zip.build(), named: "bomb.zip", in: try Self.folder())
        let seen = try Self.members(of: try ActivityArchive(contentsOf: url))
        #expect(throws: ArchiveError(.expandsTooFar(declared: 2 << 20, compressed: compressed, limit: 200), archive: "bomb.zip", member: "zeros.tcx")) {
            try seen[0].1.get()
        }
    }

    @Test func membersAndNestedZipsBeyondTheirLimitsAreRefused() throws {
        var inner = ZipFixture()
        inner.add("x.gpx", text: Self.gpx(points: 200))
        var zip = ZipFixture()
        zip.add("big.gpx", text: Self.gpx(points: 100))
        zip.add("Uploaded.zip", inner.build())
        let url = try Self.write(zip.build(), named: "limits.zip", in: try Self.folder())
        let size = UInt64(Self.gpx(points: 100).utf8.count)
        let innerSize = UInt64(inner.build().count)
        #expect(innerSize > 1_000)
        let limits = ArchiveLimits(maxMemberBytes: 1_000, maxNestedZipBytes: 1_000)
        let seen = try Self.members(of: try ActivityArchive(contentsOf: url, limits: limits))
        #expect(throws: ArchiveError(.memberTooLarge(declared: size, limit: 1_000), archive: "limits.zip", member: "big.gpx")) {
            try seen[0].1.get()
        }
        #expect(throws: ArchiveError(.nestedZipTooLarge(declared: innerSize, limit: 1_000), archive: "limits.zip", member: "Uploaded.zip")) {
            try seen[1].1.get()
        }
    }

    @Test func tooManyEntriesRefuseTheArchive() throws {
        var zip = ZipFixture()
        for i in 0..<3 { zip.add("\(i).gpx", text: Self.gpx(points: 1)) }
        let url = try Self.write(zip.build(), named: "many.zip", in: try Self.folder())
        #expect(throws: ArchiveError(.tooManyMembers(count: 3, limit: 2), archive: "many.zip")) {
            try ActivityArchive(contentsOf: url, limits: ArchiveLimits(maxMembers: 2))
        }
    }

    // MARK: Not zips

    @Test func aFileThatIsNotAZipGivesOneClearLine() throws {
        let folder = try Self.folder()
        let text = try Self.write(Data(Self.gpx(points: 3).utf8), named: "export.zip", in: folder)
        #expect(throws: ArchiveError(.notZip, archive: "export.zip")) { try ActivityArchive(contentsOf: text) }
        #expect(ArchiveError(.notZip, archive: "export.zip").description
            == "export.zip: not a zip archive (no end-of-central-directory record in its last 64 KiB)")
        let empty = try Self.write(Data(), named: "empty.zip", in: folder)
        #expect(throws: ArchiveError(.notZip, archive: "empty.zip")) { try ActivityArchive(contentsOf: empty) }
        #expect(throws: ArchiveError.self) { try ActivityArchive(contentsOf: folder.appendingPathComponent("missing.zip")) }
        #expect(throws: ArchiveError(.unreadable(reason: "not a regular file"), archive: folder.lastPathComponent)) {
            try ActivityArchive(contentsOf: folder)
        }
    }

    @Test func aTruncatedArchiveIsRefusedWholeNotTrapped() throws {
        var zip = ZipFixture()
        for i in 0..<5 { zip.add("\(i).gpx", text: Self.gpx(points: 20 + i)) }
        let whole = zip.build()
        let folder = try Self.folder()
        // Cut anywhere: no end record, or a directory that lies outside the file.
        for cut in stride(from: 0, to: whole.count, by: 97) {
            let url = try Self.write(whole.prefix(cut), named: "cut.zip", in: folder)
            #expect(throws: ArchiveError.self) { try ActivityArchive(contentsOf: url) }
        }
        // The end record kept, the directory moved past it.
        var bytes = [UInt8](whole)
        let end = bytes.count - 22
        bytes[end + 16] = 0xFF; bytes[end + 17] = 0xFF; bytes[end + 18] = 0xFF; bytes[end + 19] = 0x7F
        let moved = try Self.write(Data(bytes), named: "moved.zip", in: folder)
        #expect {
            try ActivityArchive(contentsOf: moved)
        } throws: { error in
            guard let error = error as? ArchiveError, case .corruptDirectory = error.problem else { return false }
            return error.description.hasPrefix("moved.zip: the zip directory is damaged: ")
        }
    }

    @Test func randomDamageNeverTraps() throws {
        var zip = ZipFixture()
        zip.add("a.gpx", text: Self.gpx(points: 30))
        zip.add("b.fit", Self.fitFile(), deflate: false)
        var inner = ZipFixture()
        inner.add("c.gpx", text: Self.gpx(points: 10))
        zip.add("in.zip", inner.build())
        let whole = [UInt8](zip.build())
        let folder = try Self.folder()
        var random = SeededGenerator(state: 0x5EED)
        var opened = 0
        for _ in 0..<400 {
            var bytes = whole
            for _ in 0..<(1 + random.next() % 4) {
                bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next())
            }
            let url = try Self.write(Data(bytes), named: "fuzz.zip", in: folder)
            guard let archive = try? ActivityArchive(contentsOf: url) else { continue }
            opened += 1
            try archive.forEachMember { _, read in _ = try? read() }
        }
        #expect(opened > 0)
    }

    // MARK: Other writers

    /// The check value of CRC-32 (ISO 3309) for "123456789" is 0xCBF43926 (Williams, "A Painless
    /// Guide to CRC Error Detection Algorithms", 1993), for the test archives' writer.
    @Test func theFixturesCRCMatchesThePublishedCheckValue() {
        #expect(ZipFixture.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
    }

    @Test func zip64DirectoriesAreRead() throws {
        var zip = ZipFixture()
        zip.zip64 = true
        let gpx = Data(Self.gpx(points: 12).utf8), fit = Self.fitFile()
        zip.add("a.gpx", gpx)
        zip.add("b.fit", fit, deflate: false)
        let url = try Self.write(zip.build(), named: "big.zip", in: try Self.folder())
        let seen = try Self.members(of: try ActivityArchive(contentsOf: url))
        #expect(seen.map { $0.0.path } == ["big.zip/a.gpx", "big.zip/b.fit"])
        #expect(seen.map { $0.0.sizeBytes } == [Int64(gpx.count), Int64(fit.count)])
        #expect(try seen.map { try $0.1.get() } == [gpx, fit])
    }

    /// Python's `zipfile`, a second implementation, writing to a pipe (so with data descriptors,
    /// APPNOTE 4.3.9) and one member with a ZIP64 local header.
    @Test func archivesWrittenByPythonsZipfileRead() throws {
        let script = """
            import sys, zipfile
            with zipfile.ZipFile(sys.stdout.buffer, "w") as z:
                index = zipfile.ZipInfo("activities.csv", (2024, 5, 1, 8, 0, 0))
                z.writestr(index, 'Activity Name,Activity Type,Filename\\n"Hills, again",Run,activities/1.gpx\\n')
                info = zipfile.ZipInfo("activities/1.gpx", (2024, 5, 1, 8, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                with z.open(info, "w", force_zip64=True) as f:
                    f.write(sys.argv[1].encode())
                fit = zipfile.ZipInfo("activities/2.fit", (2024, 5, 2, 9, 30, 0))
                z.writestr(fit, bytes.fromhex(sys.argv[2]))
            """
        let gpx = Self.gpx(points: 25), fit = Self.fitFile()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, gpx, fit.map { String(format: "%02x", $0) }.joined()]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            print("skipped: python3 not found (\(error))")
            return
        }
        let zipBytes = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            print("skipped: python3 zipfile failed (exit \(process.terminationStatus))")
            return
        }
        let url = try Self.write(zipBytes, named: "python.zip", in: try Self.folder())
        let archive = try ActivityArchive(contentsOf: url)
        #expect(archive.warnings.isEmpty)
        let seen = try Self.members(of: archive)
        let iso = ISO8601DateFormatter()
        #expect(seen.map { $0.0.path } == ["python.zip/activities/1.gpx", "python.zip/activities/2.fit"])
        #expect(seen.map { $0.0.name } == ["Hills, again", nil])
        #expect(seen.map { $0.0.modifiedAt } == [iso.date(from: "2024-05-01T08:00:00Z"), iso.date(from: "2024-05-02T09:30:00Z")])
        #expect(try seen.map { try $0.1.get() } == [Data(gpx.utf8), fit])
    }

    // MARK: Names are only names

    @Test func namesThatArePathsAreReportedNotRead() throws {
        var zip = ZipFixture()
        zip.add("../../etc/passwd.fit", Self.fitFile())
        zip.add("/tmp/absolute.gpx", text: Self.gpx(points: 2))
        zip.add("C:\\Users\\evil.tcx", text: "<x/>")
        zip.add("a/b/../../../up.fit", Self.fitFile())
        zip.add("run.fit\u{0}.txt", Self.fitFile())
        zip.add("notes/..not-a-climb..fit", Self.fitFile())
        let folder = try Self.folder()
        let url = try Self.write(zip.build(), named: "evil.zip", in: folder)
        let seen = try Self.members(of: try ActivityArchive(contentsOf: url))
        #expect(seen.map { $0.0.path } == [
            "evil.zip/../../etc/passwd.fit", "evil.zip//tmp/absolute.gpx", "evil.zip/C:\\Users\\evil.tcx",
            "evil.zip/a/b/../../../up.fit", "evil.zip/run.fit\u{FFFD}.txt", "evil.zip/notes/..not-a-climb..fit",
        ])
        let reasons = seen.map { member -> String? in
            guard case .failure(let error) = member.1, case .unsafeName(let reason) = error.problem else { return nil }
            return reason
        }
        #expect(reasons == [
            "its name climbs out of the archive with '..'", "its name is an absolute path", "its name starts with a drive letter",
            "its name climbs out of the archive with '..'", "its name holds a NUL character", nil,
        ])
        if case .failure(let error) = seen[0].1 {
            #expect(error.description == "evil.zip/../../etc/passwd.fit: its name climbs out of the archive with '..'; "
                + "a member so named is not read (names are never used as paths)")
        }
        #expect(try seen[5].1.get() == Self.fitFile())
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["evil.zip"])
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("../../etc/passwd.fit").standardized.path))
    }

    // MARK: Times

    @Test func modificationTimesComeFromTheExtendedTimestampOrDOSFields() throws {
        var zip = ZipFixture()
        zip.add("dos.gpx", text: Self.gpx(points: 1))
        zip.items[0].dosDate = (45 << 9) | (12 << 5) | 31  // 2025-12-31
        zip.items[0].dosTime = (23 << 11) | (59 << 5) | 29  // 23:59:58
        zip.add("unix.gpx", text: Self.gpx(points: 1))
        zip.items[1].unixTime = 1_700_000_000  // 2023-11-14T22:13:20Z
        let url = try Self.write(zip.build(), named: "times.zip", in: try Self.folder())
        let seen = try Self.members(of: try ActivityArchive(contentsOf: url))
        let iso = ISO8601DateFormatter()
        #expect(seen.map { $0.0.modifiedAt } == [iso.date(from: "2025-12-31T23:59:58Z"), iso.date(from: "2023-11-14T22:13:20Z")])
    }

    // MARK: Real files

    @Test func corpusZipsOpen() throws {
        guard Corpus.availableOrNote() else { return }
        let zips = (FileManager.default.enumerator(at: Corpus.root, includingPropertiesForKeys: nil)?.allObjects as? [URL] ?? [])
            .filter { $0.pathExtension.lowercased() == "zip" }
        guard !zips.isEmpty else {
            print("skipped: ../shared/corpus holds no zip archive")
            return
        }
        for url in zips {
            let archive = try ActivityArchive(contentsOf: url)
            try archive.forEachMember { _, read in _ = try read() }
        }
    }
}

extension Result where Failure == ArchiveError {
    /// The error's one line, or "" when there is none.
    var failureDescription: String {
        if case .failure(let error) = self { return error.description }
        return ""
    }
}
