"""The demo region: municipalities, organisations and professionals of each role; its service
catalogue is in `perhekeskus.demo.catalog`.

Built from the seeds (Askola's wellbeing clinic and VATU team, Janakkala, Raisio and Laitila,
Simo, Inari, Turku). All people and contact details are made up; the ids are fixed so that
re-running the loader updates instead of duplicating.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field

from perhekeskus.accounts.models import Profession
from perhekeskus.core.roles import Role
from perhekeskus.demo.catalog import organizations as catalog_organizations
from perhekeskus.demo.catalog.helpers import DEMO_DOMAIN, DemoOrganization

__all__ = [
    "DEMO_DOMAIN",
    "DEMO_PASSWORD",
    "MUNICIPALITIES",
    "MUNICIPALITY_LANGUAGES",
    "ORGANIZATIONS",
    "REVIEWED_ORGANIZATIONS",
    "TEAMS",
    "USERS",
    "DemoOrganization",
    "DemoUser",
]

DEMO_PASSWORD = "perhekeskus-demo"  # noqa: S105  (printed by `make demo`; demo data only)

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


# Official languages (Language Act 423/2003; the Sámi Language Act in the Sámi homeland): Porvoo
# and Turku are bilingual (fi, sv), Inari has the three Sámi languages too.
MUNICIPALITY_LANGUAGES: dict[str, list[str]] = {
    "018": ["fi"],
    "165": ["fi"],
    "680": ["fi"],
    "400": ["fi"],
    "751": ["fi"],
    "148": ["fi", "se", "smn", "sms"],
    "853": ["fi", "sv"],
    "638": ["fi", "sv"],
}

# NGOs whose publications and changes wait for their approver's (or a coordinator's) approval.
REVIEWED_ORGANIZATIONS = frozenset({"mll-askola"})

# Organisations live with the catalogue they provide; their ids are uuid5s of their keys.
ORGANIZATIONS: tuple[DemoOrganization, ...] = catalog_organizations.ORGANIZATIONS


@dataclass(frozen=True)
class DemoTeam:
    """An early-support team: where the demo's "Ask for help" requests arrive."""

    key: str
    name: str
    organization: str
    municipalities: tuple[str, ...]
    members: tuple[str, ...]  # local parts of demo users

    @property
    def id(self) -> uuid.UUID:
        return uuid.uuid5(uuid.NAMESPACE_URL, f"https://{DEMO_DOMAIN}/team/{self.key}")


