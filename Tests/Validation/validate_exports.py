#!/usr/bin/env python3
"""Checks Speedwork's exports with reference decoders.

Reads manifest.json in the export directory (written by the Swift test
ExportFixtureTests.writeExportFixtures), decodes every .fit file with Garmin's
FIT SDK (garmin-fit-sdk) and parses every .ics file with icalendar, and
compares what they read with what the manifest expects.

Usage: validate_exports.py EXPORT_DIR
Exit status: 0 when everything matches, 1 on any mismatch or decoder error.
"""
import datetime
import json
import os
import sys

from garmin_fit_sdk import Decoder, Stream
from icalendar import Calendar

TOLERANCE = {
    "duration_time": 0.001,          # s (FIT stores ms)
    "duration_distance": 0.01,       # m (FIT stores cm)
    "custom_target_speed_low": 0.0006,   # m/s (FIT stores mm/s)
    "custom_target_speed_high": 0.0006,
}


class Report:
    def __init__(self):
        self.failures = []
        self.checks = 0

    def expect(self, condition, where, message):
        self.checks += 1
        if not condition:
            self.failures.append(f"{where}: {message}")

    def equal(self, actual, expected, where, field):
        tolerance = TOLERANCE.get(field)
        if tolerance is not None and isinstance(actual, (int, float)) and isinstance(expected, (int, float)):
            ok = abs(actual - expected) <= tolerance
        else:
            ok = actual == expected
        self.expect(ok, where, f"{field} is {actual!r}, expected {expected!r}")


def check_fit(directory, entry, report):
    name = entry["file"]
    with open(os.path.join(directory, name), "rb") as handle:
        data = handle.read()
    def decoder():
        # Each check reads the stream from the start, so each gets its own.
        return Decoder(Stream.from_byte_array(bytearray(data)))

    report.expect(decoder().is_fit(), name, "not recognised as a FIT file")
    report.expect(decoder().check_integrity(), name, "header or file CRC does not check")
    messages, errors = decoder().read(
        apply_scale_and_offset=True,
        convert_types_to_strings=True,
        expand_sub_fields=True,
        expand_components=True,
        merge_heart_rates=False,
    )
    report.expect(not errors, name, f"decoder errors: {errors}")

    file_ids = messages.get("file_id_mesgs", [])
    report.expect(len(file_ids) == 1, name, f"{len(file_ids)} file_id messages")
    if file_ids:
        report.equal(file_ids[0].get("type"), "workout", name, "file_id.type")
        report.equal(file_ids[0].get("manufacturer"), "development", name, "file_id.manufacturer")
        report.expect(isinstance(file_ids[0].get("time_created"), datetime.datetime), name, "file_id.time_created missing")

    workouts = messages.get("workout_mesgs", [])
    report.expect(len(workouts) == 1, name, f"{len(workouts)} workout messages")
    if workouts:
        workout = workouts[0]
        report.equal(workout.get("sport"), entry["sport"], name, "workout.sport")
        report.equal(workout.get("num_valid_steps"), entry["num_valid_steps"], name, "workout.num_valid_steps")
        wkt_name = workout.get("wkt_name") or ""
        report.expect(entry["name"].startswith(wkt_name) and wkt_name, name,
                      f"wkt_name {wkt_name!r} is not a prefix of {entry['name']!r}")

    steps = messages.get("workout_step_mesgs", [])
    expected_steps = entry["steps"]
    report.equal(len(steps), len(expected_steps), name, "number of workout_step messages")
    for index, (actual, expected) in enumerate(zip(steps, expected_steps)):
        where = f"{name} step {index}"
        for field, value in expected.items():
            if field == "name_contains":
                step_name = actual.get("wkt_step_name") or ""
                report.expect(value in step_name, where, f"wkt_step_name {step_name!r} lacks {value!r}")
                report.expect(len(step_name.encode("utf-8")) <= 16, where, f"wkt_step_name {step_name!r} longer than 16 bytes")
            else:
                report.equal(actual.get(field), value, where, field)
        if expected.get("target_type") == "speed":
            low = actual.get("custom_target_speed_low")
            high = actual.get("custom_target_speed_high")
            report.expect(low is not None and high is not None and low <= high, where,
                          f"speed band low {low} / high {high} out of order")


def as_date(value):
    if isinstance(value, datetime.datetime):
        return value.date()
    return value


def check_ics(directory, entry, report):
    name = entry["file"]
    with open(os.path.join(directory, name), "rb") as handle:
        raw = handle.read()
    report.expect(all(raw[i - 1:i] == b"\r" for i in range(len(raw)) if raw[i:i + 1] == b"\n"), name,
                  "a line does not end with CRLF")
    for number, line in enumerate(raw.split(b"\r\n"), start=1):
        report.expect(len(line) <= 75, name, f"line {number} has {len(line)} octets")
    calendar = Calendar.from_ical(raw)
    report.equal(str(calendar.get("VERSION")), "2.0", name, "VERSION")
    events = list(calendar.walk("VEVENT"))
    expected_events = entry["events"]
    report.equal(len(events), len(expected_events), name, "number of VEVENTs")
    for event, expected in zip(events, expected_events):
        where = f"{name} {expected['uid']}"
        report.equal(str(event.get("UID")), expected["uid"], where, "UID")
        report.equal(str(event.get("SUMMARY")), expected["summary"], where, "SUMMARY")
        start = as_date(event.decoded("DTSTART"))
        end = as_date(event.decoded("DTEND"))
        report.equal(start.isoformat(), expected["date"], where, "DTSTART")
        report.equal(end.isoformat(), expected["end"], where, "DTEND")
        report.expect(not isinstance(event.decoded("DTSTART"), datetime.datetime), where, "DTSTART is not an all-day date")
        report.expect(isinstance(event.decoded("DTSTAMP"), datetime.datetime), where, "DTSTAMP missing")
        categories = event.get("CATEGORIES")
        category_names = [str(c) for c in categories.cats] if categories is not None else []
        report.equal(category_names, [expected["category"]], where, "CATEGORIES")
        report.expect(str(event.get("DESCRIPTION") or ""), where, "DESCRIPTION is empty")


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    directory = sys.argv[1]
    with open(os.path.join(directory, "manifest.json")) as handle:
        manifest = json.load(handle)
    return validate(directory, manifest, "validate-exports")


def validate(directory, manifest, label):
    """Checks every file the manifest names; prints mismatches and a summary; returns the exit status."""
    report = Report()
    for entry in manifest["fit"]:
        check_fit(directory, entry, report)
    for entry in manifest["ics"]:
        check_ics(directory, entry, report)
    files = len(manifest["fit"]) + len(manifest["ics"])
    if report.failures:
        for failure in report.failures:
            print(f"MISMATCH {failure}")
        print(f"{label}: {len(report.failures)} of {report.checks} checks failed in {files} files")
        return 1
    print(f"{label}: {report.checks} checks passed in {files} files "
          f"({len(manifest['fit'])} FIT via garmin-fit-sdk, {len(manifest['ics'])} iCalendar via icalendar)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
