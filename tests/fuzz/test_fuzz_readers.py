"""The readers under fuzzing: a short fixed-seed run, every input the fuzzer ever broke, the pathological ones.

Each runs ``python -m tests.fuzz.run`` in a fresh interpreter: its children are forked
from a process that has done nothing but import EcoMap, and a child that hangs or
dies is counted there instead of taking the test run with it. A test fails on any
unexpected exception, crash, hang or memory blow-up, and prints what the run said.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fuzz import pathological

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).with_name("fixtures")
#: the short run: a few hundred inputs from one fixed seed, small seed datasets only
SHORT_SEED, SHORT_INPUTS, SHORT_SEED_BYTES = 20240501, 300, 120_000


def _fuzz(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tests.fuzz.run", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=1200, check=False, env={**os.environ, "ECOMAP_LANG": "en"})


def _said(proc: subprocess.CompletedProcess) -> str:
    return f"exit {proc.returncode}\n{proc.stdout}\n{proc.stderr[-4000:]}"


def test_short_fuzz_run_has_no_unexpected_exception_crash_or_hang(tmp_path):
    proc = _fuzz("--inputs", str(SHORT_INPUTS), "--seed", str(SHORT_SEED), "--max-seed-bytes", str(SHORT_SEED_BYTES),
                 "--out", str(tmp_path / "findings"), "--cpu-seconds", "30")
    assert proc.returncode == 0, _said(proc)
    counts = dict(re.findall(r"^(ok|clean|unexpected|crash|hang|memory)\s+(\d+)$", proc.stdout, re.MULTILINE))
    assert int(counts["ok"]) + int(counts["clean"]) == SHORT_INPUTS, _said(proc)
    assert int(counts["ok"]) > SHORT_INPUTS // 4, _said(proc)  # the mutations leave many inputs readable


def _replayed(folder: Path) -> tuple[subprocess.CompletedProcess, dict[str, str]]:
    """Replay every saved input under ``folder`` in one run; each input's line (pass/FAIL, outcome, detail)."""
    proc = _fuzz("--replay", str(folder), "--cpu-seconds", "30")
    lines = {m.group(2): m.group(0) for m in re.finditer(r"^(pass|FAIL) (\S+): .*$", proc.stdout, re.MULTILINE)}
    return proc, lines


@pytest.fixture(scope="module")
def fixtures_replayed():
    return _replayed(FIXTURES)


@pytest.fixture(scope="module")
def pathological_replayed(tmp_path_factory):
    root = tmp_path_factory.mktemp("pathological")
    pathological.write(root)
    return _replayed(root)


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.iterdir() if (p / "expect.json").exists()))
def test_an_input_the_fuzzer_broke_now_answers_as_expected(fixtures_replayed, name):
    proc, lines = fixtures_replayed
    assert lines.get(name, "").startswith("pass "), lines.get(name) or _said(proc)


@pytest.mark.parametrize("name", sorted(pathological.CASES))
def test_a_pathological_input_answers_with_a_layer_or_a_data_error(pathological_replayed, name):
    proc, lines = pathological_replayed
    assert lines.get(name, "").startswith("pass "), lines.get(name) or _said(proc)
