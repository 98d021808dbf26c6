"""Peak memory of opening, describing and drawing one big vector layer (run by hand).

    .venv/bin/python tests/bench/bench_memory.py FILE [--size 1920x1080] [--runs 1] [--only info,render]

Every scenario runs in fresh processes, and every process that takes part is counted:

* ``info`` and ``info --json``: ``ecomap info`` as the user runs it; the peak is the
  child's own ``ru_maxrss`` (``os.wait4``). A second child repeats what ``info``
  computes step by step (open, bounds, geometry type, validity, area, the rest of the
  description) and reports the peak resident size of each step (``VmHWM``, reset
  between steps through ``/proc/self/clear_refs``, so the process's peak is the largest
  step's) and what the process holds after it.
* ``render``: the canvas's path headless — the layer opened by the app's reader
  (``ecomap.io.registry.open_path``), the full extent drawn at ``--size`` by a
  :class:`~ecomap.core.render.job.RenderJob` (what ``MapCanvas`` starts), the idle time
  after it in which the drawing worker process receives the level and the next finer
  level is prepared, then a second frame drawn with the worker (the layer-image cache
  cleared, as after a restyle). The worker's peak is its ``VmHWM`` just before it is
  stopped (its ``ru_maxrss`` is no use: a child started with fork + exec reports at
  least the resident size of the process that forked it).

With ``--runs N`` the timings (open, first frame) are medians of N fresh processes.

What bounds memory now (measured on the 2-core machine, MiB of resident memory):

======================================  =========  =========  ==========  ==========
landuse layer, 1920×1080                2 M before 2 M after  500 k bef.  500 k after
======================================  =========  =========  ==========  ==========
``ecomap info`` / ``info --json``       3784/3787  2649/2723  1159/1165    946/946
open + first frame + idle + 2nd frame   6270       3680       1955        1745
drawing worker                          895        795        508         508
======================================  =========  =========  ==========  ==========

2,000,000 polygons have 66 M vertices. What the main process holds then:

* the layer itself, ~2.45 GB: GEOS keeps 24 bytes a vertex (x, y and an unused z)
  plus ~220 bytes a polygon (2.03 GB), the attribute columns, FIDs and index (~0.2 GB),
  Python, Qt and the libraries (~0.2 GB). Nothing else is the size of the layer while
  it is read: each Arrow batch's attributes and FIDs are copied out of GDAL's batch, so
  the batch (with its WKB) is freed as soon as it is decoded — before, every batch
  stayed alive until the read ended, +1.1 GB at 2 M.
* ``info`` adds little to that: bounds, validity and area (:mod:`ecomap.core.measure`
  measures :data:`~ecomap.core.measure.MEASURE_SLICE` features at a time) need a slice's
  temporaries, not a layer's.
* drawing adds the renderer's copy of the coordinates, 8 bytes a vertex plus boxes and
  offsets (0.63 GB): float32 offsets from each feature's corner, written to WKB a slice
  at a time (before: 16 bytes a vertex, and the whole layer's WKB twice while it was
  made, +1 GB); then the full-extent level of detail (12 M vertices at 2 M), 24 bytes a
  vertex in its QPainterPaths; then, while the level is sent to the drawing worker, the
  shared buffer (10 bytes a vertex). Above the renderer's memory budget (3 GiB,
  :mod:`ecomap.core.render.memory`) its optional caches go: Qt's cache inside each path
  (about 21 bytes a vertex), the snapped vertices once a path is built (read back from
  the path to send them), the older levels, the finer level prepared ahead, the shared
  buffer once the worker has its paths. The 500 k layer stays under the budget and keeps
  them all (its frames are as fast as before); at 2 M a warm frame costs ~0.3 s more.
* the drawing worker holds the paths of the levels it was sent (with Qt's caches).

Zooming in on the 2 M layer builds finer levels for the whole layer (20-34 M vertices),
so it still peaks at about 4.1 GiB: a level's batches run in file order and each spans
most of the layer, so a zoomed view cannot leave most of them out.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

_COMMON = r"""
import json, os, re, sys, time

def _status(pid="self"):
    try:
        text = open(f"/proc/{pid}/status").read()
    except OSError:
        return 0, 0
    get = lambda key: int(re.search(key + r":\s+(\d+)", text).group(1)) // 1024
    return get("VmHWM"), get("VmRSS")

steps = []
_t = [time.perf_counter()]

def step(name, extra=None):
    # peak of this step, what is held after it; then the peak counter starts again
    peak, rss = _status()
    row = {"step": name, "peak_mb": peak, "after_mb": rss, "s": round(time.perf_counter() - _t[0], 3)}
    row.update(extra or {})
    steps.append(row)
    with open("/proc/self/clear_refs", "w") as fh:
        fh.write("5")
    _t[0] = time.perf_counter()

def done(**kw):
    print(json.dumps({"steps": steps, **kw}))
