"""The Python side of the GPX/TCX reading benchmark (see Benchmarks/README.md).

    peers.py gpxpy FILE...        gpxpy.parse, then every point's time, position, elevation
    peers.py tcxparser FILE...    python-tcxparser (lxml.objectify): times, positions, altitudes,
                                  heart rates, distances
    peers.py lxml FILE...         lxml.etree.iterparse over GPX or TCX, reading what Speedwork reads
                                  per point (time parsed, numbers converted), elements cleared
    peers.py libxml2 FILE...      lxml.etree.fromstring(huge_tree=True) only: libxml2 building the
                                  tree, no value read (a floor for any libxml2-based reader)

Every file is loaded into memory first; only reading is timed, in CPU time of this process
(time.process_time: user + system), repeated until at least one CPU-second has passed. Prints
one JSON object: bytes read, samples (track points) seen, seconds, passes.
"""
import io
import json
import sys
import time
from datetime import datetime


def gpxpy_pass(blobs):
    import gpxpy

    samples = 0
    for blob in blobs:
        gpx = gpxpy.parse(blob.decode("utf-8"))
        for track in gpx.tracks:
            for segment in track.segments:
                for point in segment.points:
                    samples += 1
                    _ = (point.time, point.latitude, point.longitude, point.elevation)
    return samples


def tcxparser_pass(blobs):
    import tcxparser

    samples = 0
    for blob in blobs:
        tcx = tcxparser.TCXParser(io.BytesIO(blob))
        samples += len(tcx.time_objects())
        for method in (tcx.position_values, tcx.altitude_points, tcx.hr_values):
            try:
                method()
            except (ValueError, AttributeError):
                pass  # a file without that field, or written in a form the parser does not take
        for element in tcx.distance_values():
            float(element.text)
    return samples


def parse_time(text):
    return datetime.fromisoformat(text.strip().replace("Z", "+00:00")).timestamp()


def lxml_pass(blobs):
    from lxml import etree

    gpx_fields = {"ele", "time", "hr", "cad", "speed"}
    tcx_fields = {"Time", "LatitudeDegrees", "LongitudeDegrees", "AltitudeMeters", "DistanceMeters", "Value",
                  "Cadence", "Speed", "RunCadence"}
    samples = 0
    for blob in blobs:
        for _, element in etree.iterparse(io.BytesIO(blob), events=("end",), huge_tree=True,
                                          resolve_entities=False, no_network=True):
            name = etree.QName(element).localname
            if name == "trkpt":
                samples += 1
                float(element.get("lat"))
                float(element.get("lon"))
                element.clear()
            elif name == "Trackpoint":
                samples += 1
                element.clear()
            elif name in gpx_fields or name in tcx_fields:
                text = element.text
                if text and text.strip():
                    if name in ("time", "Time"):
                        parse_time(text)
                    else:
                        float(text)
    return samples


def libxml2_pass(blobs):
    from lxml import etree

    parser = etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True)
    for blob in blobs:
        etree.fromstring(blob, parser)
    return 0


def main(argv):
    readers = {"gpxpy": gpxpy_pass, "tcxparser": tcxparser_pass, "lxml": lxml_pass, "libxml2": libxml2_pass}
    if len(argv) < 2 or argv[0] not in readers:
        raise SystemExit("Error: usage: peers.py gpxpy|tcxparser|lxml|libxml2 FILE...")
    blobs = []
    for path in argv[1:]:
        try:
            with open(path, "rb") as handle:
                blobs.append(handle.read())
        except OSError as error:
            raise SystemExit(f"Error: cannot read {path}: {error.strerror}")
    read = readers[argv[0]]
    read(blobs[:1])  # import and warm up outside the timing
    passes = samples = 0
    start = time.process_time()
    while True:
        samples += read(blobs)
        passes += 1
        elapsed = time.process_time() - start
        if elapsed >= 1.0:
            break
    total = sum(len(blob) for blob in blobs) * passes
    print(json.dumps({"bytes": total, "samples": samples, "seconds": elapsed, "passes": passes}))


if __name__ == "__main__":
    main(sys.argv[1:])
