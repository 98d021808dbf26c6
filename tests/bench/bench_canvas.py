"""Canvas responsiveness on the 500,000-polygon layer (run by hand, not collected by pytest).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/bench_canvas.py [/tmp/bench/landuse500k.gpkg]

Opens the layer in a MapCanvas, then zooms and pans as a user would while a 2 ms
QTimer on the GUI thread records how late each tick fires: the longest gap is how long
the interface froze while frames were rendered in the background.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QPointF, QTimer
from PySide6.QtWidgets import QApplication

from ecomap.core.map_settings import RenderLayer
from ecomap.core.style import default_vector_style
from ecomap.gui.canvas import MapCanvas
from ecomap.io.registry import open_path


def main() -> int:
    path = sys.argv[1] if len(sys.argv) > 1 else "/tmp/bench/landuse500k.gpkg"
    app = QApplication(sys.argv[:1])
    canvas = MapCanvas()
    canvas.resize(1600, 900)
    canvas.show()
    src = open_path(path, for_drawing=True)[0]  # drawn only: the renderer's flat form
    gaps, frames = [], []
    last = [time.perf_counter()]

    def tick():
        now = time.perf_counter()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(2)
    canvas.renderFinished.connect(lambda secs: frames.append(secs))
    canvas.set_layers([RenderLayer(src, default_vector_style())])
    steps = [("wheel", 1.25, (800, 450))] * 3 + [("pan", 120, 0)] * 3 + [("wheel", 0.8, (400, 300))] * 3

    def run(i=0):
        if i < len(steps):
            kind, a, b = steps[i]
            if kind == "wheel":
                canvas.zoom_by(a, QPointF(*b))
            else:
                canvas.pan_by_pixels(a, b)
            QTimer.singleShot(150, lambda: run(i + 1))
        else:
            QTimer.singleShot(4000, app.quit)

    QTimer.singleShot(3000, run)
    app.exec()
    g = sorted(gaps)
    print(f"frames finished: {len(frames)}, render times: {[round(f, 2) for f in frames]}")
    print(f"GUI timer gaps over {len(g)} ticks: median {g[len(g) // 2] * 1000:.1f} ms, "
          f"p99 {g[int(len(g) * 0.99)] * 1000:.1f} ms, max {g[-1] * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
