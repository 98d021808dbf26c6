"""Atomic writes of files and of file sets: afterwards the old dataset or the new one, never a mix.

Every writer in EcoMap (project files, layouts, exports, reports) goes through this
module, so a crash, a ``kill -9``, a full disk or a cancelled export never leaves a
truncated file or a mismatched set where the last good one was.

* One file: :func:`atomic_target` yields a temporary path in the target's folder
  (``os.replace`` is only atomic within one file system); the block writes it, and
  on success it is flushed to disk, given the old file's permissions (or the usual
  ones for a new file) and renamed over the target in one step.
* A dataset of several files (a Shapefile's .shp/.shx/.dbf/.prj/.cpg) cannot be
  renamed in one step. :func:`atomic_file_set` yields a temporary folder beside the
  target; the new files are written there and flushed, then a *manifest* naming the
  set (``.~ecomap-swap-<name>``) is written — complete, by rename — before the first
  file moves, and removed after the last. A process killed in between leaves the
  manifest, and the next read (:func:`finish_interrupted_swap`, called by the
  readers) or write of the same dataset completes the swap from the staged files,
  which were whole on disk before the manifest existed. The set's *key* member (a
  Shapefile's index) leaves first and arrives last, so a program that knows nothing
  of manifests finds the set without its key while it is incomplete and refuses it,
  rather than reading new records through an old index.

Temporary names start with ``.~ecomap-`` and the writing process's id. A failed
write removes its own; the next write to the same target removes those whose
process is gone (:func:`remove_stale_temps`), so a killed run leaves nothing behind
for long.

This lives in core (not io) because the project file is written here and core must
not depend on io; io's writers import it from here.
"""

from __future__ import annotations

import functools
import json
import os
import re
import secrets
import shutil
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from ecomap.errors import DataError
from ecomap.i18n import tr

#: How every temporary file, folder and manifest EcoMap leaves beside a target begins.
TEMP_PREFIX = ".~ecomap-"
SWAP_PREFIX = TEMP_PREFIX + "swap-"
#: A manifest older than this belongs to no live swap (a swap is a few renames): its
#: process id was reused by another program, so the swap is completed regardless.
SWAP_GRACE_S = 60.0
#: How long a reader waits for another process's swap of the same dataset to finish.
SWAP_WAIT_S = 5.0

_TEMP_NAME = re.compile(r"\.~ecomap-(\d+)-([0-9a-f]{8})-(.*)", re.DOTALL)
_NAME_BYTES = 160  # of the target's name kept in a temporary name (file names hold 255 bytes)
_SQLITE_SIDECARS = ("-journal", "-wal", "-shm")
_MANIFEST_FORMAT = "ecomap-file-set-swap"

_active: set[str] = set()  # temporary paths and manifests this process is using right now
_active_lock = threading.Lock()


# ----------------------------------------------------------------------------- single files

@contextmanager
def atomic_target(path, suffix: str | None = None, *, data_error: bool = True) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; move it over ``path`` if the block succeeds.

    The temporary file exists (empty) when the block starts; writers that must create
    the file themselves (GDAL) may delete it first. ``suffix`` is the temporary name's
    ending (default ``.tmp``); pass ``path.suffix`` for libraries that pick the format
    from the extension. On success the file is fsync'ed, given the old file's mode and
    renamed over ``path``; on any failure it is removed (with any SQLite journal
    beside it) and the target is untouched. Stale temporary files of earlier writes to
    ``path`` whose process is gone are removed first.

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
        raise _write_error(path, exc) from None


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
    _quietly(remove_stale_temps, path)
    tmp = _claim(path, ".tmp" if suffix is None else suffix)
    try:
        yield tmp
        with tmp.open("rb+") as fh:  # on disk before it replaces the old file
            os.fsync(fh.fileno())
        os.chmod(tmp, new_file_mode(path))
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    finally:
        _discard(tmp)


# ----------------------------------------------------------------------------- file sets

