"""Desktop benchmark: EcoMap against QGIS 3.22 where the user waits (run by hand, not collected by pytest).

    .venv/bin/python tests/bench/bench_desktop.py [LAYER.gpkg ...] [--runs 3] [--display :7]
        [--screen 1600x1000] [--frames DIR] [--json OUT.json]

Without LAYER it measures /tmp/bench/landuse100k.gpkg (written with shared/bench/
make_landuse.py when missing) and /tmp/bench/landuse500k.gpkg. On its own X server
(Xvfb with its framebuffer in a file, openbox maximizing every normal window, the
pointer parked in a corner), for each layer, the two programs taking turns in every run:

desktop   ``python main.py LAYER`` against ``qgis --noversioncheck --nologo
          --profiles-path FRESH LAYER``, each with a fresh configuration (EcoMap:
          ``ECOMAP_CONFIG_DIR`` and ``XDG_CACHE_HOME``; QGIS: a new profile folder).
          Timed from launch to the main window mapped (``xdotool search
          --onlyvisible``) and to the first complete frame: the last change of the
          screen before it stays unchanged for ``--stable`` seconds while the program's
          processes stay idle (CPU under 15% of a core: a progress dialog can sit
          unchanged for seconds while a file is read; a screen still for 5× as long
          counts whatever the CPU does). Then the program is killed and started again
          with the same configuration ("reopen": what a warm start gains). Peak memory:
          the sum of RSS, and of PSS, of every process of its session.
nav       in-process on the app's own path: tests/bench/ecomap_nav.py (the main window,
          File → Add data, the canvas at the window's real size) against
          shared/bench/qgis_render.py (QgsMapRendererParallelJob) at the same size,
          both walking shared/bench/nav_views.json.

Prints one JSON object (every run and the medians over runs, and EcoMap / QGIS ratios),
then a markdown table of the medians. The first run of each program per layer is
preceded by an untimed launch that brings files and libraries into the OS cache.
Needs Xvfb, openbox, xdotool and xprop (apt-get install -y xvfb openbox xdotool x11-utils)
and QGIS with its Python bindings (qgis, python3-qgis; run under /usr/bin/python3).
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import mmap
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zlib
from collections import deque
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = ROOT.parent / "shared" / "bench"
if not SHARED.exists():
    SHARED = Path("/work/shared/bench")
QGIS_PYTHON = "/usr/bin/python3"
DEFAULT_LAYERS = (Path("/tmp/bench/landuse100k.gpkg"), Path("/tmp/bench/landuse500k.gpkg"))
IDLE_CPU_SHARE = 0.15  # of one core, over the quiet period: the program has stopped working
QUIET_ALONE_FACTOR = 5  # a screen unchanged this many quiet periods counts even while the CPU works
XWD_HEADER_WORDS = 25
TITLES = {"ecomap": "EcoMap", "qgis": "QGIS"}  # xdotool regex for each main window's title
NEEDED_TOOLS = {"Xvfb": "xvfb", "openbox": "openbox", "xdotool": "xdotool", "xprop": "x11-utils"}
OPENBOX_RC = """<?xml version="1.0" encoding="UTF-8"?>
<openbox_config xmlns="http://openbox.org/3.4/rc">
  <applications>
    <application class="*" type="normal"><maximized>true</maximized></application>
  </applications>
</openbox_config>
"""


# ---------------------------------------------------------------------- processes of one session

def session_pids(sid: int) -> list[int]:
    """Every live process of session ``sid`` (each program is started in a session of its own)."""
    pids = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            stat = read_stat(int(entry.name))
            if stat is not None and int(stat[3]) == sid:
                pids.append(int(entry.name))
    return pids


def read_stat(pid: int) -> list[str] | None:
    """/proc/PID/stat after the command name: state, ppid, pgrp, session, … utime [11], stime [12]."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            text = f.read().decode(errors="replace")
    except OSError:
        return None
    return text[text.rfind(")") + 2:].split()


