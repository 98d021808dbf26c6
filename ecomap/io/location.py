"""Where a dataset's files are: a file on disk, or a member of a ZIP archive.

The readers that look at a format's side files themselves (a Shapefile's .cpg and
.dbf, a MapInfo table's header) ask a location for them, so one reader serves both
places: GDAL gets ``gdal_path`` (``/vsizip/…`` for a member), the user's messages
and the layer's recorded source name the file they know (the archive and the member).
"""

from __future__ import annotations

from contextlib import AbstractContextManager, nullcontext
from pathlib import Path, PurePosixPath
from typing import BinaryIO

from ecomap.core.layers import DataSource
from ecomap.errors import DataError
from ecomap.io.archive import Archive, Member


def member_key(member: str, layer: str | None = None) -> str:
    """How a layer inside an archive is recorded: ``member`` or ``member|layer``."""
    return member if layer is None else f"{member}|{layer}"


class FileLocation:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.gdal_path = str(self.path)
        self.label = self.path.name
        self.stem = self.path.stem
        self.suffix = self.path.suffix.lower()

    def open(self) -> BinaryIO:
        return self.path.open("rb")

    def open_sibling(self, suffix: str) -> AbstractContextManager[BinaryIO | None]:
        """The file beside this one with ``suffix`` (either letter case), opened for reading, or None."""
        for candidate in (self.path.with_suffix(suffix.lower()), self.path.with_suffix(suffix.upper())):
            if candidate.is_file():
                return candidate.open("rb")
        return nullcontext(None)

    def has_sibling(self, suffix: str) -> bool:
        return any(p.is_file() for p in (self.path.with_suffix(suffix.lower()), self.path.with_suffix(suffix.upper())))

    def source(self, layer: str | None) -> DataSource:
        return DataSource(self.path, layer)

    def error(self, message: str) -> DataError:
        return DataError(self.path, message)


class MemberLocation:
    def __init__(self, archive: Archive, member: Member):
        self.archive, self.member = archive, member
        self.gdal_path = archive.gdal_path(member)
        self.label = member.name
        self.stem = PurePosixPath(member.name).stem
        self.suffix = member.suffix

    def open(self) -> BinaryIO:
        return self.archive.open(self.member)

    def open_sibling(self, suffix: str) -> AbstractContextManager[BinaryIO | None]:
        sibling = self.archive.sibling(self.member, suffix)
        return nullcontext(None) if sibling is None else self.archive.open(sibling)

    def has_sibling(self, suffix: str) -> bool:
        return self.archive.sibling(self.member, suffix) is not None

    def source(self, layer: str | None) -> DataSource:
        return DataSource(self.archive.path, member_key(self.member.name, layer))

    def error(self, message: str) -> DataError:
        return DataError(self.archive.path, f"{self.member.name}: {message}")
