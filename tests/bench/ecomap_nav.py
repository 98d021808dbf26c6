"""Open a layer in the EcoMap main window and walk its canvas through a navigation (run by hand).

    .venv/bin/python tests/bench/ecomap_nav.py LAYER --views nav_views.json [--repeat 3] [--settle 1]

The counterpart of shared/bench/qgis_render.py on the desktop path: the real main
window (:class:`ecomap.app.main_window.MainWindow`, started as ``ecomap-gui`` starts it,
under the current display), the layer added through the loader File → Add data hands
its paths to, the app's own default style, and its :class:`~ecomap.gui.canvas.MapCanvas`
at whatever size the window manager gives the window. Each view of ``--views`` (same
format and same arithmetic as qgis_render.py, at the canvas's size) is set as the
canvas's extent; a view takes from that request until the canvas's ``renderFinished``
signal (the coalescing delay of ``MapCanvas.refresh`` included: the user waits for it
too). ``job_s`` lists the seconds the render jobs themselves reported.

Prints one JSON line: ``size`` (the canvas), ``added_s`` (until the layer is in the
tree), ``first_s`` (until the last frame before the window went idle), ``warm_s``
(median full-extent redraw), ``views_s`` with mean and 95th percentile (computed as
qgis_render.py does), and ``stall_ms``: the longest gap of a 5 ms GUI-thread timer while
opening and while navigating. Used by bench_desktop.py; not collected by pytest.
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

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(HERE)]

from bench_gui_stall import Answers, StallMeter, busy, patch_dialogs

from ecomap.core.map_settings import view_for

SETTLE_S = 0.3  # idle this long (no task, no render pending) before the window counts as idle


def wait_until(predicate, timeout_s: float, poll_ms: int = 5) -> bool:
    """Run the event loop until ``predicate()`` holds or ``timeout_s`` passes."""
    from PySide6.QtCore import QEventLoop, QTimer

    if predicate():
        return True
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout_s
    timer = QTimer()
    timer.timeout.connect(lambda: loop.quit() if predicate() or time.perf_counter() > deadline else None)
    timer.start(poll_ms)
    loop.exec()
    timer.stop()
    return predicate()


def wait_idle(window, timeout_s: float, settle_s: float = SETTLE_S) -> bool:
    """Until the window has had no task and no pending render for ``settle_s``."""
    state = {"since": None}

    def idle_long_enough():
        now = time.perf_counter()
        if busy(window) is not None:
            state["since"] = None
        elif state["since"] is None:
            state["since"] = now
        return state["since"] is not None and now - state["since"] >= settle_s

    return wait_until(idle_long_enough, timeout_s, poll_ms=10)


def percentile_95(values: list[float]) -> float:
    """As qgis_render.py takes it, so that both sides' figures mean the same."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]


