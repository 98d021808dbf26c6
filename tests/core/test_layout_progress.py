"""A page reports its progress item by item, the maps weighing most, and stops at a cancel."""

from __future__ import annotations

import pytest

from ecomap.core.feedback import Cancelled, Feedback
from ecomap.core.layout import briefing_layout, render_page_image
from tests.core.layout_fixtures import context


def test_page_progress_rises_to_one_mostly_while_the_maps_are_drawn(gui_app):
    seen = []
    render_page_image(briefing_layout("A4", "landscape"), context(), dpi=30,
                      feedback=Feedback(on_progress=lambda fraction, text: seen.append(fraction)))
    assert seen == sorted(seen) and seen[-1] == 1.0 and all(0.0 <= f <= 1.0 for f in seen)
    steps = [b - a for a, b in zip(seen, seen[1:])]
    assert max(steps) < 0.5  # the map frame reports each layer, not one jump


def test_a_cancelled_page_raises_instead_of_returning_half_a_page(gui_app):
    feedback = Feedback()
    feedback.on_progress = lambda fraction, text: fraction > 0.1 and feedback.cancel()
    with pytest.raises(Cancelled):
        render_page_image(briefing_layout("A4", "landscape"), context(), dpi=30, feedback=feedback)
