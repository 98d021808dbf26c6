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


def test_the_main_window_overview_yields_to_its_canvas(loaded, qtbot):
    w = loaded
    w.canvas.refresh()
    assert w.canvas.is_busy() and w.overview._yield_to()
    qtbot.waitUntil(lambda: not w.overview._yield_to(), timeout=20000)  # drawn and handed over


def test_a_main_frame_showing_everything_becomes_the_overview(loaded, qtbot):
    w = loaded
    w.map_view.zoom_full()
    w.canvas.wait_for_render(60)
    qtbot.waitUntil(lambda: not w.canvas.is_busy(), timeout=20000)
    w._overview_changed()  # the layers changed: the overview has to be drawn again
    w.overview.offer_frame(w.canvas.grab_frame(), w.canvas.frame_settings())
    assert w.overview._job is None and not w.overview._timer.isActive()
    image = w.overview.image
    assert image is not None and (image.width(), image.height()) == (w.overview.width(), w.overview.height())
    # and it shows the map: the parcels' fill is in it, not only paper
    colours = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    assert len(colours) > 3


def test_a_zoomed_in_main_frame_does_not(loaded, qtbot):
    w = loaded
    w.map_view.zoom_full()
    w.canvas.wait_for_render(60)
    w.map_view.set_scale(w.canvas.scale() / 8)
    w.canvas.wait_for_render(60)
    qtbot.waitUntil(lambda: not w.canvas.is_busy(), timeout=20000)
    w.overview.image = None
    w._overview_changed()
    w.overview.offer_frame(w.canvas.grab_frame(), w.canvas.frame_settings())
    assert w.overview.image is None and w.overview._timer.isActive()
    qtbot.waitUntil(lambda: w.overview.image is not None, timeout=20000)  # it draws its own
