import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
@testable import SpeedworkServer
import SpeedworkStore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A real `speedwork serve` process (the built executable) for the crash and multi-process tests
/// (issue 12): started on a log and data folder, its address read from its first line, talked to
/// over HTTP with an API token, and stopped with SIGKILL or SIGTERM.
final class ServeProcess: @unchecked Sendable {
    /// The `speedwork` executable beside the test bundle, when it is built.
    static let binary: URL? = {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [dir, dir.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("speedwork")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }()

    let process: Process
    /// `http://127.0.0.1:PORT`.
    let address: String

    /// Starts `speedwork serve` on `database` with files in `dataFolder`, and waits (up to a
    /// minute) for the line naming its address.
    init(database: String, dataFolder: String, arguments: [String] = []) throws {
        let binary = try #require(Self.binary)
        process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--port", "0", "--database", database, "--data-folder", dataFolder] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var text = ""
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
            if let line = text.split(separator: "\n").first(where: { $0.contains(" at http://") }),
               let range = line.range(of: "http://[^ ]+", options: .regularExpression) {
                address = String(line[range]).trimmingCharacters(in: CharacterSet(charactersIn: "; "))
                return
            }
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        throw ServeFailure(message: "speedwork serve did not say where it listens: \(text)")
    }

    /// Kills it with SIGKILL (a crash) and waits for it to go.
    func crash() {
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Stops it with SIGTERM (Ctrl-C's graceful shutdown) and waits.
    func stop() {
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
    }

    /// An HTTP exchange with the server.
    func send(_ path: String, method: String = "GET", token: String, body: Data? = nil) async throws -> (status: Int, body: Data) {
        var request = URLRequest(url: try #require(URL(string: address + path)))
        request.httpMethod = method
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.httpBody = body
        request.timeoutInterval = 60
        let (data, response) = try await URLSession.shared.data(for: request)
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, data)
    }

    /// Uploads `bytes` as the file `name` through the API; returns the upload's id.
    func upload(_ bytes: Data, name: String, token: String) async throws -> String {
        let answer = try await send("/api/v1/uploads?name=\(name)", method: "POST", token: token, body: bytes)
        #expect(answer.status == 202, "\(String(decoding: answer.body, as: UTF8.self))")
        let json = try JSONSerialization.jsonObject(with: answer.body) as? [String: Any]
        return try #require(json?["id"] as? String)
    }

    /// The upload's JSON once its status is done or failed (up to `seconds`).
    func finished(_ id: String, token: String, seconds: Double = 180) async throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            let answer = try await send("/api/v1/uploads/\(id)", token: token)
            let json = try JSONSerialization.jsonObject(with: answer.body) as? [String: Any] ?? [:]
            if let status = json["status"] as? String, status == "done" || status == "failed" { return json }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw ServeFailure(message: "upload \(id) did not finish within \(Int(seconds)) s")
    }

    /// An account for the command line's runner with an API token, written straight into the log
    /// (the server reads both from there); returns the token.
    static func account(in store: any ServerStore, login: String = "ana", handle: String = Athlete.defaultHandle) async throws -> String {
        let account = try await store.createAccount(login: login, passwordHash: "$2b$04$unusedunusedunusedunuseOq6dBQ6j7Tz1kQ8d4Ck6bwx8uOUQm5W",
                                                    athleteHandle: handle, athleteName: login)
        let secret = Secret.make()
        try await store.addToken(APIToken(id: UUID(), account: account.id, tokenHash: Secret.hash(secret), name: "test", createdAt: Date()))
        return secret
    }
}

struct ServeFailure: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
