"""A drawing worker process: the second core fills big polygon frames while the engine outlines them.

PySide6 holds the GIL inside QPainter calls, so two render threads are no faster than
one. A persistent worker interpreter has its own GIL. It is started with
``subprocess`` (``python -c``, like multiprocessing's "spawn" but without re-running an
unguarded ``__main__`` script; never forked, so no copy of Qt's thread pool, whose idle
threads hung the earlier fork-per-frame attempt) and talks over a socket pair.

For a frame of at least ``MIN_VERTICES`` vertices, :func:`draw_split` sends the batches
to the worker, which draws the fill pass (:func:`ecomap.core.render.passes.draw_pass`)
while the engine draws the outline pass into a 16-bit image; the outlines composited
over the fills give the single-pass picture to within rounding (outline pixels up to
~8/255 apart where many edges share a pixel; the share of pixels off QGIS's picture
is unchanged). Splitting by image bands was tried first: a level's batches each span
most of the image, so each band cost nearly a full frame.

What crosses the process boundary: batch vertices (already snapped, float32) go once
through a shared-memory buffer and the worker keeps the QPainterPath it built under
the batch's id (ids of batches the engine has freed are forgotten with the next
request); the fill image comes back through a second shared-memory buffer. Over the
memory budget (:mod:`ecomap.core.render.memory`) the engine keeps a batch's path only and
reads the vertices back from it to send them, and the vertex buffer is let go (here and in
the worker) once the worker has built its paths. A request
carries a generation number; cancelling writes it to a shared int64, which the worker
checks between batches.

Anything unusual — the worker not started yet (it starts, without waiting, on the first
big frame), busy with another frame, dead or silent, a hatched or rotated frame — falls
back to single-process drawing. A worker that died is replaced on the next big frame;
after ``MAX_FAILURES`` deaths or failed frames in a row (a worker that cannot draw here)
the engine draws alone for the rest of the session. An exception while this process
draws its half cancels the worker's half, so the worker is free for the next frame.
``ECOMAP_RENDER_WORKERS=0`` switches the worker off. It is stopped at exit (atexit) and
ends by itself on EOF if the engine dies.
"""

from __future__ import annotations

import atexit
import itertools
import logging
import mmap
import os
import socket
import subprocess
import sys
import threading
import time
import weakref
from multiprocessing import shared_memory
from multiprocessing.connection import Connection
from pathlib import Path

import numpy as np

from ecomap.core.feedback import Feedback
from ecomap.core.render import memory, passes

log = logging.getLogger(__name__)

ENABLED = os.environ.get("ECOMAP_RENDER_WORKERS", "1") != "0"
#: vertices in the frame (after snapping) below which a split does not pay (a layer of
#: ~50,000 small polygons); tests lower it
MIN_VERTICES = 300_000
MAX_PIXELS = 4_200_000  # larger images (exports) are drawn in one process
REPLY_TIMEOUT_S = 30.0  # a worker silent for this long is considered dead
#: test hook: seconds the worker sleeps after each batch (to test cancelling)
DEBUG_BATCH_DELAY = 0.0

_ids = itertools.count(1)


