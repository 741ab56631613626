/// The templates of the group track sessions (GroupSessionRoutes): the coach's list and form, the
/// coach's split table, and a member's own view.
extension PageTemplates {
    /// The group session templates by name.
    static let groupSessionPages: [String: String] = [
        "group-sessions": groupSessions, "group-session": groupSession, "group-session-member": groupSessionMember,
    ]

    static let groupSessions = """
        <h1>Group sessions</h1>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        {{#hasSessions}}<table class="group-list">
        <thead><tr><th>Date</th><th>Session</th><th>Rule or set</th><th class="n">Week</th><th class="n">Athletes</th></tr></thead>
        <tbody>{{/hasSessions}}
        {{#sessions}}<tr><td>{{date}}</td><td><a href="/coach/sessions/{{id}}">{{name}}</a></td><td>{{rule}}</td><td class="n">{{week}}</td><td class="n">{{members}}</td></tr>
        {{/sessions}}
        {{#hasSessions}}</tbody></table>{{/hasSessions}}
        {{^hasSessions}}<p>No group sessions yet.</p>{{/hasSessions}}
        <h2>New group session</h2>
        {{^hasAthletes}}<p id="no-athletes">You coach no athletes yet: invite them from <a href="/coach">your coach page</a> first.</p>{{/hasAthletes}}
        {{#hasAthletes}}
        <form method="post" action="/coach/sessions" id="new-group-session">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label>Name <input type="text" name="name" value="{{name}}" maxlength="80" required placeholder="Tuesday track"></label>
        <label>Date <input type="date" name="date" value="{{date}}" required></label>
        <label>Session <select name="session">
        {{#rules}}<option value="{{rule}}"{{#selected}} selected{{/selected}}>{{rule}} {{title}}</option>
        {{/rules}}
        </select></label>
        <label>Week of the block <input type="number" name="week" value="{{week}}" min="1" max="{{blockWeeks}}"></label>
        <label>Or a set of your own <input type="text" name="set" id="group-set" value="{{set}}" maxlength="120" placeholder="8 × 400 m, 90 s jog"></label>
        <p class="hint">COUNT × REP [@ PACE], RECOVERY: e.g. 8 × 400 m, 90 s jog · 5 × 1000 m @ I, 3 min jog · 3 × 10 min @ T, 2 min jog · 6 × 200 m @ 800, 200 m jog. A pace is a zone (E, M, T, I, R) or a race (800, 1500, mile, 3K, 5K, 10K); without one each rep length gets the method's pace. A set typed here is run instead of the library session.</p>
        <fieldset><legend>Athletes</legend>
        {{#athletes}}<label class="check"><input type="checkbox" name="athlete.{{handle}}" value="on"{{#checked}} checked{{/checked}}> {{name}} ({{handle}})</label>
        {{/athletes}}
        </fieldset>
        <button type="submit">Make the session</button>
        </form>
        {{/hasAthletes}}
        """

    /// The split table shared by the coach's page and a member's.
    static let groupSplitTable = """
        <table class="group-splits" id="group-splits">
        <thead><tr><th>Athlete</th><th>Fitness</th>{{#repHeaders}}<th class="n">Rep {{.}}</th>{{/repHeaders}}<th>Reps from</th></tr></thead>
        <tbody>
        {{#rows}}<tr id="athlete-{{handle}}"><th scope="row">{{name}}</th><td>{{vdot}}</td>{{#cells}}<td class="split {{verdict}}" title="target {{target}}"><span class="split-time">{{time}}</span><br><span class="split-verdict">{{verdictText}}</span><br><small class="split-target">{{target}}</small></td>{{/cells}}<td>{{#activity}}<a href="/activities/{{activity}}">{{/activity}}{{source}}{{#activity}}</a>{{/activity}}{{#summary}}<br><small>{{summary}}</small>{{/summary}}{{#uploadable}}<form method="post" action="/coach/sessions/{{id}}/athletes/{{handle}}/activity" enctype="multipart/form-data" class="upload-for" id="upload-{{handle}}"><input type="hidden" name="csrf" value="{{csrf}}"><input type="file" name="file" accept=".fit,.gpx,.tcx,.gz" required aria-label="{{name}}'s watch file"> <button type="submit" class="secondary">Upload</button></form>{{/uploadable}}</td></tr>
        {{/rows}}
        </tbody>
        </table>
        """

