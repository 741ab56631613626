import Foundation
import Hummingbird
import HummingbirdTesting
import Speedwork
@testable import SpeedworkReports
import SpeedworkFiles
import Testing

/// Generated watch files and request bodies for the upload tests.
enum UploadFixtures {
    /// 2026-11-17 07:00:00 UTC.
    static let start = Date(timeIntervalSince1970: 1_794_898_800)

    /// A track session as a watch records it, one sample a second with a lap press at every
    /// change: 10 min warm-up at 3.0 m/s, then 6 × 400 m at 5.0 m/s (80 s each, 3:20/km) with
    /// 90 s jogs at 2.5 m/s, then 5 min cool-down at 3.0 m/s.
    static func trackSession(start: Date = start) -> Activity {
        var stretches: [(seconds: Int, speed: Double)] = [(600, 3.0)]
        for rep in 0..<6 {
            stretches.append((80, 5.0))
            stretches.append(rep < 5 ? (90, 2.5) : (300, 3.0))
        }
        var samples: [ActivitySample] = [ActivitySample(seconds: 0, meters: 0, metersPerSecond: 3.0)]
        var laps: [ActivityLap] = []
        var second = 0
        var meters = 0.0
        for stretch in stretches {
            let lapStart = second
            let lapMeters = meters
            for _ in 0..<stretch.seconds {
                second += 1
                meters += stretch.speed
                samples.append(ActivitySample(seconds: Double(second), meters: meters, metersPerSecond: stretch.speed))
            }
            laps.append(ActivityLap(startSeconds: Double(lapStart), elapsedSeconds: Double(stretch.seconds),
                                    timerSeconds: Double(stretch.seconds), meters: meters - lapMeters, trigger: .manual))
        }
        return Activity(sport: "running", start: start, samples: samples, laps: laps)
    }

    /// The track session as a FIT file from the project's own encoder.
    static func trackFIT(start: Date = start) throws -> Data {
        Data(try FITActivityEncoder().encode(trackSession(start: start)))
    }

    /// A `multipart/form-data` body (RFC 7578) with `fields` first, then `files`, as a browser sends it.
    static func multipart(boundary: String, fields: [(String, String)], files: [(name: String, bytes: Data)],
                          fileField: String = "file") -> ByteBuffer {
        var body = Data()
        func line(_ text: String) { body.append(Data((text + "\r\n").utf8)) }
        for (name, value) in fields {
            line("--\(boundary)")
            line("Content-Disposition: form-data; name=\"\(name)\"")
            line("")
            line(value)
        }
        for file in files {
            line("--\(boundary)")
            line("Content-Disposition: form-data; name=\"\(fileField)\"; filename=\"\(file.name)\"")
            line("Content-Type: application/octet-stream")
            line("")
            body.append(file.bytes)
            line("")
        }
        line("--\(boundary)--")
        return ByteBuffer(bytes: body)
    }

    static let boundary = "----speedworkFormBoundary7MA4YWxkTrZu0gW"
}

extension Browser {
    /// POSTs the upload form (or another multipart form at `path`) with `files`; the page's CSRF
    /// token goes first unless `csrf` says otherwise (nil: none).
    func upload(_ files: [(name: String, bytes: Data)], csrf: String?? = .none, path: String = "/upload") async throws -> TestResponse {
        let token: String? = csrf ?? self.csrf
        let body = UploadFixtures.multipart(boundary: UploadFixtures.boundary, fields: token.map { [("csrf", $0)] } ?? [], files: files)
        return try await send(path, method: .post,
                              headers: [.contentType: "multipart/form-data; boundary=\(UploadFixtures.boundary)"], body: body)
    }

    /// The progress page of an upload once its status line says `done` or `failed: …`.
    func finishedUpload(_ location: String) async throws -> TestResponse {
        for _ in 0..<1_200 {
            let page = try await get(location)
            let line = UploadRoutesTests.statusLine(page.text) ?? ""
            if line.hasSuffix("done") || line.hasPrefix("failed") { return page }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the upload at \(location) did not finish within a minute")
        return try await get(location)
    }
}

/// A zip archive written by hand (PKWARE APPNOTE 6.3.9: local headers, central directory, end
/// record), members stored uncompressed, as a small Strava export.
enum StoredZip {
    static func archive(_ members: [(path: String, bytes: Data)]) -> Data {
        var body = Data()
        var directory = Data()
        for member in members {
            let name = Data(member.path.utf8)
            let crc = crc32(member.bytes)
            let offset = UInt32(body.count)
            body.append(le32(0x0403_4b50))
            body.append(le16(20)); body.append(le16(0)); body.append(le16(0))  // version, flags, stored
            body.append(le16(0)); body.append(le16(0x21))  // 00:00, 1980-01-01
            body.append(le32(crc)); body.append(le32(UInt32(member.bytes.count))); body.append(le32(UInt32(member.bytes.count)))
            body.append(le16(UInt16(name.count))); body.append(le16(0))
            body.append(name)
            body.append(member.bytes)

            directory.append(le32(0x0201_4b50))
            directory.append(le16(20)); directory.append(le16(20)); directory.append(le16(0)); directory.append(le16(0))
            directory.append(le16(0)); directory.append(le16(0x21))
            directory.append(le32(crc)); directory.append(le32(UInt32(member.bytes.count))); directory.append(le32(UInt32(member.bytes.count)))
            directory.append(le16(UInt16(name.count))); directory.append(le16(0)); directory.append(le16(0))
            directory.append(le16(0)); directory.append(le16(0)); directory.append(le32(0))
            directory.append(le32(offset))
            directory.append(name)
        }
        let directoryOffset = UInt32(body.count)
        body.append(directory)
        body.append(le32(0x0605_4b50))
        body.append(le16(0)); body.append(le16(0))
        body.append(le16(UInt16(members.count))); body.append(le16(UInt16(members.count)))
        body.append(le32(UInt32(directory.count))); body.append(le32(directoryOffset))
        body.append(le16(0))
        return body
    }

    /// CRC-32 (ISO 3309, reflected polynomial 0xEDB88320), bit by bit.
    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static func le16(_ value: UInt16) -> Data { Data([UInt8(value & 0xFF), UInt8(value >> 8)]) }
    static func le32(_ value: UInt32) -> Data { Data((0..<4).map { UInt8((value >> (8 * $0)) & 0xFF) }) }
}
