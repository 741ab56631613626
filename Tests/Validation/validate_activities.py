#!/usr/bin/env python3
"""Checks Speedwork's FIT activity encoder with Garmin's FIT SDK (garmin-fit-sdk).

Reads manifest.json in the directory (written by the Swift test
ActivityExportFixtureTests.writeActivityFixtures), decodes every .fit file it names with the SDK,
and compares what the SDK reads with what the manifest expects: a clean decode and CRCs, file
type, record and lap counts, sport, start, totals, and the first record's values.

Usage: validate_activities.py DIRECTORY
Exit status: 0 when everything matches, 1 on any mismatch or decoder error.
"""
import datetime
import json
import os
import sys

from garmin_fit_sdk import Decoder, Stream


class Report:
    def __init__(self):
        self.failures = []
        self.checks = 0

    def expect(self, condition, where, message):
        self.checks += 1
        if not condition:
            self.failures.append(f"{where}: {message}")

    def near(self, actual, expected, tolerance, where, field):
        ok = isinstance(actual, (int, float)) and abs(actual - expected) <= tolerance
        self.expect(ok, where, f"{field} is {actual!r}, expected {expected!r} within {tolerance}")


def check(directory, entry, report):
    name = entry["file"]
    with open(os.path.join(directory, name), "rb") as handle:
        data = handle.read()

    def decoder():
        return Decoder(Stream.from_byte_array(bytearray(data)))

    report.expect(decoder().is_fit(), name, "not recognised as a FIT file")
    report.expect(decoder().check_integrity(), name, "header or file CRC does not check")
    messages, errors = decoder().read(apply_scale_and_offset=True, convert_types_to_strings=True,
                                      expand_sub_fields=True, expand_components=True)
    report.expect(not errors, name, f"decoder errors: {errors}")

    file_ids = messages.get("file_id_mesgs", [])
    report.expect(len(file_ids) == 1, name, f"{len(file_ids)} file_id messages")
    if file_ids:
        report.expect(file_ids[0].get("type") == "activity", name, f"file_id.type is {file_ids[0].get('type')!r}")
        report.expect(file_ids[0].get("manufacturer") == "development", name, "file_id.manufacturer is not development")

    records = messages.get("record_mesgs", [])
    report.expect(len(records) == entry["records"], name, f"{len(records)} records, expected {entry['records']}")
    laps = messages.get("lap_mesgs", [])
    report.expect(len(laps) == entry["laps"], name, f"{len(laps)} laps, expected {entry['laps']}")
    report.expect(len(messages.get("activity_mesgs", [])) == 1, name, "not one activity message")
    events = messages.get("event_mesgs", [])
    report.expect([e.get("event_type") for e in events] == ["start", "stop_all"], name,
                  f"timer events {[e.get('event_type') for e in events]}")

    sessions = messages.get("session_mesgs", [])
    report.expect(len(sessions) == 1, name, f"{len(sessions)} sessions")
    start = datetime.datetime.fromisoformat(entry["start"].replace("Z", "+00:00"))
    if sessions:
        session = sessions[0]
        report.expect(session.get("sport") == entry["sport"], name, f"sport {session.get('sport')!r}, expected {entry['sport']!r}")
        report.expect(session.get("sub_sport") == entry["sub_sport"], name,
                      f"sub_sport {session.get('sub_sport')!r}, expected {entry['sub_sport']!r}")
        report.expect(session.get("start_time") == start, name, f"start_time {session.get('start_time')}, expected {start}")
        report.near(session.get("total_elapsed_time"), entry["elapsed"], 0.001, name, "total_elapsed_time")
        report.near(session.get("total_timer_time"), entry["timer"], 0.001, name, "total_timer_time")
        if "distance" in entry:
            report.near(session.get("total_distance"), entry["distance"], 0.005, name, "total_distance")
        report.expect(session.get("num_laps") == entry["laps"], name, f"num_laps {session.get('num_laps')}")

    if records:
        first = records[0]
        report.expect(first.get("timestamp") == start, name, f"first record at {first.get('timestamp')}, expected {start}")
        if entry.get("first_heart_rate") is not None:
            report.expect(first.get("heart_rate") == entry["first_heart_rate"], name,
                          f"first heart_rate {first.get('heart_rate')}, expected {entry['first_heart_rate']}")
        if entry.get("first_cadence") is not None:
            cadence = (first.get("cadence") or 0) + (first.get("fractional_cadence") or 0)
            report.near(cadence, entry["first_cadence"], 1 / 256 + 1e-9, name, "first cadence")
        if "first_position" in entry:
            with_position = next((r for r in records if r.get("position_lat") is not None), None)
            report.expect(with_position is not None, name, "no record with a position")
            if with_position:
                semicircle = 180 / 2 ** 31
                report.near(with_position["position_lat"] * semicircle, entry["first_position"][0], semicircle, name, "latitude")
                report.near(with_position["position_long"] * semicircle, entry["first_position"][1], semicircle, name, "longitude")
        if entry.get("power") is not None:
            powers = [r.get("power") for r in records[:len(entry["power"])]]
            report.expect(powers == entry["power"], name, f"power {powers}, expected {entry['power']}")
        times = [r.get("timestamp") for r in records]
        report.expect(all(a <= b for a, b in zip(times, times[1:])), name, "record timestamps go backwards")


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    directory = sys.argv[1]
    with open(os.path.join(directory, "manifest.json")) as handle:
        manifest = json.load(handle)
    report = Report()
    for entry in manifest["activities"]:
        check(directory, entry, report)
    files = len(manifest["activities"])
    if report.failures:
        for failure in report.failures:
            print(f"MISMATCH {failure}")
        print(f"validate-activities: {len(report.failures)} of {report.checks} checks failed in {files} files")
        return 1
    print(f"validate-activities: {report.checks} checks passed in {files} FIT activity files via garmin-fit-sdk")
    return 0


if __name__ == "__main__":
    sys.exit(main())
