#!/usr/bin/env python3
"""Time ``ecomap info``'s reading path on the pathological inputs of the fuzz suite (run by hand).

    .venv/bin/python tests/bench/bench_pathological.py [--repeat 3] [NAME …]

Each input of :mod:`tests.fuzz.pathological` (50,000 nested KML folders, a 5,000-deep
MultiGeometry, a CSV of 20,000 columns, JSON nested 100,000 deep, 50,000-digit
integers, damaged zip members, .cpg files naming no text encoding) is written once and
described ``--repeat`` times in this process; the median CPU and wall seconds are
printed with the outcome and the load average (the machine is shared). The target is
an answer in seconds for every one of them.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from ecomap.errors import DataError
from tests.fuzz import pathological
from tests.fuzz.harness import describe_as_info, preload


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("names", nargs="*", help="cases to time (default: all)")
    args = parser.parse_args()
    preload()
    print(f"load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        for folder in pathological.write(Path(tmp), args.names or None):
            main_file = folder / json.loads((folder / "expect.json").read_text())["main"]
            cpu, wall = [], []
            for _ in range(args.repeat):
                c0, w0 = time.process_time(), time.perf_counter()
                try:
                    describe_as_info(main_file)
                    outcome = "ok"
                except DataError:
                    outcome = "clean"
                except Exception as exc:  # noqa: BLE001 - reported, the benchmark goes on
                    outcome = f"UNEXPECTED {type(exc).__name__}"
                cpu.append(time.process_time() - c0)
                wall.append(time.perf_counter() - w0)
            print(f"{folder.name:34} {outcome:12} cpu {statistics.median(cpu):6.2f} s  "
                  f"wall {statistics.median(wall):6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