def read_pss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class SessionWatch:
    """Peak memory and CPU time of a session's processes, sampled on a thread of its own.

    The process list is rescanned every ``scan_s`` (new helper processes appear rarely);
    RSS and CPU of the known ones every ``every_s``; PSS (which shares shared memory out
    fairly, where RSS counts it in every process) every ``pss_every_s``.
    """

    def __init__(self, sid: int, every_s: float = 0.1, scan_s: float = 0.5, pss_every_s: float = 1.0):
        self.sid, self.every_s, self.scan_s, self.pss_every_s = sid, every_s, scan_s, pss_every_s
        self.peak_rss_mb = 0.0
        self.peak_pss_mb = 0.0
        self.cpu: deque[tuple[float, float]] = deque(maxlen=2000)  # (perf_counter, CPU seconds so far)
        self._cpu_of: dict[int, float] = {}  # per process, kept after it ends: the total never drops
        self._tick = os.sysconf("SC_CLK_TCK")
        self._page_mb = os.sysconf("SC_PAGE_SIZE") / 1e6
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True, name="session-watch")
        self._thread.start()

    def _watch(self) -> None:
        pids: list[int] = []
        scanned = pss_at = 0.0
        while not self._stop.is_set():
            now = time.perf_counter()
            if now - scanned >= self.scan_s:
                pids, scanned = session_pids(self.sid), now
            rss = 0.0
            for pid in pids:
                stat = read_stat(pid)
                if stat is None:
                    continue
                self._cpu_of[pid] = (int(stat[11]) + int(stat[12])) / self._tick
                rss += int(stat[21]) * self._page_mb  # field 24 of stat: resident pages
            self.peak_rss_mb = max(self.peak_rss_mb, rss)
            self.cpu.append((now, sum(self._cpu_of.values())))
            if now - pss_at >= self.pss_every_s:
                pss_at = now
                self.peak_pss_mb = max(self.peak_pss_mb, sum(read_pss_kb(p) for p in pids) / 1000.0)
            self._stop.wait(self.every_s)

    def cpu_since(self, t: float) -> float:
        """CPU seconds the session used since ``t`` (perf_counter)."""
        samples = list(self.cpu)
        if not samples:
            return 0.0
        start = next((c for when, c in samples if when >= t), samples[-1][1])
        return samples[-1][1] - start

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2.0)


def end_session(proc: subprocess.Popen, grace_s: float = 5.0) -> None:
    """Stop a program started with ``start_new_session``: TERM, then KILL, every process of its session."""
    for sig in (signal.SIGTERM, signal.SIGKILL):
        pids = session_pids(proc.pid)
        if proc.poll() is None:
            pids.append(proc.pid)
        for pid in set(pids):
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass
        deadline = time.perf_counter() + grace_s
        while time.perf_counter() < deadline:
            if proc.poll() is not None and not session_pids(proc.pid):
                return
            time.sleep(0.05)
    proc.wait(grace_s)


# ---------------------------------------------------------------------- the X server

class XDisplay:
    """Xvfb with its framebuffer in a file (read without a screenshot program) and openbox."""

    def __init__(self, display: str, width: int, height: int, work: Path):
        self.display, self.width, self.height = display, width, height
        number = display.lstrip(":")
        if Path(f"/tmp/.X{number}-lock").exists() or Path(f"/tmp/.X11-unix/X{number}").exists():
            sys.exit(f"error: display {display} is in use (/tmp/.X{number}-lock); choose another with --display")
        self.env = dict(os.environ, DISPLAY=display)
        self.env.pop("QT_QPA_PLATFORM", None)
        fbdir = work / "fb"
        fbdir.mkdir()
        self._log = log = (work / "xvfb.log").open("w")  # open while the servers run
        self._file = None
        self.procs = [subprocess.Popen(["Xvfb", display, "-screen", "0", f"{width}x{height}x24", "-fbdir",
                                        str(fbdir), "-nolisten", "tcp", "-noreset"], stdout=log,
                                       stderr=subprocess.STDOUT, start_new_session=True)]
        fb = fbdir / "Xvfb_screen0"
        if not wait_for(lambda: fb.exists() and Path(f"/tmp/.X11-unix/X{number}").exists(), 10):
            self.close()
            sys.exit(f"error: Xvfb did not start on {display} (see {work / 'xvfb.log'})")
        rc = work / "openbox-rc.xml"
        rc.write_text(OPENBOX_RC)
        self.procs.append(subprocess.Popen(["openbox", "--config-file", str(rc)], env=self.env, stdout=log,
                                           stderr=subprocess.STDOUT, start_new_session=True))
        if not wait_for(lambda: "window id" in self._run("xprop", "-root", "_NET_SUPPORTING_WM_CHECK"), 10):
            self.close()
            sys.exit("error: openbox did not start")
        self._run("xdotool", "mousemove", str(width - 1), str(height - 1))  # the pointer off the map
        self._file = fb.open("rb")
        self._fb = mmap.mmap(self._file.fileno(), 0, access=mmap.ACCESS_READ)
        words = [int.from_bytes(self._fb[4 * k:4 * k + 4], "big") for k in range(XWD_HEADER_WORDS)]
        header_size, ncolors, self.bytes_per_line = words[0], words[19], words[12]
        self.pixels_at = header_size + 12 * ncolors  # XWD: header, colormap, then the pixels

    def _run(self, *cmd: str) -> str:
        done = subprocess.run(cmd, env=self.env, capture_output=True, text=True, timeout=10, check=False)
        return done.stdout

    def checksum(self) -> int:
        return zlib.crc32(self._fb)

    def snapshot(self) -> bytes:
        return self._fb[self.pixels_at:self.pixels_at + self.bytes_per_line * self.height]

    def save_png(self, pixels: bytes, path: Path) -> None:
        from PySide6.QtGui import QImage

        QImage(pixels, self.width, self.height, self.bytes_per_line, QImage.Format.Format_RGB32).save(str(path))

    def window_shown(self, title_regex: str) -> bool:
        done = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", title_regex], env=self.env,
                              capture_output=True, text=True, timeout=10, check=False)
        return done.returncode == 0 and bool(done.stdout.strip())

    def close(self) -> None:
        if self._file is not None:
            self._fb.close()
            self._file.close()
            self._file = None
        for proc in reversed(self.procs):
            end_session(proc)
        self._log.close()


