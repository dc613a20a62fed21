import math

import pytest

from perhekeskus.catalog.importers.coordinates import (
    etrs_tm35fin_to_wgs84,
    in_finland,
    wgs84_to_etrs_tm35fin,
)

# Reference pairs computed with PROJ 9.5.1 (pyproj 3.7.2), EPSG:3067 ↔ EPSG:4326: the easting
# and northing in metres, the latitude and longitude in degrees.
ETRS_TO_WGS84 = [
    (385_000.0, 6_672_000.0, 60.168666000, 24.927457713),  # Helsinki
    (258_000.0, 6_730_000.0, 60.632447285, 22.574362988),  # near Turku, 3° west of the meridian
    (733_000.0, 7_620_000.0, 68.594479727, 32.727605353),  # far east and north of the zone
    (90_000.0, 6_900_000.0, 62.008817323, 19.156165488),  # far west of the zone
    (500_000.0, 6_800_000.0, 61.334083386, 27.000000000),  # on the central meridian
]
WGS84_TO_ETRS = [
    (60.1699, 24.9384, 385_611.3167, 6_672_118.3802),
    (65.0121, 25.4651, 427_657.5477, 7_210_681.4674),  # Oulu
    (68.6590, 27.5390, 521_890.1979, 7_616_435.7776),  # Ivalo
    (60.0, 27.0, 500_000.0, 6_651_411.1902),  # the meridian arc to 60° times 0.9996
    (70.0, 21.0, 271_293.2562, 7_777_138.7168),
]
MILLIMETRE = 0.001


def metres_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Good to a fraction of a per cent at these distances: enough to judge millimetres."""
    north = math.radians(lat2 - lat1) * 6_371_000
    east = math.radians(lon2 - lon1) * 6_371_000 * math.cos(math.radians(lat1))
    return math.hypot(north, east)


@pytest.mark.parametrize(("easting", "northing", "latitude", "longitude"), ETRS_TO_WGS84)
def test_etrs_tm35fin_to_wgs84_matches_proj(
    easting: float, northing: float, latitude: float, longitude: float
) -> None:
    lat, lon = etrs_tm35fin_to_wgs84(northing=northing, easting=easting)
    assert metres_between(lat, lon, latitude, longitude) < MILLIMETRE


@pytest.mark.parametrize(("latitude", "longitude", "easting", "northing"), WGS84_TO_ETRS)
def test_wgs84_to_etrs_tm35fin_matches_proj(
    latitude: float, longitude: float, easting: float, northing: float
) -> None:
    n, e = wgs84_to_etrs_tm35fin(latitude=latitude, longitude=longitude)
    assert math.hypot(n - northing, e - easting) < MILLIMETRE


def test_the_projection_origin() -> None:
    assert etrs_tm35fin_to_wgs84(northing=0.0, easting=500_000.0) == pytest.approx((0.0, 27.0))


def test_round_trip_over_finland_loses_nothing() -> None:
    for northing in range(6_600_000, 7_800_001, 100_000):
        for easting in range(50_000, 750_001, 100_000):
            lat, lon = etrs_tm35fin_to_wgs84(northing=northing, easting=easting)
            n, e = wgs84_to_etrs_tm35fin(latitude=lat, longitude=lon)
            assert math.hypot(n - northing, e - easting) < 1e-6


def test_in_finland_refuses_swapped_or_degree_values() -> None:
    assert in_finland(northing=6_672_000, easting=385_000)
    assert not in_finland(northing=385_000, easting=6_672_000)  # swapped
    assert not in_finland(northing=60.17, easting=24.94)  # degrees
