"""ZIP archives: a checked look inside, member names as their author wrote them, and
GDAL paths that read a member in place (``/vsizip/``) without unpacking anything.

Names: the ZIP format marks UTF-8 names with a flag; names without it are in the
writer's code page. Zips made on Chinese Windows (Explorer's "send to compressed
folder", WinRAR, 360压缩) store GBK bytes without the flag, which Python's zipfile
decodes as CP437 (mojibake such as "═╝░▀.shp"). The raw bytes are recovered and
decoded as UTF-8, else GBK, else GB18030; the member is shown by that name. GDAL
decodes unflagged names with its ``CPL_ZIP_ENCODING`` option (CP437 unless set), so
each member also keeps the name GDAL lists, which is the one a ``/vsizip/`` path
must use.

Safety, shared with KMZ reading: a member name that is absolute or climbs out with
".." refuses the archive; so do too many members, a total uncompressed size over
the budget, a member whose compression ratio only a zip bomb reaches, a member whose
compressed data is larger than the size its header declares (a bomb that hides its
size: GDAL inflates the whole stream whatever the header says), and entries whose
compressed data overlap (their compressed sizes add up to more than the archive).
Reads through Python are capped whatever the headers claim.
"""

from __future__ import annotations

import io
import lzma
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Self

from ecomap.errors import DataError
from ecomap.i18n import tr

MAX_MEMBERS = 20_000
#: uncompressed bytes of all members together (what the headers declare)
MAX_TOTAL_BYTES = 4 * 1024 ** 3
#: uncompressed ÷ compressed size beyond which a member is taken for a zip bomb;
#: real tables of mostly blank text fields stay far below it
MAX_RATIO = 500
#: members smaller than this are harmless whatever their ratio
RATIO_FLOOR = 1024 ** 2
#: largest member copied out for a reader that needs a file of its own
MAX_EXTRACT_BYTES = 1024 ** 3

#: what reading a member may raise when its data are damaged: a failed inflate (zlib, LZMA;
#: bzip2 raises OSError), a bad CRC, a truncated stream, an unknown compression method, a
#: local header whose name is flagged UTF-8 and is not
MEMBER_ERRORS = (zipfile.BadZipFile, zlib.error, lzma.LZMAError, RuntimeError, OSError, EOFError,
                 NotImplementedError, UnicodeDecodeError)

_UTF8_FLAG = 0x800
_ENCRYPTED_FLAG = 0x1
_NAME_CODECS = ("utf-8", "gbk", "gb18030")
#: folders and files that archivers add and that never hold data
_JUNK = re.compile(r"(^|/)(__MACOSX/|\._[^/]*$|\.DS_Store$|Thumbs\.db$)", re.IGNORECASE)


def unsafe_member_name(name: str) -> bool:
    """True for a name that would land outside the folder it is unpacked in."""
    normal = name.replace("\\", "/")
    return (normal.startswith("/") or re.match(r"^[A-Za-z]:", normal) is not None
            or ".." in PurePosixPath(normal).parts)


def read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int, too_large: DataError,
                path: Path) -> bytes:
    """A member's bytes, refusing with ``too_large`` past ``limit`` bytes whatever its header says."""
    if info.file_size > limit:
        raise too_large
    buffer = io.BytesIO()
    try:
        with archive.open(info) as member:
            while chunk := member.read(1024 * 1024):
                buffer.write(chunk)
                if buffer.tell() > limit:
                    raise too_large
    except MEMBER_ERRORS as exc:
        raise damaged(path, exc) from None
    return buffer.getvalue()


def damaged(path: Path, exc: BaseException) -> DataError:
    """The error for an archive whose member cannot be read (``exc`` says why)."""
    return DataError(path, tr("the ZIP archive is damaged ({detail})").format(detail=str(exc) or type(exc).__name__))


@dataclass(frozen=True)
class Member:
    """One file inside the archive."""

    name: str  # as its author wrote it
    gdal_name: str  # as GDAL's /vsizip/ lists it
    info: zipfile.ZipInfo

    @property
    def suffix(self) -> str:
        return PurePosixPath(self.name).suffix.lower()

    @property
    def size(self) -> int:
        return self.info.file_size


