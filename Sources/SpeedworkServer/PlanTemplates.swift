/// The plan page's mustache templates (PlanPage): the form with `speedwork plan`'s options, and the
/// active plan as a calendar of planned against done.
enum PlanTemplates {
    /// Every template by name.
    static let all: [String: String] = ["plan-form": form, "plan": plan]

    static let form = """
        <h1>Build a plan</h1>
        <p>A periodized plan to your goal race: base, speed, race-specific, taper (M40–M44), with the same options as <code>speedwork plan</code>.</p>
        {{#replacing}}<p>Saving makes this your active plan; <strong>{{replacing}}</strong> stays in your log as history. <a href="{{base}}/plan">Back to it</a>.</p>{{/replacing}}
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <form id="plan-form" method="post" action="{{base}}/plan">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <label>Recent results <input name="from" value="{{from}}" placeholder="5k=22:30, mile=6:40@2026-10-04"></label>
        <p class="hint">DISTANCE=TIME, optionally @YYYY-MM-DD, separated by commas; newer results weigh more. Left empty, your log's current fitness.</p>
        <label>Goal race <input name="goal" value="{{goal}}" placeholder="5k=20:00" required></label>
        <label>Race date <input type="date" name="race-date" value="{{raceDate}}" required></label>
        <label>First day <input type="date" name="start" value="{{start}}"></label>
        <fieldset id="plan-days">
        <legend>Days you can train (at least 3)</legend>
        {{#days}}<label class="day"><input type="checkbox" name="days" value="{{value}}"{{#checked}} checked{{/checked}}> {{label}}</label>
        {{/days}}
        </fieldset>
        <label>Longest session <input name="max-session" value="{{maxSession}}" placeholder="60m"></label>
        <p class="hint">Warm-up and cool-down included: 45m, 1h, 75 (minutes, 30 to 600). Empty: no limit.</p>
        <label>Weekly running now <input name="weekly" value="{{weekly}}" placeholder="3h30"></label>
        <p class="hint">4h, 240m, 3h30 or 40km. Empty: your days × a time per day by fitness, stated in the plan.</p>
        <label>Strength level (M32) <select name="strength">
        {{#strengths}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>
        {{/strengths}}
        </select></label>
        <label>Weeks of base already run (M8) <input name="base-weeks" value="{{baseWeeks}}" inputmode="numeric"></label>
        <button id="plan-submit" type="submit">Save as my plan</button>
        </form>

        """

    static let plan = """
        <h1>Your plan: {{name}}</h1>
        <p>Goal {{goal}} on {{raceDate}}, from {{start}}. <a id="plan-new" href="{{base}}/plan/new">New plan</a></p>
        <p id="plan-feasibility"><strong>Feasible?</strong> {{feasibility}}</p>
        <p id="plan-verdict-now"><strong>As of {{today}}:</strong> {{verdictNow}}</p>
        {{#targetGoal}}<p><strong>Targets aim at</strong> {{targetGoal}}</p>{{/targetGoal}}
        {{#fitnessNote}}<p>{{fitnessNote}}</p>{{/fitnessNote}}
        {{#easedNote}}<p>{{easedNote}}</p>{{/easedNote}}
        {{#groupSessions}}<p class="group-session-line">With your group on {{date}}: <a href="/group-sessions/{{id}}">{{name}}</a> ({{session}}), at your own targets</p>
        {{/groupSessions}}
        <table id="plan-calendar">
        <thead><tr><th>Phase</th><th>Mon</th><th>Tue</th><th>Wed</th><th>Thu</th><th>Fri</th><th>Sat</th><th>Sun</th></tr></thead>
        <tbody>
        {{#weeks}}<tr data-monday="{{monday}}"><th scope="row">{{phase}}</th>
        {{#days}}<td class="{{class}}" data-date="{{date}}"{{#isToday}} aria-current="date"{{/isToday}}><span class="date">{{dayOfMonth}}</span>
        {{#raceDay}}<span class="race">Race day</span>{{/raceDay}}
        {{#sessions}}<div class="session {{status}}{{#hard}} hard{{/hard}}"><span class="title">{{title}}</span> <span class="minutes">{{minutes}} min</span>
        <span class="target">{{target}}</span>
        {{#activity}}<a class="status" href="{{base}}/activities/{{activity}}">{{status}}</a>{{/activity}}{{^activity}}<span class="status">{{status}}{{#byHand}} by hand{{/byHand}}</span>{{/activity}}
        {{#movedFrom}}<span class="moved">moved from {{movedFrom}}</span>{{/movedFrom}}</div>
        {{/sessions}}
        {{#changes}}<div class="change {{change}}">{{note}}</div>
        {{/changes}}
        {{#rest}}<span class="rest">rest</span>{{/rest}}
        </td>
        {{/days}}
        </tr>
        {{/weeks}}
        </tbody>
        </table>

        """

    /// The plan page's rules, served after the main stylesheet.
    static let stylesheet = """
        fieldset { border: 1px solid #8886; border-radius: .375rem; display: flex; flex-wrap: wrap; gap: .25rem .75rem; }
        label.day { display: inline-flex; gap: .25rem; align-items: center; }
        select { font: inherit; padding: .5rem; border-radius: .375rem; }
        main:has(#plan-calendar) { max-width: 76rem; }
        #plan-calendar td, #plan-calendar th { vertical-align: top; white-space: normal; min-width: 6.5rem; font-size: .85rem; }
        #plan-calendar td.outside { background: #8881; }
        #plan-calendar td.today { outline: 2px solid var(--accent); outline-offset: -2px; }
        #plan-calendar .date { color: #8889; display: block; }
        #plan-calendar .session { margin-bottom: .35rem; }
        #plan-calendar .session .title { font-weight: 600; }
        #plan-calendar .session.hard .title { color: var(--accent); }
        #plan-calendar .target, #plan-calendar .moved { display: block; color: #8889; }
        #plan-calendar .status { display: inline-block; font-size: .75rem; padding: 0 .3rem; border-radius: .25rem; background: #8882; }
        #plan-calendar .session.planned .status { display: none; }
        #plan-calendar .session.done .status { background: #15803d; color: white; }
        #plan-calendar .session.missed .status { background: #b91c1c; color: white; }
        #plan-calendar .change { font-size: .75rem; color: #b45309; }
        #plan-calendar .race { font-weight: 700; color: var(--accent); display: block; }
        #plan-calendar .rest { color: #8889; }

        """
}
