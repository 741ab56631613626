"""Runs one command and reports what it cost, for Benchmarks/import/run.

    measure.py RESULT.json STDOUT-FILE -- COMMAND...

Writes {"wall": s, "user": s, "system": s, "maxRSSKiB": n, "status": n} for the command's own
process: wall time around it, and its CPU time and peak resident set from wait4(2), the same
figures `/usr/bin/time -v` prints ("Maximum resident set size"). The command's stdout goes to
STDOUT-FILE, its stderr passes through. Exits with the command's status.
"""
import json
import os
import subprocess
import sys
import time


def main(argv):
    if len(argv) < 4 or argv[2] != "--":
        raise SystemExit("Error: usage: measure.py RESULT.json STDOUT-FILE -- COMMAND...")
    result, output, command = argv[0], argv[1], argv[3:]
    with open(output, "wb") as handle:
        began = time.perf_counter()
        try:
            process = subprocess.Popen(command, stdout=handle)
        except OSError as error:
            raise SystemExit(f"Error: cannot run {command[0]}: {error.strerror}")
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - began
    code = os.waitstatus_to_exitcode(status)
    process.returncode = code
    with open(result, "w") as handle:
        json.dump({"wall": wall, "user": usage.ru_utime, "system": usage.ru_stime,
                   "maxRSSKiB": usage.ru_maxrss, "status": code}, handle)
    sys.exit(0 if code == 0 else min(max(code, 1), 255))


if __name__ == "__main__":
    main(sys.argv[1:])
