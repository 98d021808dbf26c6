"""A new layer's spatial index is built in the background once the map has drawn it."""

from tests.gui.conftest import node_named


def test_the_index_waits_for_the_frame_then_is_built(loaded, qtbot, monkeypatch):
    from ecomap.core import tasks

    w = loaded
    node = node_named(w, "parcels")
    started = []
    real = tasks.run_task
    monkeypatch.setattr(tasks, "run_task", lambda *a, **kw: started.append(a[1]) or real(*a, **kw))
    w.canvas.refresh()
    assert w.canvas.is_busy()
    w._prepare_layer(node)
    assert started == []  # the frame first
    qtbot.waitUntil(lambda: started == [node.layer], timeout=20000)


def test_a_layer_removed_meanwhile_is_not_prepared(loaded, qtbot, monkeypatch):
    from ecomap.core import tasks

    w = loaded
    node = node_named(w, "parcels")
    started = []
    monkeypatch.setattr(tasks, "run_task", lambda *a, **kw: started.append(a[1]))
    w.canvas.refresh()
    w._prepare_layer(node)
    w.tree.remove(node)
    qtbot.wait(400)
    assert started == []
