/// The templates of the today/week page (TodayPage) and the hand-log form (HandLogPage).
extension PageTemplates {
    /// The today/week templates by name.
    static let todayPages: [String: String] = ["today": today, "log-add": logAdd]

    static let today = """
        <h1>Today, {{date}}</h1>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <form class="inline" method="get" action="{{base}}/today" id="today-date">
        <a href="{{base}}/today?date={{previous}}" id="previous-day">← {{previous}}</a>
        <input type="date" name="date" value="{{date}}" aria-label="Day">
        <button type="submit">Show</button>
        <a href="{{base}}/today?date={{next}}" id="next-day">{{next}} →</a>
        </form>
        {{^error}}
        {{#hasPlan}}<p class="plan-line">Plan <a href="{{base}}/plan">{{planName}}</a>: {{goal}} on {{raceDate}}{{#weekLine}} · {{weekLine}}{{/weekLine}}</p>{{/hasPlan}}
        {{^hasPlan}}<p id="no-plan">You have no active plan: <a href="{{base}}/plan">build one on the plan page</a> to see each day's session with its targets.</p>{{/hasPlan}}
        {{#fitnessLine}}<p class="hint" id="fitness">{{fitnessLine}}</p>{{/fitnessLine}}
        {{#sessions}}
        <section class="session">
        <h2>{{title}}{{^rest}}, {{minutes}} min{{/rest}} <span class="status status-{{status}}">{{status}}</span></h2>
        {{#movedFrom}}<p class="hint">Moved from {{movedFrom}} (M43).</p>{{/movedFrom}}
        {{#grade}}<p class="grade">{{grade}}</p>{{/grade}}
        {{#doneByActivity}}<p>Done: <a class="activity-link" href="{{base}}/activities/{{doneBy}}">the activity that fulfils it</a></p>{{/doneByActivity}}
        <ul class="steps">
        {{#steps}}<li>{{.}}</li>
        {{/steps}}
        </ul>
        {{#sessionNotes}}<p class="hint">{{.}}</p>
        {{/sessionNotes}}
        </section>
        {{/sessions}}
        {{#groupSessions}}
        <section class="session group-session" id="group-{{id}}">
        <h2><a href="/group-sessions/{{id}}">{{name}}</a> <span class="status">with your group</span></h2>
        {{#title}}<p>{{title}} · <a href="/group-sessions/{{id}}/workout.fit">FIT workout</a></p>{{/title}}
        {{#noFitness}}<p class="hint">No targets yet: your log has no result from the year before this day.</p>{{/noFitness}}
        <ul class="steps">{{#steps}}<li>{{.}}</li>
        {{/steps}}</ul>
        </section>
        {{/groupSessions}}
        <h2>Done</h2>
        {{#nothingDone}}<p>Nothing logged for this day yet. <a href="/upload">Upload a watch file</a> or <a href="/log/add?date={{date}}">log a session by hand</a>.</p>{{/nothingDone}}
        {{#hasActivities}}<ul>{{/hasActivities}}
        {{#activities}}<li><a class="activity-link" href="{{base}}/activities/{{id}}">{{title}}</a> {{distance}} {{time}}{{#tooHard}} (too fast for an easy run){{/tooHard}}{{#fulfils}} · fulfils {{fulfils}}{{/fulfils}}{{#extra}} · extra{{/extra}}</li>
        {{/activities}}
        {{#hasActivities}}</ul>{{/hasActivities}}
        {{#handLogged}}
        <section class="hand-logged" id="hand-{{id}}">
        <h3>{{session}}, logged by hand {{rpe}}</h3>
        {{#reps}}<p>Reps: {{reps}}</p>{{/reps}}
        {{#ungraded}}<p class="hint">{{ungraded}}</p>{{/ungraded}}
        {{#summary}}<p class="grade">{{summary}}</p>{{/summary}}
        {{#hasGrades}}
        <table class="hand-grades">
        <thead><tr><th class="n">Rep</th><th class="n">Time</th><th>Grade</th><th>Target</th></tr></thead>
        <tbody>
        {{/hasGrades}}
        {{#grades}}<tr><td class="n">{{index}}</td><td class="n">{{actual}}</td><td class="verdict verdict-{{verdict}}">{{verdict}}</td><td>{{target}}</td></tr>
        {{/grades}}
        {{#hasGrades}}
        </tbody>
        </table>
        {{/hasGrades}}
        {{#sets}}<p>{{.}}</p>
        {{/sets}}
        {{#handNotes}}<p class="hint">{{handNotes}}</p>{{/handNotes}}
        </section>
        {{/handLogged}}
        <h2>Coach's notes</h2>
        <ul id="notes">
        {{#notes}}<li>{{.}}</li>
        {{/notes}}
        {{#pauses}}<li>{{.}}</li>
        {{/pauses}}
        {{#verdict}}<li>{{verdict}}</li>{{/verdict}}
        </ul>
        {{#hasWeek}}
        <h2>The week</h2>
        <table id="week">
        <thead><tr><th>Day</th><th>Planned</th><th>Done</th></tr></thead>
        <tbody>
        {{#week}}<tr{{#isToday}} class="today"{{/isToday}}><td><a href="{{base}}/today?date={{date}}">{{date}}</a></td>
        <td>{{#planned}}<div>{{.}}</div>{{/planned}}</td>
        <td>{{#done}}<div><a class="activity-link" href="{{base}}/activities/{{id}}">{{title}}</a></div>{{/done}}{{#logged}}<div>{{.}}</div>{{/logged}}</td></tr>
        {{/week}}
        </tbody>
        </table>
        {{/hasWeek}}
        {{/error}}

        """

