import Foundation
@testable import SpeedworkReports
import Testing
@testable import SpeedworkCLI

/// `predict` and `paces` with inputs that once broke them.
@Suite("predict and paces: odd inputs")
struct PredictCommandTests {
    static func render(_ arguments: [String]) throws -> String {
        let command = try SpeedworkCommand.parseAsRoot(arguments)
        switch command {
        case let predict as PredictCommand: return try predict.render()
        case let paces as PacesCommand: return try paces.render()
        default: throw CancellationError()
        }
    }

    /// Results a thousand years before `--as-of` (issue 8: "VDOT -nan" and traps).
    @Test func ancientResultsGiveNumbers() throws {
        let from = ["--from", "5k=20:00@1900-01-01", "--from", "mile=6:00@1900-03-01", "--as-of", "2999-01-01"]
        let predict = try Self.render(["predict"] + from)
        #expect(!predict.lowercased().contains("nan"))
        #expect(predict.contains("VDOT "))
        let paces = try Self.render(["paces"] + from)
        #expect(!paces.lowercased().contains("nan"))
    }

    /// `predict --json` lists a superseded result with weight 0 and the result that replaced it.
    @Test func supersededResultInJSON() throws {
        let text = try Self.render(["predict", "--from", "mile=6:40@2026-10-25", "--from", "mile=6:25@2026-11-22", "--as-of", "2026-11-22", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let fitness = try #require(object["fitness"] as? [String: Any])
        let results = try #require(fitness["results"] as? [[String: Any]])
        let old = try #require(results.first { $0["result"] as? String == "mile=6:40@2026-10-25" })
        #expect(old["weight"] as? Double == 0)
        #expect(old["supersededBy"] as? String == "mile=6:25@2026-11-22")
        let fresh = try #require(results.first { $0["result"] as? String == "mile=6:25@2026-11-22" })
        #expect(fresh["supersededBy"] == nil)
        #expect(fresh["weight"] as? Double == 1)
    }
}
