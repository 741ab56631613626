"""The Python side of the FIT decoding benchmark (see Benchmarks/README.md).

    peers.py garmin FILE...      Garmin's FIT SDK: Decoder(Stream.from_byte_array(...)).read()
    peers.py fitdecode FILE...   fitdecode.FitReader, iterating every frame

Every file is loaded into memory first; only decoding is timed, repeated until at least one
second has passed (and at least one pass). Prints one JSON object: bytes decoded, record
messages seen, seconds, passes.
"""
import io
import json
import sys
import time


def garmin_pass(blobs):
    from garmin_fit_sdk import Decoder, Stream

    records = 0
    for blob in blobs:
        messages, errors = Decoder(Stream.from_byte_array(bytearray(blob))).read()
        if errors:
            raise SystemExit(f"Error: Garmin's SDK reported {errors[0]}")
        records += len(messages.get("record_mesgs", []))
    return records


def fitdecode_pass(blobs):
    import fitdecode

    records = 0
    for blob in blobs:
        with fitdecode.FitReader(io.BytesIO(blob), check_crc=fitdecode.CrcCheck.RAISE) as reader:
            for frame in reader:
                if frame.frame_type == fitdecode.FIT_FRAME_DATA and frame.name == "record":
                    records += 1
    return records


def main(argv):
    decoders = {"garmin": garmin_pass, "fitdecode": fitdecode_pass}
    if len(argv) < 2 or argv[0] not in decoders:
        raise SystemExit("Error: usage: peers.py garmin|fitdecode FILE...")
    blobs = []
    for path in argv[1:]:
        try:
            with open(path, "rb") as handle:
                blobs.append(handle.read())
        except OSError as error:
            raise SystemExit(f"Error: cannot read {path}: {error.strerror}")
    decode = decoders[argv[0]]
    decode(blobs[:1])  # import and warm up outside the timing
    passes = records = 0
    start = time.perf_counter()
    while True:
        records += decode(blobs)
        passes += 1
        elapsed = time.perf_counter() - start
        if elapsed >= 1.0:
            break
    total = sum(len(blob) for blob in blobs) * passes
    print(json.dumps({"bytes": total, "records": records, "seconds": elapsed, "passes": passes}))


if __name__ == "__main__":
    main(sys.argv[1:])