def wait_for(predicate, timeout_s: float, every_s: float = 0.05) -> bool:
    deadline = time.perf_counter() + timeout_s
    while time.perf_counter() < deadline:
        if predicate():
            return True
        time.sleep(every_s)
    return predicate()


class WindowWatch:
    """When a window whose title matches first shows (xdotool, on a thread so the screen polling keeps time)."""

    def __init__(self, display: XDisplay, title_regex: str, every_s: float):
        self.found_at: float | None = None
        self._stop = threading.Event()

        def watch():
            while not self._stop.is_set():
                if display.window_shown(title_regex):
                    self.found_at = time.perf_counter()
                    return
                self._stop.wait(every_s)

        self._thread = threading.Thread(target=watch, daemon=True, name="window-watch")
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(12.0)


# ---------------------------------------------------------------------- one desktop launch

def time_desktop_open(display: XDisplay, name: str, cmd: list[str], env: dict, log: Path, args,
                      frames_to: Path | None = None) -> dict:
    """Launch, wait for the window and the first complete frame, kill; the figures of that launch."""
    snapshots: list[tuple[float, bytes]] = []
    last = display.checksum()
    t0 = time.perf_counter()
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    session = SessionWatch(proc.pid)
    window = WindowWatch(display, TITLES[name], args.poll)
    changed_at, changes, polls = None, 0, []
    try:
        while True:
            time.sleep(max(0.0, args.poll - (time.perf_counter() - (polls[-1] if polls else t0))))
            now = time.perf_counter()
            polls.append(now)
            checksum = display.checksum()
            if checksum != last:
                last, changed_at, changes = checksum, now, changes + 1
                if frames_to is not None and (not snapshots or now - snapshots[-1][0] >= 0.5):
                    snapshots.append((now, display.snapshot()))
            if proc.poll() is not None:
                raise RuntimeError(f"{name} exited with code {proc.returncode} after {now - t0:.1f} s (see {log})")
            if now - t0 > args.timeout:
                raise RuntimeError(f"{name}: no complete frame within {args.timeout:.0f} s (see {log})")
            if changed_at is None or window.found_at is None:
                continue
            quiet = now - changed_at
            idle = session.cpu_since(now - args.stable) <= IDLE_CPU_SHARE * args.stable
            if quiet >= args.stable and (idle or quiet >= QUIET_ALONE_FACTOR * args.stable):
                break
        final = display.snapshot()
    finally:
        window.stop()
        end_session(proc)
        session.stop()
    if frames_to is not None:
        frames_to.mkdir(parents=True, exist_ok=True)
        for when, pixels in snapshots:
            display.save_png(pixels, frames_to / f"{when - t0:06.2f}s.png")
        display.save_png(final, frames_to / "final.png")
    gaps = [b - a for a, b in itertools.pairwise(polls)]
    return {"window_s": round(window.found_at - t0, 3), "frame_s": round(changed_at - t0, 3),
            "screen_changes": changes, "busy_when_judged": not idle,
            "peak_rss_mb": round(session.peak_rss_mb), "peak_pss_mb": round(session.peak_pss_mb),
            "poll_ms": round(1000 * statistics.median(gaps), 1) if gaps else None}


