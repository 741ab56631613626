import Foundation
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
}
