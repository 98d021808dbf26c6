#!/usr/bin/env python3
"""Benchmark the analyses against QGIS on the same files (run by hand; not a pytest module).

    .venv/bin/python tests/bench/bench_analysis.py [--repeat 3] [--qgis-repeat 3] [--only overlay|zonal]

1. Overlap tabulation — area of each land class (DLMC) inside each red-line zone —
   of the 500,000-polygon land-use layer against its 150 red-line zones
   (``shared/bench/make_landuse.py /tmp/bench/landuse500k_red.gpkg --polygons 500000
   --redlines 150``). EcoMap: ``ecomap overlay … --by-a DLMC --by-b HXBM --summary
   --out table.csv`` from a fresh process (read, overlay, areas, table written).
   QGIS: ``qgis_process.bin run native:intersection`` on the same layers (it writes
   the pieces and does not even tabulate them).
2. Zonal statistics (count, sum, mean, median, std, min, max) of 1,000 polygons on a
   10,000 × 10,000 float32 raster (``tests/bench/make_zonal.py /tmp/bench``):
   ``ecomap zonal … --out zonal.csv`` against ``native:zonalstatisticsfb``.

Both sides run as separate processes, alternately, so start-up and file reading are
counted for both and neither gets a warmer cache. EcoMap runs with Python bytecode
caches, as an installed program (and QGIS's own Python) does: in a folder of the bench's
(``PYTHONPYCACHEPREFIX``), filled by one untimed import before the runs, so the checkout
gets no ``__pycache__`` and a shell with ``PYTHONDONTWRITEBYTECODE`` does not make every
run compile some 260 modules again (≈ 0.2 s). Medians are reported, with the load
average seen before each run (the machine is shared), and the results are checked
against each other. Targets: overlay ≤ 0.05 × QGIS, zonal ≤ 0.2 × QGIS.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable
BENCH = Path(os.environ.get("ECOMAP_BENCH_DIR", "/tmp/bench"))
QGIS = "/usr/bin/qgis_process.bin"
MAKE_LANDUSE = Path("/work/shared/bench/make_landuse.py")
LANDUSE = BENCH / "landuse500k_red.gpkg"
RASTER = BENCH / "zonal_ndvi.tif"
ZONES = BENCH / "zonal_polygons.gpkg"
PYCACHE = BENCH / "pycache"
STATS = "count,sum,mean,median,std,min,max"
TARGETS = {"overlay": 0.05, "zonal": 0.2}
QGIS_STATS = "0,1,2,3,4,5,6"  # the same seven


MAX_LOAD = None  # set from --max-load


def load() -> float:
    """The 1-minute load average, after waiting (up to 10 min) for it to drop below --max-load."""
    if MAX_LOAD is not None:
        deadline = time.time() + 600
        while os.getloadavg()[0] > MAX_LOAD and time.time() < deadline:
            time.sleep(5)
    return os.getloadavg()[0]


def timed(cmd: list[str], env=None) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                          check=False)
    elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-2000:]}")
    return elapsed


def ensure_inputs() -> None:
    BENCH.mkdir(parents=True, exist_ok=True)
    if not LANDUSE.exists():
        print("making", LANDUSE, flush=True)
        subprocess.run([PY, str(MAKE_LANDUSE), str(LANDUSE), "--polygons", "500000", "--redlines", "150"], check=True)
    if not (RASTER.exists() and ZONES.exists()):
        print("making", RASTER, flush=True)
        subprocess.run([PY, str(ROOT / "tests/bench/make_zonal.py"), str(BENCH)], check=True)
    if not Path(QGIS).exists():
        raise SystemExit(f"{QGIS} not found: apt-get install -y --no-install-recommends qgis python3-qgis")


def qgis_env() -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONPATH", None)
    return env


def ecomap_cmd(*args: str) -> list[str]:
    return [PY, "-m", "ecomap.cli", *args]


def ecomap_env() -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=str(PYCACHE))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def warm_bytecode() -> None:
    """Write the bytecode of what the two commands import (untimed)."""
    modules = ("ecomap.cli.main", "ecomap.cli.cmd_overlay", "ecomap.cli.cmd_zonal", "ecomap.analysis.overlay",
               "ecomap.analysis.zonal", "ecomap.io.stored_layers", "ecomap.io.report_tables",
               "ecomap.services.workspace_open", "ecomap.services.analysis_reports")
    subprocess.run([PY, "-c", "import " + ", ".join(modules)], cwd=ROOT, env=ecomap_env(), check=True)


def run_pair(name: str, eco: list[str], qgis: list[str], repeat: int, qgis_repeat: int) -> dict:
    eco_times, qgis_times, loads = [], [], []
    for i in range(max(repeat, qgis_repeat)):
        if i < repeat:
            loads.append(load())
            eco_times.append(timed(eco, ecomap_env()))
            print(f"  {name} EcoMap run {i + 1}: {eco_times[-1]:.2f} s (load {loads[-1]:.2f})", flush=True)
        if i < qgis_repeat:
            loads.append(load())
            qgis_times.append(timed(qgis, qgis_env()))
            print(f"  {name} QGIS   run {i + 1}: {qgis_times[-1]:.2f} s (load {loads[-1]:.2f})", flush=True)
    e, q = statistics.median(eco_times), statistics.median(qgis_times)
    # each EcoMap run against the QGIS run right after it: drifting load on a shared machine cancels out
    paired = [a / b for a, b in zip(eco_times, qgis_times)]
    return {"task": name, "ecomap_s": round(e, 3), "qgis_s": round(q, 3), "ratio": round(e / q, 3),
            "paired_ratio_median": round(statistics.median(paired), 3),
            "ecomap_runs": [round(t, 3) for t in eco_times], "qgis_runs": [round(t, 3) for t in qgis_times],
            "load_avg": [round(v, 2) for v in loads]}


def in_process_overlay() -> dict:
    """Where the time goes, inside one process, as the command does it: the layers opened in the
    GeoPackage (read in part by the overlay), the overlay, the summary (overlaps dissolved per
    group), the total covered area it prints (dissolved over all pairs)."""
    sys.path.insert(0, str(ROOT))
    from ecomap.analysis import overlay
    from ecomap.io.stored_layers import analysis_workspace
    from ecomap.services.workspace_open import open_workspace

    t0 = time.perf_counter()
    ws = analysis_workspace(LANDUSE, open_workspace)
    t1 = time.perf_counter()
    result = overlay.run(ws.get("landuse"), ws.get("redline"), by_a=["DLMC"], by_b=["HXBM"])
    t2 = time.perf_counter()
    summary = result.summary()
    t3 = time.perf_counter()
    result.covered_area_m2()
    t4 = time.perf_counter()
    return {"open_s": round(t1 - t0, 3), "read_and_overlay_s": round(t2 - t1, 3), "summary_s": round(t3 - t2, 3),
            "covered_total_s": round(t4 - t3, 3), "pairs": len(result), "rows": len(summary)}


def in_process_zonal() -> dict:
    sys.path.insert(0, str(ROOT))
    from ecomap.analysis import zonal
    from ecomap.services.workspace_open import open_workspace

    t0 = time.perf_counter()
    ws = open_workspace(ZONES)
    t1 = time.perf_counter()
    zonal.run(ws.get("zones"), RASTER, stats=STATS.split(","))
    t2 = time.perf_counter()
    return {"read_s": round(t1 - t0, 3), "zonal_s": round(t2 - t1, 3)}


def check_overlay(eco_csv: Path, qgis_gpkg: Path) -> float:
    """Largest relative difference of the per-(zone, class) areas between the two programs."""
    import numpy as np
    import pandas as pd
    import pyogrio
    from pyproj import CRS

    sys.path.insert(0, str(ROOT))
    from ecomap.core.measure import ellipsoidal_areas

    ours = pd.read_csv(eco_csv, encoding="utf-8-sig")
    ours = ours.set_index([ours.columns[0], ours.columns[1]]).iloc[:, 1]  # HXBM, DLMC → area m²
    q = pyogrio.read_dataframe(qgis_gpkg)
    q["area"] = ellipsoidal_areas(np.asarray(q.geometry.array, dtype=object), CRS.from_epsg(4524))
    theirs = q.groupby(["HXBM", "DLMC"])["area"].sum()
    theirs = theirs[theirs > 1.0]
    common = theirs.index.intersection(ours.index)
    return float((ours.loc[common] / theirs.loc[common] - 1).abs().max()) if len(common) else float("nan")


def check_zonal(eco_csv: Path, qgis_gpkg: Path) -> float:
    import numpy as np
    import pandas as pd
    import pyogrio

    ours = pd.read_csv(eco_csv, encoding="utf-8-sig")
    ids = pd.to_numeric(ours.iloc[:, 0], errors="coerce")
    ours = ours[ids.notna()].set_index(ids[ids.notna()].astype("int64"))  # the notes below the table go
    q = pyogrio.read_dataframe(qgis_gpkg, fid_as_index=True)
    common = ours.index.intersection(q.index)
    a, b = ours.loc[common, "均值"].to_numpy(float), q.loc[common, "z_mean"].to_numpy(float)
    return float(np.nanmax(np.abs(a - b)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=5, help="EcoMap runs per task")
    ap.add_argument("--qgis-repeat", type=int, default=3, help="QGIS runs per task")
    ap.add_argument("--only", choices=["overlay", "zonal"])
    ap.add_argument("--max-load", type=float, help="wait before each run until the 1-min load average is below this")
    a = ap.parse_args()
    global MAX_LOAD
    MAX_LOAD = a.max_load
    ensure_inputs()
    warm_bytecode()
    results = []
    if a.only in (None, "overlay"):
        eco_out, q_out = BENCH / "eco_overlay.csv", BENCH / "qgis_intersection.gpkg"
        eco = ecomap_cmd("overlay", str(LANDUSE), "landuse", "redline", "--by-b", "HXBM", "--by-a", "DLMC",
                         "--summary", "--out", str(eco_out))
        qgis = [QGIS, "run", "native:intersection", f"--INPUT={LANDUSE}|layername=landuse",
                f"--OVERLAY={LANDUSE}|layername=redline", f"--OUTPUT={q_out}"]
        print("overlay tabulation (500k parcels × 150 red-line zones)", flush=True)
        r = run_pair("overlay", eco, qgis, a.repeat, a.qgis_repeat)
        r["in_process"] = in_process_overlay()
        r["max_rel_diff_vs_qgis"] = check_overlay(eco_out, q_out)
        results.append(r)
    if a.only in (None, "zonal"):
        eco_out, q_out = BENCH / "eco_zonal.csv", BENCH / "qgis_zonal.gpkg"
        eco = ecomap_cmd("zonal", str(ZONES), "zones", "--raster", str(RASTER), "--stats", STATS,
                         "--out", str(eco_out))
        qgis = [QGIS, "run", "native:zonalstatisticsfb", f"--INPUT={ZONES}", f"--INPUT_RASTER={RASTER}",
                "--RASTER_BAND=1", "--COLUMN_PREFIX=z_", f"--STATISTICS={QGIS_STATS}", f"--OUTPUT={q_out}"]
        print("zonal statistics (1,000 polygons, 10,000 × 10,000 raster)", flush=True)
        r = run_pair("zonal", eco, qgis, a.repeat, a.qgis_repeat)
        r["in_process"] = in_process_zonal()
        r["max_abs_mean_diff_vs_qgis"] = check_zonal(eco_out, q_out)
        results.append(r)
    print()
    print(f"{'task':10} {'EcoMap s':>9} {'QGIS s':>8} {'ratio':>6} {'paired':>7}  target")
    for r in results:
        target = f"≤ {TARGETS[r['task']]}"
        print(f"{r['task']:10} {r['ecomap_s']:9.2f} {r['qgis_s']:8.2f} {r['ratio']:6.3f} "
              f"{r['paired_ratio_median']:7.3f}  {target}")
    print(json.dumps(results, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