    static let groupSession = """
        <h1>{{name}}, {{date}}</h1>
        <p class="plan-line">{{#library}}{{rule}} {{title}}, week {{week}} of the block{{/library}}{{#isSet}}<span id="group-set-text">{{title}}</span>{{/isSet}} · each athlete at their own targets ·
        <a href="/coach/sessions/{{id}}/splits.csv" id="splits-csv">Download the splits (CSV)</a> · <a href="/coach/sessions">All group sessions</a></p>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        \(groupSplitTable)
        <figure class="group-chart-figure">{{{chart}}}<figcaption>Each dot is a rep, placed against the middle of that athlete's own target band (shaded): up is faster, down slower.</figcaption></figure>
        {{#uploadLimit}}<p class="hint">An athlete's watch file (.fit, .gpx or .tcx, optionally .gz; up to {{uploadLimit}}) can be uploaded from their row: it goes into their log and their reps are graded at once.</p>{{/uploadLimit}}
        <h2>Reps timed by hand</h2>
        <p class="hint">For an athlete who ran without a watch: the rep times as timed, comma-separated (e.g. 1:31.2, 1:30.8), kept in their log as a session logged by hand.</p>
        <form method="post" action="/coach/sessions/{{id}}/reps" id="hand-reps">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label>Athlete <select name="athlete">
        {{#members}}<option value="{{handle}}"{{#selected}} selected{{/selected}}>{{name}}</option>
        {{/members}}
        </select></label>
        <label>Rep times <input type="text" name="reps" value="{{reps}}" required placeholder="1:31.2, 1:30.8"></label>
        <label>Rep distance <input type="text" name="repDistance" value="{{repDistance}}" placeholder="as planned"></label>
        <button type="submit">Save the reps</button>
        </form>
        <form method="post" action="/coach/sessions/{{id}}/delete" id="delete-group-session">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <button type="submit" class="secondary">Delete this session</button>
        </form>
        """

    static let groupSessionMember = """
        <h1>{{name}}, {{date}}</h1>
        <p class="plan-line">{{#library}}{{rule}} {{title}}, week {{week}} of the block{{/library}}{{#isSet}}{{title}}{{/isSet}}, with your group{{#isCoach}} · <a href="/coach/sessions/{{id}}">the coach's table</a>{{/isCoach}}</p>
        {{#isMember}}
        {{#noFitness}}<p class="hint" id="no-fitness">Your log has no result from the year before this day, so the session has no targets for you yet: <a href="/log/add">log a result</a>.</p>{{/noFitness}}
        {{#workoutTitle}}<section class="session"><h2>{{workoutTitle}}</h2>
        <ul class="steps">{{#steps}}<li>{{.}}</li>
        {{/steps}}</ul>
        <p><a href="/group-sessions/{{id}}/workout.fit" id="workout-fit">Download it for your watch (FIT)</a></p></section>{{/workoutTitle}}
        <h2>Your reps</h2>
        \(groupSplitTable)
        {{/isMember}}
        """

    /// The group session pages' styles, appended to the stylesheet.
    static let groupSessionStylesheet = """
        .group-splits td.split { text-align: center; min-width: 4.5rem; }
        .group-splits td.on-target { background: #16a34a26; } .group-splits td.fast { background: #2563eb26; }
        .group-splits td.slow { background: #dc262626; } .group-splits td.missing { background: #8882; }
        .split-time { font-variant-numeric: tabular-nums; font-weight: 600; } .split-target { opacity: .75; }
        .group-chart { max-width: 100%; height: auto; } label.check { display: block; }
        form.upload-for { margin-top: .3rem; } form.upload-for input[type=file] { max-width: 12rem; font-size: .8rem; }

        """
}
