"""The demo region: municipalities, organisations and professionals of each role.

Built from the seeds (Askola's wellbeing clinic and VATU team, Janakkala, Raisio and Laitila,
Simo, Inari, Turku). All people and contact details are made up; the ids are fixed so that
re-running the loader updates instead of duplicating.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from perhekeskus.accounts.models import Profession
from perhekeskus.catalog.models import OrganizationType
from perhekeskus.core.roles import Role

DEMO_PASSWORD = "perhekeskus-demo"  # noqa: S105  (printed by `make demo`; demo data only)
DEMO_DOMAIN = "demo.perhekeskus.example"

MUNICIPALITIES: dict[str, dict[str, str]] = {
    "018": {"fi": "Askola", "sv": "Askola", "en": "Askola"},
    "165": {"fi": "Janakkala", "sv": "Janakkala", "en": "Janakkala"},
    "680": {"fi": "Raisio", "sv": "Reso", "en": "Raisio"},
    "400": {"fi": "Laitila", "sv": "Letala", "en": "Laitila"},
    "751": {"fi": "Simo", "sv": "Simo", "en": "Simo"},
    "148": {"fi": "Inari", "sv": "Enare", "en": "Inari"},
    "853": {"fi": "Turku", "sv": "Åbo", "en": "Turku"},
    "638": {"fi": "Porvoo", "sv": "Borgå", "en": "Porvoo"},
}


def _id(name: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"https://{DEMO_DOMAIN}/organization/{name}")


@dataclass(frozen=True)
class DemoOrganization:
    key: str
    type: str
    names: dict[str, str]
    descriptions: dict[str, str]
    municipalities: tuple[str, ...]
    business_id: str = ""
    website: str = ""

    @property
    def id(self) -> uuid.UUID:
        return _id(self.key)


ORGANIZATIONS: tuple[DemoOrganization, ...] = (
    DemoOrganization(
        key="itauusimaa",
        type=OrganizationType.WELLBEING_COUNTY,
        names={
            "fi": "Itä-Uudenmaan hyvinvointialue (demo)",
            "sv": "Östra Nylands välfärdsområde (demo)",
            "en": "Eastern Uusimaa Wellbeing Services County (demo)",
        },
        descriptions={
            "fi": "Sosiaali- ja terveyspalvelut, mm. neuvolat, perheneuvola ja perhetyö.",
            "sv": "Social- och hälsovårdstjänster, bl.a. rådgivningar, familjerådgivning och "
            "familjearbete.",
            "en": "Social and health services, e.g. child health clinics, family counselling "
            "and family work.",
        },
        municipalities=("018", "638"),
    ),
    DemoOrganization(
        key="kantahame",
        type=OrganizationType.WELLBEING_COUNTY,
        names={
            "fi": "Kanta-Hämeen hyvinvointialue (demo)",
            "sv": "Egentliga Tavastlands välfärdsområde (demo)",
            "en": "Kanta-Häme Wellbeing Services County (demo)",
        },
        descriptions={"fi": "Sosiaali- ja terveyspalvelut Kanta-Hämeessä."},
        municipalities=("165",),
    ),
    DemoOrganization(
        key="varha",
        type=OrganizationType.WELLBEING_COUNTY,
        names={
            "fi": "Varsinais-Suomen hyvinvointialue (demo)",
            "sv": "Egentliga Finlands välfärdsområde (demo)",
            "en": "Southwest Finland Wellbeing Services County (demo)",
        },
        descriptions={"fi": "Sosiaali- ja terveyspalvelut Varsinais-Suomessa."},
        municipalities=("680", "400", "853"),
    ),
    DemoOrganization(
        key="lappi",
        type=OrganizationType.WELLBEING_COUNTY,
        names={
            "fi": "Lapin hyvinvointialue (demo)",
            "sv": "Lapplands välfärdsområde (demo)",
            "en": "Lapland Wellbeing Services County (demo)",
        },
        descriptions={"fi": "Sosiaali- ja terveyspalvelut Lapissa, myös etävastaanotot."},
        municipalities=("751", "148"),
    ),
    DemoOrganization(
        key="askola",
        type=OrganizationType.MUNICIPALITY,
        names={"fi": "Askolan kunta (demo)", "sv": "Askola kommun (demo)", "en": "Askola (demo)"},
        descriptions={
            "fi": "Varhaiskasvatus, perusopetus, nuorisotyö ja etsivä nuorisotyö.",
            "en": "Early childhood education, schools, youth work and outreach youth work.",
        },
        municipalities=("018",),
    ),
    DemoOrganization(
        key="mll-askola",
        type=OrganizationType.NGO,
        names={
            "fi": "MLL:n Askolan yhdistys (demo)",
            "sv": "MLL:s förening i Askola (demo)",
            "en": "MLL Askola association (demo)",
        },
        descriptions={"fi": "Perhekahvila, vertaisryhmät ja lastenhoitoapu."},
        municipalities=("018",),
    ),
    DemoOrganization(
        key="askolan-seurakunta",
        type=OrganizationType.PARISH,
        names={
            "fi": "Askolan seurakunta (demo)",
            "sv": "Askola församling (demo)",
            "en": "Askola parish (demo)",
        },
        descriptions={"fi": "Perhekerhot, diakoniatyö ja nuorisotyö."},
        municipalities=("018",),
    ),
)


@dataclass(frozen=True)
class DemoUser:
    local_part: str
    full_name: str
    organization: str | None
    profession: str
    title: str
    roles: tuple[str, ...] = field(default_factory=tuple)
    is_superuser: bool = False

    @property
    def email(self) -> str:
        return f"{self.local_part}@{DEMO_DOMAIN}"


USERS: tuple[DemoUser, ...] = (
    DemoUser(
        "koordinaattori",
        "Kaisa Koordinaattori",
        "itauusimaa",
        Profession.COORDINATOR,
        "Perhekeskuskoordinaattori",
        (Role.COORDINATOR,),
    ),
    DemoUser(
        "toimittaja",
        "Eero Editori",
        "askola",
        Profession.SERVICE_COUNSELLOR,
        "Palveluohjaaja",
        (Role.ORGANIZATION_EDITOR, Role.PROFESSIONAL),
    ),
    DemoUser(
        "terveydenhoitaja",
        "Niina Neuvola",
        "itauusimaa",
        Profession.PUBLIC_HEALTH_NURSE,
        "Terveydenhoitaja, hyvinvointineuvola",
        (Role.PROFESSIONAL,),
    ),
    DemoUser(
        "perhetyontekija",
        "Tiina Tiimi",
        "itauusimaa",
        Profession.FAMILY_WORKER,
        "Perheohjaaja, VATU-tiimi",
        (Role.PROFESSIONAL, Role.EARLY_SUPPORT_TEAM),
    ),
    DemoUser(
        "yllapito",
        "Aino Ylläpito",
        None,
        Profession.OTHER,
        "Tekninen ylläpitäjä",
        (),
        is_superuser=True,
    ),
)
