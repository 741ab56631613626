import Foundation
@testable import SpeedworkServer
import SpeedworkStore
import Testing

/// Two `speedwork serve` processes on one PostgreSQL log share the import queue (issue 12, scale
/// past one machine): uploads sent to either are imported by the workers of both, every activity
/// exactly once. Runs when `SPEEDWORK_TEST_POSTGRES` is set.
@Suite("Shared import queue", .serialized)
struct SharedQueueTests {
    static let uploads = 24
    /// Own activities per upload; each upload also holds the next upload's first activity, so
    /// neighbouring uploads, imported at once by different processes, share one.
    static let perUpload = 3

    @Test(.enabled(if: ServeProcess.binary != nil && Engine.serverURL != nil,
                   "the speedwork executable is built and SPEEDWORK_TEST_POSTGRES is set"))
    func twoProcessesImportEveryActivityOnce() async throws {
        let database = try await TestDatabase.make(.postgres)
        defer { Task { await database.drop() } }
        guard case .postgres(let address) = database.location, let server = Engine.serverURL,
              let slash = server.lastIndex(of: "/") else { throw ServeFailure(message: "not a PostgreSQL test database") }
        let url = String(server[..<slash]) + "/" + address.database
        let store = try await database.location.openServerStore()
        let token = try await ServeProcess.account(in: store)
        let runner = try await store.defaultAthlete()
        let data = database.folder.appendingPathComponent("data").path

        let servers = [try ServeProcess(database: url, dataFolder: data, arguments: ["--import-workers", "2"]),
                       try ServeProcess(database: url, dataFolder: data, arguments: ["--import-workers", "2"])]
        var ids: [String] = []
        var jsons: [[String: Any]] = []
        do {
            for upload in 0..<Self.uploads {
                let members = try (0...Self.perUpload).map { offset in
                    let activity = upload * Self.perUpload + offset
                    return (path: "activities/\(activity).fit",
                            bytes: try UploadFixtures.trackFIT(start: UploadFixtures.start.addingTimeInterval(Double(activity) * 86_400)))
                }
                ids.append(try await servers[upload % 2].upload(StoredZip.archive(members), name: "export-\(upload).zip", token: token))
            }
            for (index, id) in ids.enumerated() {
                // Each process answers for every upload, whichever received it.
                jsons.append(try await servers[(index + 1) % 2].finished(id, token: token))
            }
        } catch {
            for server in servers { server.crash() }
            await store.close()
            throw error
        }
        for server in servers { server.stop() }

        let distinct = Self.uploads * Self.perUpload + 1
        #expect(jsons.allSatisfy { $0["status"] as? String == "done" }, "\(jsons)")
        let activities = try await store.activities(for: runner.id, in: nil)
        #expect(activities.count == distinct)
        #expect(Set(activities.map(\.contentHash)).count == distinct)
        #expect(jsons.reduce(0) { $0 + ($1["added"] as? Int ?? 0) } == distinct, "every activity added by exactly one job")
        var workers = Set<String>()
        for id in ids {
            let jobID = try #require(UUID(uuidString: id))
            let job = try await store.importJob(jobID, for: runner.id)
            #expect(job?.attempts == 1)
            if let worker = job?.claimedBy { workers.insert(String(worker.split(separator: "/").prefix(3).joined(separator: "/"))) }
        }
        #expect(workers.count == 2, "both processes imported: \(workers)")
        await store.close()
    }
}