    /// The hand-log form (M50): a session with its rep times, RPE and strength sets, or a result.
    static let logAdd = """
        <h1>Log by hand</h1>
        <p>For a session run without a watch: the method's session (e.g. M11) and each rep's time, graded against its target
        from your log's fitness (M50, M51); or a race or time trial as DISTANCE=TIME.</p>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <form method="post" action="/log/add" id="hand-log">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label>Date <input type="date" name="date" value="{{date}}" required></label>
        <label>Session (rule id)
        <input name="session" value="{{session}}" list="planned-sessions" placeholder="M11">
        </label>
        {{#hasPlanned}}<datalist id="planned-sessions">{{/hasPlanned}}{{#planned}}<option value="{{rule}}">{{title}}</option>{{/planned}}{{#hasPlanned}}</datalist>{{/hasPlanned}}
        <label>Rep times, comma-separated <input name="reps" value="{{reps}}" placeholder="38.2,37.9,38.5" inputmode="decimal"></label>
        <label>Rep distance <input name="repDistance" value="{{repDistance}}" placeholder="200m"></label>
        <label>RPE, 0 (rest) to 10 (maximal) <input name="rpe" value="{{rpe}}" type="number" min="0" max="10"></label>
        <label>Strength sets, one per line as EXERCISE:REPS[:LOAD_KG][:good|poor]
        <textarea name="sets" rows="3" placeholder="back squat:5:62.5:good">{{sets}}</textarea></label>
        <label>Notes <input name="notes" value="{{notes}}"></label>
        <fieldset>
        <legend>Or a result</legend>
        <label>Race or time trial, DISTANCE=TIME <input name="result" value="{{result}}" placeholder="5k=20:00"></label>
        <label>Kind <select name="kind">
        {{#kinds}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/kinds}}
        </select></label>
        </fieldset>
        <button type="submit" id="hand-log-save">Log it</button>
        </form>

        """

    /// The today page's and hand-log form's rules, appended to the stylesheet.
    static let todayStylesheet = """
        .session { border-left: 4px solid var(--accent); padding-left: .75rem; margin: 1rem 0; }
        .status { font-size: .8rem; font-weight: 400; padding: .1rem .4rem; border-radius: .25rem; border: 1px solid #8886; }
        .status-done { background: #16a34a33; } .status-missed { background: #dc262633; } .status-partly-done { background: #ca8a0433; }
        .steps { padding-left: 1.2rem; }
        .verdict-on-target { color: #16a34a; } .verdict-fast, .verdict-slow { color: #b45309; }
        #week tr.today td { font-weight: 600; }
        textarea, select { font: inherit; padding: .5rem; border-radius: .375rem; border: 1px solid #8888; }
        fieldset { border: 1px solid #8884; border-radius: .375rem; display: grid; gap: .75rem; }

        """
}
