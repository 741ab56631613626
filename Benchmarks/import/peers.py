"""The Python peer of the import benchmark (see Benchmarks/README.md, "import"): what a runner
might script to put a watch archive into SQLite.

    peers.py fitdecode DATABASE FILE...
    peers.py fitdecode DATABASE -        (the files' paths on stdin, one a line)

Reads each FIT file (`.fit` or `.fit.gz`) with fitdecode, CRC checked, and writes one row per
activity (file, sport, start, duration, distance, record count) and one row per record (time,
position, distance, speed, altitude, heart rate, cadence) into sqlite3, one transaction per
file. A file fitdecode cannot read is counted and skipped. Prints one JSON object: files, bytes
read, records, skipped files, seconds.
"""
import gzip
import io
import json
import sqlite3
import sys
import time

SCHEMA = """
CREATE TABLE IF NOT EXISTS activities (
    id INTEGER PRIMARY KEY,
    file TEXT UNIQUE NOT NULL,
    sport TEXT,
    start TEXT,
    seconds REAL,
    meters REAL,
    records INTEGER
);
CREATE TABLE IF NOT EXISTS records (
    activity_id INTEGER NOT NULL REFERENCES activities(id),
    time TEXT NOT NULL,
    latitude REAL,
    longitude REAL,
    meters REAL,
    speed REAL,
    altitude REAL,
    heart_rate INTEGER,
    cadence REAL
);
"""

SEMICIRCLE = 180.0 / 2 ** 31


def read_activity(blob):
    """The session summary and the record rows of one FIT file, via fitdecode."""
    import fitdecode

    rows = []
    sport = None
    start = None
    seconds = None
    meters = None
    with fitdecode.FitReader(io.BytesIO(blob), check_crc=fitdecode.CrcCheck.RAISE) as reader:
        for frame in reader:
            if frame.frame_type != fitdecode.FIT_FRAME_DATA:
                continue
            if frame.name == "record":
                def value(name):
                    return frame.get_value(name, fallback=None)
                lat, lon = value("position_lat"), value("position_long")
                rows.append((
                    value("timestamp").isoformat(),
                    lat * SEMICIRCLE if lat is not None else None,
                    lon * SEMICIRCLE if lon is not None else None,
                    value("distance"),
                    value("enhanced_speed") or value("speed"),
                    value("enhanced_altitude") or value("altitude"),
                    value("heart_rate"),
                    value("cadence"),
                ))
            elif frame.name == "session":
                sport = str(frame.get_value("sport", fallback=None))
                start_time = frame.get_value("start_time", fallback=None)
                start = start_time.isoformat() if start_time is not None else None
                seconds = frame.get_value("total_elapsed_time", fallback=None)
                meters = frame.get_value("total_distance", fallback=None)
    return (sport, start, seconds, meters), rows


def main(argv):
    if len(argv) < 3 or argv[0] != "fitdecode":
        raise SystemExit("Error: usage: peers.py fitdecode DATABASE FILE...")
    database, paths = argv[1], argv[2:]
    if paths == ["-"]:
        paths = [line.strip() for line in sys.stdin if line.strip()]
    began = time.perf_counter()
    connection = sqlite3.connect(database)
    connection.executescript(SCHEMA)
    files = total_bytes = records = skipped = 0
    for path in paths:
        try:
            with open(path, "rb") as handle:
                blob = handle.read()
            total_bytes += len(blob)
            if blob[:2] == b"\x1f\x8b":
                blob = gzip.decompress(blob)
            summary, rows = read_activity(blob)
        except Exception as error:  # a bad file is skipped, as a runner's script would
            print(f"skipped {path}: {error}", file=sys.stderr)
            skipped += 1
            continue
        with connection:  # one transaction per file
            cursor = connection.execute(
                "INSERT OR IGNORE INTO activities (file, sport, start, seconds, meters, records) VALUES (?, ?, ?, ?, ?, ?)",
                (path, *summary, len(rows)))
            if cursor.rowcount == 1:
                activity_id = cursor.lastrowid
                connection.executemany(
                    "INSERT INTO records VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [(activity_id, *row) for row in rows])
                records += len(rows)
        files += 1
    connection.close()
    seconds = time.perf_counter() - began
    print(json.dumps({"files": files, "bytes": total_bytes, "records": records, "skipped": skipped, "seconds": seconds}))


if __name__ == "__main__":
    main(sys.argv[1:])
