"""What the thematic panels show, loaded from a layer-tree snapshot off the GUI thread.

One loader per panel, each ``load_…(snapshot, feedback)`` returning a plain data object
the panel only has to display:

* :func:`load_restoration` — the restoration projects model with its stage history,
  the linked rectification items and the reference date;
* :func:`load_rectification` — the rectification ledger model;
* :func:`load_ban_zones` — the farms in breeding-ban zones (the vectorised spatial join)
  and the grazing zones in force on a day;
* :func:`load_water` — the water dataset classified for every section-month, with the
  class of each map row per month in a frame the panel owns (the layer's own frame is
  never written to).

Layers come from the snapshot (what the project already read); companion tables come
from the tree when the project opened them, else from the GeoPackage. Each loader
declares what it depends on (``…_NEEDS``) so a panel reloads only when that changed.
No Qt here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ecomap.core.feedback import Feedback, ensure
from ecomap.domain import ban_zones as bz
from ecomap.domain.edit_rules import HISTORY_TABLE
from ecomap.domain.rectification import LedgerModel
from ecomap.domain.restoration import RestorationModel
from ecomap.domain.themes import WATER_CLASS_FIELD
from ecomap.domain.water_report import (
    MEASUREMENTS_LAYER,
    WaterDataset,
    read_measurements,
    section_code_column,
    section_codes,
    section_column,
)
from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.services.project_snapshot import (
    METADATA_TABLE,
    Needs,
    ProjectSnapshot,
    attributes,
    companion_table,
    reference_date,
)

RESTORATION = "restoration_projects"
RECTIFICATION = "rectification_items"
WATER_SECTIONS = "water_sections"
WATER_MEASUREMENTS = "water_measurements"

RESTORATION_NEEDS = Needs((RESTORATION, RECTIFICATION), (HISTORY_TABLE, RECTIFICATION, METADATA_TABLE))
RECTIFICATION_NEEDS = Needs((RECTIFICATION,), (METADATA_TABLE,))
BAN_ZONE_NEEDS = Needs((bz.FARMS, bz.ZONES, bz.GRAZING), (METADATA_TABLE,))
WATER_NEEDS = Needs((WATER_SECTIONS, WATER_MEASUREMENTS), (MEASUREMENTS_LAYER,))


# ----------------------------------------------------------------------------- restoration


@dataclass
class LedgerData:
    """A ledger panel's model (None without its layer), the layer's tree node and the filter choices.

    The restoration panel's model is a RestorationModel, the rectification panel's a LedgerModel.
    """

    node_id: str | None = None
    model: RestorationModel | LedgerModel | None = None
    choices: dict = field(default_factory=dict)


def load_restoration(snapshot: ProjectSnapshot, feedback: Feedback | None = None) -> LedgerData:
    feedback = ensure(feedback)
    projects = snapshot.first(RESTORATION)
    if projects is None:
        return LedgerData()
    gpkg = projects.gpkg
    items_layer = snapshot.first(RECTIFICATION)
    items = items_layer.features if items_layer is not None else companion_table(snapshot, gpkg, RECTIFICATION)
    feedback.check()
    # an edit of a project writes its stage history to the file, not to the tree's copy
    history = companion_table(snapshot, gpkg, HISTORY_TABLE, from_file=snapshot.was_edited(gpkg, projects.table))
    feedback.check()
    model = RestorationModel(projects.features, history, items, reference_date(snapshot, gpkg), projects.table)
    model.table()
    feedback.set_progress(0.8)
    return LedgerData(projects.node_id, model, model.choices())


# ----------------------------------------------------------------------------- rectification ledger


def load_rectification(snapshot: ProjectSnapshot, feedback: Feedback | None = None) -> LedgerData:
    feedback = ensure(feedback)
    items = snapshot.first(RECTIFICATION)
    if items is None:
        return LedgerData()
    model = LedgerModel(items.features, reference_date(snapshot, items.gpkg), items.table)
    feedback.check()
    model.table()
    return LedgerData(items.node_id, model, model.choices())


# ----------------------------------------------------------------------------- ban zones


@dataclass
class BanZoneData:
    """Farms in ban zones (None without both layers), grazing zones and the day judged."""

    farm_node_id: str | None = None
    zone_node_id: str | None = None
    grazing_node_id: str | None = None
    farms: pd.DataFrame | None = None  # farms_in_ban_zones()
    counts: dict = field(default_factory=dict)  # disposal_counts()
    grazing_zones: pd.DataFrame | None = None  # the grazing layer's frame, judged again for another day
    grazing: pd.DataFrame | None = None  # grazing_in_force() on ``day``
    reference: np.datetime64 = field(default_factory=lambda: np.datetime64("today", "D"))
    day: np.datetime64 | None = None

    def grazing_on(self, day) -> pd.DataFrame | None:
        """The grazing zones judged on another ``day`` (a handful of zones: quick)."""
        return bz.grazing_in_force(self.grazing_zones, day) if self.grazing_zones is not None else None


def load_ban_zones(snapshot: ProjectSnapshot, feedback: Feedback | None = None, day=None,
                   previous_reference=None) -> BanZoneData:
    """The join and the grazing zones on ``day``; the reference date when ``day`` is None or
    the data's reference date is not ``previous_reference`` any more (other data)."""
    feedback = ensure(feedback)
    farms, zones, grazing = (snapshot.first(t) for t in (bz.FARMS, bz.ZONES, bz.GRAZING))
    data = BanZoneData(*(e.node_id if e is not None else None for e in (farms, zones, grazing)))
    any_layer = farms or zones or grazing
    if any_layer is not None:
        data.reference = reference_date(snapshot, any_layer.gpkg)
    feedback.check()
    if farms is not None and zones is not None:
        data.farms = bz.farms_in_ban_zones(farms.features, zones.features)
        data.counts = bz.disposal_counts(data.farms)
    feedback.check()
    keep_day = day is not None and previous_reference is not None and str(previous_reference) == str(data.reference)
    data.day = np.datetime64(str(day), "D") if keep_day else data.reference
    if grazing is not None:
        data.grazing_zones = grazing.features
        data.grazing = bz.grazing_in_force(grazing.features, data.day)
    return data