def ecomap_launch(layer: Path, config: Path) -> tuple[list[str], dict]:
    env = {"ECOMAP_CONFIG_DIR": str(config / "config"), "XDG_CACHE_HOME": str(config / "cache"),
           "ECOMAP_LANG": "zh_CN"}
    return [str(ROOT / ".venv" / "bin" / "python"), str(ROOT / "main.py"), str(layer)], env


def qgis_launch(layer: Path, profiles: Path) -> tuple[list[str], dict]:
    return ["qgis", "--noversioncheck", "--nologo", "--profiles-path", str(profiles), str(layer)], \
        {"PATH": system_path()}


def system_path() -> str:
    """PATH without pyenv and virtual environments: QGIS's embedded Python finds its home from
    the first ``python3`` there, and a pyenv one makes it fail to import ``qgis``."""
    parts = [p for p in os.environ.get("PATH", "").split(":") if p and ".pyenv" not in p and ".venv" not in p]
    return ":".join(["/usr/bin"] + [p for p in parts if p != "/usr/bin"])


# ---------------------------------------------------------------------- in-process navigation

def run_child_json(cmd: list[str], env: dict, timeout_s: float, log: Path) -> dict:
    """Run a child in a session of its own; its last JSON line, with the session's peak memory."""
    with open(log, "w") as err:
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=err, text=True,
                                start_new_session=True)
    session = SessionWatch(proc.pid)
    try:
        out, _ = proc.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        end_session(proc)
        raise RuntimeError(f"timed out after {timeout_s:.0f} s: {' '.join(cmd)} (see {log})") from None
    finally:
        end_session(proc)  # helper processes a child left behind
        session.stop()
    lines = [ln for ln in out.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        tail = log.read_text(errors="replace").strip().splitlines()[-3:]
        raise RuntimeError(f"failed ({proc.returncode}): {' '.join(cmd)}: {' / '.join(tail)}")
    result = json.loads(lines[-1])
    result.update(peak_rss_mb=round(session.peak_rss_mb), peak_pss_mb=round(session.peak_pss_mb))
    return result


def nav_figures(result: dict, views: list[dict]) -> dict:
    """The per-run figures of a navigation result (either program)."""
    secs = result["views_s"]
    close = [s for s, v in zip(secs, views) if v["zoom"] >= 16]
    first = result["first_s"] + result.get("open_s", 0.0)  # qgis_render.py times the two apart
    read = result.get("added_s", result.get("open_s"))  # EcoMap: in the layer tree; QGIS: provider open
    out = {"read_s": read, "open_first_s": first, "warm_s": result["warm_s"], "full_view_s": secs[0],
           "nav_mean_s": result["views_mean_s"], "nav_p95_s": result["views_p95_s"],
           "zoom16_mean_s": statistics.fmean(close), "zoom16_max_s": max(close),
           "peak_rss_mb": result["peak_rss_mb"], "peak_pss_mb": result["peak_pss_mb"]}
    if "job_s" in result:  # EcoMap: what its render jobs took, without the canvas's coalescing delay
        jobs = result["job_s"]
        out["warm_job_s"] = result["warm_job_s"]
        out["nav_job_mean_s"] = statistics.fmean(jobs)
        out["zoom16_job_mean_s"] = statistics.fmean(j for j, v in zip(jobs, views) if v["zoom"] >= 16)
    for name, ms in result.get("stall_ms", {}).items():
        out[f"stall_{name}_ms"] = ms
    return out


# ---------------------------------------------------------------------- the report

ROWS = [  # (section, key, label, unit[, QGIS's key where EcoMap's figure has no twin of the same name])
    ("desktop", "window_s", "launch → window mapped", "s"),
    ("desktop", "frame_s", "launch → first complete frame (cold)", "s"),
    ("reopen", "frame_s", "launch → first complete frame (reopen, same config)", "s"),
    ("desktop", "peak_rss_mb", "desktop peak RSS, all processes", "MB"),
    ("desktop", "peak_pss_mb", "desktop peak PSS, all processes", "MB"),
    ("nav", "read_s", "in-process open (EcoMap: layer in the tree; QGIS: provider open)", "s"),
    ("nav", "open_first_s", "in-process open + first frame", "s"),
    ("nav", "warm_s", "warm redraw, same full view", "s"),
    ("nav", "full_view_s", "full-extent view, new position (nav view 1)", "s"),
    ("nav", "nav_mean_s", "navigation mean", "s"),
    ("nav", "nav_p95_s", "navigation p95", "s"),
    ("nav", "zoom16_mean_s", "zoom ≥ 16 views, mean", "s"),
    ("nav", "zoom16_max_s", "zoom ≥ 16 views, max", "s"),
    ("nav", "nav_job_mean_s", "navigation mean, EcoMap's render job alone", "s", "nav_mean_s"),
    ("nav", "zoom16_job_mean_s", "zoom ≥ 16 mean, EcoMap's render job alone", "s", "zoom16_mean_s"),
    ("nav", "stall_open_ms", "longest GUI stall while opening", "ms"),
    ("nav", "stall_nav_ms", "longest GUI stall while navigating", "ms"),
    ("nav", "peak_pss_mb", "in-process peak PSS, all processes", "MB"),
]


def medians(runs: list[dict]) -> dict:
    keys = {k for r in runs for k, v in r.items() if isinstance(v, (int, float)) and not isinstance(v, bool)}
    return {k: round(statistics.median(r[k] for r in runs if k in r), 4) for k in sorted(keys)}


def ratios(eco: dict, qgis: dict) -> dict:
    """EcoMap / QGIS for the times and memory both report (not the counts and poll intervals)."""
    return {k: round(eco[k] / qgis[k], 3) for k in eco
            if k.endswith(("_s", "_mb")) and k in qgis and qgis[k]}


def markdown(report: dict) -> str:
    lines = []
    for layer, figures in report["layers"].items():
        runs = max(len(part["ecomap"]["runs"]) for part in figures.values())
        lines += [f"\n### {layer} — medians of {runs} runs each, taking turns", "",
                  "| | EcoMap | QGIS 3.22 | EcoMap / QGIS |", "|---|---:|---:|---:|"]
        for section, key, label, unit, *twin in ROWS:
            part = figures.get(section)
            if not part or key not in part["ecomap"]["median"]:
                continue
            eco, qgis = part["ecomap"]["median"][key], part["qgis"]["median"].get(twin[0] if twin else key)
            ratio = eco / qgis if qgis else None
            fmt = (lambda v: "—" if v is None else f"{v:.0f}") if unit != "s" else \
                (lambda v: "—" if v is None else (f"{v:.3f}" if v < 1 else f"{v:.2f}"))
            lines.append(f"| {label} ({unit}) | {fmt(eco)} | {fmt(qgis)} | "
                         f"{'—' if ratio is None else f'{ratio:.2f}'} |")
        sizes = figures.get("nav", {}).get("size")
        if sizes:
            lines.append(f"\nCanvas for the in-process figures: {sizes[0]}×{sizes[1]} px (EcoMap's real "
                         f"canvas in the maximized window; QGIS rendered at the same size).")
    settings = report["settings"]
    lines.append(f"\nScreen {settings['screen']}, polled every {settings['poll_ms_measured']} ms "
                 f"(median); complete = unchanged for {settings['stable_s']} s with the program idle.")
    if report.get("code_changed_while_running"):
        lines.append("\n**ecomap/ changed while this ran**: the EcoMap figures mix code states "
                     "(see code_at_start / code_at_end).")
    return "\n".join(lines)


# ---------------------------------------------------------------------- main

def code_state() -> dict:
    """The commit, the modified files and a digest of ecomap/'s sources: others may edit the
    engine while this runs, and the digest tells whether the code EcoMap ran stayed the same."""
    def git(*cmd):
        done = subprocess.run(["git", *cmd], cwd=ROOT, capture_output=True, text=True, check=False)
        return done.stdout.rstrip()  # a status line may begin with a space

    digest = hashlib.sha1()
    for path in sorted((ROOT / "ecomap").rglob("*.py")):
        digest.update(str(path.relative_to(ROOT)).encode() + b"\0" + path.read_bytes())
    return {"commit": git("rev-parse", "--short", "HEAD").strip(),
            "modified": sorted(line[3:] for line in git("status", "--porcelain", "--", "ecomap").splitlines()),
            "sources_sha1": digest.hexdigest()[:12]}


def check_tools(skip_qgis: bool) -> None:
    missing = [pkg for tool, pkg in NEEDED_TOOLS.items() if shutil.which(tool) is None]
    if missing:
        sys.exit(f"error: missing X tools: apt-get install -y {' '.join(sorted(set(missing)))}")
    if skip_qgis:
        return
    if shutil.which("qgis") is None:
        sys.exit("error: QGIS is missing: apt-get install -y --no-install-recommends qgis python3-qgis")
    probe = subprocess.run([QGIS_PYTHON, "-c", "import qgis.core"], capture_output=True, text=True, check=False,
                           env=dict(os.environ, PATH=system_path(), QT_QPA_PLATFORM="offscreen"))
    if probe.returncode != 0:
        sys.exit(f"error: {QGIS_PYTHON} cannot import qgis.core (apt-get install -y python3-qgis): "
                 f"{probe.stderr.strip().splitlines()[-1:]}")


def ensure_layer(path: Path) -> None:
    if path.exists():
        return
    if path.name != "landuse100k.gpkg":
        sys.exit(f"error: {path} does not exist")
    print(f"writing {path} …", file=sys.stderr, flush=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, str(SHARED / "make_landuse.py"), str(path), "--polygons", "100000"], check=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("layers", nargs="*", type=Path, default=list(DEFAULT_LAYERS))
    parser.add_argument("--runs", type=int, default=3, help="runs of each program per layer, taking turns")
    parser.add_argument("--display", default=":7")
    parser.add_argument("--screen", default="1600x1000")
    parser.add_argument("--stable", type=float, default=3.0, help="seconds the screen must stay unchanged")
    parser.add_argument("--poll", type=float, default=0.05, help="seconds between screen checks")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds one launch or run may take")
    parser.add_argument("--only", choices=("desktop", "nav"), help="measure one part only")
    parser.add_argument("--no-reopen", action="store_true", help="skip the second launch with the same config")
    parser.add_argument("--no-warmup", action="store_true", help="skip the untimed first launches")
    parser.add_argument("--frames", type=Path, help="save the screens of each program's first launch here")
    parser.add_argument("--json", type=Path, help="also write the JSON report here")
    args = parser.parse_args(argv)
    check_tools(skip_qgis=False)
    for layer in args.layers:
        ensure_layer(layer)
    views = json.loads((SHARED / "nav_views.json").read_text(encoding="utf-8"))["views"]
    width, height = (int(v) for v in args.screen.lower().split("x"))
    work = Path(tempfile.mkdtemp(prefix="ecomap-bench-desktop-"))
    display = XDisplay(args.display, width, height, work)
    report = {"settings": {"screen": args.screen, "display": args.display, "stable_s": args.stable,
                           "poll_s": args.poll, "runs": args.runs, "cpus": os.cpu_count()},
              "code_at_start": code_state(), "layers": {}}
    polls = []

    def log(text):
        print(f"{time.strftime('%H:%M:%S')} {text}", file=sys.stderr, flush=True)

    try:
        for layer in args.layers:
            layer = layer.resolve()
            figures = report["layers"][layer.name] = {}
            if args.only in (None, "desktop"):
                figures.update(desktop_part(display, layer, args, work, log))
                polls += [r["poll_ms"] for part in ("desktop", "reopen") if part in figures
                          for app in ("ecomap", "qgis") for r in figures[part][app]["runs"]]
            if args.only in (None, "nav"):
                figures["nav"] = nav_part(display, layer, views, args, work, log)
    except RuntimeError as exc:  # a launch that failed or timed out: its log says why
        sys.exit(f"error: {exc}")
    finally:
        display.close()
        shutil.rmtree(work / "fb", ignore_errors=True)
    report["code_at_end"] = code_state()
    report["code_changed_while_running"] = \
        report["code_at_end"]["sources_sha1"] != report["code_at_start"]["sources_sha1"]
    report["settings"]["poll_ms_measured"] = round(statistics.median(polls), 1) if polls else None
    report["settings"]["logs"] = str(work)
    text = json.dumps(report, ensure_ascii=False, indent=1)
    print(text)
    if args.json:
        args.json.write_text(text, encoding="utf-8")
    print(markdown(report))
    return 0


def desktop_part(display: XDisplay, layer: Path, args, work: Path, log) -> dict:
    """Cold launches (and reopens) of both programs, taking turns; which goes first alternates."""
    launchers = {"ecomap": ecomap_launch, "qgis": qgis_launch}
    runs = {part: {app: [] for app in launchers} for part in ("desktop", "reopen")}
    for app, launcher in launchers.items():
        if not args.no_warmup:
            home = Path(tempfile.mkdtemp(prefix=f"warmup-{app}-", dir=work))
            cmd, env = launcher(layer, home)
            time_desktop_open(display, app, cmd, {**display.env, **env, "XDG_RUNTIME_DIR": str(home)},
                              work / f"{layer.stem}-{app}-warmup.log", args)
            log(f"{layer.name}: {app} warm-up launch done")
    for run in range(args.runs):
        order = list(launchers) if run % 2 == 0 else list(reversed(launchers))
        homes = {app: Path(tempfile.mkdtemp(prefix=f"{app}-", dir=work)) for app in order}
        for part in ("desktop", "reopen"):
            if part == "reopen" and args.no_reopen:
                continue
            for app in order:
                cmd, env = launchers[app](layer, homes[app])
                env = {**display.env, **env, "XDG_RUNTIME_DIR": str(homes[app])}
                frames = args.frames / f"{layer.stem}-{app}-{part}" if args.frames and run == 0 else None
                result = time_desktop_open(display, app, cmd, env, work / f"{layer.stem}-{app}-{part}-{run}.log",
                                           args, frames)
                runs[part][app].append(result)
                log(f"{layer.name} run {run + 1} {part} {app}: {json.dumps(result)}")
    out = {}
    for part, by_app in runs.items():
        if by_app["ecomap"]:
            med = {app: medians(r) for app, r in by_app.items()}
            out[part] = {app: {"runs": by_app[app], "median": med[app]} for app in by_app}
            out[part]["ratio"] = ratios(med["ecomap"], med["qgis"])
    return out


def nav_part(display: XDisplay, layer: Path, views: list[dict], args, work: Path, log) -> dict:
    """ecomap_nav.py and qgis_render.py on the same views at EcoMap's canvas size, taking turns."""
    views_file = SHARED / "nav_views.json"
    runs = {"ecomap": [], "qgis": []}
    size = None
    for run in range(args.runs):
        order = ("ecomap", "qgis") if run % 2 == 0 else ("qgis", "ecomap")
        for app in order:
            if app == "ecomap":
                home = Path(tempfile.mkdtemp(prefix="nav-ecomap-", dir=work))
                cmd = [str(ROOT / ".venv" / "bin" / "python"), str(HERE / "ecomap_nav.py"), str(layer),
                       "--views", str(views_file), "--timeout", str(args.timeout)]
                env = {**display.env, "ECOMAP_CONFIG_DIR": str(home / "config"),
                       "XDG_CACHE_HOME": str(home / "cache"), "XDG_RUNTIME_DIR": str(home), "ECOMAP_LANG": "zh_CN"}
            else:
                cmd = [QGIS_PYTHON, str(SHARED / "qgis_render.py"), str(layer), "--out",
                       str(work / f"{layer.stem}-qgis-nav.png"), "--size", f"{size[0]}x{size[1]}",
                       "--parallel", "--views", str(views_file)]
                env = dict(os.environ, PATH=system_path(), QT_QPA_PLATFORM="offscreen")
            result = run_child_json(cmd, env, args.timeout * 3, work / f"{layer.stem}-{app}-nav-{run}.log")
            if app == "ecomap":
                size = size or result["size"]
            runs[app].append(result)
            log(f"{layer.name} run {run + 1} nav {app}: {json.dumps(nav_figures(result, views))}")
    figures = {app: [nav_figures(r, views) for r in results] for app, results in runs.items()}
    med = {app: medians(f) for app, f in figures.items()}
    ratio = ratios(med["ecomap"], med["qgis"])
    for job, whole in (("nav_job_mean_s", "nav_mean_s"), ("zoom16_job_mean_s", "zoom16_mean_s")):
        ratio[job] = round(med["ecomap"][job] / med["qgis"][whole], 3)
    return {"size": size, "ratio": ratio,
            **{app: {"runs": runs[app], "median": med[app]} for app in runs}}


if __name__ == "__main__":
    sys.exit(main())
