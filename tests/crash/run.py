"""Kill EcoMap's writers with SIGKILL at random points; afterwards there must be the whole old dataset or the whole new one.

Usage (from the repository root)::

    .venv/bin/python -m tests.crash.run --trials 100            # every kind, the long run
    .venv/bin/python -m tests.crash.run --trials 5 --size small  # what the test suite runs
    .venv/bin/python -m tests.crash.run --sweep shp              # shp: kill before every step in turn

Each trial lays down the old dataset (or nothing), forks a child that writes the new
one, and kills it — half the trials after a random delay drawn from the measured
duration of the write (``timed``), half just before a random file-system call or SQL
statement of the write (``step``: the child counts its own ``os.replace``,
``os.unlink``, ``os.fsync`` … and, for edits, the statements sqlite3 runs; EcoMap
itself has no hook for this). The parent then reads what is there — first through
EcoMap's reader, as the next open would, then independently (:mod:`tests.crash.kinds`)
— and counts anything that is neither the old nor the new dataset as *partial*.
Finally it writes to the same place once more, uninterrupted, and counts any file
left there that the dataset does not have as a *stray*.

Forking from one process that has imported everything keeps a trial at the cost of
the write itself rather than of starting Python (GDAL and numpy are fork-safe while
no thread is running; the environment below keeps their thread pools at one).
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMBA_NUM_THREADS"):
    os.environ.setdefault(_var, "1")
os.environ.setdefault("ECOMAP_LANG", "en")

import argparse
import json
import random
import shutil
import signal
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from tests.crash.kinds import Kind, all_kinds

#: the file-system calls a ``step`` kill may come just before
STEP_CALLS = ("replace", "rename", "unlink", "remove", "rmdir", "mkdir", "fsync", "chmod", "open", "close",
              "write", "link")
EXIT_OK, EXIT_ERROR = 0, 3
SWAP_MANIFEST = ".~ecomap-swap-"  # how the manifest of a file-set swap is named (for the tally only)


class Steps:
    """Counts the child's steps and kills it (SIGKILL, no clean-up of any kind) at step ``kill_at``."""

    def __init__(self, kill_at: int | None):
        self.kill_at, self.count = kill_at, 0

    def step(self) -> None:
        self.count += 1
        if self.count == self.kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    def install(self, kind: Kind) -> None:
        for name in STEP_CALLS:
            real = getattr(os, name)

            def counted(*args, _real=real, **kwargs):
                self.step()
                return _real(*args, **kwargs)

            setattr(os, name, counted)
        kind.instrument(self)


@dataclass
class Tally:
    kind: str
    trials: int = 0
    killed: int = 0  # the child died by SIGKILL before it finished
    finished: int = 0  # the write completed before the kill came
    write_errors: int = 0  # the write raised (a DataError …) instead
    outcomes: dict = field(default_factory=dict)  # old / new / absent → count
    partial: int = 0
    temp_left_by_kill: int = 0  # trials whose kill left temporary files (cleaned by the next write)
    swap_completed_on_read: int = 0  # trials whose kill left a Shapefile swap that the next read completed
    strays_after_next_write: int = 0
    next_write_failed: int = 0
    duration_s: float = 0.0
    steps: int = 0
    problems: list = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not (self.partial or self.strays_after_next_write or self.next_write_failed)


def _child(kind: Kind, place: Path, kill_at: int | None, report_fd: int | None, write) -> None:
    """Runs in the forked child: the write, then ``os._exit`` (never back into the parent's code)."""
    code = EXIT_OK
    try:
        steps = Steps(kill_at)
        if kill_at is not None or report_fd is not None:
            steps.install(kind)
        try:
            write(place)
        except Exception as exc:  # noqa: BLE001 - reported to the parent as an exit code
            print(f"[{kind.name}] write raised {type(exc).__name__}: {exc}", file=sys.stderr)
            code = EXIT_ERROR
        if report_fd is not None:
            os.write(report_fd, str(steps.count).encode())
    finally:
        os._exit(code)


def _fork(kind: Kind, place: Path, *, kill_at=None, kill_after=None, count_steps=False, write=None):
    """(exit status, step count or None, wall time) of one write in a forked child."""
    read_fd, write_fd = os.pipe() if count_steps else (None, None)
    sys.stdout.flush()
    sys.stderr.flush()
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        if read_fd is not None:
            os.close(read_fd)
        _child(kind, place, kill_at, write_fd, write or kind.write_new)
    if write_fd is not None:
        os.close(write_fd)
    if kill_after is not None:
        deadline = start + kill_after
        while time.perf_counter() < deadline:
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                break
            time.sleep(min(0.0005, max(0.0, deadline - time.perf_counter())))
        else:
            os.kill(pid, signal.SIGKILL)
            _, status = os.waitpid(pid, 0)
    else:
        _, status = os.waitpid(pid, 0)
    elapsed = time.perf_counter() - start
    count = None
    if read_fd is not None:
        with os.fdopen(read_fd, "rb") as fh:
            text = fh.read().decode()
        count = int(text) if text else None
    return status, count, elapsed


