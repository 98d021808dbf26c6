"""Rendering benchmark: EcoMap against QGIS on the 500,000-polygon land-use layer (run by hand).

    .venv/bin/python tests/bench/bench_render.py [--polygons 500000] [--size 1920x1080] [--skip-qgis]

In one run on one machine: writes the layer with shared/bench/make_landuse.py if it is
missing, renders it with ``ecomap render`` and with shared/bench/qgis_render.py (each
in a child process, whose peak memory is read from ``ru_maxrss``), prints both JSON
results, the ratios EcoMap / QGIS for open + first frame, warm full extent, navigation
mean and 95th percentile, and the share of pixels where the two full-extent images
differ by more than ``--tolerance`` in any channel. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "bench"
if not SHARED.exists():
    SHARED = Path("/work/shared/bench")
TARGETS = {"open_first": 1.0, "warm": 0.25, "nav_mean": 0.3, "nav_p95": 0.3}


def run_child(cmd: list[str]) -> tuple[dict, float]:
    """Run a child, parse the last JSON line of its output; returns (result, peak RSS in MB)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with open(os.devnull, "w") as devnull, subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE,
                                                            stderr=devnull, text=True) as proc:
        out = proc.stdout.read()
        # wait4 gives this child's own rusage (RUSAGE_CHILDREN would mix the two engines)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}")
    line = [ln for ln in out.splitlines() if ln.startswith("{")][-1]
    return json.loads(line), usage.ru_maxrss / 1024.0


def image_difference(a_path: Path, b_path: Path, tolerance: int) -> float:
    from PySide6.QtGui import QImage

    def arr(p):
        im = QImage(str(p)).convertToFormat(QImage.Format.Format_RGBA8888)
        return np.frombuffer(im.constBits(), np.uint8).reshape(im.height(), im.width(), 4)[..., :3].astype(int)

    a, b = arr(a_path), arr(b_path)
    if a.shape != b.shape:
        return 1.0
    return float((np.abs(a - b).max(axis=-1) > tolerance).mean())


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--polygons", type=int, default=500_000)
    ap.add_argument("--size", default="1920x1080")
    ap.add_argument("--workdir", default="/tmp/bench")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--tolerance", type=int, default=32, help="per-channel difference that counts")
    ap.add_argument("--skip-qgis", action="store_true", help="reuse the QGIS JSON of an earlier run")
    ap.add_argument("--runs", type=int, default=3, help="runs of each engine, taking turns; medians reported")
    a = ap.parse_args()
    work = Path(a.workdir)
    work.mkdir(parents=True, exist_ok=True)
    data = work / f"landuse{a.polygons // 1000}k.gpkg"
    views = SHARED / "nav_views.json"
    if not data.exists():
        print(f"writing {data} …", flush=True)
        subprocess.run([sys.executable, str(SHARED / "make_landuse.py"), str(data), "--polygons",
                        str(a.polygons)], check=True)
    qgis_png, eco_png = work / "qgis_full.png", work / "ecomap_full.png"
    qgis_json = work / "qgis_result.json"
    if not a.skip_qgis and not Path("/usr/bin/qgis_process.bin").exists():
        sys.exit("QGIS is missing: apt-get update && apt-get install -y --no-install-recommends qgis python3-qgis")
    runs = []
    for i in range(a.runs):
        # the engines take turns, so that a busy spell on a shared machine hits both
        if a.skip_qgis and qgis_json.exists():
            qgis, qgis_mem = json.loads(qgis_json.read_text())
        else:
            qgis, qgis_mem = run_child(["/usr/bin/python3", str(SHARED / "qgis_render.py"), str(data), "--out",
                                        str(qgis_png), "--size", a.size, "--repeat", str(a.repeat),
                                        "--views", str(views)])
            qgis_json.write_text(json.dumps([qgis, qgis_mem]))
        eco, eco_mem = run_child([sys.executable, "-m", "ecomap.cli.main", "render", str(data), "--out",
                                  str(eco_png), "--size", a.size, "--repeat", str(a.repeat), "--views",
                                  str(views), "--json"])
        raw, raw_mem = run_child([sys.executable, "-m", "ecomap.cli.main", "render", str(data), "--out",
                                  str(work / "ecomap_nocache.png"), "--size", a.size, "--repeat", "1",
                                  "--views", str(views), "--json", "--no-cache"])
        print(f"run {i + 1}: QGIS   {json.dumps(qgis)}  peak {qgis_mem:.0f} MB")
        print(f"run {i + 1}: EcoMap {json.dumps(eco)}  peak {eco_mem:.0f} MB")
        print(f"run {i + 1}: EcoMap, no layer-image cache {json.dumps(raw)}  peak {raw_mem:.0f} MB", flush=True)
        runs.append((qgis, eco, raw, eco_mem, raw_mem))

    def ratios(q, e):
        return {"open_first": (e["open_s"] + e["first_s"]) / (q["open_s"] + q["first_s"]),
                "warm": e["warm_s"] / q["warm_s"],
                "nav_mean": e["views_mean_s"] / q["views_mean_s"],
                "nav_p95": e["views_p95_s"] / q["views_p95_s"]}

    with_cache = [ratios(q, e) for q, e, _, _, _ in runs]
    no_cache = [ratios(q, r) for q, _, r, _, _ in runs]
    print(f"\nmedian over {len(runs)} run(s) of EcoMap / QGIS")
    print(f"{'measure':<12}{'cache on':>10}{'cache off':>11}{'target':>9}")
    for k, target in TARGETS.items():
        on = statistics.median(r[k] for r in with_cache)
        off = statistics.median(r[k] for r in no_cache)
        print(f"{k:<12}{on:>10.2f}{off:>11.2f}{target:>9.2f}  {'ok' if on <= target else 'MISSED'}")
    peak = max(max(r[3], r[4]) for r in runs)
    print(f"peak memory (ru_maxrss of the render process): EcoMap {peak:.0f} MB (target 2048), "
          f"QGIS {max(json.loads(qgis_json.read_text())[1], 0):.0f} MB")
    if qgis_png.exists():
        share = image_difference(eco_png, qgis_png, a.tolerance)
        share16 = image_difference(eco_png, qgis_png, 16)
        print(f"pixels differing by more than {a.tolerance}/255: {share * 100:.2f}% "
              f"(by more than 16/255: {share16 * 100:.1f}%)")
    return 0

if __name__ == "__main__":
    sys.exit(main())
