"""The demo network's service catalogue: services, places and open meeting places of the demo
region, written by `perhekeskus load-demo` through the importers' writer.

One module per area keeps its places (`LOCATIONS`) and services (`SERVICES`); `demo_batch()`
gathers them into one import. The writer writes places before the services that refer to them.
"""

from __future__ import annotations

from perhekeskus.catalog.importers.records import ImportBatch, LocationRecord, ServiceRecord
from perhekeskus.demo.catalog import (
    askola_clinic,
    askola_community,
    askola_health,
    askola_network,
    helplines,
    inari,
    itauusimaa,
    janakkala,
    kantahame,
    laitila,
    lappi,
    national,
    porvoo,
    raisio,
    simo,
    turku,
    turku_community,
    varha,
)

LOCATIONS: list[LocationRecord] = [
    *askola_clinic.LOCATIONS,
    *askola_network.LOCATIONS,
    *askola_community.LOCATIONS,
    *itauusimaa.LOCATIONS,
    *porvoo.LOCATIONS,
    *kantahame.LOCATIONS,
    *janakkala.LOCATIONS,
    *varha.LOCATIONS,
    *raisio.LOCATIONS,
    *laitila.LOCATIONS,
    *turku.LOCATIONS,
    *turku_community.LOCATIONS,
    *simo.LOCATIONS,
    *inari.LOCATIONS,
    *national.LOCATIONS,
]

SERVICES: list[ServiceRecord] = [
    # Eastern Uusimaa: Askola's wellbeing clinic and network, Porvoo
    *askola_clinic.SERVICES,
    *askola_health.SERVICES,
    *askola_network.SERVICES,
    *askola_community.SERVICES,
    *itauusimaa.SERVICES,
    *porvoo.SERVICES,
    # Kanta-Häme: Janakkala
    *kantahame.SERVICES,
    *janakkala.SERVICES,
    # Southwest Finland: Raisio, Laitila, Turku
    *varha.SERVICES,
    *raisio.SERVICES,
    *laitila.SERVICES,
    *turku.SERVICES,
    *turku_community.SERVICES,
    # Lapland: Simo, Inari
    *lappi.SERVICES,
    *simo.SERVICES,
    *inari.SERVICES,
    # Nationwide
    *helplines.SERVICES,
    *national.SERVICES,
]


def demo_batch() -> ImportBatch:
    return ImportBatch(locations=list(LOCATIONS), services=list(SERVICES))