@dataclass
class StagedSet:
    """The temporary folder a file set is written into, and (after the swap) the files installed."""

    folder: Path
    installed: list[Path] = field(default_factory=list)


@contextmanager
def atomic_file_set(path, members: Sequence[str], key: str | None = None, *,
                    data_error: bool = True) -> Iterator[StagedSet]:
    """Replace the dataset ``path`` and its companion files in one swap (see the module docstring).

    The block writes the new files into ``staged.folder``, named as they are to be
    named beside ``path``. ``members`` are the endings (".shp", ".dbf", ".qix" …) of
    the files that belong to a dataset named like ``path``: those of the old dataset
    that the new one lacks are removed by the swap, so no stale index or projection
    outlives it. ``key`` is the member that leaves first and arrives last. An
    interrupted swap of the same dataset is completed, and stale temporary files are
    removed, before anything is written. If the block fails, the staged files are
    removed and the old dataset is untouched.
    """
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise DataError(path, tr("the folder does not exist"))
    try:
        finish_interrupted_swap(path)
        _quietly(remove_stale_temps, path)
        staging = _claim(path, "", folder=True)
    except OSError as exc:
        raise _maybe_data_error(path, exc, data_error) from None
    staged = StagedSet(staging)
    try:
        yield staged
        manifest = _plan(path, staging, members, key)
        for name in manifest["install"]:  # on disk before any of them replaces an old file
            _fsync_file(staging / name)
            os.chmod(staging / name, new_file_mode(folder / name))
        _fsync_dir(staging)
        manifest_path = _write_manifest(path, manifest)
    except BaseException as exc:
        _discard(staging)
        if isinstance(exc, OSError):
            raise _maybe_data_error(path, exc, data_error) from None
        raise
    try:
        _complete(folder, manifest_path, manifest)
    except OSError as exc:
        raise DataError(path, tr("the files of the dataset could not all be moved into place ({detail}); "
                                 "EcoMap finishes the swap when the dataset is next opened or written")
                        .format(detail=exc.strerror or exc)) from None
    finally:
        _release(staging, manifest_path)
    staged.installed = [folder / name for name in manifest["install"]]


def finish_interrupted_swap(path) -> bool:
    """Complete a swap of the file set ``path`` that a killed process left half done.

    Cheap when there is none (one ``stat``). A swap another live process (or thread)
    is carrying out is waited for, up to :data:`SWAP_WAIT_S`. Returns True when a swap
    was completed here. Raises :class:`DataError` when it cannot be completed.
    """
    path = Path(path)
    folder = path.parent
    manifest_path = _manifest_path(path)
    if not manifest_path.exists():
        return False
    deadline = time.monotonic() + SWAP_WAIT_S
    try:
        while True:
            manifest = _read_manifest(manifest_path, path)
            if manifest is None:
                return False
            if not _swap_in_progress(manifest_path, manifest):
                break
            if time.monotonic() > deadline:
                raise DataError(path, tr("another program is writing this dataset; try again when it has "
                                         "finished"))
            time.sleep(0.02)
        _complete(folder, manifest_path, manifest)
    except OSError as exc:
        raise DataError(path, tr("an interrupted write of this dataset could not be finished ({detail})")
                        .format(detail=exc.strerror or exc)) from None
    return True


def _plan(path: Path, staging: Path, members: Sequence[str], key: str | None) -> dict:
    """The manifest: what the swap installs (the main file first, the key last) and removes.

    The main file goes first so that a swap cut short is visible under the dataset's
    own name, where the readers look (and complete it), not as orphaned companions.
    """
    stem = path.name[: len(path.name) - len(path.suffix)]
    member_names = {(stem + s).lower() for s in members}
    member_names.add(path.name.lower())
    produced = sorted(p.name for p in staging.iterdir() if p.name.lower() in member_names)
    key_name = next((n for n in produced if key and n.lower() == (stem + key).lower()), None)
    main = [n for n in produced if n == path.name]
    last = [key_name] if key_name else []
    install = main + [n for n in produced if n not in main + last] + last
    remove = sorted(n for n in os.listdir(path.parent) if n.lower() in member_names and n not in produced)
    return {"format": _MANIFEST_FORMAT, "pid": os.getpid(), "target": path.name, "staging": staging.name,
            "key": key_name, "remove": remove, "install": install}


