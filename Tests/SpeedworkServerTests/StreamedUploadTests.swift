import Foundation
@testable import SpeedworkReports
import Hummingbird
import HummingbirdTesting
import SpeedworkCLI
import SpeedworkServer
import SpeedworkStore
import Testing
#if canImport(Glibc)
import Glibc

// The raw socket client is written against Glibc; on other systems the router tests cover the limit.

/// The size limit over a real socket (issue 11, upload): a chunked body, whose length no header
/// announces, is refused with 413 as soon as it passes the limit, before the client has finished
/// sending it, and the part already written is removed.
@Suite(.serialized)
struct StreamedUploadTests {
    @Test func aChunkedBodyIsRefusedTheMomentItPassesTheLimit() async throws {
        let folder = UploadRoutesTests.dataFolder()
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var configuration = ServerConfiguration(database: .sqlite(path: folder + "/log.sqlite"), dataFolder: folder)
        configuration.port = 0
        configuration.bcryptCost = 4
        configuration.uploadLimitBytes = 4096
        configuration.importer = LogFileImporter()
        let app = try await buildApplication(configuration)
        try await app.test(.live) { client async throws in
            try await Browser(client).register("ana", goodPassword)
            let token = try await UploadRoutesTests.token(client, login: "ana")
            let port = try #require(client.port)
            // 3,000 bytes, then 3,000 more: the second piece passes 4,096; the body's end is never sent.
            let answer = try await RawHTTP.onOwnThread {
                try RawHTTP.chunkedPost(port: port, path: "/api/v1/uploads?name=big.fit", headers: ["Authorization: Bearer \(token)"],
                                        chunks: [Array(repeating: 7, count: 3000), Array(repeating: 7, count: 3000)])
            }
            #expect(answer.beforeEnd, "the answer came only after the body's end")
            #expect(answer.text.hasPrefix("HTTP/1.1 413"))
            #expect(answer.text.contains(#"{"error":"the upload is larger than the limit of 4096 bytes"#))
            #expect(UploadRoutesTests.leftovers(folder).isEmpty)
        }
    }
}

/// A minimal HTTP/1.1 client on a POSIX socket, for what the test clients cannot send: a chunked
/// body (RFC 9112 section 7.1) that stops before its last chunk.
enum RawHTTP {
    /// Runs the blocking socket calls of `work` on a thread of their own, so they never hold one
    /// of the few threads the server's tasks (and other suites' servers) run on.
    static func onOwnThread<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try work() }) }.start()
        }
    }

    struct Answer: Sendable {
        /// The response as read.
        var text: String
        /// Whether it came before the body's last chunk was sent.
        var beforeEnd: Bool
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// POSTs `chunks` to `127.0.0.1:port` and reads the answer; when none comes within 10 s, sends
    /// the last chunk and reads again.
    static func chunkedPost(port: Int, path: String, headers: [String], chunks: [[UInt8]]) throws -> Answer {
        let socket = try connect(port: port)
        defer { close(socket) }
        var head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nTransfer-Encoding: chunked\r\nContent-Type: application/octet-stream\r\n"
        for header in headers { head += header + "\r\n" }
        try send(socket, Array((head + "\r\n").utf8))
        for chunk in chunks {
            try send(socket, Array(String(chunk.count, radix: 16).utf8) + [13, 10] + chunk + [13, 10])
        }
        if let text = read(socket), !text.isEmpty { return Answer(text: text, beforeEnd: true) }
        try? send(socket, Array("0\r\n\r\n".utf8))
        return Answer(text: read(socket) ?? "", beforeEnd: false)
    }

    static func connect(port: Int) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure(description: "socket() failed") }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(descriptor)
            throw Failure(description: "cannot connect to 127.0.0.1:\(port)")
        }
        return descriptor
    }

    static func send(_ socket: Int32, _ bytes: [UInt8]) throws {
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard count > 0 else { throw Failure(description: "send() failed") }
            sent += count
        }
    }

    /// Reads until a whole response (head and a `Content-Length` body) is in, the peer closes, or
    /// the receive timeout passes; nil when nothing came.
    static func read(_ socket: Int32) -> String? {
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += buffer[..<count]
            let text = String(decoding: received, as: UTF8.self)
            if let end = text.range(of: "\r\n\r\n") {
                let head = text[..<end.lowerBound].lowercased()
                if let line = head.split(separator: "\r\n").first(where: { $0.hasPrefix("content-length:") }),
                   let length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)),
                   text.utf8.count - text[..<end.upperBound].utf8.count >= length {
                    break
                }
            }
        }
        return received.isEmpty ? nil : String(decoding: received, as: UTF8.self)
    }
}
#endif
