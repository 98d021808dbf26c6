"""Give freed memory back to the system after the renderer's big numpy passes.

A level-of-detail build allocates and frees a few hundred megabytes of temporaries;
glibc keeps such blocks in its heaps (and raises its mmap threshold after the first
large free), and pyarrow's jemalloc keeps freed pages for a while. Left alone, the
process's resident size ends up far above what it holds. ``release_memory()`` trims
both; it is cheap (milliseconds) and does nothing where they are not in use.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
from functools import lru_cache


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
