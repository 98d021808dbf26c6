"""The fuzz harness itself: each way an input can end is told apart, and inputs are reproducible."""

from __future__ import annotations

import hashlib
import os
import random
import struct

from ecomap.errors import DataError
from tests.fuzz import mutate_shapefile
from tests.fuzz.harness import Case, Limits, run_cases
from tests.fuzz.run import generate


def _ok(path):
    return "read " + path.name


def _clean(path):
    raise DataError(path, "bad data")


def _unexpected(path):
    raise KeyError("no such column")


def _abort(path):
    os.abort()


def _silent_exit(path):
    os._exit(3)


def _spin(path):
    while True:
        pass


def _hog(path):
    return len(bytearray(8 * 1024 ** 3))


def test_each_outcome_is_told_apart():
    targets = {"ok": _ok, "clean": _clean, "unexpected": _unexpected, "abort": _abort, "exit": _silent_exit,
               "spin": _spin, "hog": _hog}

    def target(path):
        return targets[path.stem](path)

    cases = [Case(name, {f"{name}.txt": b"x"}, f"{name}.txt") for name in targets]
    limits = Limits(cpu_seconds=1, wall_seconds=60, extra_memory=1024 ** 3)
    results = {r.case.name: r for r in run_cases(cases, jobs=2, limits=limits, target=target)}
    assert {name: r.outcome for name, r in results.items()} == {
        "ok": "ok", "clean": "clean", "unexpected": "unexpected", "abort": "crash", "exit": "crash",
        "spin": "hang", "hog": "memory"}
    assert results["ok"].detail == "read ok.txt"
    assert results["clean"].detail.endswith("clean.txt: bad data")
    assert results["unexpected"].signature == "KeyError @ test_fuzz_harness.py:_unexpected"
    assert results["abort"].detail == "SIGABRT"


def _digest(cases) -> str:
    h = hashlib.sha256()
    for case in cases:
        h.update(case.main.encode())
        for name in sorted(case.files):
            h.update(name.encode() + hashlib.sha256(case.files[name]).digest())
    return h.hexdigest()


def test_inputs_depend_on_the_seed_alone():
    assert _digest(generate(7, 40)) == _digest(generate(7, 40))
    assert _digest(generate(7, 40)) != _digest(generate(8, 40))


def test_dbf_mutations_reach_the_header_fields():
    dbf = bytearray(32) + bytearray(32) + b"\x0d"
    struct.pack_into("<IHH", dbf, 4, 3, 65, 11)
    dbf[32:43] = b"NAME".ljust(11, b"\x00")
    dbf[43] = ord("C")
    dbf[48] = 10
    dbf = bytes(dbf) + b" " * 33
    rng = random.Random(1)
    lengths = {mutate_shapefile.dbf_field_length(rng, dbf)[0][48] for _ in range(60)}
    counts = {struct.unpack_from("<I", mutate_shapefile.dbf_record_count(rng, dbf)[0], 4)[0] for _ in range(60)}
    assert 0 in lengths and 255 in lengths
    assert {0, 0xFFFFFFFF} <= counts