def measure(kind: Kind, place: Path, repeats: int = 2) -> tuple[float, int]:
    """(mean wall time of an uninterrupted write, its step count), from the old state."""
    times, counts = [], []
    for _ in range(repeats):
        kind.reset(place, "old")
        status, count, elapsed = _fork(kind, place, count_steps=True)
        if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != EXIT_OK:
            raise RuntimeError(f"{kind.name}: the uninterrupted write failed (status {status})")
        times.append(elapsed)
        counts.append(count)
    state = kind.observe(place)
    if state != "new":
        raise RuntimeError(f"{kind.name}: an uninterrupted write reads as {state}")
    return sum(times) / len(times), min(counts)


def _judge(kind: Kind, place: Path, initial: str, tally: Tally, label: str) -> None:
    left = set(os.listdir(place)) - kind.expected_files(place)
    if left:
        tally.temp_left_by_kill += 1
    if any(name.startswith(SWAP_MANIFEST) for name in left):
        tally.swap_completed_on_read += 1
    state = kind.observe(place)
    allowed = {"old", "new"} if initial == "old" else {"absent", "new"}
    if state in allowed:
        tally.outcomes[state] = tally.outcomes.get(state, 0) + 1
    else:
        tally.partial += 1
        tally.problems.append(f"{label}: {state}")
    status, _, _ = _fork(kind, place, write=kind.write_next)
    after = kind.after_next_ok(place)
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != EXIT_OK or after != "new":
        tally.next_write_failed += 1
        tally.problems.append(f"{label}: the next write failed or reads as {after}")
    strays = sorted(set(os.listdir(place)) - kind.expected_files(place))
    if strays:
        tally.strays_after_next_write += 1
        tally.problems.append(f"{label}: left after the next write: {strays}")


def run_kind(kind: Kind, work: Path, size: str, trials: int, rng: random.Random, sweep: bool = False,
             log=print) -> Tally:
    work.mkdir(parents=True)
    kind.prepare(work, size)
    place = work / "place"
    duration, steps = measure(kind, place)
    tally = Tally(kind.name, duration_s=round(duration, 4), steps=steps)
    plan = ([("step", k, "old") for k in range(1, steps + 1)] if sweep else
            [("timed" if i % 2 == 0 else "step", None,
              "absent" if kind.may_start_absent and rng.random() < 0.2 else "old") for i in range(trials)])
    for i, (mode, k, initial) in enumerate(plan):
        kind.reset(place, initial)
        if mode == "timed":
            delay = rng.uniform(0.0, duration)
            status, _, _ = _fork(kind, place, kill_after=delay)
            label = f"trial {i} (timed {delay * 1000:.1f} ms, from {initial})"
        else:
            k = k or rng.randint(1, steps)
            status, _, _ = _fork(kind, place, kill_at=k)
            label = f"trial {i} (before step {k}/{steps}, from {initial})"
        tally.trials += 1
        if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
            tally.killed += 1
        elif os.WIFEXITED(status) and os.WEXITSTATUS(status) == EXIT_OK:
            tally.finished += 1
        else:
            tally.write_errors += 1
        _judge(kind, place, initial, tally, label)
    log(f"{kind.name:10} trials {tally.trials:4}  killed {tally.killed:4}  finished {tally.finished:3}  "
        f"errors {tally.write_errors:2}  outcomes {tally.outcomes}  partial {tally.partial}  "
        f"temp-left-by-kill {tally.temp_left_by_kill:3}  swaps-completed-on-read {tally.swap_completed_on_read:3}  strays-after-next-write {tally.strays_after_next_write}  "
        f"(write {duration * 1000:.0f} ms, {steps} steps)")
    for problem in tally.problems[:10]:
        log(f"    {problem}")
    return tally


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.crash.run", description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=100, help="trials per kind (default 100)")
    parser.add_argument("--kinds", default="", help="comma-separated kinds (default: all)")
    parser.add_argument("--size", choices=("tiny", "small", "large"), default="large",
                        help="features of the new dataset: tiny 300, small 1500, large 6000 (default)")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--sweep", default="", help="comma-separated kinds killed before every step in turn "
                                                     "instead of at random")
    parser.add_argument("--json", type=Path, default=None, help="write the tallies here")
    parser.add_argument("--workdir", type=Path, default=None)
    args = parser.parse_args(argv)

    kinds = all_kinds()
    wanted, sweep = [n for n in args.kinds.split(",") if n], [n for n in args.sweep.split(",") if n]
    unknown = set(wanted + sweep) - {k.name for k in kinds}
    if unknown:
        parser.error(f"unknown kinds {sorted(unknown)}; choose from {[k.name for k in kinds]}")
    if wanted:
        kinds = [k for k in kinds if k.name in wanted]
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    rng = random.Random(seed)
    print(f"seed {seed}, {args.trials} trials per kind, size {args.size}")
    root = Path(tempfile.mkdtemp(prefix="ecomap-crash-", dir=args.workdir))
    try:
        tallies = [run_kind(kind, root / kind.name, args.size, args.trials, rng, kind.name in sweep)
                   for kind in kinds]
    finally:
        shutil.rmtree(root, ignore_errors=True)
    total = {key: sum(getattr(t, key) for t in tallies) for key in
             ("trials", "killed", "partial", "temp_left_by_kill", "swap_completed_on_read",
              "strays_after_next_write", "next_write_failed")}
    print("total", total)
    if args.json:
        args.json.write_text(json.dumps({"seed": seed, "total": total, "kinds": [asdict(t) for t in tallies]},
                                        ensure_ascii=False, indent=1), encoding="utf-8")
    return 0 if all(t.ok for t in tallies) else 1


if __name__ == "__main__":
    sys.exit(main())
