"""Making fuzz inputs: a seed dataset, changed by mutations that know its formats, plus blind ones.

Four out of five file mutations know the file's format (see the ``mutate_*`` modules);
the rest are blind byte flips, truncations, insertions and splices. A case can also
get side files a Shapefile may carry (.cpg naming a codec, a garbled .prj) or lose a
companion. Everything depends only on the ``random.Random`` handed in, so a run is
reproduced by its seed.
"""

from __future__ import annotations

import random
import zipfile
from pathlib import PurePosixPath

from tests.fuzz import mutate_container, mutate_shapefile, mutate_text
from tests.fuzz.harness import Case
from tests.fuzz.values import fits

_BY_SUFFIX = {
    ".dbf": mutate_shapefile.DBF, ".shx": mutate_shapefile.SHX, ".shp": mutate_shapefile.SHP,
    ".geojson": mutate_text.GEOJSON, ".json": mutate_text.GEOJSON, ".kml": mutate_text.KML,
    ".gpx": mutate_text.GPX, ".csv": mutate_text.CSV, ".txt": mutate_text.TXT, ".dxf": mutate_text.DXF,
    ".mif": mutate_text.MIF, ".mid": mutate_text.MID, ".gpkg": mutate_container.GPKG,
    ".zip": mutate_container.ZIP, ".kmz": mutate_container.ZIP,
}

# --------------------------------------------------------------------------- blind mutations


def flip_bits(rng: random.Random, data: bytes):
    out = bytearray(data)
    if not out:
        return data, "flip (empty)"
    n = rng.choice([1, 2, 8, 64])
    for _ in range(n):
        out[rng.randrange(len(out))] ^= 1 << rng.randrange(8)
    return bytes(out), f"{n} bits flipped"


def interesting_bytes(rng: random.Random, data: bytes):
    out = bytearray(data)
    if not out:
        return data, "bytes (empty)"
    at = rng.randrange(len(out))
    value = rng.choice([b"\x00", b"\xff", b"\x7f", b"\x80", b"\x00\x00\x00\x00", b"\xff\xff\xff\xff",
                        b"\xff\xff\xff\x7f", b"\x00\x00\x00\x80", b"\n", b'"', b"<", b"\xe6\xb0", b"\xb1"])
    out[at:at + len(value)] = value
    return bytes(out), f"bytes @{at} -> {value!r}"


