"""The fuzz run: mutated seeds through ``ecomap info``'s reading path, counted by outcome.

    .venv/bin/python -m tests.fuzz.run --inputs 3000 --seed 1
    .venv/bin/python -m tests.fuzz.run --inputs 500 --seed 7 --out /tmp/findings --jobs 2

Prints how many inputs ended in each outcome (see :mod:`tests.fuzz.harness`) and the
distinct failures (exception type and innermost EcoMap frame), and saves every failing
input with its ``result.json`` (what happened, the traceback and the mutations that
made it) under ``--out``. Input *i* of seed *N* is the same on every machine.

A fixed finding becomes a regression fixture: its folder, without ``result.json``,
under ``tests/fuzz/fixtures/<what it is>/`` with an ``expect.json`` naming the file to
open (``main``), the outcome it must now have (``ok`` or ``clean``), optionally texts the
outcome must mention (``contains``), and what the fuzzer found (``found``, ``recipe``).
``--replay`` runs saved inputs again, and tests/fuzz/test_fuzz_readers.py replays them all:

    .venv/bin/python -m tests.fuzz.run --replay tests/fuzz/fixtures
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from tests.fuzz import seeds as seed_files
from tests.fuzz.harness import (
    DEFAULT_LIMITS,
    FAILURES,
    OUTCOMES,
    Case,
    Limits,
    Result,
    load_saved,
    run_cases,
    save_failure,
)
from tests.fuzz.mutate import make_case


def generate(seed: int, count: int, max_seed_bytes: int | None = None) -> Iterator[Case]:
    """``count`` cases, input *i* made by ``random.Random(f"{seed}:{i}")`` alone."""
    pool = seed_files.load(max_seed_bytes)
    donors = [data for case in pool for data in case.files.values() if len(data) < 200_000]
    for i in range(count):
        rng = random.Random(f"{seed}:{i}")
        yield make_case(rng, rng.choice(pool), f"{seed}-{i:05d}", donors)


def fuzz(seed: int, count: int, jobs: int = 2, limits: Limits = DEFAULT_LIMITS, out: Path | None = None,
         max_seed_bytes: int | None = None, progress: bool = False) -> tuple[Counter, list[Result]]:
    """Run ``count`` inputs; the count per outcome and the failing results (saved under ``out``)."""
    counts: Counter = Counter()
    failures: list[Result] = []
    started = time.monotonic()
    for n, result in enumerate(run_cases(generate(seed, count, max_seed_bytes), jobs, limits), start=1):
        counts[result.outcome] += 1
        if result.outcome in FAILURES:
            if out is not None:
                save_failure(result, out)
            result.case.files = {}  # saved; the report needs only the name and the recipe
            failures.append(result)
        if progress and n % 100 == 0:
            print(f"  {n:>6} inputs, {time.monotonic() - started:6.0f} s: "
                  + ", ".join(f"{k} {counts[k]}" for k in OUTCOMES if counts[k]), file=sys.stderr, flush=True)
    return counts, failures


def report(counts: Counter, failures: list[Result]) -> str:
    lines = ["outcome      inputs"]
    lines += [f"{outcome:<12} {counts[outcome]:>6}" for outcome in OUTCOMES]
    lines.append(f"{'total':<12} {sum(counts.values()):>6}")
    by_signature: dict[str, list[Result]] = {}
    for result in failures:
        by_signature.setdefault(f"{result.outcome}: {result.signature}", []).append(result)
    if by_signature:
        lines.append("")
        lines.append("distinct failures:")
    for signature, results in sorted(by_signature.items(), key=lambda item: -len(item[1])):
        first = results[0]
        lines.append(f"  {len(results):>5} × {signature}")
        lines.append(f"          e.g. {first.case.name} ({first.case.main}): {first.detail[:150]}")
        lines.append(f"          made by: {'; '.join(first.case.recipe)[:200]}")
    return "\n".join(lines)


def replay(folders: list[Path], jobs: int = 2, limits: Limits = DEFAULT_LIMITS) -> tuple[list[str], bool]:
    """Run saved inputs again (fixtures or saved failures; a folder of them is looked into).

    A fixture's ``expect.json`` names the outcome it must have (``ok`` or ``clean``) and
    text the outcome's detail must contain (a note, the error message); the lines
    printed, and whether every input ended as expected.
    """
    found = []
    for folder in folders:
        if (folder / "expect.json").exists() or (folder / "result.json").exists():
            found.append(folder)
        else:
            found.extend(p for p in sorted(folder.iterdir()) if (p / "expect.json").exists()
                         or (p / "result.json").exists())
    expectations = {f.name: json.loads((f / "expect.json").read_text(encoding="utf-8"))
                    for f in found if (f / "expect.json").exists()}
    lines, good = [], True
    for result in run_cases([load_saved(f) for f in found], jobs, limits):
        expect = expectations.get(result.case.name, {})
        wanted = expect.get("outcome")
        missing = [text for text in expect.get("contains", []) if text not in result.detail]
        fine = result.outcome not in FAILURES and (wanted is None or result.outcome == wanted) and not missing
        good &= fine
        lines.append(f"{'pass' if fine else 'FAIL'} {result.case.name}: {result.outcome}"
                     + (f" (expected {wanted})" if wanted and wanted != result.outcome else "")
                     + (f"; missing {missing}" if missing else "") + f": {result.detail[:300]}")
        if not fine and result.trace:
            lines.append(result.trace)
    return sorted(lines, key=lambda line: line.split(":")[0].split(" ", 1)[1]), good


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=3000, help="how many inputs to run")
    parser.add_argument("--seed", type=int, default=1, help="the run's random seed")
    parser.add_argument("--jobs", type=int, default=2, help="inputs run at once")
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) / "ecomap-fuzz-findings",
                        help="folder for failing inputs (default: %(default)s)")
    parser.add_argument("--cpu-seconds", type=int, default=20, help="CPU time after which an input is a hang")
    parser.add_argument("--max-seed-bytes", type=int, default=None, help="leave out larger seed datasets")
    parser.add_argument("--replay", type=Path, nargs="+", metavar="FOLDER",
                        help="run saved inputs (fixtures or saved failures) again instead of new ones")
    args = parser.parse_args(argv)
    limits = Limits(cpu_seconds=args.cpu_seconds, wall_seconds=max(120, 6 * args.cpu_seconds))
    if args.replay:
        lines, good = replay(args.replay, args.jobs, limits)
        print("\n".join(lines))
        return 0 if good else 1
    started = time.monotonic()
    counts, failures = fuzz(args.seed, args.inputs, args.jobs, limits, args.out, args.max_seed_bytes, progress=True)
    print(report(counts, failures))
    print(f"\n{sum(counts.values())} inputs in {time.monotonic() - started:.0f} s; "
          f"failing inputs saved under {args.out}" if failures else "")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