class Archive:
    """A checked ZIP file, open for reading its members (use it as a context manager)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        try:
            self._zip = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError, EOFError, UnicodeDecodeError):
            # UnicodeDecodeError: a member name flagged as UTF-8 that is not
            raise DataError(self.path, tr("not a valid ZIP archive")) from None
        try:
            infos = self._zip.infolist()
            check_archive(self.path, infos)
            self.members = _members(infos)
        except BaseException:
            self._zip.close()
            raise
        self._by_name = {m.name.lower(): m for m in self.members}

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    def find(self, name: str) -> Member | None:
        """The member of that name (letter case ignored, as on Windows, where these zips come from)."""
        return self._by_name.get(name.lower())

    def sibling(self, member: Member, suffix: str) -> Member | None:
        """The member beside ``member`` with the same stem and ``suffix`` (".dbf", ".cpg", …)."""
        return self.find(str(PurePosixPath(member.name).with_suffix(suffix)))

    def gdal_path(self, member: Member | str) -> str:
        """A path GDAL opens in place; the braces keep a ".zip" inside folder names harmless."""
        name = member.gdal_name if isinstance(member, Member) else member
        return f"/vsizip/{{{self.path.resolve()}}}/{name}"

    def open(self, member: Member) -> BinaryIO:
        try:
            return self._zip.open(member.info)
        except MEMBER_ERRORS as exc:
            raise damaged(self.path, exc) from None

    def read(self, member: Member, limit: int) -> bytes:
        too_large = DataError(self.path, tr("{member} is larger than {limit} MB; EcoMap refuses it")
                              .format(member=member.name, limit=limit // 1024 ** 2))
        return read_capped(self._zip, member.info, limit, too_large, self.path)

    def extract(self, member: Member, folder: Path, limit: int = MAX_EXTRACT_BYTES) -> Path:
        """Copy one member into ``folder`` under its own base name, refusing it past ``limit`` bytes."""
        too_large = DataError(self.path, tr("{member} is larger than {limit} MB; EcoMap refuses it")
                              .format(member=member.name, limit=limit // 1024 ** 2))
        if member.size > limit:
            raise too_large
        target = Path(folder) / PurePosixPath(member.name).name
        written = 0
        with self.open(member) as source, target.open("wb") as out:
            try:
                while chunk := source.read(1024 * 1024):
                    written += out.write(chunk)
                    if written > limit:
                        raise too_large
            except MEMBER_ERRORS as exc:
                raise damaged(self.path, exc) from None
        return target


def check_archive(path: Path, infos: list[zipfile.ZipInfo]) -> None:
    """Refuse archives that are unsafe to look into (see the module docstring)."""
    if len(infos) > MAX_MEMBERS:
        raise DataError(path, tr("the ZIP archive holds {n:,} files, more than the {limit:,} EcoMap reads")
                        .format(n=len(infos), limit=MAX_MEMBERS))
    for info in infos:
        if unsafe_member_name(info.filename):
            raise DataError(path, tr("the ZIP archive contains an unsafe file name ({name}); EcoMap refuses it")
                            .format(name=info.filename))
        if info.flag_bits & _ENCRYPTED_FLAG:
            raise DataError(path, tr("the ZIP archive is password-protected; unpack it with its password first"))
        if info.compress_size > info.file_size + info.file_size // 100 + 1024:
            # deflate never grows data by more than a few bytes per block: the header hides the size
            raise DataError(path, tr("the ZIP archive misstates the size of {name}, as only a zip bomb does; "
                                     "EcoMap refuses the archive").format(name=info.filename))
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise DataError(path, tr("{name} expands {ratio:,.0f} times, as only a zip bomb does; EcoMap refuses "
                                     "the archive").format(name=info.filename,
                                                           ratio=info.file_size / max(info.compress_size, 1)))
    total = sum(i.file_size for i in infos)
    if total > MAX_TOTAL_BYTES:
        raise DataError(path, tr("the ZIP archive unpacks to {size:,} MB, more than the {limit:,} MB EcoMap reads")
                        .format(size=total // 1024 ** 2, limit=MAX_TOTAL_BYTES // 1024 ** 2))
    if sum(i.compress_size for i in infos) > path.stat().st_size:
        raise DataError(path, tr("the ZIP archive's entries overlap, as only a zip bomb's do; EcoMap refuses it"))


def _members(infos: list[zipfile.ZipInfo]) -> list[Member]:
    files = [i for i in infos if not i.is_dir() and not _JUNK.search(i.filename)]
    legacy = [i.filename.encode("cp437") for i in files if not i.flag_bits & _UTF8_FLAG]
    codec = legacy_name_codec(legacy)
    gdal_codec = _gdal_name_codec()
    out = []
    for info in files:
        if info.flag_bits & _UTF8_FLAG:
            out.append(Member(info.filename, info.filename, info))
            continue
        raw = info.filename.encode("cp437")
        out.append(Member(raw.decode(codec), _decode_or_cp437(raw, gdal_codec), info))
    return out


def legacy_name_codec(raw_names: list[bytes]) -> str:
    """The code page that decodes every unflagged name: UTF-8, else GBK, else GB18030, else CP437."""
    if all(name.isascii() for name in raw_names):
        return "cp437"
    for codec in _NAME_CODECS:
        try:
            for name in raw_names:
                name.decode(codec)
        except UnicodeDecodeError:
            continue
        return codec
    return "cp437"


def _gdal_name_codec() -> str:
    import pyogrio

    return pyogrio.get_gdal_config_option("CPL_ZIP_ENCODING") or "cp437"


def _decode_or_cp437(raw: bytes, codec: str) -> str:
    try:
        return raw.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return raw.decode("cp437")
