import Foundation
@testable import SpeedworkReports
@testable import SpeedworkServer
import Testing

/// The streaming `multipart/form-data` reader (RFC 7578, RFC 2046 section 5.1) against bodies
/// written by hand, fed whole and in every split, so a boundary cut across two pieces is found.
struct MultipartReaderTests {
    /// A browser's body: a token field, a file whose bytes hold CRLF and a near-boundary, an empty
    /// file field (no file chosen), and the closing boundary followed by an epilogue.
    static let body: [UInt8] = {
        let lines: [String] = [
            "preamble to ignore\r\n",
            "--XyZ\r\n",
            "Content-Disposition: form-data; name=\"csrf\"\r\n",
            "\r\n",
            "token-123\r\n",
            "--XyZ\r\n",
            "Content-Disposition: form-data; name=\"file\"; filename=\"a;b \\\"c\\\".fit\"\r\n",
            "Content-Type: application/octet-stream\r\n",
            "\r\n",
            "line one\r\n--XY not the end\r\n",
            "\r\n",
            "--XyZ\r\n",
            "Content-Disposition: form-data; name=\"file\"; filename=\"\"\r\n",
            "\r\n",
            "\r\n",
            "--XyZ--\r\n",
            "epilogue",
        ]
        return Array(lines.joined().utf8)
    }()

    static let expected: [MultipartReader.Event] = [
        .part(name: "csrf", fileName: nil), .bytes(Array("token-123".utf8)), .partEnd,
        .part(name: "file", fileName: "a;b \"c\".fit"), .bytes(Array("line one\r\n--XY not the end\r\n".utf8)), .partEnd,
        .part(name: "file", fileName: ""), .partEnd,
    ]

    /// The events with consecutive byte pieces of one part joined.
    static func joined(_ events: [MultipartReader.Event]) -> [MultipartReader.Event] {
        var result: [MultipartReader.Event] = []
        for event in events {
            if case .bytes(let more) = event, case .bytes(let before)? = result.last {
                result[result.count - 1] = .bytes(before + more)
            } else if case .bytes(let bytes) = event, bytes.isEmpty {
                continue
            } else {
                result.append(event)
            }
        }
        return result
    }

    @Test func aWholeBodyGivesEveryPart() throws {
        var reader = try MultipartReader(boundary: "XyZ")
        let events = try reader.feed(Self.body)
        #expect(Self.joined(events) == Self.expected)
        #expect(reader.isComplete)
    }

    @Test func everySplitInTwoGivesTheSameParts() throws {
        for cut in 0...Self.body.count {
            var reader = try MultipartReader(boundary: "XyZ")
            let events = try reader.feed(Self.body[..<cut]) + reader.feed(Self.body[cut...])
            #expect(Self.joined(events) == Self.expected, "cut at \(cut)")
            #expect(reader.isComplete)
        }
    }

    @Test func byteByByteGivesTheSameParts() throws {
        var reader = try MultipartReader(boundary: "XyZ")
        var events: [MultipartReader.Event] = []
        for byte in Self.body { events += try reader.feed([byte]) }
        #expect(Self.joined(events) == Self.expected)
        #expect(reader.isComplete)
    }

    @Test func aBodyCutShortIsNotComplete() throws {
        var reader = try MultipartReader(boundary: "XyZ")
        _ = try reader.feed(Self.body.prefix(120))
        #expect(!reader.isComplete)
    }

    @Test func malformedBodiesAreRefusedWithOneLine() throws {
        var noDisposition = try MultipartReader(boundary: "b")
        #expect(throws: ServerError.self) { try noDisposition.feed(Array("--b\r\nContent-Type: text/plain\r\n\r\nx\r\n--b--".utf8)) }
        var garbageAfterBoundary = try MultipartReader(boundary: "b")
        #expect(throws: ServerError.self) { try garbageAfterBoundary.feed(Array("--bXX\r\n".utf8)) }
        var endlessHeaders = try MultipartReader(boundary: "b")
        let long = Array("--b\r\n".utf8) + Array(repeating: UInt8(ascii: "h"), count: MultipartReader.largestHeaders + 1)
        #expect(throws: ServerError.self) { try endlessHeaders.feed(long) }
        #expect(throws: ServerError.self) { try MultipartReader(boundary: "") }
        #expect(throws: ServerError.self) { try MultipartReader(boundary: String(repeating: "b", count: 71)) }
    }

    @Test func theBoundaryIsReadFromTheContentType() {
        #expect(MultipartReader.boundary(contentType: "multipart/form-data; boundary=----WebKitFormBoundaryA1b2") == "----WebKitFormBoundaryA1b2")
        #expect(MultipartReader.boundary(contentType: #"Multipart/Form-Data; charset=utf-8; boundary="quoted b""#) == "quoted b")
        #expect(MultipartReader.boundary(contentType: "application/x-www-form-urlencoded") == nil)
        #expect(MultipartReader.boundary(contentType: "multipart/form-data") == nil)
    }
}