def _complete(folder: Path, manifest_path: Path, manifest: dict) -> None:
    """Carry the swap through; every step may already have happened (a re-run after a kill)."""
    staging = folder / manifest["staging"]
    if not staging.is_dir():  # finished but for removing the manifest (or nothing staged survives)
        _unlink(manifest_path)
        return
    key = manifest["key"]
    if key and (staging / key).exists():  # the new key is not in yet: any key here is the old one
        _unlink(folder / key)
    for name in manifest["remove"]:
        _unlink(folder / name)
    for name in manifest["install"]:
        try:
            os.replace(staging / name, folder / name)
        except FileNotFoundError:  # moved by the run that was interrupted, or by a concurrent finisher
            pass
    _fsync_dir(folder)
    _remove_tree(staging)
    _unlink(manifest_path)
    _fsync_dir(folder)


def _manifest_path(path: Path) -> Path:
    return path.parent / f"{SWAP_PREFIX}{_tag(path.name)}"


def _write_manifest(path: Path, manifest: dict) -> Path:
    manifest_path = _manifest_path(path)
    tmp = _claim(path, ".swap")
    try:
        tmp.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
        _fsync_file(tmp)
        with _active_lock:
            _active.add(_key(manifest_path))
        os.replace(tmp, manifest_path)  # the manifest is whole whenever it is visible
        _fsync_dir(path.parent)
    except BaseException:
        _release(manifest_path)
        raise
    finally:
        _discard(tmp)
    return manifest_path


def _read_manifest(manifest_path: Path, path: Path) -> dict | None:
    """The manifest when it is one of ours for ``path``; a damaged or foreign one is removed."""
    try:
        manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        manifest = None
    if not _valid_manifest(manifest, path):
        _unlink(manifest_path)
        return None
    return manifest


def _valid_manifest(manifest, path: Path) -> bool:
    """Names only (nothing outside the folder), the staging folder one of ours, the members named like ``path``."""
    if not isinstance(manifest, dict) or manifest.get("format") != _MANIFEST_FORMAT:
        return False
    names = [*manifest.get("install", []), *manifest.get("remove", [])]
    plain = all(isinstance(n, str) and n and n == Path(n).name and n not in (".", "..") for n in
                [*names, manifest.get("staging", "")])
    stem = path.name[: len(path.name) - len(path.suffix)].lower()
    return (plain and isinstance(manifest.get("pid"), int) and _TEMP_NAME.fullmatch(manifest["staging"]) is not None
            and all(n.lower().startswith(stem) for n in names) and manifest.get("key") in (None, *names))


def _swap_in_progress(manifest_path: Path, manifest: dict) -> bool:
    pid = manifest["pid"]
    if pid == os.getpid():
        with _active_lock:
            return _key(manifest_path) in _active
    try:
        young = time.time() - manifest_path.stat().st_mtime < SWAP_GRACE_S
    except FileNotFoundError:
        return False
    return young and _process_alive(pid)


# ----------------------------------------------------------------------------- temporary names

def remove_stale_temps(path) -> list[Path]:
    """Remove the temporary files and folders that earlier writes to ``path`` left behind.

    Only those whose writing process is gone (or, for this process, that no write is
    using any more) are removed; a concurrent write's are left alone. Returns what was
    removed.
    """
    path = Path(path)
    folder = path.parent
    tag = _tag(path.name)
    removed = []
    with os.scandir(folder) as entries:
        candidates = [e.name for e in entries if e.name.startswith(TEMP_PREFIX)]
    for name in candidates:
        match = _TEMP_NAME.fullmatch(name)
        if match is None:
            continue
        rest = match.group(3)
        if not (rest == tag or (rest.startswith(tag) and rest[len(tag)] in ".-")):
            continue
        pid = int(match.group(1))
        if pid == os.getpid():
            entry = _key(folder / name)
            with _active_lock:
                if any(entry.startswith(a) for a in _active):  # in use, or a journal of one in use
                    continue
        elif _process_alive(pid):
            continue
        _remove_tree(folder / name)
        removed.append(folder / name)
    return removed