"""

INFO_STEPS = _COMMON + r"""
from ecomap.cli import cmd_info
from ecomap.io.registry import open_path
step("import")
(layer,) = [lyr for lyr in open_path(sys.argv[1]) if lyr.kind == "vector"][:1]
step("open", {"features": layer.feature_count})
layer.bounds
step("bounds")
layer.geometry_type
step("geometry type")
layer.invalid_count
step("validity", {"invalid": layer.invalid_count})
layer.total_area_m2()
step("area")
json.dumps(cmd_info.json_value(cmd_info.describe_vector(layer)), ensure_ascii=False)
step("describe")
done()
"""

RENDER = _COMMON + r"""
from ecomap.core.map_settings import MapSettings, RenderLayer, view_for
from ecomap.core.render import job as render_job, vector, worker_pool
from ecomap.core.style import default_vector_style
from ecomap.io.registry import open_path
width, height = (int(v) for v in sys.argv[2].split("x"))
render_job.ensure_gui_app()
step("import")
t0 = time.perf_counter()
(layer,) = [lyr for lyr in open_path(sys.argv[1]) if lyr.kind == "vector"][:1]
open_s = time.perf_counter() - t0
step("open", {"features": layer.feature_count})
entry = RenderLayer(layer, default_vector_style())
settings = MapSettings(extent=view_for(layer.bounds, width, height), size=(width, height),
                       crs=layer.crs_info.crs(), layers=(entry,))

def frame():
    t = time.perf_counter()
    job = render_job.RenderJob(settings)
    job.start()
    job.wait()
    if job.error:
        sys.exit(job.error)
    return time.perf_counter() - t

first_s = frame()
step("first frame")

def worker_peak():
    w = worker_pool._worker
    return _status(w.proc.pid)[0] if w is not None and w.alive() else 0

# idle, as a user looking at the map: the worker builds the level's paths, the finer level is prepared
end = time.monotonic() + 120
while time.monotonic() < end:
    w = worker_pool._worker
    ready = w is not None and w.check_ready() and not (w.pending and not worker_pool._preloaded(w))
    if ready and not vector._prefetching:
        break
    time.sleep(0.05)
step("idle", {"worker_peak_mb": worker_peak()})
render_job.layer_cache.clear()
second_s = frame()
step("second frame", {"worker_peak_mb": worker_peak(), "split": worker_pool.stats["split"]})
vector.stop_background()
worker_mb = worker_peak()
worker_pool.shutdown()
done(open_s=round(open_s, 3), first_s=round(first_s, 3), second_s=round(second_s, 3), worker_peak_mb=worker_mb)
"""


def _env() -> dict:
    return dict(os.environ, QT_QPA_PLATFORM="offscreen",
                PYTHONPATH=os.pathsep.join(p for p in (str(ROOT), os.environ.get("PYTHONPATH")) if p))


def run_child(cmd: list[str]) -> tuple[str, float]:
    """Run ``cmd``; (its stdout, its own peak RSS in MB). It is reaped here with ``os.wait4``,
    so the peak is this child's alone (its own children report theirs separately)."""
    import tempfile

    with tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen(cmd, env=_env(), stdout=subprocess.PIPE, stderr=err, text=True, cwd=ROOT)
        out = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            sys.exit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{err.read()[-2000:]}")
    return out, usage.ru_maxrss / 1024


def _steps_json(out: str) -> dict:
    return json.loads([ln for ln in out.splitlines() if ln.startswith("{")][-1])


def _peak(result: dict) -> int:
    """The process's peak: the largest step's (``ru_maxrss`` only sees the peak since the last reset)."""
    return max(row["peak_mb"] for row in result["steps"])


def _print_steps(title: str, result: dict) -> None:
    print(f"  {title}")
    for row in result["steps"]:
        extra = {k: v for k, v in row.items() if k not in ("step", "peak_mb", "after_mb", "s")}
        print(f"    {row['step']:<14} peak {row['peak_mb']:>6} MB   after {row['after_mb']:>6} MB  "
              f"{row['s']:>7.2f} s  {json.dumps(extra) if extra else ''}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path")
    ap.add_argument("--size", default="1920x1080")
    ap.add_argument("--runs", type=int, default=1, help="fresh processes per scenario (medians of timings)")
    ap.add_argument("--only", default="info,render", help="scenarios: info, render")
    a = ap.parse_args()
    only = set(a.only.split(","))
    py = sys.executable
    summary = {}
    if "info" in only:
        for flags in ([], ["--json"]):
            label = "ecomap info " + " ".join(flags)
            peaks = [run_child([py, "-m", "ecomap.cli.main", "info", *flags, a.path])[1] for _ in range(a.runs)]
            summary[label.strip()] = max(peaks)
            print(f"{label.strip():<20} peak {max(peaks):>6.0f} MB (one process)", flush=True)
        out, _ = run_child([py, "-c", INFO_STEPS, a.path])
        result = _steps_json(out)
        _print_steps(f"info step by step (process peak {_peak(result)} MB):", result)
    if "render" in only:
        runs = []
        for _ in range(a.runs):
            out, _ = run_child([py, "-c", RENDER, a.path, a.size])
            result = _steps_json(out)
            result["main_peak_mb"] = _peak(result)
            runs.append(result)
        last = runs[-1]
        _print_steps(f"open + render {a.size} (main process peak {last['main_peak_mb']:.0f} MB, "
                     f"drawing worker peak {last['worker_peak_mb']} MB):", last)
        for key in ("open_s", "first_s", "second_s"):
            summary[key] = statistics.median(r[key] for r in runs)
        summary["render main peak MB"] = max(r["main_peak_mb"] for r in runs)
        summary["render worker peak MB"] = max(r["worker_peak_mb"] for r in runs)
        print(f"  median of {len(runs)}: open {summary['open_s']:.2f} s, first frame {summary['first_s']:.2f} s, "
              f"second frame {summary['second_s']:.2f} s")
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
