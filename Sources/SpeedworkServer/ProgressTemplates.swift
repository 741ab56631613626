/// The progress page's template (M52, issue 11), compiled in beside ``PageTemplates``: the
/// options form, then each chart with its numbers in a table under it. The charts are SVG drawn
/// by ``ProgressCharts``; the tables carry the same numbers for screen readers and copying.
extension PageTemplates {
    /// The templates by name.
    static let progressPages: [String: String] = ["progress": progress]

    static let progress = """
        <div id="progress-page">
        <h1>Progress</h1>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        <form id="progress-form" method="get" action="{{base}}/progress">
        <label>Since <input type="date" name="since" value="{{since}}"></label>
        <label>Seasons <select name="season">
        <option value="year"{{#yearSelected}} selected{{/yearSelected}}>calendar years</option>
        <option value="half"{{#halfSelected}} selected{{/halfSelected}}>half-years</option>
        </select></label>
        <button type="submit">Show</button>
        </form>
        {{#shown}}
        {{#empty}}<p class="hint" id="progress-empty">Your log has no runs or results to show progress from yet: <a href="/upload">upload your runs</a> or <a href="/log/add">add a result</a>.</p>{{/empty}}

        <section id="progress-fitness">
        <h2>Fitness over time</h2>
        <figure class="chart">
        {{{fitnessChart}}}
        </figure>
        {{#hasFitness}}
        <table id="fitness-table">
        <thead><tr><th>Date</th><th>From</th><th>Result</th><th class="n">Its VDOT</th><th class="n">Estimate</th><th class="n">Mile</th><th class="n">5K</th></tr></thead>
        <tbody>
        {{#fitness}}<tr><td>{{date}}</td><td>{{source}}</td><td>{{result}}</td><td class="n">{{evidenceVdot}}</td><td class="n">{{vdot}}</td><td class="n">{{mile}}</td><td class="n">{{fiveK}}</td></tr>
        {{/fitness}}
        </tbody>
        </table>
        {{/hasFitness}}
        {{^hasFitness}}<p class="hint">No races, time trials or hard efforts yet.</p>{{/hasFitness}}
        </section>

        <section id="progress-bests">
        <h2>Best efforts by season</h2>
        <figure class="chart">
        {{{bestEffortsChart}}}
        </figure>
        {{#hasBests}}
        <table id="best-efforts-table">
        <thead><tr><th>Distance</th>{{#bestSeasons}}<th class="n">{{.}}</th>{{/bestSeasons}}</tr></thead>
        <tbody>
        {{#bestRows}}<tr><td>{{distance}}</td>{{#times}}<td class="n">{{.}}</td>{{/times}}</tr>
        {{/bestRows}}
        </tbody>
        </table>
        {{/hasBests}}
        {{^hasBests}}<p class="hint">No best efforts yet.</p>{{/hasBests}}
        </section>

        <section id="progress-sessions">
        <h2>The same session over time</h2>
        <figure class="chart">
        {{{sessionChart}}}
        </figure>
        {{#hasSessions}}
        <table id="session-table">
        <thead><tr><th>Session</th><th>Date</th><th class="n">Average</th><th class="n">Fastest</th><th class="n">Slowest</th><th class="n">Fade</th><th class="n">Recovery</th><th>From</th></tr></thead>
        <tbody>
        {{#sessions}}{{#occurrences}}<tr><td>{{shape}}</td><td>{{date}}</td><td class="n">{{average}}</td><td class="n">{{fastest}}</td><td class="n">{{slowest}}</td><td class="n">{{fade}}</td><td class="n">{{recovery}}</td><td>{{source}}</td></tr>
        {{/occurrences}}{{/sessions}}
        </tbody>
        </table>
        {{/hasSessions}}
        {{^hasSessions}}<p class="hint">No track session run twice yet: repeat one to compare it.</p>{{/hasSessions}}
        </section>

        <section id="progress-stride">
        <h2>Cadence and step length at comparable paces</h2>
        <figure class="chart">
        {{{strideChart}}}
        </figure>
        {{#hasStride}}
        <table id="stride-table">
        <thead><tr><th>Pace band</th><th>Season</th><th class="n">Reps</th><th class="n">Cadence (spm)</th><th class="n">Step</th></tr></thead>
        <tbody>
        {{#strideRows}}<tr><td>{{band}}</td><td>{{season}}</td><td class="n">{{reps}}</td><td class="n">{{cadence}}</td><td class="n">{{step}}</td></tr>
        {{/strideRows}}
        </tbody>
        </table>
        {{/hasStride}}
        {{^hasStride}}<p class="hint">No reps with cadence yet.</p>{{/hasStride}}
        </section>

        <section id="progress-balance">
        <h2>Easy/hard balance per week</h2>
        <figure class="chart">
        {{{balanceChart}}}
        </figure>
        {{#hasWeeks}}
        <p id="balance-total">{{balanceTotal}}</p>
        <table id="balance-table">
        <thead><tr><th>Week of</th><th class="n">Easy</th><th class="n">Hard</th><th class="n">Too hard</th><th class="n">Share</th></tr></thead>
        <tbody>
        {{#weeks}}<tr><td>{{monday}}</td><td class="n">{{easy}}</td><td class="n">{{hard}}</td><td class="n">{{tooHard}}</td><td class="n">{{share}}</td></tr>
        {{/weeks}}
        </tbody>
        </table>
        {{/hasWeeks}}
        {{^hasWeeks}}<p class="hint">No runs yet.</p>{{/hasWeeks}}
        </section>
        {{/shown}}
        </div>

        """

    /// Styles of the progress page, served after the main stylesheet.
    static let progressStylesheet = """
        .progress-chart { width: 100%; max-width: 720px; height: auto; display: block; }
        #progress-form { display: flex; flex-wrap: wrap; gap: .75rem; align-items: end; }
        #progress-page section { overflow-x: auto; }

        """
}