def truncate(rng: random.Random, data: bytes):
    if len(data) < 2:
        return data, "truncate (short)"
    cut = rng.choice([rng.randrange(1, len(data)), len(data) - 1, len(data) // 2, 1])
    return data[:cut], f"truncated at {cut} of {len(data)}"


def insert_bytes(rng: random.Random, data: bytes):
    at = rng.randrange(len(data) + 1)
    n = rng.choice([1, 4, 64, 4096])
    chunk = bytes(rng.randrange(256) for _ in range(n))
    return data[:at] + chunk + data[at:], f"{n} random bytes inserted @{at}"


def duplicate_chunk(rng: random.Random, data: bytes):
    if not data:
        return data, "duplicate (empty)"
    start = rng.randrange(len(data))
    end = min(len(data), start + rng.choice([1, 16, 256, 4096]))
    times = rng.choice([1, 2, 100])
    return data[:end] + data[start:end] * times + data[end:], f"bytes {start}..{end} repeated {times}"


def swap_chunks(rng: random.Random, data: bytes):
    if len(data) < 8:
        return data, "swap (short)"
    a, b = sorted(rng.sample(range(len(data)), 2))
    n = min(rng.choice([4, 32, 512]), b - a, len(data) - b)
    return data[:a] + data[b:b + n] + data[a + n:b] + data[a:a + n] + data[b + n:], f"{n} bytes @{a} <-> @{b}"


def high_bytes(rng: random.Random, data: bytes):
    """Text bytes replaced by bytes of a double-byte code page, or by half a character."""
    out = bytearray(data)
    letters = [i for i in range(min(len(out), 200_000)) if 0x41 <= out[i] <= 0x7A]
    if not letters:
        return data, "high bytes (no letters)"
    at = rng.choice(letters)
    value = rng.choice(["水".encode("gbk"), "水".encode(), b"\xb1", b"\xe6\xb0", b"\xc0\xaf", b"\xed\xa0\x80"])
    out[at:at + len(value)] = value
    return bytes(out), f"high bytes @{at} -> {value!r}"


BLIND = (flip_bits, interesting_bytes, truncate, insert_bytes, duplicate_chunk, swap_chunks, high_bytes)


def splice(rng: random.Random, data: bytes, donor: bytes):
    if not data or not donor:
        return data, "splice (empty)"
    at = rng.randrange(len(data))
    start = rng.randrange(len(donor))
    end = min(len(donor), start + rng.choice([16, 512, 65536]))
    return data[:at] + donor[start:end] + data[at:], f"spliced {end - start} donor bytes @{at}"


# --------------------------------------------------------------------------- dispatch


def mutate_file(rng: random.Random, name: str, data: bytes, depth: int = 0) -> tuple[bytes, str]:
    """One mutation of one file, chosen by its suffix (or a blind one)."""
    suffix = PurePosixPath(name).suffix.lower()
    known = _BY_SUFFIX.get(suffix)
    if known and rng.random() < 0.8:
        mutation = rng.choice(known)
        if mutation == "member":
            if depth > 1:
                return flip_bits(rng, data)
            return mutate_container.zip_member(rng, data, lambda r, n, d: mutate_file(r, n, d, depth + 1))
        return mutation(rng, data)
    return rng.choice(BLIND)(rng, data)


def _shapefile_stems(case: Case) -> list[str]:
    return [name[:-4] for name in case.files if name.lower().endswith(".shp")]


def side_file(rng: random.Random, case: Case) -> str:
    """A .cpg or .prj beside the Shapefile (on disk or in the archive), or a companion lost."""
    stems = _shapefile_stems(case)
    if case.main.lower().endswith(".zip"):
        return _zip_side_file(rng, case)
    if not stems:
        return "side file (no Shapefile)"
    stem = rng.choice(stems)
    choice = rng.randrange(5)
    if choice <= 1:
        text, what = mutate_shapefile.cpg_text(rng)
        case.files[stem + ".cpg"] = text
        return what
    if choice <= 3:
        text, what = mutate_shapefile.prj_text(rng)
        case.files[stem + ".prj"] = text
        return what
    companion = rng.choice([".shx", ".dbf", ".prj", ".cpg"])
    case.files.pop(stem + companion, None)
    return f"{companion} removed"


def _zip_side_file(rng: random.Random, case: Case) -> str:
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(case.files[case.main])) as archive:
            members = [(info, archive.read(info)) for info in archive.infolist()]
    except Exception:  # noqa: BLE001 - a broken archive gets no side files
        return "zip side file (unreadable zip)"
    shapefiles = [info.filename for info, _ in members if info.filename.lower().endswith(".shp")]
    if not shapefiles:
        return "zip side file (no Shapefile)"
    stem = rng.choice(shapefiles)[:-4]
    if rng.random() < 0.5:
        text, what = mutate_shapefile.cpg_text(rng)
        suffix = ".cpg"
    else:
        text, what = mutate_shapefile.prj_text(rng)
        suffix = ".prj"
    kept = [(i, d) for i, d in members if i.filename.lower() != (stem + suffix).lower()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for info, payload in kept:
            archive.writestr(info, payload)
        archive.writestr(stem + suffix, text)
    case.files[case.main] = buffer.getvalue()
    return f"zip {what}"


def make_case(rng: random.Random, seed: Case, name: str, pool: list[bytes]) -> Case:
    """A new case: ``seed`` changed by one to three mutations."""
    case = Case(name, dict(seed.files), seed.main, [f"seed {seed.name}"])
    shapefile = bool(_shapefile_stems(case)) or case.main.lower().endswith(".zip")
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        if shapefile and rng.random() < 0.25:
            case.recipe.append(side_file(rng, case))
            continue
        names = sorted(case.files)
        target = case.main if case.main in case.files and rng.random() < 0.5 else rng.choice(names)
        data = case.files[target]
        try:
            if rng.random() < 0.05 and pool:
                new, what = splice(rng, data, rng.choice(pool))
            else:
                new, what = mutate_file(rng, target, data)
        except Exception as exc:  # noqa: BLE001 - a mutation that trips over its input leaves it as it was
            new, what = data, f"mutation failed ({type(exc).__name__})"
        if not fits(sum(map(len, case.files.values())) - len(data) + len(new)):
            new, what = data, f"{what} (too large: left out)"
        case.files[target] = new
        case.recipe.append(f"{target}: {what}")
    return case
