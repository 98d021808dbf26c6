"""A new layer's spatial index is built in the background once the map has drawn it."""

from tests.gui.conftest import node_named


def _recording(monkeypatch, window, run=True):
    """run_task's calls as (layer, was the canvas busy then)."""
    from ecomap.core import tasks

    started = []
    real = tasks.run_task

    def record(*args, **kwargs):
        started.append((args[1], window.canvas.is_busy()))
        return real(*args, **kwargs) if run else None
    monkeypatch.setattr(tasks, "run_task", record)
    return started


def test_the_index_waits_for_the_frame_then_is_built(loaded, qtbot, monkeypatch):
    w = loaded
    node = node_named(w, "parcels")
    started = _recording(monkeypatch, w)
    w.canvas.refresh()
    assert w.canvas.is_busy()
    w._prepare_layer(node)
    assert node.layer not in [layer for layer, _ in started]  # the frame first
    qtbot.waitUntil(lambda: node.layer in [layer for layer, _ in started], timeout=20000)
    assert (node.layer, False) in started


def test_a_layer_removed_meanwhile_is_not_prepared(loaded, qtbot, monkeypatch):
    w = loaded
    node = node_named(w, "parcels")
    started = _recording(monkeypatch, w, run=False)
    w.canvas.refresh()
    w._prepare_layer(node)
    w.tree.remove(node)
    qtbot.waitUntil(lambda: not w.canvas.is_busy(), timeout=20000)
    qtbot.wait(300)
    assert node.layer not in [layer for layer, _ in started]
