import Testing
@testable import Speedwork

/// Matching logged work to planned sessions (M43, M51): same day, a day late or early, kind and
/// shape, extras, misses, the same answer every time, and the runner's links first.
@Suite struct PlanMatchingTests {
    static func day(_ text: String) -> Day { try! Day(parsing: text) }

    static func session(_ date: String, _ rule: String, _ kind: SessionKind) -> Plan.Session {
        Plan.Session(day: day(date), workout: Workout(rule: rule, kind: kind, title: "\(rule) \(kind.rawValue)", blocks: []), minutes: 40)
    }

    /// A hand-made week: Monday 200s, Tuesday easy run and strength, Thursday mile reps, Saturday
    /// easy, Sunday long run.
    static let week = PlanMatching(sessions: [
        session("2026-12-07", "M11", .speed),
        session("2026-12-08", "M20", .easy),
        session("2026-12-08", "M32", .strength),
        session("2026-12-10", "M17", .speed),
        session("2026-12-12", "M20", .easy),
        session("2026-12-13", "M20", .long),
    ])

    static func ref(_ date: String, _ position: Int = 1) -> PlanMatching.SessionRef {
        PlanMatching.SessionRef(day: day(date), position: position)
    }

    static func work(_ id: String, _ date: String, _ shape: PlanMatching.Work.Shape, rule: String? = nil) -> PlanMatching.Work {
        PlanMatching.Work(id: id, day: day(date), shape: shape, rule: rule)
    }

    @Test func sessionsAreNumberedWithinTheirDay() throws {
        #expect(Self.week.sessions.map(\.ref.description) ==
                ["2026-12-07", "2026-12-08", "2026-12-08/2", "2026-12-10", "2026-12-12", "2026-12-13"])
        #expect(try PlanMatching.SessionRef(parsing: "2026-12-08/2") == Self.ref("2026-12-08", 2))
        for bad in ["2026-12-08/0", "2026-12-08/x", "08-12-2026", "2026-12-08/2/1", ""] {
            #expect(throws: InputError.self) { try PlanMatching.SessionRef(parsing: bad) }
        }
    }

    @Test func onTheDayADayLateAnExtraAndAMiss() {
        let work = [
            Self.work("a-reps", "2026-12-07", .reps),          // Monday's 200s on the day
            Self.work("b-easy", "2026-12-08", .steady),        // Tuesday's easy run
            Self.work("c-gym", "2026-12-08", .strength),       // Tuesday's strength
            Self.work("d-reps", "2026-12-11", .reps),          // Thursday's mile reps a day late
            Self.work("e-easy", "2026-12-11", .steady),        // Saturday's easy run, a day early
        ]
        // As of Sunday evening: Saturday's easy run took e-easy (a day early), Sunday's long run is
        // today (not missed yet).
        let sunday = Self.week.match(work, today: Self.day("2026-12-13"))
        #expect(sunday.matched[Self.ref("2026-12-07")]?.id == "a-reps")
        #expect(sunday.matched[Self.ref("2026-12-08")]?.id == "b-easy")
        #expect(sunday.matched[Self.ref("2026-12-08", 2)]?.id == "c-gym")
        #expect(sunday.matched[Self.ref("2026-12-10")]?.id == "d-reps")
        #expect(sunday.matched[Self.ref("2026-12-12")]?.id == "e-easy")
        #expect(sunday.extra.isEmpty)
        #expect(sunday.missed.isEmpty)

        // Two days later with nothing more run, the long run is missed; a run on Wednesday fits
        // no session (Tuesday's easy run is taken, Thursday's is reps): extra.
        let later = Self.week.match(work + [Self.work("f-easy", "2026-12-09", .steady)], today: Self.day("2026-12-15"))
        #expect(later.missed == [Self.ref("2026-12-13")])
        #expect(later.extra.map(\.id) == ["f-easy"])
        // A day after a session, it is not yet missed: it can still be run a day late.
        #expect(Self.week.match([], today: Self.day("2026-12-08")).missed == [])
        #expect(Self.week.match([], today: Self.day("2026-12-09")).missed == [Self.ref("2026-12-07")])
    }

    @Test func kindAndShapeMustFit() {
        // Reps on an easy day do not fulfil the easy run, a steady run does not fulfil mile reps,
        // strength fulfils only strength.
        let work = [Self.work("reps", "2026-12-08", .reps), Self.work("gym", "2026-12-10", .strength),
                    Self.work("steady", "2026-12-10", .steady)]
        let outcome = Self.week.match(work, today: Self.day("2026-12-10"))
        #expect(outcome.matched[Self.ref("2026-12-08")] == nil)
        #expect(outcome.matched[Self.ref("2026-12-07")]?.id == "reps", "the 200s of the day before, run a day late")
        #expect(outcome.matched[Self.ref("2026-12-10")] == nil)
        #expect(Set(outcome.extra.map(\.id)) == ["gym", "steady"])
    }

    @Test func tiesAreBrokenTheSameWayEveryTime() {
        // One easy run planned on Saturday; runs the day before, on the day and the day after.
        let saturday = PlanMatching(sessions: [Self.session("2026-12-12", "M20", .easy)])
        let early = Self.work("x-early", "2026-12-11", .steady)
        let onDay = Self.work("y-on-the-day", "2026-12-12", .steady)
        let late = Self.work("z-late", "2026-12-13", .steady)
        let sunday = Self.day("2026-12-13")
        #expect(saturday.match([late, onDay, early], today: sunday) == saturday.match([early, late, onDay], today: sunday))
        #expect(saturday.match([late, onDay, early], today: sunday).matched[Self.ref("2026-12-12")]?.id == "y-on-the-day")
        // Without the run on the day, a day late beats a day early.
        let outcome = saturday.match([early, late], today: sunday)
        #expect(outcome == saturday.match([late, early], today: sunday))
        #expect(outcome.matched[Self.ref("2026-12-12")]?.id == "z-late")
        #expect(outcome.extra.map(\.id) == ["x-early"])
        // A hand-logged session naming the rule wins over one on the same day that does not.
        let named = Self.work("named", "2026-12-11", .reps, rule: "M17")
        let unnamed = Self.work("unnamed", "2026-12-10", .reps)
        let byName = Self.week.match([unnamed, named], today: Self.day("2026-12-11"))
        #expect(byName.matched[Self.ref("2026-12-10")]?.id == "named")
        #expect(byName.extra.map(\.id) == ["unnamed"])
    }

    @Test func linksComeFirst() {
        let work = [Self.work("a", "2026-12-07", .reps), Self.work("b", "2026-12-12", .steady)]
        // The runner says the Saturday run was the long run (a day early).
        let outcome = Self.week.match(work, links: [Self.ref("2026-12-13"): "b", Self.ref("2026-12-20"): "a"], today: Self.day("2026-12-13"))
        #expect(outcome.matched[Self.ref("2026-12-13")]?.id == "b")
        #expect(outcome.linked == [Self.ref("2026-12-13")], "a link to a session the plan does not have is ignored")
        #expect(outcome.matched[Self.ref("2026-12-12")] == nil)
        #expect(outcome.matched[Self.ref("2026-12-07")]?.id == "a")
    }
}
