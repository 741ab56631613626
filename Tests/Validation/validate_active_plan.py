#!/usr/bin/env python3
"""Checks two calendars of the active plan (`speedwork plan export`) with the icalendar parser.

The first was written before a new time trial was logged, the second after it and from a later
day. Every event must be an all-day VEVENT that icalendar parses; event ids must be unique; every
event of the second calendar must be the first calendar's event with the same UID (same day and
summary) with a higher SEQUENCE (RFC 5545 section 3.8.7.4) and a later DTSTAMP; the first
calendar's events from the second's first day on must all still be there; the sessions' count
must be the plan JSON's count from each day on.

Usage: validate_active_plan.py DIR FIRST_DAY SECOND_DAY
       (DIR holds plan.json, before.ics and after.ics; days as YYYY-MM-DD)
Exit status: 0 when everything matches, 1 otherwise.
"""
import datetime
import json
import os
import sys

from icalendar import Calendar


def events(path):
    with open(path, "rb") as handle:
        calendar = Calendar.from_ical(handle.read())
    return [component for component in calendar.walk() if component.name == "VEVENT"]


def main():
    directory, first_day, second_day = sys.argv[1], sys.argv[2], sys.argv[3]
    failures = []
    with open(os.path.join(directory, "plan.json"), encoding="utf-8") as handle:
        plan = json.load(handle)
    # The plan JSON lists rest days too (every day of the plan is there); they are not events.
    dates = [session["date"] for week in plan["weeks"] for session in week["sessions"] if session["kind"] != "rest"]
    before = events(os.path.join(directory, "before.ics"))
    after = events(os.path.join(directory, "after.ics"))

    def expect(condition, message):
        if not condition:
            failures.append(message)

    for name, found, day in (("before.ics", before, first_day), ("after.ics", after, second_day)):
        expected = len([date for date in dates if date >= day])
        expect(len(found) == expected, f"{name}: {len(found)} events, the plan has {expected} sessions from {day} on")
        uids = [str(event.get("UID")) for event in found]
        expect(len(set(uids)) == len(uids), f"{name}: event ids repeat")
        for event in found:
            start = event.decoded("DTSTART")
            expect(isinstance(start, datetime.date) and not isinstance(start, datetime.datetime),
                   f"{name}: {event.get('UID')} is not an all-day event")

    earlier = {str(event.get("UID")): event for event in before}
    second = datetime.date.fromisoformat(second_day)
    kept = {uid for uid, event in earlier.items() if event.decoded("DTSTART") >= second}
    expect({str(event.get("UID")) for event in after} == kept,
           "after.ics does not hold exactly the first calendar's events from the later day on")
    for event in after:
        uid = str(event.get("UID"))
        old = earlier.get(uid)
        if old is None:
            continue
        expect(event.decoded("DTSTART") == old.decoded("DTSTART"), f"{uid}: the day changed")
        expect(str(event.get("SUMMARY")) == str(old.get("SUMMARY")), f"{uid}: the session changed")
        expect(int(event.get("SEQUENCE", 0)) > int(old.get("SEQUENCE", 0)), f"{uid}: SEQUENCE was not raised")
        expect(event.decoded("DTSTAMP") > old.decoded("DTSTAMP"), f"{uid}: DTSTAMP is not later")

    if failures:
        for failure in failures[:20]:
            print(f"FAIL {failure}")
        print(f"validate_active_plan: {len(failures)} failures")
        return 1
    print(f"validate_active_plan: {len(before)} + {len(after)} events, ids kept, sequence raised")
    return 0


if __name__ == "__main__":
    sys.exit(main())
