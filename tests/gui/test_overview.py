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
