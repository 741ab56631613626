/// The templates of the coaching pages (CoachPages): starting to coach, the dashboard with its
/// invites, joining a coach and the athlete's list of coaches.
extension PageTemplates {
    /// The coaching templates by name.
    static let coachPages: [String: String] = [
        "coach-start": coachStart, "coach": coach, "join": join, "join-confirm": joinConfirm, "coaches": coaches,
    ]

    static let coachStart = """
        <h1>Coaching</h1>
        <p>Coach a training group: invite your athletes with a link or a code, see each one's week, compliance,
        easy runs and fitness on one page, and build or adjust their plans. Your own log stays yours.</p>
        <form method="post" action="/coach" id="coach-start">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit" id="coach-start-button">Start coaching</button>
        </form>

        """

    static let coach = """
        <h1>Your athletes</h1>
        {{#newCode}}
        <section class="invite" id="new-invite">
        <h2>New invite</h2>
        <p>Send your group this link: <a id="invite-link" href="{{newLink}}">{{newLink}}</a></p>
        <p>or the code to type on the join page: <strong id="invite-code" class="code">{{newCode}}</strong></p>
        <p class="hint">Open to everyone who has it until {{newExpires}}, unless you revoke it. Copy it now: Speedwork keeps only a fingerprint of it and cannot show it again.</p>
        </section>
        {{/newCode}}
        {{^hasAthletes}}<p id="no-athletes">No athlete has joined you yet: make an invite below and send it to your group.</p>{{/hasAthletes}}
        {{#hasAthletes}}
        <table id="athletes">
        <thead><tr><th>Athlete</th><th>This week</th><th>Compliance, 4 weeks</th><th>Easy runs (M2)</th><th>VDOT</th><th>Plan</th><th></th></tr></thead>
        <tbody>
        {{#athletes}}<tr class="athlete" data-handle="{{handle}}"><td><a class="athlete-link" href="{{link}}">{{name}}</a> <span class="hint">{{login}}</span></td>
        <td>{{week}}</td><td>{{compliance}}</td><td{{#flagged}} class="flag"{{/flagged}}>{{easy}}{{#flagged}} ⚑{{/flagged}}</td><td>{{trend}}</td>
        <td><a href="{{link}}/plan">{{plan}}</a></td>
        <td><form class="inline" method="post" action="{{link}}/release"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="secondary">Let go</button></form></td></tr>
        {{/athletes}}
        </tbody>
        </table>
        {{/hasAthletes}}
        <h2>Invites</h2>
        <p>An invite is a link and a code, open to your whole group for {{lifetimeDays}} days.</p>
        <form method="post" action="/coach/invites" id="invite-form">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit" id="invite-make">Make an invite</button>
        </form>
        {{#hasInvites}}
        <table id="invites">
        <thead><tr><th>Made</th><th>Open until</th><th></th></tr></thead>
        <tbody>
        {{#invites}}<tr><td>{{created}}</td><td>{{expires}}</td>
        <td><form class="inline" method="post" action="/coach/invites/{{id}}/revoke"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="secondary">Revoke</button></form></td></tr>
        {{/invites}}
        </tbody>
        </table>
        {{/hasInvites}}
        <h2>Stop coaching</h2>
        <p>Stopping lets every athlete go, revokes your open invites and deletes your group sessions. Your athletes keep
        their own logs, plans and results; you keep your own log. You can start coaching again later, with new invites.</p>
        <form method="post" action="/coach/stop" id="coach-stop">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit" class="secondary" id="coach-stop-button">Stop coaching and let all my athletes go</button>
        </form>

        """

    static let join = """
        <h1>Join a coach</h1>
        <p>Type the code your coach gave you. Your coach will see your log, plan and progress and may build your plan; you can leave at any time.</p>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <form method="post" action="/join" id="join-form">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label>Invite code <input name="code" value="{{code}}" placeholder="K7QX-93HD" autocomplete="off" required></label>
        <button type="submit" id="join-submit">Join</button>
        </form>

        """

    static let joinConfirm = """
        <h1>Join a coach</h1>
        <p>You were invited with the code <strong class="code">{{code}}</strong>. Once you join, your coach sees your log,
        plan and progress and may build your plan. You can leave at any time from <a href="/coaches">your coaches</a>.</p>
        <form method="post" action="/join/{{code}}" id="join-confirm">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit" id="join-confirm-button">Join</button>
        </form>

        """

    static let coaches = """
        <h1>Your coaches</h1>
        {{^hasCoaches}}<p id="no-coaches">You have no coach. A coach's invite link or <a href="/join">code</a> adds one.</p>{{/hasCoaches}}
        {{#hasCoaches}}
        <table id="coaches">
        <thead><tr><th>Coach</th><th>Since</th><th></th></tr></thead>
        <tbody>
        {{#coaches}}<tr class="coach"><td>{{name}} <span class="hint">{{login}}</span></td><td>{{since}}</td>
        <td><form class="inline" method="post" action="/coaches/{{id}}/leave"><input type="hidden" name="csrf" value="{{csrf}}"><button type="submit" class="secondary leave">Leave</button></form></td></tr>
        {{/coaches}}
        </tbody>
        </table>
        {{/hasCoaches}}
        <p><a href="/join">Join another coach with a code</a></p>

        """

    /// The coaching pages' rules, appended to the stylesheet.
    static let coachStylesheet = """
        .code { font-family: ui-monospace, monospace; letter-spacing: .08em; font-size: 1.2rem; }
        .invite { border-left: 4px solid var(--accent); padding-left: .75rem; }
        .flag { color: #b45309; font-weight: 600; }
        main:has(#athletes) { max-width: 72rem; }
        .viewing { background: #c2410c1a; padding: .4rem .75rem; border-radius: .375rem; }
        button.secondary { background: transparent; color: inherit; border: 1px solid #8888; padding: .2rem .5rem; }

        """
}
