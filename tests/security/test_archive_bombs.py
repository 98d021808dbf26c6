"""Zip bombs: a small KMZ or ZIP whose member inflates to gigabytes is refused, in bounded memory.

The bombs are built without inflating anything: one mebibyte of spaces deflated after a
full flush gives the same ~1 KB every time, so the stream is that block repeated.
The header either tells the member's true size (refused by its ratio before reading)
or claims a small one (refused while inflating, when the data does not end there).
"""

from __future__ import annotations

import struct
import tracemalloc
import zlib
from pathlib import Path

import pytest

from ecomap.errors import DataError
from ecomap.io import kml
from ecomap.io.registry import open_path

MIB = 1024 ** 2


def _deflated_spaces(mib: int, head: bytes) -> bytes:
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    start = co.compress(head) + co.flush(zlib.Z_FULL_FLUSH)
    block = co.compress(b" " * MIB) + co.flush(zlib.Z_FULL_FLUSH)
    return start + block * mib + co.flush(zlib.Z_FINISH)


def _bomb(path: Path, member: str, mib: int, declared: int | None = None, head: bytes = b"") -> Path:
    """A one-member ZIP; ``declared`` is the size its headers claim (the true size when None)."""
    data = _deflated_spaces(mib, head)
    size = len(head) + mib * MIB if declared is None else declared
    name = member.encode()
    crc = 0  # never reached: the size checks come first
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(data), size, len(name), 0)
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(data), size,
                          len(name), 0, 0, 0, 0, 0, 0)
    offset = len(local) + len(name) + len(data)
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central) + len(name), offset, 0)
    path.write_bytes(local + name + data + central + name + end)
    return path


def _peak_of(fn) -> int:
    tracemalloc.start()
    try:
        fn()
    finally:
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return peak


def test_kmz_of_1_4_mb_inflating_to_gigabytes_is_refused_by_its_ratio(tmp_path):
    bomb = _bomb(tmp_path / "bomb.kmz", "doc.kml", 1400, head=b"<kml><Document>")
    assert bomb.stat().st_size < 1.6 * MIB
    with pytest.raises(DataError, match="zip bomb"):
        _peak_of(lambda: kml.read(bomb))
    assert _peak_of(lambda: pytest.raises(DataError, kml.read, bomb)) < 32 * MIB


def test_kmz_hiding_its_size_is_refused_before_inflating(tmp_path):
    """The header says 100 KB; the data goes on for 4,000 MiB."""
    bomb = _bomb(tmp_path / "liar.kmz", "doc.kml", 4000, declared=100_000, head=b"<kml><Document>")
    assert bomb.stat().st_size < 5 * MIB
    with pytest.raises(DataError, match="misstates the size"):
        open_path(bomb)


def test_kmz_understating_its_size_is_refused_while_inflating(tmp_path):
    """A size within the ratio limit, the data twice as long: reading stops at the size claimed."""
    compressed = len(_deflated_spaces(200, b"<kml><Document>"))
    bomb = _bomb(tmp_path / "liar.kmz", "doc.kml", 200, declared=400 * compressed, head=b"<kml><Document>")
    with pytest.raises(DataError, match="damaged"):
        open_path(bomb)
    assert _peak_of(lambda: pytest.raises(DataError, open_path, bomb)) < 400 * compressed * 2.5


def test_zip_bomb_is_refused_by_its_ratio(tmp_path):
    bomb = _bomb(tmp_path / "bomb.zip", "a.geojson", 1400, head=b'{"type": "FeatureCollection", "features": [')
    with pytest.raises(DataError, match="zip bomb"):
        open_path(bomb)


def test_zip_member_hiding_its_size_is_refused_before_gdal_inflates_it(tmp_path):
    """GDAL inflates a /vsizip/ member to the end of its data whatever the header says."""
    bomb = _bomb(tmp_path / "liar.zip", "a.geojson", 4000, declared=2_000,
                 head=b'{"type": "FeatureCollection", "features": [')
    with pytest.raises(DataError, match="misstates the size"):
        open_path(bomb)
