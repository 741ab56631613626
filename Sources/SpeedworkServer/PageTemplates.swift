/// The HTML pages' mustache templates (issue 11), compiled in so the executable needs no files
/// beside it. Plain HTML and one stylesheet, readable on a phone, no script and no front-end build.
enum PageTemplates {
    /// Every template by name.
    static let all: [String: String] = [
        "layout": layout, "register": register, "login": login, "log": log, "calendar": calendar,
    ]

    static let layout = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · Speedwork</title>
        {{#refreshSeconds}}<meta http-equiv="refresh" content="{{refreshSeconds}}">{{/refreshSeconds}}
        <link rel="stylesheet" href="/speedwork.css">
        </head>
        <body>
        <header>
        <a class="brand" href="/">Speedwork</a>
        {{#signedIn}}
        <nav aria-label="Pages">
        <a href="/today">Today</a>
        <a href="/plan">Plan</a>
        <a href="/">Log</a>
        <a href="/progress">Progress</a>
        <a href="/upload">Upload</a>
        <a href="/log/add">Log by hand</a>
        <a href="/calendar">Calendar</a>
        <a href="/coach">Coaching</a>
        <a href="/coaches">Coaches</a>
        </nav>
        <form class="inline" method="post" action="/logout">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <span class="who">{{login}}</span> <button type="submit">Sign out</button>
        </form>
        {{/signedIn}}
        </header>
        <main>
        {{#viewing}}<p class="viewing" id="viewing">Coaching: {{viewing}} · <a href="/coach">Your athletes</a></p>{{/viewing}}
        {{{content}}}
        </main>
        </body>
        </html>

        """

    static let register = """
        <h1>Create your account</h1>
        {{#first}}<p>This Speedwork has no account yet: the first one opens the log kept on this machine.</p>{{/first}}
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <form method="post" action="/register">
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#next}}<input type="hidden" name="next" value="{{next}}">{{/next}}
        <label>E-mail or handle <input name="login" value="{{login}}" autocomplete="username" required></label>
        <label>Your name <input name="name" value="{{name}}" autocomplete="name"></label>
        <label>Password <input type="password" name="password" autocomplete="new-password" minlength="10" required></label>
        <p class="hint">At least 10 characters, with two kinds of character (letters and digits, say).</p>
        <button type="submit">Create account</button>
        </form>
        <p>Already registered? <a href="/login{{#next}}?next={{next}}{{/next}}">Sign in</a>.</p>

        """

    static let login = """
        <h1>Sign in</h1>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <form method="post" action="/login">
        <input type="hidden" name="csrf" value="{{csrf}}">
        {{#next}}<input type="hidden" name="next" value="{{next}}">{{/next}}
        <label>E-mail or handle <input name="login" value="{{login}}" autocomplete="username" required></label>
        <label>Password <input type="password" name="password" autocomplete="current-password" required></label>
        <button type="submit">Sign in</button>
        </form>
        {{#registrationOpen}}<p>New here? <a href="/register{{#next}}?next={{next}}{{/next}}">Create an account</a>.</p>{{/registrationOpen}}

        """

    static let log = """
        <h1>{{heading}}</h1>
        {{#own}}<p><a href="/upload" id="upload-link">Upload activities</a></p>{{/own}}
        {{^own}}<p class="athlete-links"><a href="{{base}}/week">Week</a> · <a href="{{base}}/plan">Plan</a> · <a href="{{base}}/progress">Progress</a></p>{{/own}}
        {{#empty}}<p>Nothing is logged yet.{{#own}} <a href="/upload">Upload watch files</a> or add results with <code>speedwork log add</code>.{{/own}}</p>{{/empty}}
        {{#hasWeeks}}
        <h2>Weeks</h2>
        <table>
        <thead><tr><th>Week of</th><th class="n">Runs</th><th class="n">Distance</th><th class="n">Time</th></tr></thead>
        <tbody>
        {{#weeks}}<tr><td>{{start}}</td><td class="n">{{runs}}</td><td class="n">{{distance}}</td><td class="n">{{time}}</td></tr>
        {{/weeks}}
        </tbody>
        </table>
        {{/hasWeeks}}
        {{#hasActivities}}
        <h2>Activities</h2>
        <table>
        <thead><tr><th>Date</th><th>Activity</th><th class="n">Distance</th><th class="n">Time</th><th class="n">Pace</th></tr></thead>
        <tbody>
        {{#activities}}<tr><td>{{date}}</td><td><a class="activity-link" href="{{base}}/activities/{{id}}">{{title}}</a></td><td class="n">{{distance}}</td><td class="n">{{time}}</td><td class="n">{{pace}}</td></tr>
        {{/activities}}
        </tbody>
        </table>
        {{/hasActivities}}
        {{#hasResults}}
        <h2>Results</h2>
        <table>
        <thead><tr><th>Date</th><th>Kind</th><th class="n">Distance</th><th class="n">Time</th></tr></thead>
        <tbody>
        {{#results}}<tr><td>{{date}}</td><td>{{kind}}</td><td class="n">{{distance}}</td><td class="n">{{time}}</td></tr>
        {{/results}}
        </tbody>
        </table>
        {{/hasResults}}

        """

    /// The calendar feed page (CalendarFeedRoutes): the secret address, shown once, and a button
    /// that makes a new one.
    static let calendar = """
        <h1>Your plan in your calendar</h1>
        <p>Subscribe to your calendar address in a calendar app (Google Calendar: “From URL”; Apple Calendar: “New Calendar Subscription”).
        It serves your active plan from today to race day, each session with its targets at your current fitness, and follows the plan as it changes.</p>
        {{#hasURL}}
        <p><a id="calendar-feed" href="{{url}}">{{url}}</a></p>
        <p class="hint">Copy it now: Speedwork keeps only a fingerprint of it and cannot show it again. Anyone with the address can read your plan.</p>
        {{/hasURL}}
        {{^hasURL}}
        <p>Your calendar address was made on {{created}}. It is shown only when it is made: if you lost it, make a new one.</p>
        {{/hasURL}}
        <form method="post" action="/calendar/revoke">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <button id="calendar-revoke" type="submit">Make a new address (the old one stops working)</button>
        </form>

        """

    /// The one stylesheet: system fonts, a single column that fits a phone, tables that scroll.
    static let stylesheet = """
        :root { color-scheme: light dark; --accent: #c2410c; }
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; line-height: 1.5; }
        header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: 1rem; padding: .75rem 1rem; border-bottom: 1px solid #8884; }
        header nav { display: flex; flex-wrap: wrap; gap: .25rem .9rem; flex: 1; }
        .brand { font-weight: 700; color: var(--accent); text-decoration: none; font-size: 1.2rem; }
        main { max-width: 48rem; margin: 0 auto; padding: 1rem; }
        form { display: grid; gap: .75rem; max-width: 24rem; }
        form.inline { display: flex; align-items: center; gap: .5rem; }
        label { display: grid; gap: .25rem; }
        input, button { font: inherit; padding: .5rem; border-radius: .375rem; border: 1px solid #8888; }
        button { background: var(--accent); color: white; border: none; cursor: pointer; }
        .error { color: #b91c1c; font-weight: 600; }
        .hint, .who { color: #8889; font-size: .9rem; }
        table { border-collapse: collapse; width: 100%; display: block; overflow-x: auto; }
        th, td { padding: .35rem .5rem; border-bottom: 1px solid #8883; text-align: left; white-space: nowrap; }
        .n { text-align: right; font-variant-numeric: tabular-nums; }

        """
}
