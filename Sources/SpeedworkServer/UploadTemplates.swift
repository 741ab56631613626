/// The upload and activity pages' templates, script and styles (issue 11, upload and activity),
/// compiled in beside ``PageTemplates``. The one script is a file of the site's own, as the
/// content security policy allows; every page works without it.
extension PageTemplates {
    /// The templates by name.
    static let activityPages: [String: String] = [
        "upload": upload, "uploadStatus": uploadStatus, "activity": activity,
    ]

    static let upload = """
        <h1>Upload activities</h1>
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        {{#unavailable}}<p class="error">This server was started without an importer: uploads are not available.</p>{{/unavailable}}
        <p>Watch files (.fit, .gpx, .tcx, also .gz) or a whole Strava or Garmin Connect export (.zip), up to {{limit}} in all.
        Each activity is stored once, however many files hold it.</p>
        <form id="upload-form" method="post" action="/upload" enctype="multipart/form-data">
        <input type="hidden" name="csrf" value="{{csrf}}">
        <div id="drop-zone" class="drop-zone">
        <label>Files <input type="file" name="file" id="upload-file" multiple accept=".fit,.gpx,.tcx,.gz,.zip,.FIT,.GPX,.TCX,.GZ,.ZIP" required></label>
        <p class="hint">or drop them here</p>
        </div>
        <button type="submit" id="upload-submit">Upload</button>
        </form>
        <script src="/upload.js" defer></script>

        """

    static let uploadStatus = """
        <h1>Upload</h1>
        <p id="upload-status" class="{{#failed}}error{{/failed}}">{{statusLine}}</p>
        {{^finished}}<p class="hint">This page reloads itself every few seconds until the import is done.</p>{{/finished}}
        <h2>Files</h2>
        <ul id="upload-files">
        {{#files}}<li>{{.}}</li>
        {{/files}}
        </ul>
        {{#tally}}
        <table id="upload-tally">
        <tbody>
        <tr><th>Files read</th><td class="n">{{files}}</td></tr>
        <tr><th>Activities added</th><td class="n" id="upload-added">{{added}}</td></tr>
        <tr><th>Already in your log</th><td class="n" id="upload-already">{{alreadyThere}}</td></tr>
        <tr><th>Files skipped</th><td class="n" id="upload-skipped">{{skippedCount}}</td></tr>
        </tbody>
        </table>
        {{/tally}}
        {{#hasActivities}}
        <h2>Activities</h2>
        <ul id="upload-activities">
        {{#activities}}<li><a class="activity-link" href="/activities/{{id}}">{{title}}</a></li>
        {{/activities}}
        </ul>
        {{/hasActivities}}
        {{#hasSkipped}}
        <h2>Skipped</h2>
        <ul id="upload-skips">
        {{#skipped}}<li><span class="file">{{file}}</span>: <span class="reason">{{reason}}</span></li>
        {{/skipped}}
        </ul>
        {{/hasSkipped}}
        <p><a href="/upload">Upload more</a> · <a href="/">Your log</a></p>

        """

    static let activity = """
        <h1>{{title}}</h1>
        {{#planned}}<p id="planned-session"><a href="{{base}}/plan">Planned: {{plannedTitle}}</a> <span class="hint">{{plannedNote}}</span></p>{{/planned}}
        <table id="activity-summary">
        <tbody>
        {{#facts}}<tr><th>{{label}}</th><td>{{value}}</td></tr>
        {{/facts}}
        </tbody>
        </table>
        {{#noAnalysis}}<p class="hint">This activity has no stored analysis: import its file again for reps and best efforts.</p>{{/noAnalysis}}
        <figure class="chart">
        {{{chart}}}
        </figure>
        {{#compliance}}<p id="compliance">{{compliance}}</p>{{/compliance}}
        <h2>Reps</h2>
        {{#hasReps}}
        {{#trackSnapped}}<p class="hint">Distances snapped to the track (M7).</p>{{/trackSnapped}}
        <table id="reps">
        <thead><tr><th class="n">#</th><th class="n">Start</th><th class="n">Time</th><th class="n">Distance</th><th class="n">Pace</th><th class="n">Cadence</th><th>Target</th><th>Grade</th></tr></thead>
        <tbody>
        {{#reps}}<tr><td class="n">{{index}}</td><td class="n">{{start}}</td><td class="n">{{time}}</td><td class="n">{{distance}}</td><td class="n">{{pace}}</td><td class="n">{{cadence}}</td><td>{{target}}</td><td class="grade {{gradeClass}}">{{grade}}</td></tr>
        {{/reps}}
        </tbody>
        </table>
        {{/hasReps}}
        {{^hasReps}}<p>No reps were found in this activity.</p>{{/hasReps}}
        {{#hasEfforts}}
        <h2>Best efforts</h2>
        <table id="best-efforts">
        <thead><tr><th>Distance</th><th class="n">Time</th><th class="n">Pace</th></tr></thead>
        <tbody>
        {{#efforts}}<tr><td>{{distance}}</td><td class="n">{{time}}</td><td class="n">{{pace}}</td></tr>
        {{/efforts}}
        </tbody>
        </table>
        {{/hasEfforts}}
        {{#hasWarnings}}
        <h2>Warnings</h2>
        <ul id="warnings">
        {{#warnings}}<li>{{.}}</li>
        {{/warnings}}
        </ul>
        {{/hasWarnings}}
        <p><a href="{{home}}">Log</a> · <a href="{{apiBase}}/activities/{{id}}">JSON</a></p>

        """

    /// Drag-and-drop onto the upload form: the dropped files go into the file field and the form is
    /// sent, as if chosen and submitted by hand.
    static let uploadScript = """
        (function () {
          var zone = document.getElementById('drop-zone');
          var input = document.getElementById('upload-file');
          var form = document.getElementById('upload-form');
          if (!zone || !input || !form) { return; }
          ['dragenter', 'dragover'].forEach(function (type) {
            zone.addEventListener(type, function (event) { event.preventDefault(); zone.classList.add('dragging'); });
          });
          ['dragleave', 'drop'].forEach(function (type) {
            zone.addEventListener(type, function () { zone.classList.remove('dragging'); });
          });
          zone.addEventListener('drop', function (event) {
            event.preventDefault();
            if (!event.dataTransfer || event.dataTransfer.files.length === 0) { return; }
            input.files = event.dataTransfer.files;
            form.submit();
          });
        })();

        """

    /// Styles of the upload and activity pages, served after the main stylesheet.
    static let activityStylesheet = """
        .drop-zone { border: 2px dashed #8886; border-radius: .5rem; padding: 1rem; }
        .drop-zone.dragging { border-color: var(--accent); background: #c2410c14; }
        .chart { margin: 1rem 0; }
        #pace-chart { width: 100%; height: auto; }
        td.grade.on-target { color: #15803d; font-weight: 600; }
        td.grade.fast { color: #b45309; font-weight: 600; }
        td.grade.slow, td.grade.missing { color: #b91c1c; font-weight: 600; }
        td.grade.ungraded { color: #8889; }
        #activity-summary { display: table; width: auto; }
        #activity-summary th { font-weight: 600; padding-right: 1.5rem; }

        """
}
