"""Benchmark: load the 500,000-polygon land-use layer (issue 2). Run by hand:

    .venv/bin/python tests/bench/bench_load.py [--polygons 500000] [--repeat 3]

Each load runs in a fresh process so that peak memory (ru_maxrss) is the load's own.
Target on the 2-core machines: ≤ 4 s and ≤ 1.5 GB. Prints medians as JSON.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

SHARED = Path(__file__).resolve().parents[3] / "shared" / "bench"

CHILD = r"""
import json, resource, sys, time
t0 = time.perf_counter()
from ecomap.io.registry import open_path
t_import = time.perf_counter() - t0
t0 = time.perf_counter()
(layer,) = open_path(sys.argv[1])
t_load = time.perf_counter() - t0
n = layer.feature_count
t0 = time.perf_counter(); layer.sindex; t_index = time.perf_counter() - t0
t0 = time.perf_counter(); invalid = layer.invalid_count; t_valid = time.perf_counter() - t0
print(json.dumps({"features": n, "import_s": t_import, "load_s": t_load, "sindex_s": t_index,
                  "validity_s": t_valid, "invalid": invalid,
                  "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def ensure_data(polygons: int) -> Path:
    path = Path(f"/tmp/bench/landuse{polygons // 1000}k.gpkg")
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, str(SHARED / "make_landuse.py"), str(path), "--polygons", str(polygons)],
                       check=True)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--polygons", type=int, default=500_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    path = ensure_data(args.polygons)
    runs = [json.loads(subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True,
                                      check=True).stdout) for _ in range(args.repeat)]
    summary = {key: statistics.median(r[key] for r in runs) for key in runs[0] if isinstance(runs[0][key], float)}
    summary.update(features=runs[0]["features"], invalid=runs[0]["invalid"], runs=len(runs),
                   target_load_s=4.0, target_peak_mb=1536)
    print(json.dumps(summary, indent=1))


if __name__ == "__main__":
    main()