class _Worker:
    def __init__(self):
        # a fresh interpreter of our own (not multiprocessing's spawn, which would re-run an
        # unguarded __main__ script in the child); it dies on EOF when this process goes
        self.cancel_shm = shared_memory.SharedMemory(create=True, size=8)
        self.cancel = np.ndarray(1, np.int64, buffer=self.cancel_shm.buf)
        self.cancel[0] = 0
        ours, theirs = socket.socketpair()
        root = str(Path(__file__).resolve().parents[3])
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ECOMAP_RENDER_WORKERS="0",
                   PYTHONPATH=os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH")) if p))
        code = ("import sys; from ecomap.core.render.worker_pool import _child_entry; "
                f"_child_entry({theirs.fileno()}, {self.cancel_shm.name!r})")
        try:
            self.proc = subprocess.Popen([sys.executable, "-c", code], pass_fds=(theirs.fileno(),), env=env,
                                         stdin=subprocess.DEVNULL)
        finally:
            theirs.close()
        self.conn = Connection(ours.detach())
        self.ready = False
        self.dead = False
        self.errors = 0  # frames in a row the worker answered with an error
        self.lock = threading.Lock()
        self.gen = 0
        self.pending = 0  # generation of a preload not answered yet (the data buffer is in use)
        self.sent: set[int] = set()
        self.forget: list[int] = []
        self.forget_lock = threading.Lock()
        self.data_shm = None
        self.img_shm = None

    def alive(self) -> bool:
        return self.proc.poll() is None

    def check_ready(self) -> bool:
        if self.ready:
            return True
        if self.dead:
            return False
        try:
            if self.conn.poll():
                msg = self.conn.recv()
                self.ready = msg == ("ready",)
                self.dead = not self.ready
        except (EOFError, OSError):
            self.dead = True
        if not self.ready and not self.alive():
            self.dead = True
        return self.ready

    def _shm(self, attr: str, size: int):
        shm = getattr(self, attr)
        if shm is None or shm.size < size:
            if shm is not None:
                try:
                    shm.close()
                except BufferError:  # a view of it is still alive somewhere: let it keep the mapping
                    pass
                shm.unlink()
            shm = shared_memory.SharedMemory(create=True, size=max(size, 1 << 20) * 5 // 4)
            setattr(self, attr, shm)
        return shm

    def forget_later(self, bid: int) -> None:
        with self.forget_lock:
            self.forget.append(bid)

    def stop(self) -> None:
        try:
            if self.alive():
                self.conn.send(("stop",))
        except (OSError, ValueError):
            pass
        try:
            self.proc.wait(2.0)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(2.0)
        self.conn.close()
        self.cancel = None
        for shm in (self.data_shm, self.img_shm, self.cancel_shm):
            if shm is not None:
                try:
                    shm.close()
                    shm.unlink()
                except (OSError, BufferError):
                    pass
        self.data_shm = self.img_shm = self.cancel_shm = None
        self.dead = True


_worker: _Worker | None = None
_failures = [0]  # workers in a row that died or failed (a frame drawn with one resets it)
MAX_FAILURES = 3  # ... before the engine gives up on them
_start_lock = threading.Lock()


def worker(start: bool = True) -> _Worker | None:
    """The worker if it is ready; starts it (without waiting) when ``start``."""
    global _worker
    if not ENABLED:
        return None
    with _start_lock:
        if _worker is None or (_worker.dead and not _worker.lock.locked()):
            if not start:
                return None
            if _worker is not None:
                _worker.stop()
                _failures[0] += 1
                if _failures[0] >= MAX_FAILURES:
                    log.warning("drawing worker failed %d times: drawing in one process", _failures[0])
                    _worker = None
                    _disable()
                    return None
            try:
                _worker = _Worker()
            except (OSError, RuntimeError, ValueError) as exc:  # no processes here: draw alone
                log.warning("drawing worker not started: %s", exc)
                _disable()
                return None
        w = _worker
    return w if w.check_ready() else None


def wait_ready(timeout: float = 30.0) -> bool:
    """Start the worker and wait until it can draw (tests, benchmarks)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if worker() is not None:
            return True
        if _worker is None or _worker.dead:
            return False
        time.sleep(0.02)
    return False


def _disable() -> None:
    global ENABLED
    ENABLED = False


def shutdown() -> None:
    """Stop the worker (at exit, or in tests)."""
    global _worker
    with _start_lock:
        if _worker is not None:
            # a frame still using it (a render thread at exit) gets its answer or falls back
            locked = _worker.lock.acquire(timeout=2.0)
            try:
                _worker.stop()
            finally:
                if locked:
                    _worker.lock.release()
            _worker = None


def _succeeded(w: _Worker) -> None:
    w.errors = 0
    _failures[0] = 0


def _failed(w: _Worker, message: str) -> None:
    """The worker answered with an error: it is alive, but may have half a request; draw here.

    Its path cache is not trusted any more (everything is sent again), and a worker
    failing ``MAX_FAILURES`` frames in a row is replaced.
    """
    log.warning("drawing worker failed: %s", message)
    w.sent.clear()
    w.errors += 1
    if w.errors >= MAX_FAILURES:
        w.dead = True


atexit.register(shutdown)

stats = {"split": 0, "preload": 0, "cancelled": 0, "fallback": 0, "last_drawn": 0, "last_total": 0}


def draw_split(painter, batches: list, symbols, dpi: float, scale: float, feedback, transform) -> bool:
    """Draw polygon ``batches``, the fills in the worker; False to draw alone (the caller does)."""
    if not batches or any(s.hatch for s in symbols):
        return False
    if transform.m12() != 0 or transform.m21() != 0 or transform.m22() <= 0 or transform.m11() <= 0:
        return False
    vertices = sum(b.vertices for b in batches)
    if vertices < MIN_VERTICES:
        return False
    w = worker()
    if w is None or not w.lock.acquire(blocking=False):
        stats["fallback"] += 1
        return False
    try:
        return _draw_split(w, painter, batches, symbols, dpi, scale, feedback, transform, vertices)
    finally:
        w.lock.release()


def _ship(w: _Worker, batches: list):
    """Copy the vertices of the batches the worker has not got yet into the shared buffer.

    Returns (ids it may forget, the buffer, items of the request, the new batches, their vertices).
    """
    with w.forget_lock:
        forget, w.forget = w.forget, []
    w.sent.difference_update(forget)
    new = [b for b in batches if _bid(w, b) not in w.sent]
    nv = sum(b.vertices for b in new)
    nr = sum(b.rings for b in new)
    data_size = nv * 8 + nr * 4
    shm = w._shm("data_shm", data_size)
    buf = np.ndarray(data_size // 4, np.float32, buffer=shm.buf)
    ring_buf = buf.view(np.int32)
    items = []
    uo, ro = 0, 2 * nv
    for b in batches:
        bid = b._wid
        if bid in w.sent:
            items.append((bid, b.group, None))
            continue
        u, v, rs = b.data
        n, k = len(u), len(rs)
        buf[uo:uo + n] = u
        buf[uo + n:uo + 2 * n] = v
        ring_buf[ro:ro + k] = rs
        items.append((bid, b.group, (uo, n, ro, k)))
        uo += 2 * n
        ro += k
    del buf, ring_buf
    return forget, shm, items, new, nv


def _send_preload(w: _Worker, gen: int, forget, shm, items) -> None:
    try:
        w.conn.send(("preload", {"gen": gen, "forget": forget, "data": shm.name, "items": items,
                                 "keep": not memory.over_budget()}))
    except (OSError, ValueError):
        w.dead = True
        return
    w.pending = gen
    w.sent.update(bid for bid, _g, d in items if d is not None)
    stats["preload"] += 1


def preload(batches: list) -> None:
    """Let the worker (started if need be) build the paths of a cached level in advance,
    so that the next frames drawn from it are shared at once. Never blocks."""
    if not ENABLED or not batches:
        return
    if memory.over_budget():  # only those drawn so far; a frame sends the others when it needs them
        batches = [b for b in batches if b._path is not None]
        if not batches:
            return
    worker()
    w = _worker
    if w is None or w.dead or w.pending or not w.lock.acquire(blocking=False):
        return
    try:
        if any(_bid(w, b) not in w.sent for b in batches):
            forget, shm, items, _new, _nv = _ship(w, batches)
            w.gen += 1
            _send_preload(w, w.gen, forget, shm, items)
    finally:
        w.lock.release()


def _draw_split(w, painter, batches, symbols, dpi, scale, feedback, transform, vertices) -> bool:
    from PySide6.QtGui import QImage

    device = painter.device()
    width, height = device.width(), device.height()
    if width * height > MAX_PIXELS:
        return False  # a print-size export: the shared images would cost more memory than time saved
    if w.pending and not _preloaded(w):
        return False  # still building the paths of a level: this frame is drawn alone
    mode = passes.fill_mode(vertices, width, height)
    forget, shm, items, new, nv = _ship(w, batches)
    # a cached level the worker has not seen: building its paths there would make this frame
    # slower than drawing alone, so draw alone and let the worker build them meanwhile
    preload = nv > vertices // 2 and 2 * sum(b._path is not None for b in new) > len(new)
    img_shm = w._shm("img_shm", width * height * 4)
    w.gen += 1
    gen = w.gen
    if preload:
        _send_preload(w, gen, forget, shm, items)
        return False
    tf = (transform.m11(), transform.m12(), transform.m21(), transform.m22(), transform.dx(), transform.dy())
    req = {"gen": gen, "forget": forget, "data": shm.name, "items": items, "symbols": list(symbols),
           "dpi": dpi, "scale": scale, "transform": tf, "width": width, "height": height,
           "mode": mode, "image": img_shm.name, "delay": DEBUG_BATCH_DELAY, "keep": not memory.over_budget()}
    try:
        w.conn.send(("draw", req))
    except (OSError, ValueError) as exc:
        log.warning("drawing worker gone: %s", exc)
        w.dead = True
        return False
    w.sent.update(bid for bid, _g, d in items if d is not None)

    t0 = time.perf_counter()
    try:
        outlines = passes.draw_pass(batches, symbols, dpi, scale, transform, width, height, mode, "outline",
                                    feedback)
    except BaseException:
        if w.cancel is not None:
            w.cancel[0] = gen  # nobody will use the worker's fills: free it for the next frame
        raise
    t1 = time.perf_counter()
    reply = _wait_reply(w, gen, feedback)
    # seconds drawing the outlines here, seconds then waiting for the fills (tuning)
    stats["last_times"] = (round(t1 - t0, 3), round(time.perf_counter() - t1, 3))
    if reply is None:  # dead or stuck: fill here
        w.sent.clear()
        fills = passes.draw_pass(batches, symbols, dpi, scale, transform, width, height, mode, "fill", feedback)
    else:
        _succeeded(w)
        _release_data(w)
        stats["last_drawn"], stats["last_total"] = reply[3], len(items)
        if reply[2]:
            stats["cancelled"] += 1
        arr = np.ndarray(width * height * 4, np.uint8, buffer=img_shm.buf)
        fills = QImage(arr.tobytes(), width, height, width * 4, QImage.Format.Format_ARGB32_Premultiplied).copy()
        del arr
    painter.resetTransform()
    painter.drawImage(0, 0, fills)
    painter.drawImage(0, 0, outlines)
    stats["split"] += 1
    return True


def _bid(w: _Worker, b) -> int:
    """The batch's id for the worker's path cache (given on first use; forgotten when freed)."""
    bid = b._wid
    if bid is None:
        bid = next(_ids)
        b._wid = bid
        weakref.finalize(b, _freed, bid)
    return bid


def _freed(bid: int) -> None:
    w = _worker
    if w is not None and not w.dead:
        w.forget_later(bid)


def _release_data(w: _Worker) -> None:
    """Over the memory budget, the shared vertex buffer goes once the worker has built its
    paths from it (it unmapped it, told by the request's ``keep``); the next request makes one."""
    shm = w.data_shm
    if shm is None or not memory.over_budget():
        return
    try:
        shm.close()
    except BufferError:  # a view of it is still alive: keep it
        return
    shm.unlink()
    w.data_shm = None


def _preloaded(w: _Worker) -> bool:
    """Has the worker answered the pending preload? (Never blocks.)"""
    try:
        while w.pending and w.conn.poll(0):
            msg = w.conn.recv()
            if msg[0] == "preloaded" and msg[1] == w.pending:
                w.pending = 0
                _release_data(w)
            elif msg[0] == "error" and msg[1] == w.pending:
                w.pending = 0
                _failed(w, msg[2])
                return False
    except (EOFError, OSError):
        w.dead = True
        return False
    return not w.pending


def _wait_reply(w: _Worker, gen: int, feedback):
    """The worker's ('done', gen, cancelled, drawn) for ``gen``; None if it died or hung."""
    end = time.monotonic() + REPLY_TIMEOUT_S
    cancelled = False
    while True:
        if not cancelled and feedback is not None and feedback.is_cancelled():
            w.cancel[0] = gen
            cancelled = True
            end = min(end, time.monotonic() + 5.0)
        try:
            if w.conn.poll(0.005):
                msg = w.conn.recv()
                if msg[0] == "done" and msg[1] == gen:
                    return msg
                if msg[0] == "error":
                    if msg[1] != gen:
                        continue  # a request given up earlier (its frame failed here)
                    _failed(w, msg[2])
                    return None
                continue
        except (EOFError, OSError):
            w.dead = True
            return None
        if time.monotonic() > end or not w.alive():
            log.warning("drawing worker did not answer: stopped")
            w.dead = True
            w.proc.kill()
            w.proc.wait(2.0)
            return None


# ---------------------------------------------------------------- in the worker process


class _Batch:
    __slots__ = ("group", "path")

    def __init__(self, group, path):
        self.group = group
        self.path = path


class GenerationFeedback(Feedback):
    """The worker's feedback for request ``gen``: cancelled once the engine has written ``gen``
    (or a later request's) to the shared cancel int, which is read at each check.

    ``delay`` seconds are slept at each check (a test hook, to cancel a frame half drawn).
    """

    def __init__(self, shared_cancel: np.ndarray, gen: int, delay: float = 0.0):
        super().__init__()
        self.shared_cancel = shared_cancel
        self.gen = gen
        self.delay = delay

    def is_cancelled(self) -> bool:
        if self.delay:
            time.sleep(self.delay)
        if int(self.shared_cancel[0]) >= self.gen:
            self.cancel()
        return super().is_cancelled()

    def check(self) -> None:
        if self.is_cancelled():
            super().check()


class _Mapped:
    """A shared-memory segment made by the engine, mapped here without a resource tracker
    (which would unlink the engine's segments when this process ends)."""

    def __init__(self, name: str):
        fd = os.open("/dev/shm/" + name.lstrip("/"), os.O_RDWR)
        try:
            self.size = os.fstat(fd).st_size
            self.buf = mmap.mmap(fd, self.size)
        finally:
            os.close(fd)

    def close(self) -> None:
        try:
            self.buf.close()
        except BufferError:
            pass


def _attach(name: str, cache: dict):
    shm = cache.get(name)
    if shm is None:
        for old in cache.values():
            old.close()
        cache.clear()
        shm = _Mapped(name)
        cache[name] = shm
    return shm


def _child_entry(fd: int, cancel_name: str) -> None:
    """Entry point of the worker interpreter."""
    conn = Connection(fd)
    cancel_map = _Mapped(cancel_name)
    cancel = np.ndarray(1, np.int64, buffer=cancel_map.buf)
    _worker_main(conn, cancel)


def _worker_main(conn, cancel) -> None:
    """Loop of the drawing worker: build paths, fill a frame, answer; until 'stop' or EOF."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    try:
        from PySide6.QtGui import QGuiApplication, QTransform

        app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 - kept alive
        from ecomap.core.render.qtpath import path_from_rings
    except Exception as exc:  # noqa: BLE001 - reported, then the engine draws alone
        conn.send(("error", 0, repr(exc)))
        return
    conn.send(("ready",))
    paths: dict = {}
    data_cache: dict = {}
    img_cache: dict = {}
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError, KeyboardInterrupt):
            break
        if msg[0] not in ("draw", "preload"):
            break
        req = msg[1]
        gen = req["gen"]
        try:
            for bid in req["forget"]:
                paths.pop(bid, None)
            if msg[0] == "preload":
                _paths_of(req, paths, data_cache, path_from_rings)
                conn.send(("preloaded", gen))
                continue
            feedback = GenerationFeedback(cancel, gen, req["delay"])
            drawn = _Counter(_paths_of(req, paths, data_cache, path_from_rings))
            tf = QTransform(*req["transform"])
            img = passes.draw_pass(drawn, req["symbols"], req["dpi"], req["scale"], tf, req["width"],
                                   req["height"], req["mode"], "fill", feedback)
            out = _attach(req["image"], img_cache)
            nbytes = img.bytesPerLine() * img.height()
            src = np.frombuffer(img.constBits(), np.uint8, count=nbytes)
            np.ndarray(nbytes, np.uint8, buffer=out.buf)[:] = src
            conn.send(("done", gen, int(cancel[0]) >= gen, drawn.count))
        except Exception as exc:  # noqa: BLE001 - the engine falls back to filling the frame
            try:
                conn.send(("error", gen, repr(exc)))
            except OSError:
                break
    for cache in (data_cache, img_cache):
        for shm in cache.values():
            shm.close()


def _paths_of(req, paths: dict, data_cache: dict, path_from_rings) -> list:
    """The request's batches with their paths: cached, or built from the shared buffer."""
    batches = []
    data = None
    for bid, group, where in req["items"]:
        path = paths.get(bid)
        if path is None:
            if where is None:
                raise RuntimeError(f"batch {bid} unknown")
            if data is None:
                shm = _attach(req["data"], data_cache)
                data = np.ndarray(shm.size // 4, np.float32, buffer=shm.buf)
            uo, n, ro, k = where
            path = path_from_rings(data[uo:uo + n], data[uo + n:uo + 2 * n], data.view(np.int32)[ro:ro + k])
            paths[bid] = path
        batches.append(_Batch(group, path))
    if data is not None and not req.get("keep", True):  # the engine is short of memory: unmap now
        del data
        for shm in data_cache.values():
            shm.close()
        data_cache.clear()
    return batches


class _Counter(list):
    """A list of batches that counts how many the drawing loops took (for cancel tests)."""

    def __init__(self, items):
        super().__init__(items)
        self.count = 0

    def __iter__(self):
        for b in super().__iter__():
            self.count += 1
            yield b
