import Testing
@testable import Speedwork

@Suite("Distance parsing")
struct DistanceParsingTests {
    @Test(arguments: [
        ("400m", 400.0), ("1500m", 1500), ("1.5km", 1500), ("mile", 1609.344), ("1mi", 1609.344),
        ("2mi", 3218.688), ("3k", 3000), ("5k", 5000), ("5K", 5000), ("10k", 10000), ("15k", 15000),
        ("10mi", 16093.44), ("half", 21097.5), ("hm", 21097.5), ("marathon", 42195), ("m", 42195),
        ("2cm", 0.02),
    ])
    func parses(_ text: String, _ meters: Double) throws {
        #expect(abs(try Distance(parsing: text).meters - meters) < 1e-9)
    }

    @Test(arguments: ["", "400", "5x", "-5k", "0m", "abc", "k"])
    func refuses(_ text: String) {
        #expect(throws: InputError.self) { try Distance(parsing: text) }
    }
}
