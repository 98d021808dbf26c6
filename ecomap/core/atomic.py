"""Atomic file writes: write beside the target, flush to disk, then rename over it.

Every writer in EcoMap (project files, layouts, exports, reports) goes through
:func:`atomic_target`, so a crash, a full disk or a cancelled export never leaves a
truncated file where the last good one was, and never leaves temporary files behind.
The temporary file lives in the target's folder (``os.replace`` is only atomic
within one file system) and gets the old file's permissions, or the usual ones for a
new file, rather than ``mkstemp``'s private 0600.

This lives in core (not io) because the project file is written here and core must
not depend on io; io's writers import it from here.
"""

from __future__ import annotations

import functools
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ecomap.errors import DataError
from ecomap.i18n import tr


@contextmanager
def atomic_target(path, suffix: str | None = None, *, data_error: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it over ``path`` if the block succeeds.

    The temporary file exists (empty) when the block starts; writers that must create
    the file themselves (GDAL) may delete it first. ``suffix`` is the temporary name's
    ending (default ``.tmp``); pass ``path.suffix`` for libraries that pick the format
    from the extension. On success the file is fsync'ed, given the old file's mode and
    renamed over ``path``; on any failure it is removed and the target is untouched.

    With ``data_error`` (the default) a missing folder or an ``OSError`` becomes a
    :class:`DataError` naming ``path``; without it ``OSError`` propagates unchanged.
    """
    path = Path(path)
    if not data_error:
        with _replace_on_success(path, suffix) as tmp:
            yield tmp
        return
    if not path.parent.is_dir():
        raise DataError(path, tr("the folder does not exist"))
    try:
        with _replace_on_success(path, suffix) as tmp:
            yield tmp
    except OSError as exc:
        raise DataError(path, tr("cannot write the file ({detail})").format(detail=exc.strerror or exc)) from None


def atomic_write_bytes(path, data: bytes, *, data_error: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically (see :func:`atomic_target`)."""
    with atomic_target(path, data_error=data_error) as tmp:
        tmp.write_bytes(data)


def atomic_write_text(path, text: str, encoding: str = "utf-8", *, data_error: bool = True) -> None:
    """Replace ``path`` with ``text`` atomically (see :func:`atomic_target`)."""
    atomic_write_bytes(path, text.encode(encoding), data_error=data_error)


def new_file_mode(path: Path) -> int:
    """Permission bits for a file written at ``path``: the old file's, else 0666 minus the umask."""
    try:
        return Path(path).stat().st_mode & 0o777
    except FileNotFoundError:
        return 0o666 & ~_umask()


@contextmanager
def _replace_on_success(path: Path, suffix: str | None) -> Iterator[Path]:
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp" if suffix is None else suffix,
                                dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with tmp.open("rb+") as fh:  # on disk before it replaces the old file
            os.fsync(fh.fileno())
        os.chmod(tmp, new_file_mode(path))
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


@functools.cache
def _umask() -> int:
    # Read once: os.umask can only be read by setting it, which races with other threads.
    mask = os.umask(0)
    os.umask(mask)
    return mask
