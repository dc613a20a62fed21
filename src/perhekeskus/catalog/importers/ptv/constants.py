"""What the PTV import knows in advance: its name, PTV's codes and their meanings, field lengths,
the shapes of values."""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

from django.core.validators import URLValidator

from perhekeskus.catalog.importers.records import TaxonomyRecord
from perhekeskus.catalog.taxonomies import (
    PTV_LIFE_EVENT_KEY,
    PTV_ONTOLOGY_KEY,
    PTV_SERVICE_CLASS_KEY,
    PTV_TARGET_GROUP_KEY,
)

VIA = "import-ptv"
SOURCE = "ptv"
LANGUAGES = ("fi", "sv", "en")
# Languages PTV has texts in that the catalogue does not show (Sámi languages): left out quietly.
OTHER_PTV_LANGUAGES = frozenset({"se", "smn", "sms"})
_LANGUAGE_KEYS = {lang: lang for lang in LANGUAGES}
FINNISH_TIME = ZoneInfo("Europe/Helsinki")
MIDNIGHT = dt.time(0, 0)

ORGANIZATION_TYPES = {
    "Municipality": "municipality",
    "SotePublic": "wellbeing_county",
    "Region": "wellbeing_county",
    "RegionalOrganization": "wellbeing_county",
    "State": "state",
    "Company": "private",
    "SotePrivate": "private",
    "Organization": "ngo",
}
CHANNEL_KINDS = {
    "Phone": "phone",
    "EChannel": "eservice",
    "WebPage": "web",
    "PrintableForm": "form",
}
CHANNEL_TYPES = {*CHANNEL_KINDS, "ServiceLocation"}
PHONE_CHARGES = {
    "FreeOfCharge": "free",
    "Free": "free",
    "Chargeable": "local",
    "Charged": "local",
    "Other": "other",
}
WEEKDAYS = {
    name: number
    for number, name in enumerate(
        ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
    )
}
# Description types appended to the application process, under a heading of their own.
PROCESS_DETAILS = {
    "DeadLine": {"fi": "Määräaika", "sv": "Tidsfrist", "en": "Deadline"},
    "ProcessingTime": {"fi": "Käsittelyaika", "sv": "Handläggningstid", "en": "Processing time"},
    "ValidityTime": {"fi": "Voimassaoloaika", "sv": "Giltighetstid", "en": "Validity"},
}
TERM_LISTS = (
    ("serviceClasses", PTV_SERVICE_CLASS_KEY),
    ("targetGroups", PTV_TARGET_GROUP_KEY),
    ("lifeEvents", PTV_LIFE_EVENT_KEY),
    ("ontologyTerms", PTV_ONTOLOGY_KEY),
)
TAXONOMIES = [
    TaxonomyRecord(
        key=PTV_SERVICE_CLASS_KEY,
        names={"fi": "PTV-palveluluokat", "sv": "PTV-serviceklasser", "en": "PTV service classes"},
        uri="http://uri.suomi.fi/codelist/ptv/ptvserclass2",
    ),
    TaxonomyRecord(
        key=PTV_TARGET_GROUP_KEY,
        names={"fi": "PTV-kohderyhmät", "sv": "PTV-målgrupper", "en": "PTV target groups"},
        uri="http://uri.suomi.fi/codelist/ptv/ptvkohderyhmat",
    ),
    TaxonomyRecord(
        key=PTV_LIFE_EVENT_KEY,
        names={"fi": "PTV-elämäntilanteet", "sv": "PTV-livssituationer", "en": "PTV life events"},
        uri="http://uri.suomi.fi/codelist/ptv/ptvelamantilanteet",
    ),
    TaxonomyRecord(
        key=PTV_ONTOLOGY_KEY,
        names={"fi": "PTV-asiasanat", "sv": "PTV-ämnesord", "en": "PTV ontology terms"},
        uri="http://www.yso.fi/onto/koko/",
    ),
]

# Field lengths of the catalogue models: a longer PTV text is shortened (with a note) rather
# than costing the whole record.
NAME_MAX = 200
STREET_MAX = 200
POST_OFFICE_MAX = 100
SUMMARY_MAX = 500
KEYWORDS_MAX = 500
SCHEDULE_DESCRIPTION_MAX = 300
CHARGE_DESCRIPTION_MAX = 300
URL_MAX = 500
WEBSITE_MAX = 200
PHONE_MAX = 40

_URL = URLValidator()
_PHONE = re.compile(r"^\+?[0-9][0-9 ()\-/]{2,38}$")
_POSTAL_CODE = re.compile(r"^\d{5}$")
_MUNICIPALITY = re.compile(r"^\d{3}$")
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}$")
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$")
