"""ETRS-TM35FIN (EPSG:3067) ↔ WGS84 degrees, in pure Python.

Suomi.fi PTV gives coordinates as ETRS-TM35FIN metres: a transverse Mercator projection of the
GRS80 ellipsoid with central meridian 27°E, scale factor 0.9996 and false easting 500 000 m.
The formulas are Krüger's series to the sixth order in the third flattening n, as given by
Karney (2011, "Transverse Mercator with an accuracy of a few nanometers") and used by JHS 154;
within Finland they agree with PROJ to well under a millimetre.

ETRS89 and WGS84 differ by well under a metre in Finland, which is below what a map of services
can show; like PTV and most Finnish open data we treat ETRS89 degrees as WGS84 degrees.
"""

from __future__ import annotations

import math

# GRS80
_A = 6_378_137.0
_F = 1 / 298.257222101
# ETRS-TM35FIN
_K0 = 0.9996
_LON0 = math.radians(27.0)
_FALSE_EASTING = 500_000.0

_N = _F / (2 - _F)
_E = math.sqrt(_F * (2 - _F))
# The rectifying radius: the meridian arc length of 90° divided by π/2.
_RECTIFYING = _A / (1 + _N) * (1 + _N**2 / 4 + _N**4 / 64 + _N**6 / 256)

_n = _N
# Karney (2011), eq. 35: from the conformal sphere to the ellipsoid's TM coordinates.
_ALPHA = (
    _n / 2
    - 2 * _n**2 / 3
    + 5 * _n**3 / 16
    + 41 * _n**4 / 180
    - 127 * _n**5 / 288
    + 7891 * _n**6 / 37800,
    13 * _n**2 / 48
    - 3 * _n**3 / 5
    + 557 * _n**4 / 1440
    + 281 * _n**5 / 630
    - 1983433 * _n**6 / 1935360,
    61 * _n**3 / 240 - 103 * _n**4 / 140 + 15061 * _n**5 / 26880 + 167603 * _n**6 / 181440,
    49561 * _n**4 / 161280 - 179 * _n**5 / 168 + 6601661 * _n**6 / 7257600,
    34729 * _n**5 / 80640 - 3418889 * _n**6 / 1995840,
    212378941 * _n**6 / 319334400,
)
# Karney (2011), eq. 36: the inverse series.
_BETA = (
    _n / 2
    - 2 * _n**2 / 3
    + 37 * _n**3 / 96
    - _n**4 / 360
    - 81 * _n**5 / 512
    + 96199 * _n**6 / 604800,
    _n**2 / 48 + _n**3 / 15 - 437 * _n**4 / 1440 + 46 * _n**5 / 105 - 1118711 * _n**6 / 3870720,
    17 * _n**3 / 480 - 37 * _n**4 / 840 - 209 * _n**5 / 4480 + 5569 * _n**6 / 90720,
    4397 * _n**4 / 161280 - 11 * _n**5 / 504 - 830251 * _n**6 / 7257600,
    4583 * _n**5 / 161280 - 108847 * _n**6 / 3991680,
    20648693 * _n**6 / 638668800,
)

# Where ETRS-TM35FIN is meant to be used (EPSG:3067's area of use, with a margin): outside it a
# pair of numbers is more likely a mistake (swapped, degrees, another system) than a place.
FINLAND_EASTING = (-100_000.0, 1_000_000.0)
FINLAND_NORTHING = (6_500_000.0, 7_900_000.0)


def _tau_prime(tau: float) -> float:
    """tan of the conformal latitude from tan of the geodetic latitude (Karney eq. 7)."""
    sigma = math.sinh(_E * math.atanh(_E * tau / math.hypot(1.0, tau)))
    return tau * math.hypot(1.0, sigma) - sigma * math.hypot(1.0, tau)


def _tau_from_tau_prime(tau_prime: float) -> float:
    """Invert `_tau_prime` by Newton's method (Karney eqs. 19-21); converges in 2-3 steps."""
    tau = tau_prime
    for _ in range(10):
        tp = _tau_prime(tau)
        d_tau = (
            (tau_prime - tp)
            / math.hypot(1.0, tp)
            * (1 + (1 - _E**2) * tau**2)
            / ((1 - _E**2) * math.hypot(1.0, tau))
        )
        tau += d_tau
        if abs(d_tau) < 1e-14 * max(1.0, abs(tau)):
            break
    return tau


def etrs_tm35fin_to_wgs84(*, northing: float, easting: float) -> tuple[float, float]:
    """(latitude, longitude) in degrees for ETRS-TM35FIN metres."""
    xi = northing / (_K0 * _RECTIFYING)
    eta = (easting - _FALSE_EASTING) / (_K0 * _RECTIFYING)
    xi_p, eta_p = xi, eta
    for j, beta in enumerate(_BETA, start=1):
        xi_p -= beta * math.sin(2 * j * xi) * math.cosh(2 * j * eta)
        eta_p -= beta * math.cos(2 * j * xi) * math.sinh(2 * j * eta)
    # The conformal latitude, then the geodetic one.
    tau_prime = math.sin(xi_p) / math.hypot(math.sinh(eta_p), math.cos(xi_p))
    tau = _tau_from_tau_prime(tau_prime)
    latitude = math.degrees(math.atan(tau))
    longitude = math.degrees(_LON0 + math.atan2(math.sinh(eta_p), math.cos(xi_p)))
    return latitude, longitude


def wgs84_to_etrs_tm35fin(*, latitude: float, longitude: float) -> tuple[float, float]:
    """(northing, easting) in ETRS-TM35FIN metres for degrees."""
    lam = math.radians(longitude) - _LON0
    tau_prime = _tau_prime(math.tan(math.radians(latitude)))
    xi_p = math.atan2(tau_prime, math.cos(lam))
    eta_p = math.asinh(math.sin(lam) / math.hypot(tau_prime, math.cos(lam)))
    xi, eta = xi_p, eta_p
    for j, alpha in enumerate(_ALPHA, start=1):
        xi += alpha * math.sin(2 * j * xi_p) * math.cosh(2 * j * eta_p)
        eta += alpha * math.cos(2 * j * xi_p) * math.sinh(2 * j * eta_p)
    return _K0 * _RECTIFYING * xi, _FALSE_EASTING + _K0 * _RECTIFYING * eta


def in_finland(*, northing: float, easting: float) -> bool:
    return (
        FINLAND_NORTHING[0] <= northing <= FINLAND_NORTHING[1]
        and FINLAND_EASTING[0] <= easting <= FINLAND_EASTING[1]
    )
