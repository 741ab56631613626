import Hummingbird
import SpeedworkStore

/// The coaching routes (issue 12, roles): the coach's and athlete's pages and API (``CoachPages``),
/// and every page and API route that reads a runner's data again under the runner's handle —
/// `/coach/athletes/{handle}/…` and `/api/v1/athletes/{handle}/…` — served by the same handlers,
/// which resolve the runner through the store's one door (``ViewedAthlete``).
struct CoachingRoutes: Sendable {
    let store: any ServerStore
    let pages: PageRenderer
    let configuration: ServerConfiguration
    let uploadsFolder: String
    /// The app's token cache, told when an account starts or stops coaching.
    let tokens: TokenCache

    /// Registers the routes: `site` takes signed-out visitors, `signedIn` sends them to sign in, `api` needs a token.
    func addRoutes(site: RouterGroup<ServerContext>, signedIn: RouterGroup<ServerContext>, api: RouterGroup<ServerContext>) {
        CoachPages(store: store, pages: pages, secure: configuration.secureCookies, tokens: tokens).addRoutes(site: site, pages: signedIn, api: api)
        let coached = signedIn.group("/coach/athletes/{handle}")
        let athletes = api.group("/athletes/{handle}")
        LogPage(store: store, pages: pages).addAthleteRoutes(coached: coached)
        TodayPage(store: store, pages: pages).addAthleteRoutes(coached: coached, athletes: athletes)
        PlanPage(store: store, pages: pages).addAthleteRoutes(coached: coached, athletes: athletes)
        ProgressPage(store: store, pages: pages).addAthleteRoutes(coached: coached, athletes: athletes)
        ActivityPage(store: store, pages: pages, uploadsFolder: uploadsFolder).addAthleteRoutes(coached: coached, athletes: athletes)
        APIRoutes.addAthleteRoutes(store: store, athletes: athletes)
    }
}
