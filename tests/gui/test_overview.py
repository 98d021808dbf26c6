"""The overview map's render jobs (no Qt parent) are cancelled when the window closes or the widget goes."""

import shiboken6

from ecomap.app.map_view import render_entries


def started_job(overview):
    overview._render()  # what the debounce timer would do
    job = overview._job
    assert job is not None
    return job


def test_closing_the_window_cancels_the_overview_render(loaded, qtbot):
    w = loaded
    job = started_job(w.overview)
    assert not job.feedback.is_cancelled()
    w.close()
    assert job.feedback.is_cancelled()
    assert not w.overview._timer.isActive()
    assert job.wait(60)


def test_destroying_the_overview_cancels_its_render(loaded, qtbot):
    from ecomap.gui.overview import OverviewMap

    w = loaded
    ov = OverviewMap()
    ov.resize(200, 150)
    ov.set_content(render_entries(w.tree), w.map_view.crs, w.canvas.extent())
    job = started_job(ov)
    shiboken6.delete(ov)
    assert job.feedback.is_cancelled()
    assert job.wait(60)


def test_the_overview_waits_while_the_main_map_draws(loaded, qtbot):
    from ecomap.gui.overview import OverviewMap

    w = loaded
    assert not w.canvas.is_busy()
    main_map_busy = [True]
    ov = OverviewMap()
    ov.resize(200, 150)
    ov.yield_to(lambda: main_map_busy[0])
    ov.set_content(render_entries(w.tree), w.map_view.crs, w.canvas.extent())
    qtbot.wait(700)  # past the debounce: it looked, and waits
    assert ov._job is None and ov.image is None and ov._timer.isActive()
    main_map_busy[0] = False
    qtbot.waitUntil(lambda: ov.image is not None, timeout=20000)
    ov.shutdown()


def test_the_main_window_overview_yields_to_its_canvas(loaded):
    w = loaded
    w.canvas.refresh()
    assert w.canvas.is_busy() and w.overview._yield_to()
    w.canvas.wait_for_render(60)
    assert not w.overview._yield_to()
