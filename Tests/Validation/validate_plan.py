#!/usr/bin/env python3
"""Checks a whole plan's device exports against the plan itself.

Reads the plan as `speedwork plan --json` printed it, and the files the same run wrote with
`--ics PLAN.ics --fit-dir FIT_DIR`. Every run session must have a FIT workout that Garmin's FIT
SDK decodes without errors into exactly the session's steps (lengths, pace targets as speeds,
intensities, repeat blocks); every session must be one all-day VEVENT that icalendar parses.

Usage: validate_plan.py EXPORT_DIR   (EXPORT_DIR holds plan.json, plan.ics and fit/)
Exit status: 0 when everything matches, 1 on any mismatch or decoder error.
"""
import json
import os
import sys
from collections import Counter

import validate_exports

RUN_KINDS = {"speed", "hills", "time-trial", "race", "easy", "long"}

# The plan JSON rounds paces to 0.1 s per km and times to 0.1 s, so allow for that rounding.
validate_exports.TOLERANCE.update({
    "duration_time": 0.06,
    "custom_target_speed_low": 0.003,
    "custom_target_speed_high": 0.003,
})


def speed(seconds_per_km):
    return 1000.0 / seconds_per_km


def fit_steps(steps):
    """The workout_step messages a list of plan JSON steps must decode to."""
    result = []

    def add(step):
        entry = {"message_index": len(result), "intensity": step["intensity"]}
        if "seconds" in step:
            entry.update(duration_type="time", duration_time=step["seconds"])
        elif "meters" in step:
            entry.update(duration_type="distance", duration_distance=step["meters"])
        elif "reps" in step:
            entry.update(duration_type="reps", duration_reps=step["reps"])
        else:
            entry["duration_type"] = "open"
        target = step.get("target")
        if target and "secondsPerKm" in target:
            band = target["secondsPerKm"]
            entry.update(target_type="speed", custom_target_speed_low=speed(band["slow"]),
                         custom_target_speed_high=speed(band["fast"]))
        elif target and "rpe" in target:
            low, high = target["rpe"]["min"], target["rpe"]["max"]
            entry.update(target_type="open", name_contains=f"RPE {low}" if low == high else f"RPE {low}-{high}")
        else:
            entry["target_type"] = "open"
        result.append(entry)

    for step in steps:
        if step["intensity"] == "repeat":
            count = step["count"]
            if count <= 0:
                continue
            first = len(result)
            for inner in step["steps"]:
                add(inner)
            if count > 1:
                result.append({"message_index": len(result), "duration_type": "repeat_until_steps_cmplt",
                               "duration_step": first, "repeat_steps": count})
        else:
            add(step)
    return result


def manifest_for(plan):
    fit, events = [], []
    files, uids = Counter(), Counter()
    for week in plan["weeks"]:
        for session in week["sessions"]:
            if session["kind"] == "rest":
                continue  # rest days are in the JSON for people, not in the calendar or on the watch
            key = f"{session['date']}-{session['rule']}"
            uids[key] += 1
            end = session["date"]  # replaced below with the next day
            events.append({"uid": f"{key}-{uids[key]}@speedwork", "summary": session["title"], "date": session["date"],
                           "end": end, "category": session["kind"]})
            if session["kind"] in RUN_KINDS:
                files[key] += 1
                name = f"fit/{key}" + (f"-{files[key]}" if files[key] > 1 else "") + ".fit"
                steps = fit_steps(session["steps"])
                fit.append({"file": name, "name": session["title"], "sport": "running",
                            "num_valid_steps": len(steps), "steps": steps})
    import datetime
    for event in events:
        event["end"] = (datetime.date.fromisoformat(event["date"]) + datetime.timedelta(days=1)).isoformat()
    return {"fit": fit, "ics": [{"file": "plan.ics", "events": events}]}


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    directory = sys.argv[1]
    with open(os.path.join(directory, "plan.json")) as handle:
        plan = json.load(handle)
    manifest = manifest_for(plan)
    # The export lists what it wrote in a hidden file, so the next export can remove exactly those.
    listed = os.path.join(directory, "fit", ".speedwork-workouts")
    written = sorted(name for name in os.listdir(os.path.join(directory, "fit")) if not name.startswith("."))
    expected = sorted(os.path.basename(entry["file"]) for entry in manifest["fit"])
    if written != expected:
        print(f"MISMATCH fit/: wrote {len(written)} files, the plan has {len(expected)} runs")
        return 1
    with open(listed) as handle:
        if sorted(handle.read().split()) != expected:
            print(f"MISMATCH fit/.speedwork-workouts does not list the {len(expected)} workouts written")
            return 1
    return validate_exports.validate(directory, manifest, "validate-plan")


if __name__ == "__main__":
    sys.exit(main())
