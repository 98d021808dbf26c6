"""How long the main window freezes during the everyday workflows (run by hand, not collected by pytest).

    .venv/bin/python tests/bench/bench_gui_stall.py [LAYER] [--project sample_data/sample.ecomap]

Starts the real main window (:class:`ecomap.app.main_window.MainWindow`, as ``ecomap-gui``
does) under the current display — offscreen when there is none — and opens a copy of
the sample project (a copy: the panel edit writes to its GeoPackage). Given LAYER (the
500,000-polygon layer: ``python make_landuse.py /tmp/bench/landuse500k.gpkg --polygons
500000`` in shared/bench), it also adds that layer as File → Add data does and zooms to
the full extent, so that every export draws it. Then, one after the other, it runs each
workflow the way its menu entry or button does — the menu's method or QAction, with the
file and option dialogs answered — and waits until the workflow's tasks have ended and
the map is drawn again:

    open            File → Open project (with LAYER: then Add data)
    briefing_pdf    Export → One-click briefing map (A3 landscape, 300 dpi PDF)
    png_export      Export → Export map image (PNG, 300 dpi)
    atlas           Export → Atlas: one PDF, a page per feature of the smallest polygon layer
    panel_edit      Restoration panel → edit the first project's stage, Save
    screening       Analysis → Site screening of a footprint drawn in the middle of the map
    screening_pdf   … Export PDF report of that screening
    layer_toggle    the layer tree's check box of the biggest vector layer, off and on again

A 5 ms QTimer on the GUI thread records the gaps between its ticks; the longest gap
while a workflow runs is how long the interface froze. Prints JSON
``{workflow: max_stall_ms}`` (null for a workflow that could not run, with the reason
under ``"why_null"``; ``"seconds"`` gives each workflow's duration).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TICK_MS = 5
POLL_MS = 25
SETTLE_S = 0.3  # idle this long (no task, no render pending) before a workflow counts as ended
SQUARE_M = 600.0  # side of the screening footprint


class Answers:
    """What the patched file and option dialogs answer (set before each workflow)."""

    save_path: str = ""
    open_path: str = ""
    dialog_hook = None  # called with a QDialog instead of showing it modally
    workflow: str | None = None  # the one running, for the messages


def patch_dialogs(answers: Answers, messages: list) -> None:
    """Modal dialogs would wait for a person: answer them from ``answers`` instead."""
    from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: (answers.save_path, ""))
    QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: (answers.open_path, ""))
    QFileDialog.getExistingDirectory = staticmethod(lambda *a, **k: answers.save_path)
    QInputDialog.getText = staticmethod(lambda *a, **k: ("基准测试单位", True))
    QInputDialog.getItem = staticmethod(lambda *a, **k: ("300", True))

    def told(kind, answer):
        def show(parent, title, text, *args, **kwargs):
            messages.append(f"{answers.workflow or 'closing'}: {kind}: {text}")
            return answer
        return staticmethod(show)

    QMessageBox.information = told("information", QMessageBox.StandardButton.Ok)
    QMessageBox.warning = told("warning", QMessageBox.StandardButton.Ok)
    QMessageBox.critical = told("critical", QMessageBox.StandardButton.Ok)
    QMessageBox.question = told("question", QMessageBox.StandardButton.Discard)
    QMessageBox.exec = lambda self: messages.append(f"{answers.workflow or 'closing'}: {self.text()}") or 0

    def modal(self):
        hook = answers.dialog_hook
        if hook is not None:
            hook(self)
        return QDialog.DialogCode.Accepted

    QDialog.exec = modal


class StallMeter:
    """The longest gap between ticks of a 5 ms timer, per workflow."""

    def __init__(self):
        from PySide6.QtCore import Qt, QTimer

        self.current: str | None = None
        self.worst: dict[str, float] = {}
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)
        self.timer.start(TICK_MS)

    def _tick(self) -> None:
        now = time.perf_counter()
        if self.current is not None:
            gap = (now - self._last) * 1000.0
            if gap > self.worst.get(self.current, 0.0):
                self.worst[self.current] = gap
        self._last = now

    def begin(self, name: str) -> None:
        self._tick()  # the gap before the workflow is not its own
        self.current = name
        self.worst[name] = 0.0

    def end(self) -> None:
        self._tick()
        self.current = None


class StallTracer:
    """Where the GUI thread was while it froze: a watchdog thread samples its stack.

    Every ``TICK_MS`` the watchdog looks at how long ago the meter last ticked; past
    ``threshold_ms`` it records the GUI thread's innermost EcoMap frames, so each stall
    is attributed to the code that held the thread (``--trace``).
    """

    def __init__(self, meter: StallMeter, threshold_ms: float = 40.0, depth: int = 6, native: bool = False):
        import threading

        self.meter = meter
        #: with py-spy installed: one native stack dump of every thread per long stall
        self.native = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy")) if native else None
        self.dumps: list[str] = []
        self._dumped_at = 0.0
        self.threshold_s = threshold_ms / 1000.0
        self.depth = depth
        self.samples: dict[str, dict[str, int]] = {}
        self._main = threading.main_thread().ident
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True, name="stall-tracer")
        self._thread.start()

    def _where(self) -> str:
        """The GUI thread's innermost EcoMap frames; when it is inside Qt (waiting for the
        GIL, most often), the frames the worker threads were at when they let it go."""
        import threading
        import traceback

        frames = sys._current_frames()
        frame = frames.get(self._main)
        if frame is None:
            return "?"
        ours = [f for f in traceback.extract_stack(frame) if "/ecomap/" in f.filename]
        if ours:
            return "GUI: " + self._names(ours[-self.depth:])
        names = {t.ident: t.name for t in threading.enumerate()}
        workers = []
        for ident, other in frames.items():
            if ident in (self._main, threading.get_ident()):
                continue
            theirs = [f for f in traceback.extract_stack(other) if "/ecomap/" in f.filename]
            if theirs:
                workers.append(f"[{names.get(ident, ident)!s:.24}] " + self._names(theirs[-3:]))
        return "in Qt; workers: " + " | ".join(sorted(workers)) if workers else "in Qt"

    @staticmethod
    def _names(frames) -> str:
        return " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(frames))

    def _watch(self) -> None:
        while not self._stop.wait(TICK_MS / 1000.0):
            name = self.meter.current
            if name is None or time.perf_counter() - self.meter._last < self.threshold_s:
                continue
            where = self._where()
            counts = self.samples.setdefault(name, {})
            counts[where] = counts.get(where, 0) + 1
            if self.native and time.perf_counter() - self.meter._last > 0.15 and \
                    time.perf_counter() - self._dumped_at > 1.0:
                self._dump_native(name)

    def _dump_native(self, name: str) -> None:
        import subprocess

        self._dumped_at = time.perf_counter()
        done = subprocess.run([self.native, "dump", "--native", "--pid", str(os.getpid())],
                              capture_output=True, text=True, timeout=30)
        self.dumps.append(f"=== {name}: frozen {1000 * (time.perf_counter() - self.meter._last):.0f} ms\n"
                          + done.stdout[-12000:])

    def stop(self) -> dict[str, list]:
        """Per workflow: the stacks seen most while frozen, with ms spent (samples × tick)."""
        self._stop.set()
        self._thread.join(1.0)
        return {name: [[round(n * TICK_MS), where] for where, n in
                       sorted(counts.items(), key=lambda kv: -kv[1])[:8]]
                for name, counts in self.samples.items()}


def busy(window) -> str | None:
    """What the window is still doing (None when idle): a task not delivered, a render pending."""
    from ecomap.core import tasks

    # every task alive, the invisible ones too (canvas redraws, panel loads); the indicator's
    # list of visible ones where a build keeps no such set
    running = getattr(tasks, "_RUNNING", None)
    if running is not None:
        with tasks._RUNNING_LOCK:
            if any(not t.delivered for t in running):
                return "tasks"
    elif tasks.manager().active():
        return "tasks"
    window_busy = getattr(window, "_busy", None)
    if window_busy is not None and window_busy():
        return "window"
    return None


class Driver:
    """Runs the workflows one by one from the event loop.

    A workflow is a list of steps ``(start, check)``: ``start()`` does what the user's
    click does and returns None, or why it could not; once the window is idle again
    (no task running, no render pending, for ``SETTLE_S``) ``check()`` says whether it
    worked (None) or why not. Then the next step, then the next workflow.
    """

    def __init__(self, app, window, meter: StallMeter, timeout_s: float, answers: Answers):
        self.app, self.window, self.meter, self.timeout_s = app, window, meter, timeout_s
        self.answers = answers
        self.results: dict[str, float | None] = {}
        self.why_null: dict[str, str] = {}
        self.seconds: dict[str, float] = {}
        self._workflows = iter(())

    def run(self, workflows) -> None:
        from PySide6.QtCore import QTimer

        self._workflows = iter(workflows)
        QTimer.singleShot(0, self._next_workflow)

    def _next_workflow(self) -> None:
        try:
            name, steps = next(self._workflows)
        except StopIteration:
            self.app.quit()
            return
        self.meter.begin(name)
        self.answers.workflow = name
        self._t0 = time.perf_counter()
        self._name, self._steps = name, iter(steps)
        self._next_step()

    def _next_step(self) -> None:
        from PySide6.QtCore import QTimer

        try:
            start, check = next(self._steps)
        except StopIteration:
            self._finish(None)
            return
        try:
            reason = start()
        except Exception as exc:  # noqa: BLE001 - a workflow that cannot run is reported, the others go on
            reason = f"{type(exc).__name__}: {exc}"
        if reason:
            self._finish(reason)
            return
        self._idle_since = None
        QTimer.singleShot(POLL_MS, lambda: self._wait(check))

    def _wait(self, check) -> None:
        from PySide6.QtCore import QTimer

        now = time.perf_counter()
        if now - self._t0 > self.timeout_s:
            self._finish(f"did not end within {self.timeout_s:.0f} s (still busy: {busy(self.window)})")
            return
        if busy(self.window) is not None:
            self._idle_since = None
        elif self._idle_since is None:
            self._idle_since = now
        elif now - self._idle_since >= SETTLE_S:
            self._ended = self._idle_since
            try:
                reason = check() if check is not None else None
            except Exception as exc:  # noqa: BLE001
                reason = f"{type(exc).__name__}: {exc}"
            if reason:
                self._finish(reason)
            else:
                self._next_step()
            return
        QTimer.singleShot(POLL_MS, lambda: self._wait(check))

    def _finish(self, reason: str | None) -> None:
        from PySide6.QtCore import QTimer

        self.meter.end()
        self.answers.workflow = None
        name = self._name
        ended = getattr(self, "_ended", None) or time.perf_counter()
        self._ended = None
        self.seconds[name] = round(max(0.0, ended - self._t0), 2)
        if reason:
            self.results[name] = None
            self.why_null[name] = reason
        else:
            self.results[name] = round(self.meter.worst.get(name, 0.0), 1)
        print(f"{name}: {self.results[name]} ms longest stall, {self.seconds[name]} s"
              + (f" ({reason})" if reason else ""), file=sys.stderr, flush=True)
        QTimer.singleShot(200, self._next_workflow)


# ---------------------------------------------------------------------- the workflows

WORKFLOWS = ("open", "briefing_pdf", "png_export", "atlas", "panel_edit", "screening", "screening_pdf",
             "layer_toggle")


def workflows(window, answers: Answers, project: Path, layer: Path | None, out: Path):
    """[(name, [(start, check), …])] in the order they run."""
    from PySide6.QtCore import Qt

    state: dict = {}

    def written(file_name: str):
        path = out / file_name
        return lambda: None if path.exists() and path.stat().st_size > 0 else f"{path.name} was not written"

    # -- open

    def open_project():
        answers.open_path = str(project)
        window.act_open.trigger()  # File → Open project…
        return None if window.project.load_task is not None else "the project did not start opening"

    def project_opened():
        if not window.tree.layer_nodes():
            return "no layer was opened"
        state["county_view"] = window.canvas.extent()
        return None

    def add_layer():
        # File → Add data…, the file chosen (the loader is what the dialog hands the paths to)
        return None if window.loader.add_paths([str(layer)]) is not None else f"{layer} was not read"

    def layer_added():
        big = [n for n in window.tree.layer_nodes() if getattr(n.layer, "feature_count", 0) >= 100_000]
        return None if big else f"{layer} did not arrive"

    def full_extent():
        window.act_full.trigger()  # View → Full extent

    open_steps = [(open_project, project_opened)]
    if layer is not None:
        open_steps += [(add_layer, layer_added), (full_extent, None)]

    # -- exports from the Export menu

    def export(method_name: str, file_name: str, dialog_hook=None):
        def start():
            answers.save_path = str(out / file_name)
            answers.dialog_hook = dialog_hook
            try:
                task = getattr(window.export_controller, method_name)()
            finally:
                answers.dialog_hook = None
            return None if task is not None else f"{method_name}() started no export"
        return [(start, written(file_name))]

    def atlas_dialog(dialog):
        from PySide6.QtWidgets import QComboBox

        coverage = dialog.findChildren(QComboBox)[0]
        polygons = {n.id: n for n in window.tree.layer_nodes()
                    if getattr(n.layer, "geometry_type", None) == "Polygon"}
        counts = [(polygons[coverage.itemData(k)].layer.feature_count, k) for k in range(coverage.count())
                  if coverage.itemData(k) in polygons]
        sized = sorted((n, k) for n, k in counts if n >= 2)
        if sized:  # the smallest polygon layer: an atlas of a few pages, not of 500,000
            coverage.setCurrentIndex(sized[0][1])

    # -- a thematic panel's edit

    def panel_edit():
        panel = next((p for p, _title in getattr(window.panel_hub, "panels", ())
                      if type(p).__name__ == "RestorationPanel"), None)
        if panel is None:
            return "no restoration panel"
        window.panels.setCurrentWidget(panel)
        proxy = getattr(panel, "proxy", None)
        if proxy is None or proxy.rowCount() == 0:
            return "the restoration panel shows no project"
        panel.table.setCurrentIndex(proxy.index(0, 0))  # the first project, clicked

        def edit(dialog):  # in the edit dialog: the progress one point on, then Save
            spin = getattr(dialog, "progress", None)
            if spin is None:
                state["edit_problem"] = "the edit dialog has no progress field"
                return
            spin.setValue(spin.value() + 1 if spin.value() < 99 else spin.value() - 1)
            dialog.save()
            errors = getattr(dialog, "errors", None)
            if errors is not None and errors.text():
                state["edit_problem"] = errors.text()

        answers.dialog_hook = edit
        before = window.undo.count()
        try:
            panel.edit_current()  # the panel's Edit button
        finally:
            answers.dialog_hook = None
        if window.undo.count() != before + 1:
            return "the edit was not carried out: " + state.get("edit_problem", "no dialog")
        return None

    # -- site screening and its report

    def screening():
        from shapely.geometry import box

        from ecomap.gui import analysis_common as ac

        window.analysis_actions["screening"].trigger()  # Analysis → Site screening
        dialog = window.__dict__["_analysis_dialogs"]["screening"]
        state["screening"] = dialog
        minx, miny, maxx, maxy = state.get("county_view") or window.canvas.extent()
        cx, cy, r = (minx + maxx) / 2, (miny + maxy) / 2, SQUARE_M / 2
        dialog.set_drawn(box(cx - r, cy - r, cx + r, cy + r), ac.map_crs(window))
        dialog.run_panel.run_button.click()  # Screen

    def screened():
        return None if state["screening"].result is not None else "the screening gave no result"

    def screening_pdf():
        dialog = state.get("screening")
        if dialog is None or dialog.result is None:
            return "no screening result to report"
        answers.save_path = str(out / "选址分析报告.pdf")
        dialog.pdf_button.click()  # Export PDF report…
        return None

    # -- the layer tree's check box

    def set_checked(checked: bool):
        def start():
            if checked:
                node = state.get("toggled")
            else:
                nodes = [n for n in window.tree.layer_nodes() if n.visible and getattr(n, "is_vector", False)]
                node = max(nodes, key=lambda n: n.layer.feature_count) if nodes else None
                state["toggled"] = node
            if node is None:
                return "no visible vector layer"
            model = window.layer_view.model()
            state_value = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
            model.setData(model.index_of(node), state_value.value, Qt.ItemDataRole.CheckStateRole)
            return None if node.visible == checked else "the check box did not switch the layer"
        return start

    return [
        ("open", open_steps),
        ("briefing_pdf", export("one_click_briefing", "简报图.pdf")),
        ("png_export", export("export_image", "地图.png")),
        ("atlas", export("atlas", "图集.pdf", atlas_dialog)),
        ("panel_edit", [(panel_edit, None)]),
        ("screening", [(screening, screened)]),
        ("screening_pdf", [(screening_pdf, written("选址分析报告.pdf"))]),
        ("layer_toggle", [(set_checked(False), None), (set_checked(True), None)]),
    ]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("layer", nargs="?", type=Path,
                        help="a big layer to add (the 500,000-polygon GeoPackage)")
    parser.add_argument("--project", type=Path, default=ROOT / "sample_data" / "sample.ecomap")
    parser.add_argument("--timeout", type=float, default=900.0, help="seconds a workflow may take")
    parser.add_argument("--keep", type=Path, help="keep the written files in this folder")
    parser.add_argument("--trace", action="store_true",
                        help="also report where the GUI thread was while it froze (sampled stacks)")
    parser.add_argument("--native-dumps", type=Path,
                        help="with --trace and py-spy: write native stacks of long stalls to this file")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    work = Path(tempfile.mkdtemp(prefix="ecomap-bench-gui-"))
    os.environ["ECOMAP_CONFIG_DIR"] = str(work / "config")  # no recent files, no autosave recovery
    os.environ.setdefault("ECOMAP_LANG", "zh_CN")
    data = work / "project"
    shutil.copytree(args.project.parent, data)
    project = data / args.project.name
    out = args.keep or work / "out"
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication

    from ecomap import i18n
    from ecomap.io import gdal_config

    gdal_config.apply()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    from ecomap.core.gui_gc import collect_garbage_on_this_thread

    collect_garbage_on_this_thread()  # as ecomap.app.main does
    i18n.set_language(os.environ["ECOMAP_LANG"])
    messages: list[str] = []
    answers = Answers()
    patch_dialogs(answers, messages)

    from ecomap.app.main_window import MainWindow

    window = MainWindow()
    window.resize(1400, 900)
    window.show()
    meter = StallMeter()
    tracer = StallTracer(meter, native=args.native_dumps is not None) if args.trace else None
    driver = Driver(app, window, meter, args.timeout, answers)
    steps = workflows(window, answers, project, args.layer.resolve() if args.layer else None, out)
    from PySide6.QtCore import QTimer

    QTimer.singleShot(1000, lambda: driver.run(steps))  # after the empty window's first frames
    app.exec()
    try:
        from ecomap.core import tasks

        tasks.cancel_all()
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    result = {name: driver.results.get(name) for name in WORKFLOWS}
    result["why_null"] = driver.why_null
    result["seconds"] = driver.seconds
    result["scenario"] = {"project": str(args.project), "layer": str(args.layer) if args.layer else None,
                          "platform": app.platformName(), "tick_ms": TICK_MS}
    if tracer is not None:
        result["stalled_in"] = tracer.stop()
        if args.native_dumps is not None:
            args.native_dumps.write_text("\n".join(tracer.dumps), encoding="utf-8")
    if messages:
        result["messages"] = messages[:20]
    print(json.dumps(result, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
