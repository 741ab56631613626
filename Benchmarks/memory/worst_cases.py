#!/usr/bin/env python3
"""Writes the worst-case activity files of the memory benchmark (Benchmarks/memory/run).

Each file is at most 1 MB (10^6 bytes) as stored; the .gz files expand as far as the gzip
ceiling allows (32 times their size: Gzip.Limits.standard), with the densest content each
format allows. Usage: worst_cases.py DIR
"""
import gzip
import os
import random
import struct
import sys

LIMIT = 1_000_000  # bytes as stored
RATIO = 32         # Gzip.Limits.standard.ratio
rng = random.Random(8)


def iso(seconds):
    days, rest = divmod(seconds, 86400)
    # 2024-01-01 plus whole days, good for a year of points.
    year_day = days
    months = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    month = 0
    while year_day >= months[month]:
        year_day -= months[month]
        month += 1
    h, rest = divmod(rest, 3600)
    m, s = divmod(rest, 60)
    return f"2024-{month + 1:02d}-{year_day + 1:02d}T{h:02d}:{m:02d}:{s:02d}"


def filler(size):
    """Random letters: text that gzip cannot shrink below about 3/4 of its size."""
    alphabet = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    return bytes(rng.choice(alphabet) for _ in range(size))


def xml_file(head, point, count, tail):
    return head + b"".join(point(i) for i in range(count)) + tail


def plain(head, point, tail):
    """As many points as fit in LIMIT bytes."""
    per = max(len(point(i)) for i in (0, 10 ** 5))
    count = (LIMIT - len(head) - len(tail)) // per
    return xml_file(head, point, count, tail)


def at_ceiling(build):
    """gzip of build(count, pad) just under 32 times its size and at most LIMIT bytes: as many
    points as possible, with an incompressible comment or message (pad) so that the compressed
    size carries the expansion. Returns the compressed bytes."""
    pad = int(LIMIT * 0.88 / 0.76)
    base = len(gzip.compress(build(0, pad), 6))
    probe = 200_000
    per_point = (len(gzip.compress(build(probe, pad), 6)) - base) / probe
    per_raw = (len(build(probe, pad)) - len(build(0, pad))) / probe
    # raw(n) = raw0 + per_raw n <= RATIO (base + per_point n): the most points.
    raw0 = len(build(0, pad))
    if per_raw > RATIO * per_point:
        count = int((RATIO * base - raw0) / (per_raw - RATIO * per_point) * 0.97)
    else:
        # The points compress less than 32 times: no padding, as many points as fit.
        pad = 0
        count = int(LIMIT / per_point * 0.97)
    packed = gzip.compress(build(count, pad), 6)
    assert len(packed) <= LIMIT, len(packed)
    return packed


GPX_HEAD = b'<?xml version="1.0"?><gpx version="1.1" creator="m"><trk><type>running</type><trkseg>'
GPX_TAIL = b"</trkseg></trk></gpx>"


def gpx_point(step):
    if step is None:
        return lambda i: b'<trkpt lat="0" lon="0"/>'
    return lambda i: f'<trkpt lat="{(i % 1000) * 1e-5:.5f}" lon="0"><time>{iso(i * step)}</time></trkpt>'.encode()


def gpx(step, pad=0, count=None):
    head = GPX_HEAD[:-len(b"<trk><type>running</type><trkseg>")]
    head += (b"<!--" + filler(pad) + b"-->" if pad else b"") + b"<trk><type>running</type><trkseg>"
    point = gpx_point(step)
    return xml_file(head, point, count, GPX_TAIL) if count is not None else plain(head, point, GPX_TAIL)


TCX_HEAD = b'<?xml version="1.0"?><TrainingCenterDatabase><Activities><Activity Sport="Running">'
TCX_TAIL = b"</Activity></Activities></TrainingCenterDatabase>"


def tcx_point(step):
    if step is None:
        return lambda i: b"<Trackpoint/>"
    if step == 0:  # the shortest trackpoint that is a sample: one value, no time
        return lambda i: b"<Trackpoint><Cadence>0</Cadence></Trackpoint>"
    return lambda i: f"<Trackpoint><Time>{iso(i * step)}</Time><DistanceMeters>{i * 3}</DistanceMeters></Trackpoint>".encode()