def is_temporary_name(name: str) -> bool:
    """True for the names of EcoMap's temporary files, folders and manifests."""
    return name.startswith(TEMP_PREFIX)


def _claim(path: Path, suffix: str, *, folder: bool = False) -> Path:
    """Create (exclusively) a temporary file or folder beside ``path`` and mark it in use."""
    tag = _tag(path.name)
    if tag == path.name and suffix.lower() == path.suffix.lower():
        suffix = ""  # the name already ends as the library that writes it wants
    for _ in range(100):
        candidate = path.parent / f"{TEMP_PREFIX}{os.getpid()}-{secrets.token_hex(4)}-{tag}{suffix}"
        with _active_lock:
            _active.add(_key(candidate))
        try:
            if folder:
                os.mkdir(candidate)
            else:
                os.close(os.open(candidate, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
            return candidate
        except FileExistsError:
            _release(candidate)
    raise FileExistsError(str(path))


def _discard(tmp: Path) -> None:
    """Remove a temporary file or folder (and SQLite's journals beside it) and stop marking it in use."""
    try:
        _remove_tree(tmp)
        for ending in _SQLITE_SIDECARS:
            _unlink(tmp.with_name(tmp.name + ending))
    finally:
        _release(tmp)


def _release(*paths) -> None:
    with _active_lock:
        for p in paths:
            _active.discard(_key(p))


def _key(p: Path) -> str:
    return os.path.abspath(p)


def _tag(name: str) -> str:
    """``name`` cut (on a character boundary) to what a temporary name can hold."""
    encoded = os.fsencode(name)
    if len(encoded) <= _NAME_BYTES:
        return name
    return encoded[:_NAME_BYTES].decode(sys.getfilesystemencoding(), errors="ignore")


# ----------------------------------------------------------------------------- file system helpers

def _remove_tree(p: Path) -> None:
    try:
        if p.is_dir() and not p.is_symlink():
            shutil.rmtree(p, ignore_errors=True)
        else:
            p.unlink(missing_ok=True)
    except OSError:
        pass


def _unlink(p: Path) -> None:
    try:
        p.unlink()
    except FileNotFoundError:
        pass


def _fsync_file(p: Path) -> None:
    with p.open("rb+") as fh:
        os.fsync(fh.fileno())


def _fsync_dir(folder: Path) -> None:
    """Make renames in ``folder`` durable; a no-op where folders cannot be opened (Windows)."""
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _quietly(func, *args) -> None:
    """Housekeeping that must never stop a write (a folder we may not list, a file in use)."""
    try:
        func(*args)
    except OSError:
        pass


def _write_error(path: Path, exc: OSError) -> DataError:
    return DataError(path, tr("cannot write the file ({detail})").format(detail=exc.strerror or exc))


def _maybe_data_error(path: Path, exc: OSError, data_error: bool) -> Exception:
    return _write_error(path, exc) if data_error else exc


def _process_alive(pid: int) -> bool:
    """Whether process ``pid`` still runs (a zombie does not; unknown counts as running)."""
    if pid <= 0:
        return False
    if os.name == "nt":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    try:  # Linux: a killed process not yet reaped by its parent still answers signal 0
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except (OSError, IndexError):
        return True


def _windows_process_alive(pid: int) -> bool:
    import ctypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ctypes.get_last_error() == 5  # ERROR_ACCESS_DENIED: it exists
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


@functools.cache
def _umask() -> int:
    # Read once: os.umask can only be read by setting it, which races with other threads.
    mask = os.umask(0)
    os.umask(mask)
    return mask
