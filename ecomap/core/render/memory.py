"""The process's memory: freed memory given back to the system, and the renderer's budget.

A level-of-detail build, or reading a big layer batch by batch, allocates and frees a
few hundred megabytes of temporaries; glibc keeps such blocks in its heaps (and raises
its mmap threshold after the first large free), and pyarrow's jemalloc keeps freed
pages for a while. Left alone, the process's resident size ends up far above what it
holds. ``release_memory()`` trims both; it is cheap (milliseconds) and does nothing
where they are not in use.

The renderer keeps some things only to be faster — levels of detail prepared ahead,
Qt's drawing cache inside each path, the snapped vertices of paths the drawing worker
already has. They are kept while the process stays under :func:`budget_bytes`
(``ECOMAP_RENDER_MEMORY_MB``; by default 3 GiB, or half the machine's memory if that is
less) and let go above it: a 2,000,000-polygon layer then still opens and draws within
4 GB, while smaller layers keep every cache. What a frame needs is drawn whatever the budget.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
import time
from functools import lru_cache

DEFAULT_BUDGET = 3 << 30


@lru_cache(maxsize=1)
def _libc():
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        # large blocks straight from mmap, so that freeing them unmaps them
        libc.mallopt(-3, 4 * 1024 * 1024)  # M_MMAP_THRESHOLD = 4 MB (also fixes it: no sliding)
        return libc
    except (OSError, AttributeError):
        return None


def configure() -> None:
    """Set the allocators up once (called when a large layer is read)."""
    _libc()
    try:
        import pyarrow as pa

        if pa.default_memory_pool().backend_name == "jemalloc":
            pa.jemalloc_set_decay_ms(0)
    except ImportError:  # pyarrow is optional here: nothing to tune
        return


def release_memory() -> None:
    libc = _libc()
    if libc is not None:
        try:
            libc.malloc_trim(0)
        except AttributeError:
            pass
    pyarrow = sys.modules.get("pyarrow")  # only if something uses it already
    if pyarrow is not None:
        pyarrow.default_memory_pool().release_unused()


def resident_bytes() -> int:
    """This process's resident size now (0 where the system does not say)."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return 0


@lru_cache(maxsize=1)
def budget_bytes() -> int:
    """How big the process may grow before the renderer lets its optional caches go."""
    try:
        return int(float(os.environ["ECOMAP_RENDER_MEMORY_MB"]) * (1 << 20))
    except (KeyError, ValueError):
        pass
    try:
        physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (OSError, ValueError, AttributeError):
        return DEFAULT_BUDGET
    return min(DEFAULT_BUDGET, physical // 2) if physical > 0 else DEFAULT_BUDGET


#: how long a reading of the resident size stands for the current one: the renderer asks for
#: every batch it builds (hundreds a frame) and each reading opens /proc (about half a millisecond)
RESIDENT_TTL_S = 0.05
_resident_seen = (0.0, 0)


def _recent_resident_bytes() -> int:
    global _resident_seen
    now = time.monotonic()
    at, value = _resident_seen
    if now - at > RESIDENT_TTL_S or value == 0:
        value = resident_bytes()
        _resident_seen = (now, value)
    return value


def over_budget(extra: int = 0) -> bool:
    """Would the process, ``extra`` bytes bigger, be over the renderer's budget (as of the last
    RESIDENT_TTL_S)?"""
    return _recent_resident_bytes() + extra > budget_bytes()