def tcx(step, pad=0, count=None):
    head = TCX_HEAD + (b"<!--" + filler(pad) + b"-->" if pad else b"")
    point = tcx_point(step)
    return xml_file(head, point, count, TCX_TAIL) if count is not None else plain(head, point, TCX_TAIL)


# FIT (Garmin FIT Protocol): a record per compressed-timestamp header (1 byte) with one
# 4-byte distance field, the smallest record that carries movement.
def fit_crc(data, crc=0):
    table = [0x0000, 0xCC01, 0xD801, 0x1400, 0xF001, 0x3C00, 0x2800, 0xE401,
             0xA001, 0x6C00, 0x7800, 0xB401, 0x5000, 0x9C01, 0x8801, 0x4400]
    for byte in data:
        tmp = table[crc & 0xF]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ tmp ^ table[byte & 0xF]
        tmp = table[crc & 0xF]
        crc = (crc >> 4) & 0x0FFF
        crc = crc ^ tmp ^ table[(byte >> 4) & 0xF]
    return crc


def fit(step, records=None, pad=0, cycle=None):
    body = bytearray()
    # local 0: record with timestamp (253) and distance (5); local 1: record with distance only.
    body += bytes([0x40, 0, 0]) + struct.pack("<HB", 20, 2) + bytes([253, 4, 0x86, 5, 4, 0x86])
    body += bytes([0x41, 0, 0]) + struct.pack("<HB", 20, 1) + bytes([5, 4, 0x86])
    start = 1_000_000_000
    body += bytes([0x00]) + struct.pack("<II", start, 0)
    if pad:
        # local 2: a manufacturer-specific message (65280) of random bytes, which readers skip.
        body += bytes([0x42, 0, 0]) + struct.pack("<HB", 65280, 4) + bytes([1, 255, 0x0D, 2, 255, 0x0D, 3, 255, 0x0D, 4, 255, 0x0D])
        for _ in range(pad // 1021 + 1):
            body += bytes([0x02]) + filler(1020)
    if records is None:
        records = (LIMIT - 14 - 2 - len(body)) // 5
    time = start
    pieces = []
    for i in range(1, records + 1):
        time += step
        pieces.append(bytes([0x80 | 1 << 5 | (time & 0x1F)]) + struct.pack("<I", (i % cycle if cycle else i) * 300))
    body += b"".join(pieces)
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(body), b".FIT")
    header += struct.pack("<H", fit_crc(header))
    data = header + body
    return data + struct.pack("<H", fit_crc(data))


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    cases = {
        "gpx-dense.gpx": gpx(None),
        "gpx-1s.gpx": gpx(1),
        "gpx-29s.gpx": gpx(29),
        "tcx-dense.tcx": tcx(None),
        "tcx-value.tcx": tcx(0),
        "tcx-1s.tcx": tcx(1),
        "tcx-29s.tcx": tcx(29),
        "fit-1s.fit": fit(1),
        "fit-29s.fit": fit(29),
        "gpx-dense.gpx.gz": at_ceiling(lambda n, pad: gpx(None, pad, n)),
        "gpx-1s.gpx.gz": at_ceiling(lambda n, pad: gpx(1, pad, n)),
        "gpx-29s.gpx.gz": at_ceiling(lambda n, pad: gpx(29, pad, n)),
        "tcx-dense.tcx.gz": at_ceiling(lambda n, pad: tcx(None, pad, n)),
        "tcx-value.tcx.gz": at_ceiling(lambda n, pad: tcx(0, pad, n)),
        "tcx-29s.tcx.gz": at_ceiling(lambda n, pad: tcx(29, pad, n)),
        # Distances repeating every 32 records: as compressible as the timestamps.
        "fit-1s.fit.gz": at_ceiling(lambda n, pad: fit(1, n, pad, cycle=32)),
        "fit-29s.fit.gz": at_ceiling(lambda n, pad: fit(29, n, pad, cycle=32)),
    }
    for name, data in cases.items():
        with open(os.path.join(out, name), "wb") as handle:
            handle.write(data)
        decoded = len(gzip.decompress(data)) if name.endswith(".gz") else len(data)
        print(f"{name}\t{len(data)}\t{decoded}")


if __name__ == "__main__":
    main()