# ----------------------------------------------------------------------------- water quality


@dataclass
class WaterData:
    """The water dataset and, for the map layer's rows, each month's class.

    ``sections`` is the panel's own copy of the layer's attributes with the class column
    (:data:`~ecomap.domain.themes.WATER_CLASS_FIELD`) of the latest month; ``classes``
    has one row per layer row and one column per month.
    """

    node_id: str | None = None
    dataset: WaterDataset | None = None
    sections: pd.DataFrame | None = None
    classes: pd.DataFrame | None = None
    failing_per_month: pd.Series | None = None
    code_column: str | None = None
    name_column: str | None = None
    rows_of: dict = field(default_factory=dict)  # section code → layer rows

    @property
    def months(self) -> list[str]:
        return self.dataset.months if self.dataset is not None else []

    def sections_in(self, month: str) -> pd.DataFrame:
        """The panel's sections frame with the class column of ``month`` (a new frame)."""
        out = self.sections.copy()
        out[WATER_CLASS_FIELD] = self.classes[month].to_numpy(dtype=object)
        return out

    def classes_by_code(self, month: str) -> dict:
        """Section code → class in ``month`` (sections without one left out)."""
        codes = section_codes(self.sections)
        values = self.classes[month].to_numpy(dtype=object)
        return {c: v for c, v in zip(codes, values) if c is not None and v is not None}

    def names_by_code(self) -> dict:
        if self.name_column is None:
            return {}
        codes = section_codes(self.sections)
        return {c: str(n) for c, n in zip(codes, self.sections[self.name_column]) if c is not None and pd.notna(n)}


def _failing_per_month(dataset: WaterDataset) -> pd.Series:
    c = dataset.classified
    failing = c[c["meets_target"].eq(False).fillna(False).to_numpy(dtype=bool)]
    return failing.groupby("month").size().reindex(dataset.months, fill_value=0)


def _measurements(snapshot: ProjectSnapshot, sections) -> pd.DataFrame:
    """The measurements: the tree's table of the sections' GeoPackage, else any measurements
    table in the tree, else read from the GeoPackage."""
    held = snapshot.table_of(sections.gpkg, MEASUREMENTS_LAYER) or snapshot.first(WATER_MEASUREMENTS)
    if held is not None:
        return attributes(held.features)
    if sections.gpkg is None:
        raise DataError(sections.source or sections.name,
                        tr("no water measurements table found (expected \"{layer}\" with fields DMBM, JCNY "
                           "and parameter values)").format(layer=MEASUREMENTS_LAYER))
    return read_measurements(sections.gpkg)[1]


def load_water(snapshot: ProjectSnapshot, feedback: Feedback | None = None) -> WaterData:
    """DataError (with the file named) when the sections or measurements cannot be used."""
    feedback = ensure(feedback)
    sections = snapshot.first(WATER_SECTIONS)
    if sections is None:
        return WaterData()
    own = attributes(sections.features)
    measurements = _measurements(snapshot, sections)
    feedback.check()
    dataset = WaterDataset(own, measurements, source=sections.gpkg or sections.source or sections.name)
    _ = dataset.classified  # every section-month classified here, not when the slider moves
    _ = dataset.series_by_section  # and each section's chart data, not when a row is chosen
    feedback.check()
    data = WaterData(sections.node_id, dataset, own, code_column=section_code_column(own))
    if not dataset.months:
        return data
    data.classes = dataset.classes_of_rows(own)
    data.failing_per_month = _failing_per_month(dataset)
    own[WATER_CLASS_FIELD] = data.classes[dataset.months[-1]].to_numpy(dtype=object)
    data.name_column = section_column(own, "name")
    rows: dict[str, list[int]] = {}
    for i, code in enumerate(section_codes(own)):
        if code is not None:
            rows.setdefault(code, []).append(i)
    data.rows_of = rows
    return data