class FrameLog:
    """When the canvas finished each frame, and what its render job said it took."""

    def __init__(self, canvas):
        self.frames: list[tuple[float, float]] = []  # (perf_counter, job seconds)
        canvas.renderFinished.connect(lambda seconds: self.frames.append((time.perf_counter(), seconds)))

    def time_next(self, request, timeout_s: float) -> tuple[float, float]:
        """Seconds from ``request()`` until the next finished frame, and the job's own seconds."""
        before = len(self.frames)
        t0 = time.perf_counter()
        request()
        if not wait_until(lambda: len(self.frames) > before, timeout_s):
            raise TimeoutError(f"no frame within {timeout_s:.0f} s")
        done, job_s = self.frames[before]
        return done - t0, job_s


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("layer", type=Path)
    parser.add_argument("--views", type=Path, required=True, help="JSON file of views (nav_views.json)")
    parser.add_argument("--repeat", type=int, default=3, help="full-extent redraws for warm_s")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds any one step may take")
    parser.add_argument("--settle", type=float, default=1.0,
                        help="seconds between showing the window and opening the layer (0: at once, as "
                             "main.py opens the files of its command line)")
    args = parser.parse_args(argv)
    views = json.loads(args.views.read_text(encoding="utf-8"))["views"]
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("ECOMAP_CONFIG_DIR", tempfile.mkdtemp(prefix="ecomap-bench-nav-"))
    os.environ.setdefault("ECOMAP_LANG", "zh_CN")

    from PySide6.QtWidgets import QApplication

    from ecomap import i18n
    from ecomap.io import gdal_config

    gdal_config.apply()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    from ecomap.core.gui_gc import collect_garbage_on_this_thread

    collect_garbage_on_this_thread()  # as ecomap.app.main does
    i18n.set_language(os.environ["ECOMAP_LANG"])
    messages: list[str] = []
    patch_dialogs(Answers(), messages)

    from ecomap.app.main_window import MainWindow

    window = MainWindow()
    window.resize(1400, 900)  # as ecomap.app.main; the window manager may maximize it
    window.show()
    canvas = window.canvas
    frames = FrameLog(canvas)
    meter = StallMeter()
    wait_until(lambda: False, args.settle)  # the empty window's first frames, the window manager's resize

    # -- open: File → Add data with the file chosen
    added: list[float] = []
    window.loader.layersAdded.connect(lambda nodes: added.append(time.perf_counter()))
    meter.begin("open")
    t0 = time.perf_counter()
    if window.loader.add_paths([str(args.layer.resolve())]) is None:
        sys.exit(f"error: EcoMap did not start reading {args.layer}")
    if not wait_until(lambda: bool(added), args.timeout):
        sys.exit(f"error: {args.layer} did not arrive within {args.timeout:.0f} s: {messages}")
    if not wait_idle(window, args.timeout):
        sys.exit(f"error: the window did not become idle within {args.timeout:.0f} s after opening")
    meter.end()
    after_added = [t for t, _ in frames.frames if t >= added[0]]
    if not after_added:
        sys.exit("error: the canvas drew no frame after the layer arrived")
    result: dict = {"engine": "ecomap", "size": [canvas.width(), canvas.height()],
                    "window_size": [window.width(), window.height()], "platform": app.platformName(),
                    "settle_s": args.settle, "added_s": round(added[0] - t0, 4),
                    "first_s": round(after_added[-1] - t0, 4), "frames_while_opening": len(after_added)}

    # -- warm full-extent redraws, then the navigation
    full = canvas.full_extent()
    w, h = canvas.width(), canvas.height()
    meter.begin("nav")
    try:
        frames.time_next(lambda: canvas.set_extent(view_for(full, w, h, 0.5, 0.5, 1.0)), args.timeout)
        warm = []
        for _ in range(args.repeat):
            wait_idle(window, args.timeout)
            warm.append(frames.time_next(canvas.refresh, args.timeout))
        timed = []
        for v in views:
            wait_idle(window, args.timeout, settle_s=0.1)
            extent = view_for(full, w, h, v["cx"], v["cy"], v["zoom"])
            timed.append(frames.time_next(lambda e=extent: canvas.set_extent(e), args.timeout))
    except TimeoutError as exc:
        sys.exit(f"error: {exc}")
    meter.end()
    secs = [s for s, _ in timed]
    result.update(
        warm_s=round(statistics.median(s for s, _ in warm), 4),
        warm_job_s=round(statistics.median(j for _, j in warm), 4),
        views_s=[round(s, 4) for s in secs], job_s=[round(j, 4) for _, j in timed],
        views_mean_s=round(statistics.fmean(secs), 4), views_p95_s=round(percentile_95(secs), 4),
        stall_ms={name: round(ms, 1) for name, ms in meter.worst.items()},
        refresh_delay_ms=getattr(sys.modules["ecomap.gui.canvas"], "REFRESH_DELAY_MS", None))
    if messages:
        result["messages"] = messages[:10]
    print(json.dumps(result, ensure_ascii=False), flush=True)
    from ecomap.core import tasks

    tasks.cancel_all()
    # the figures are out; tearing the window down (and its save question) is not measured
    os._exit(0)


if __name__ == "__main__":
    sys.exit(main())