TEAMS: tuple[DemoTeam, ...] = (
    DemoTeam(
        "vatu-ita-uusimaa",
        "VATU – matalan kynnyksen varhaisen tuen tiimi, Askola ja Porvoo (demo)",
        "itauusimaa",
        ("018", "638"),
        ("perhetyontekija",),
    ),
    DemoTeam(
        "kanta-hame",
        "Perhekeskuksen varhaisen tuen tiimi, Janakkala (demo)",
        "kantahame",
        ("165",),
        ("perhetyontekija",),
    ),
    DemoTeam(
        "varsinais-suomi",
        "Pyydä apua -tiimi, Raisio, Laitila ja Turku (demo)",
        "varha",
        ("680", "400", "853"),
        ("varhainentuki",),
    ),
    DemoTeam(
        "lappi",
        "Perhekeskuksen palveluohjaus, Simo ja Inari (demo)",
        "lappi",
        ("751", "148"),
        ("varhainentuki",),
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
        "yhdistys",
        "Jaana Järjestö",
        "mll-askola",
        Profession.OTHER,
        "Perhekahvilan vapaaehtoiskoordinaattori",
        (Role.ORGANIZATION_EDITOR,),
    ),
    DemoUser(
        "hyvaksyja",
        "Hanna Hyväksyjä",
        "mll-askola",
        Profession.OTHER,
        "Toiminnanjohtaja",
        (Role.ORGANIZATION_APPROVER, Role.ORGANIZATION_EDITOR),
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
        "varhainentuki",
        "Veera Väre",
        "varha",
        Profession.SOCIAL_WORKER,
        "Sosiaalityöntekijä, perhekeskuksen matalan kynnyksen tiimi",
        (Role.PROFESSIONAL, Role.EARLY_SUPPORT_TEAM),
    ),
    # Appointments (issue #12): Simo's remote appointments, Inari's video reception and
    # visits in Turku; Askola's public health nurse above receives visits too.
    DemoUser(
        "lastenvalvoja",
        "Leena Lumme",
        "lappi",
        Profession.CHILD_CUSTODY_OFFICER,
        "Lastenvalvoja, Simo (etätapaamiset)",
        (Role.PROFESSIONAL,),
    ),
    DemoUser(
        "palveluohjaaja",
        "Paula Pohjola",
        "lappi",
        Profession.SERVICE_COUNSELLOR,
        "Palveluohjaaja, Simon hyvinvointiasema",
        (Role.PROFESSIONAL,),
    ),
    DemoUser(
        "sosiaalityontekija",
        "Saara Simojoki",
        "lappi",
        Profession.SOCIAL_WORKER,
        "Sosiaalityöntekijä, lastensuojelu, Simo",
        (Role.PROFESSIONAL,),
    ),
    DemoUser(
        "lastensuojelu",
        "Santeri Suvanto",
        "lappi",
        Profession.SOCIAL_WORKER,
        "Sosiaalityöntekijä, lastensuojelu, Simo",
        (Role.PROFESSIONAL,),
    ),
    DemoUser(
        "etavastaanotto",
        "Inga Aikio",
        "lappi",
        Profession.SOCIAL_WORKER,
        "Sosiaalityöntekijä, lastensuojelun etävastaanotto, Inari",
        (Role.PROFESSIONAL,),
    ),
    DemoUser(
        "perheneuvola",
        "Petra Perho",
        "varha",
        Profession.PSYCHOLOGIST,
        "Psykologi, perheneuvola, Turku",
        (Role.PROFESSIONAL,),
    ),
    DemoUser(
        "ajanvaraus",
        "Aila Aikataulu",
        "lappi",
        Profession.OTHER,
        "Ajanvaraussihteeri, Simon ja Inarin vastaanotot",
        (Role.SCHEDULER,),
    ),
    # Family coordination (issue #14): the Virtanen family's responsible worker and its team
    # across organisations (Askola's school social worker, MLL Askola's volunteer coordinator,
    # Askola parish's deacon), and the workers of the families in Janakkala.
    DemoUser(
        "vastuutyontekija",
        "Vilma Vastuu",
        "itauusimaa",
        Profession.SOCIAL_WORKER,
        "Sosiaalityöntekijä, perheiden vastuutyöntekijä, Askola",
        (Role.PROFESSIONAL,),
    ),
    DemoUser(
        "kuraattori",
        "Kalle Kuraattori",
        "askola",
        Profession.SCHOOL_SOCIAL_WORKER,
        "Koulukuraattori, Askolan yhtenäiskoulu",
        (Role.PROFESSIONAL,),
    ),
    DemoUser(
        "vapaaehtoiset",
        "Maija Mellberg",
        "mll-askola",
        Profession.NGO_WORKER,
        "Vapaaehtoistoiminnan koordinaattori, MLL Askola",
        (Role.PROFESSIONAL,),
    ),
    DemoUser(
        "diakoni",
        "Daniel Diakonia",
        "askolan-seurakunta",
        Profession.DEACON,
        "Diakoniatyöntekijä, Askolan seurakunta",
        (Role.PROFESSIONAL,),
    ),
    DemoUser(
        "perheohjaaja",
        "Jenni Jokela",
        "kantahame",
        Profession.FAMILY_WORKER,
        "Perheohjaaja, Janakkalan perhekeskus",
        (Role.PROFESSIONAL,),
    ),
    DemoUser(
        "varhaiskasvatus",
        "Venla Varpunen",
        "janakkala",
        Profession.EARLY_EDUCATION_TEACHER,
        "Varhaiskasvatuksen erityisopettaja, Janakkala",
        (Role.PROFESSIONAL,),
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
