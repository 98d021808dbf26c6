"""Run one fuzz input the way ``ecomap info`` does, in a forked child, and say how it ended.

The parent imports EcoMap once; each input runs in a child forked from it (copy on
write: no import cost per input) under a CPU-time limit, a wall-clock backstop and a
cap on its address space, so an input that hangs, exhausts memory or kills the
interpreter is counted instead of stopping the run. CPU time, not wall time, is what
calls an input a hang: the machine is shared, and a busy neighbour must not turn a
slow answer into a finding.

Outcomes:

``ok``          read and described; JSON and table output written
``clean``       :class:`ecomap.errors.DataError` (the one user-facing error)
``unexpected``  any other exception (a traceback the user would see)
``crash``       the child died of a signal or without reporting (segfault, abort)
``hang``        over the CPU-time limit (or the wall-clock backstop)
``memory``      ``MemoryError`` under the address-space cap, or killed for memory
"""

from __future__ import annotations

import faulthandler
import io
import json
import os
import resource
import shutil
import signal
import tempfile
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from contextlib import redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path

from ecomap.errors import DataError

OUTCOMES = ("ok", "clean", "unexpected", "crash", "hang", "memory")
#: outcomes that are findings (a bug to fix), not answers
FAILURES = ("unexpected", "crash", "hang", "memory")


@dataclass
class Case:
    """One input: the files of one dataset, the one to open, and how it was made."""

    name: str
    files: dict[str, bytes]
    main: str
    recipe: list[str] = field(default_factory=list)

    def write(self, folder: Path) -> Path:
        for name, data in self.files.items():
            target = folder / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        return folder / self.main


@dataclass
class Result:
    case: Case
    outcome: str
    detail: str = ""  # what was read (ok), the message (clean), the exception or the signal
    signature: str = ""  # what tells one bug from another: exception type and innermost EcoMap frame
    trace: str = ""
    seconds: float = 0.0


@dataclass(frozen=True)
class Limits:
    cpu_seconds: int = 20
    wall_seconds: int = 120
    #: address space allowed on top of what the parent already maps
    extra_memory: int = 3 * 1024 ** 3


DEFAULT_LIMITS = Limits()


# --------------------------------------------------------------------------- the target


def describe_as_info(path: Path) -> str:
    """What ``ecomap info`` and ``ecomap info --json`` do with ``path``, checking the text they print.

    Every text value and field name of every layer must be valid Unicode (a lone
    surrogate prints as a crash, not as the file's text), whether or not ``info``
    happens to show it.
    """
    from ecomap.cli import cmd_info

    layers: list = []
    opener = cmd_info.open_path

    def open_and_keep(p):
        layers.extend(opener(p))
        return layers

    cmd_info.open_path = open_and_keep
    try:
        info = cmd_info.describe(path)
    finally:
        cmd_info.open_path = opener
    text = json.dumps(cmd_info.json_value(info), ensure_ascii=False, indent=1, allow_nan=False)
    text.encode("utf-8")
    with redirect_stdout(io.StringIO()) as table:
        cmd_info._print_table(info)
    table.getvalue().encode("utf-8")
    for layer in layers:
        if layer.kind == "vector":
            check_text(layer)
    return summary(layers)


def summary(layers: list) -> str:
    """What was read, for the record of an ``ok`` input: each layer's name, size, encoding, CRS and notes."""
    out = []
    for layer in layers:
        if layer.kind != "vector":
            out.append({"name": layer.name, "kind": layer.kind})
            continue
        columns = list(layer.attribute_columns)
        first = layer.features.iloc[0] if layer.feature_count else {}
        out.append({"name": layer.name, "features": layer.feature_count,
                    "encoding": layer.encoding.encoding if layer.encoding else None,
                    "crs": layer.crs_info.to_json().get("epsg"), "notes": list(layer.notes + layer.geometry_notes),
                    "first": {str(c): str(first[c])[:40] for c in columns[:8]} if layer.feature_count else {},
                    "columns": [str(c) for c in columns[:200]], "column_count": len(columns)})
    return json.dumps(out, ensure_ascii=False)[:20_000]


def check_text(layer) -> None:
    """Raise UnicodeEncodeError when a field name or text value of ``layer`` is not valid Unicode."""
    frame = layer.features
    for name in frame.columns:
        str(name).encode("utf-8")
        column = frame[name]
        if column.dtype == object or str(column.dtype).startswith("str"):
            values = [v for v in column.tolist() if isinstance(v, str)]
            "".join(values).encode("utf-8")
    for note in layer.notes:
        note.encode("utf-8")


