import Foundation
import Hummingbird
import Speedwork
import SpeedworkStore

/// Whose log a request reads (issue 12, roles): the signed-in account's own runner, or — on the
/// routes under `/coach/athletes/{handle}` and `/api/v1/athletes/{handle}` — the runner with that
/// handle when the store says this account may see it (``SpeedworkStore/CoachingStore/athlete(handle:visibleTo:)``:
/// its own runner or one it coaches). Any other handle, taken or not, is the same 404, so nothing
/// tells another runner's handle from one that does not exist.
struct ViewedAthlete: Sendable {
    /// The runner whose data the request reads and writes.
    let id: AthleteID
    /// The runner named in the address, when the request came by handle.
    let byHandle: Athlete?

    /// The one answer every refused handle gets, whether the runner exists or not: the same body,
    /// without the handle, so no answer tells a hidden runner from a missing one.
    static let notFound = ServerError(.notFound, "no runner you may see has this handle: your own, or an athlete you coach")

    /// Whether `text` can be a handle (1 to 64 letters, digits, `-`, `_` or `.`, as the store
    /// allows): anything else (a NUL, say, which PostgreSQL's text refuses) is not looked up.
    static func isHandle(_ text: String) -> Bool {
        (1...64).contains(text.count) && text.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "-_.".unicodeScalars.contains($0) }
    }

    /// Where this runner's pages are: `""` for the account's own (`/plan`), `/coach/athletes/HANDLE`
    /// for a runner seen by handle.
    var pagePrefix: String { byHandle.map { Self.pagePrefix(handle: $0.handle) } ?? "" }

    /// `/coach/athletes/HANDLE`, the handle percent-encoded as a path segment.
    static func pagePrefix(handle: String) -> String {
        "/coach/athletes/" + (handle.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(CharacterSet(charactersIn: "/"))) ?? handle)
    }

    /// "Your" or "Ana's", for titles.
    var possessive: String { byHandle.map { "\($0.name)’s" } ?? "Your" }
}

extension ServerContext {
    /// The runner this request is about: by the route's `handle` through the store's one door to
    /// another runner's data, else the signed-in account's own; 404 for a handle the account may not see.
    func viewedAthlete(_ store: any ServerStore) async throws -> ViewedAthlete {
        let account = try requireAccount()
        guard let handle = parameters.get("handle") else { return ViewedAthlete(id: account.athlete, byHandle: nil) }
        guard ViewedAthlete.isHandle(handle), let athlete = try await store.athlete(handle: handle, visibleTo: account) else {
            throw ViewedAthlete.notFound
        }
        return ViewedAthlete(id: athlete.id, byHandle: athlete)
    }
}
