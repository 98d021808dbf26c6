"""Minimal hand-written ASCII DXF drawings for the DXF reader tests.

A DXF file is a flat list of (group code, value) pairs, one per line. An R12
(AC1009) file needs little more than an ENTITIES section; the header carries the
code page ($DWGCODEPAGE) that tells readers how the bytes of layer names and text
are encoded. LWPOLYLINE is an R14+ entity, but readers (GDAL included) accept it
with its subclass markers in an R12 file, so the builder can write both forms.

Usage::

    dxf = DxfBuilder(codepage="ANSI_936")
    dxf.line("道路", (0, 0), (10, 0))
    dxf.polyline("地块", [(0, 0), (10, 0), (10, 10)], closed=True)
    dxf.text("注记", (5, 5), "水库")
    dxf.write(tmp_path / "a.dxf")  # encoded with the code page's codec
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

_CODEC = {"ANSI_936": "gbk", "ANSI_1252": "cp1252", "UTF-8": "utf-8"}

Point = Sequence[float]


class DxfBuilder:
    def __init__(self, codepage: str | None = "ANSI_936", version: str = "AC1009"):
        self.codepage = codepage
        self.version = version
        self.layers: list[str] = []
        self._entities: list[tuple[int, object]] = []
        self._blocks: dict[str, DxfBuilder] = {}

    # -- entities -------------------------------------------------------------
    def _layer(self, name: str) -> None:
        if name not in self.layers:
            self.layers.append(name)

    def _add(self, pairs: Iterable[tuple[int, object]], paper_space: bool = False) -> None:
        pairs = list(pairs)
        if paper_space:
            # group 67 = 1 marks an entity in paper space (a layout sheet)
            pairs.insert(2, (67, 1))
        self._entities.extend(pairs)

    def line(self, layer: str, start: Point, end: Point, paper_space: bool = False) -> None:
        self._layer(layer)
        self._add([(0, "LINE"), (8, layer), (10, start[0]), (20, start[1]), (30, 0.0),
                   (11, end[0]), (21, end[1]), (31, 0.0)], paper_space)

    def polyline(self, layer: str, points: Sequence[Point], closed: bool = False) -> None:
        """An R12 POLYLINE with VERTEX entities and SEQEND; flag 1 = closed."""
        self._layer(layer)
        pairs: list[tuple[int, object]] = [(0, "POLYLINE"), (8, layer), (66, 1),
                                           (10, 0.0), (20, 0.0), (30, 0.0), (70, 1 if closed else 0)]
        for x, y in points:
            pairs += [(0, "VERTEX"), (8, layer), (10, x), (20, y), (30, 0.0)]
        pairs += [(0, "SEQEND"), (8, layer)]
        self._add(pairs)

    def lwpolyline(self, layer: str, points: Sequence[Point], closed: bool = False) -> None:
        """An LWPOLYLINE (R14+), the form AutoCAD and CASS write for polylines today."""
        self._layer(layer)
        pairs: list[tuple[int, object]] = [(0, "LWPOLYLINE"), (100, "AcDbEntity"), (8, layer),
                                           (100, "AcDbPolyline"), (90, len(points)),
                                           (70, 1 if closed else 0)]
        for x, y in points:
            pairs += [(10, x), (20, y)]
        self._add(pairs)

    def point(self, layer: str, xy: Point) -> None:
        self._layer(layer)
        self._add([(0, "POINT"), (8, layer), (10, xy[0]), (20, xy[1]), (30, 0.0)])

    def text(self, layer: str, xy: Point, text: str, height: float = 2.5) -> None:
        self._layer(layer)
        self._add([(0, "TEXT"), (8, layer), (10, xy[0]), (20, xy[1]), (30, 0.0),
                   (40, height), (1, text)])

    def block(self, name: str) -> DxfBuilder:
        """A block definition; add entities to the returned builder, place it with insert()."""
        block = DxfBuilder(codepage=None, version=self.version)
        self._blocks[name] = block
        return block

    def insert(self, layer: str, name: str, xy: Point) -> None:
        self._layer(layer)
        self._add([(0, "INSERT"), (8, layer), (2, name), (10, xy[0]), (20, xy[1]), (30, 0.0)])

    # -- output ---------------------------------------------------------------
    def pairs(self) -> list[tuple[int, object]]:
        for block in self._blocks.values():
            for name in block.layers:
                self._layer(name)
        header: list[tuple[int, object]] = [(0, "SECTION"), (2, "HEADER"), (9, "$ACADVER"), (1, self.version)]
        if self.codepage:
            header += [(9, "$DWGCODEPAGE"), (3, self.codepage)]
        header += [(0, "ENDSEC")]
        tables: list[tuple[int, object]] = [(0, "SECTION"), (2, "TABLES"), (0, "TABLE"), (2, "LAYER"),
                                            (70, len(self.layers))]
        for name in self.layers:
            tables += [(0, "LAYER"), (2, name), (70, 0), (62, 7), (6, "CONTINUOUS")]
        tables += [(0, "ENDTAB"), (0, "ENDSEC")]
        blocks: list[tuple[int, object]] = [(0, "SECTION"), (2, "BLOCKS")]
        for name, block in self._blocks.items():
            blocks += [(0, "BLOCK"), (8, "0"), (2, name), (70, 0), (10, 0.0), (20, 0.0), (30, 0.0),
                       (3, name), *block._entities, (0, "ENDBLK"), (8, "0")]
        blocks += [(0, "ENDSEC")]
        entities = [(0, "SECTION"), (2, "ENTITIES"), *self._entities, (0, "ENDSEC")]
        return header + tables + blocks + entities + [(0, "EOF")]

    def text_content(self) -> str:
        lines = []
        for code, value in self.pairs():
            lines.append(f"{code:>3}")
            lines.append(_fmt(value))
        return "\r\n".join(lines) + "\r\n"

    def write(self, path: Path, encoding: str | None = None) -> Path:
        codec = encoding or _CODEC.get(self.codepage or "", "utf-8")
        Path(path).write_bytes(self.text_content().encode(codec))
        return Path(path)


def _fmt(value: object) -> str:
    if isinstance(value, float):
        return repr(value)
    return str(value)