def _signature(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    own = [f for f in frames if "/ecomap/" in f.filename.replace("\\", "/")]
    where = own[-1] if own else (frames[-1] if frames else None)
    place = f"{Path(where.filename).name}:{where.name}" if where else "?"
    return f"{type(exc).__name__} @ {place}"


def _child(case: Case, folder: Path, report: Path, limits: Limits, target: Callable[[Path], str | None]) -> None:
    """Runs in the forked child: limits, the target, the outcome written to ``report``; never returns."""
    code = 0
    try:
        faulthandler.disable()  # pytest's writes to a saved copy of stderr: a crash is counted, not printed
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)  # GDAL and libraries print to the C streams
        resource.setrlimit(resource.RLIMIT_CPU, (limits.cpu_seconds, limits.cpu_seconds + 5))
        mapped = _mapped_bytes()
        resource.setrlimit(resource.RLIMIT_AS, (mapped + limits.extra_memory, mapped + limits.extra_memory))
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        signal.alarm(limits.wall_seconds)
        start = time.process_time()
        outcome = {"outcome": "ok"}
        try:
            outcome["detail"] = target(case.write(folder)) or ""
        except MemoryError as exc:
            outcome = {"outcome": "memory", "detail": "MemoryError", "signature": _signature(exc),
                       "trace": traceback.format_exc()}
        except Exception as exc:  # noqa: BLE001 - classifying every exception is the point
            if isinstance(exc, DataError):
                outcome = {"outcome": "clean", "detail": exc.user_message()[:500]}
            else:
                outcome = {"outcome": "unexpected", "detail": f"{type(exc).__name__}: {str(exc)[:500]}",
                           "signature": _signature(exc), "trace": traceback.format_exc()}
        outcome["seconds"] = time.process_time() - start
        report.write_text(json.dumps(outcome, ensure_ascii=True, default=str))
    except BaseException:  # noqa: BLE001 - the child must never fall back into the parent's code
        code = 70
    finally:
        os._exit(code)


def _mapped_bytes() -> int:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


# --------------------------------------------------------------------------- running many

_READERS = ("ecomap.cli.cmd_info", "ecomap.io.registry", "ecomap.io.ogr", "ecomap.io.kml", "ecomap.io.csv_points",
            "ecomap.io.parcel_txt", "ecomap.io.dxf", "ecomap.io.gpx", "ecomap.io.mapinfo", "ecomap.io.zipped",
            "ecomap.io.raster")


def preload() -> None:
    """Import the readers once in the parent, so that no child pays for the imports."""
    import importlib

    os.environ.setdefault("ECOMAP_LANG", "en")
    for name in _READERS:
        importlib.import_module(name)



def run_cases(cases: Iterable[Case], jobs: int = 2, limits: Limits = DEFAULT_LIMITS,
              target: Callable[[Path], str | None] = describe_as_info) -> Iterator[Result]:
    """Run ``cases`` in up to ``jobs`` children at once; results as the children finish."""
    preload()
    cases = iter(cases)
    running: dict[int, tuple[Case, Path, float]] = {}
    exhausted = False
    while True:
        while not exhausted and len(running) < jobs:
            case = next(cases, None)
            if case is None:
                exhausted = True
                break
            folder = Path(tempfile.mkdtemp(prefix="ecomap-fuzz-"))
            (folder / "data").mkdir()
            pid = os.fork()
            if pid == 0:
                _child(case, folder / "data", folder / "result.json", limits, target)
            running[pid] = (case, folder, time.monotonic())
        if not running:
            return
        pid, status = os.wait()
        if pid not in running:
            continue
        case, folder, started = running.pop(pid)
        yield _result(case, folder, status, time.monotonic() - started)
        shutil.rmtree(folder, ignore_errors=True)


def _result(case: Case, folder: Path, status: int, seconds: float) -> Result:
    report = folder / "result.json"
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        if sig in (signal.SIGXCPU, signal.SIGALRM):
            return Result(case, "hang", signal.Signals(sig).name, f"hang ({signal.Signals(sig).name})",
                          seconds=seconds)
        if sig == signal.SIGKILL:
            return Result(case, "memory", "SIGKILL (out of memory?)", "killed", seconds=seconds)
        name = signal.Signals(sig).name
        return Result(case, "crash", name, f"crash ({name})", seconds=seconds)
    if not report.exists():
        return Result(case, "crash", f"exit status {os.WEXITSTATUS(status)} without a report",
                      "crash (no report)", seconds=seconds)
    data = json.loads(report.read_text())
    return Result(case, data["outcome"], data.get("detail", ""), data.get("signature", ""),
                  data.get("trace", ""), data.get("seconds", seconds))


def load_saved(folder: Path) -> Case:
    """A saved input (a failure kept by :func:`save_failure`, or a regression fixture) as a Case."""
    meta_file = folder / "expect.json" if (folder / "expect.json").exists() else folder / "result.json"
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    files = {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
             if p.is_file() and p.name not in ("result.json", "expect.json")}
    return Case(folder.name, files, meta["main"], list(meta.get("recipe", [])))


def save_failure(result: Result, root: Path) -> Path:
    """Keep a failing input under ``root`` with what happened (its files, result.json)."""
    slug = "".join(c if c.isalnum() else "_" for c in result.signature)[:60] or result.outcome
    target = root / f"{result.outcome}-{slug}-{result.case.name}"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    result.case.write(target)
    (target / "result.json").write_text(json.dumps(
        {"outcome": result.outcome, "detail": result.detail, "signature": result.signature,
         "main": result.case.main, "recipe": result.case.recipe, "trace": result.trace},
        ensure_ascii=False, indent=1))
    return target
