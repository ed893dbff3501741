#!/usr/bin/python3
"""Header-only parse with pydicom, for tools/bench (ImageQuality.Bench compare mode).

Reads file paths, one per line, from standard input.

  pydicom_header.py check            prints "path<TAB>error" for each file dcmread rejects
  pydicom_header.py time [options]   times dcmread(path, stop_before_pixels=True, force=True) over all files,
                                     in this process (interpreter start-up excluded), best of --rounds;
                                     prints one JSON object

Run it with Debian's /usr/bin/python3 (python3-pydicom), not another Python on PATH.
"""

import argparse
import json
import sys
import time
import warnings

try:
    import pydicom
except ImportError as e:  # reported to the caller, which skips pydicom with this message
    print(f"pydicom is not importable by {sys.executable}: {e}", file=sys.stderr)
    sys.exit(3)


def parse(path):
    return len(pydicom.dcmread(path, stop_before_pixels=True, force=True))


def check(files):
    for path in files:
        try:
            parse(path)
        except Exception as e:  # any failure excludes the file from every tool's timing
            message = f"{type(e).__name__}: {e}".replace("\t", " ").replace("\n", " ")
            print(f"{path}\t{message}")


def measure(files, rounds, min_round_seconds):
    def one_pass():
        elements = 0
        for path in files:
            elements += parse(path)
        return elements

    one_pass()  # warm-up: imports, caches
    start = time.perf_counter()
    one_pass()
    single = time.perf_counter() - start
    repetitions = max(1, int(min_round_seconds / single + 0.999)) if single > 0 else 1

    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(repetitions):
            one_pass()
        best = min(best, time.perf_counter() - start)

    return {
        "pydicom": pydicom.__version__,
        "python": sys.version.split()[0],
        "files": len(files),
        "repetitions": repetitions,
        "rounds": rounds,
        "best_round_seconds": best,
        "per_file_seconds": best / (repetitions * len(files)),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["check", "time"])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--min-round-seconds", type=float, default=0.3)
    args = parser.parse_args()

    files = [line.rstrip("\n") for line in sys.stdin if line.strip()]
    # Warnings about odd files would be printed per file and per round; they are not the work being timed.
    warnings.simplefilter("ignore")
    if args.mode == "check":
        check(files)
    elif files:
        print(json.dumps(measure(files, args.rounds, args.min_round_seconds)))
    else:
        print(json.dumps({"files": 0}))


if __name__ == "__main__":
    main()
