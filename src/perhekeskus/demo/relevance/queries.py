"""Queries people type, with graded judgments on the demo network's services.

Grades: 3 = the answer, 2 = very useful, 1 = related, 0 (not listed) = not useful. Services are
named by their demo keys (`demo.catalog.helpers.service_id(key)` gives the id). Judged by what a
family needs, not by what the engine returns: a query may judge a service the search does not
find yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class RelevanceQuery:
    text: str
    language: str
    judgments: dict[str, int]
    municipality: str | None = None
    kind: str = ""
    notes: str = field(default="", compare=False)
    # Services a family would call wrong answers to this query (the fresh set judges them).
    off_topic: frozenset[str] = field(default=frozenset(), compare=False)


def _keys(text: str) -> list[str]:
    return text.split()


def judged(**grades: str) -> dict[str, int]:
    """judged(g3="a b", g2="c", g1="d") → {"a": 3, "b": 3, "c": 2, "d": 1}; a higher grade wins."""
    result: dict[str, int] = {}
    for name, keys in sorted(grades.items()):
        grade = int(name[1:])
        for key in _keys(keys):
            result[key] = max(result.get(key, 0), grade)
    return result


# Services by what they are (public demo services only).
NEUVOLAT = (
    "askola-aitiysneuvola askola-lastenneuvola porvoo-neuvola janakkala-neuvola laitila-neuvola "
    "raisio-neuvola turku-neuvola simo-neuvola inari-neuvola"
)
AITIYSNEUVOLAT = (
    "askola-aitiysneuvola porvoo-neuvola janakkala-neuvola laitila-neuvola raisio-neuvola "
    "turku-neuvola simo-neuvola inari-neuvola"
)
LASTENNEUVOLAT = (
    "askola-lastenneuvola porvoo-neuvola janakkala-neuvola laitila-neuvola raisio-neuvola "
    "turku-neuvola simo-neuvola inari-neuvola"
)
PERHENEUVOLAT = (
    "itauusimaa-perheneuvola kantahame-perheneuvola varha-perheneuvola lappi-perheneuvola"
)
LASTENVALVOJAT = (
    "itauusimaa-lastenvalvoja kantahame-lastenvalvoja varha-lastenvalvoja "
    "simo-lastenvalvoja-etaaika"
)
SOVITTELU = "itauusimaa-perheasioiden-sovittelu varha-perheasioiden-sovittelu"
ERON_TUKI = "lappi-erochat etk-liitto-eron-jalkeen-ryhmat"
PARISUHDE = (
    "turku-perheasiain-neuvottelukeskus turku-pariterapia janakkala-parisuhdeillat "
    "lappi-perheasiain-neuvottelu"
)
PUHETERAPIA = "askola-puheterapia raisio-puheterapia porvoo-yksityinen-puheterapia"
KOTIPALVELU = "askola-kotipalvelu raisio-kotipalvelu janakkala-perhetyo"
PERHETYO = "askola-perheohjaus porvoo-perhetyo janakkala-perhetyo laitila-perheohjaus"
PERHEKAHVILAT = (
    "askola-mll-perhekahvila laitila-mll-perhekahvila janakkala-mll-perhekahvila "
    "porvoo-familjecafe raisio-perhetupa"
)
KOHTAAMISPAIKAT = (
    "turku-varissuo-kohtaamispaikka janakkala-perheolkkari raisio-perhetupa simo-perhetupa "
    "inari-sajos-perheaamu"
)
PERHEKERHOT = (
    "askola-perhekerho porvoo-perhekerho janakkala-perhekerho raisio-perhekerho "
    "laitila-perhekerho simo-perhekerho inari-perhekerho turku-familjeklubb"
)
KURAATTORIT = "askola-kuraattori porvoo-kuraattori"
KOULUTERVEYS = "askola-kouluterveydenhuolto laitila-kouluterveydenhuolto"
VAKIVALTATYO = (
    "itauusimaa-vakivaltatyo kantahame-vakivaltatyo varha-vakivaltatyo "
    "thl-vakivallan-auttava-puhelin"
)
TURVAKODIT = "varha-turvakoti lappi-turvakoti"
NUORISOTYO = (
    "askola-nuorisotyo porvoo-nuorisotila janakkala-nuorisotyo laitila-nuorisotyo "
    "raisio-nuorisopalvelut inari-nuorisotyo simo-nuorisotyo"
)
PALVELUOHJAUS = (
    "askola-palveluohjaus porvoo-palveluohjaus janakkala-palveluohjaus "
    "turku-skanssi-palveluohjaus simo-palveluneuvonta-etaaika"
)
PYYDA_APUA = "raisio-pyyda-apua laitila-pyyda-apua askola-vatu"
MAAHANMUUTTO = (
    "itauusimaa-monikielinen-perhetyo kantahame-kotoutumista-tukeva-perhetyo "
    "varha-monikielinen-neuvonta lappi-maahanmuuttaneiden-palveluohjaus "
    "turku-setlementti-perheryhma"
)
MIELI = "askola-psykiatrinen-sairaanhoitaja mieli-sekasin-chat mieli-kriisipuhelin"
LASTENSUOJELU = (
    "askola-sosiaalityo simo-lastensuojelu-etaaika inari-lastensuojelu-etavastaanotto "
    "varha-lastensuojelu-etatapaamiset"
)
SAAME = "inari-saamenkieliset-perhepalvelut inari-kielipesat inari-sajos-perheaamu"
VARHAISKASVATUS = (
    "askola-varhaiskasvatuksen-oppilashuolto janakkala-varhaiskasvatuksen-tuki "
    "raisio-varhaiskasvatuksen-tuki"
)

Q = RelevanceQuery

QUERIES: list[RelevanceQuery] = [
    # --- Finnish: inflected forms ---------------------------------------------------------------
    Q(
        "neuvolassa",
        "fi",
        judged(g3=NEUVOLAT, g2="turku-svensk-radgivning", g1=PERHENEUVOLAT),
        kind="inflection",
    ),
    Q(
        "perheneuvolaan",
        "fi",
        judged(
            g3=PERHENEUVOLAT, g1="turku-perheasiain-neuvottelukeskus lappi-perheasiain-neuvottelu"
        ),
        kind="inflection",
    ),
    Q(
        "lastenvalvojalle",
        "fi",
        judged(g3=LASTENVALVOJAT, g1=f"{SOVITTELU} kela-elatustuki"),
        kind="inflection",
    ),
    Q("puheterapeutille", "fi", judged(g3=PUHETERAPIA), kind="inflection"),
    Q(
        "kotipalvelua",
        "fi",
        judged(
            g3="askola-kotipalvelu raisio-kotipalvelu",
            g2="janakkala-perhetyo",
            g1="askola-mll-lastenhoitoapu",
        ),
        kind="inflection",
    ),
    Q(
        "perhekahvilaan",
        "fi",
        judged(g3=PERHEKAHVILAT, g2=KOHTAAMISPAIKAT, g1=PERHEKERHOT),
        kind="inflection",
    ),
    Q("kuraattorille", "fi", judged(g3=KURAATTORIT, g1=KOULUTERVEYS), kind="inflection"),
    Q("turvakotiin", "fi", judged(g3=TURVAKODIT, g2=VAKIVALTATYO), kind="inflection"),
    Q("hammaslääkärille", "fi", judged(g3="askola-suun-terveydenhuolto"), kind="inflection"),
    Q(
        "nuorisotilalle",
        "fi",
        judged(g3=NUORISOTYO, g1="askola-etsiva-nuorisotyo"),
        kind="inflection",
    ),
    Q("sovittelussa", "fi", judged(g3=SOVITTELU, g1=LASTENVALVOJAT), kind="inflection"),
    Q(
        "kiusaamisesta",
        "fi",
        judged(g3=KURAATTORIT, g2="mll-lasten-ja-nuorten-puhelin"),
        kind="inflection",
    ),
    # --- Finnish: compounds both ways -----------------------------------------------------------
    Q(
        "neuvola",
        "fi",
        judged(g3=NEUVOLAT, g2="turku-svensk-radgivning", g1=PERHENEUVOLAT),
        kind="compound",
    ),
    Q("hammashoito", "fi", judged(g3="askola-suun-terveydenhuolto"), kind="compound"),
    Q(
        "väkivalta",
        "fi",
        judged(g3=VAKIVALTATYO, g2=TURVAKODIT, g1="askola-sosiaalityo"),
        kind="compound",
    ),
    Q(
        "terapia",
        "fi",
        judged(
            g2=f"{PUHETERAPIA} askola-toimintaterapia askola-fysioterapia "
            "turku-pariterapia kela-nuorten-kuntoutuspsykoterapia"
        ),
        kind="compound",
    ),
    Q(
        "perhetyö",
        "fi",
        judged(
            g3=PERHETYO,
            g2="itauusimaa-monikielinen-perhetyo kantahame-kotoutumista-tukeva-perhetyo",
            g1="inari-saamenkieliset-perhepalvelut",
        ),
        kind="compound",
    ),
    Q(
        "kerho",
        "fi",
        judged(g3=PERHEKERHOT, g2="askola-seurakunnan-lapsi-ja-nuorisotyo"),
        kind="compound",
    ),
    Q("lasten puheterapia", "fi", judged(g3=PUHETERAPIA), kind="compound"),
    Q(
        "äitiysneuvola",
        "fi",
        judged(g3=AITIYSNEUVOLAT, g2="turku-svensk-radgivning"),
        kind="compound",
    ),
    Q("terveydenhoitaja", "fi", judged(g3=KOULUTERVEYS, g2=LASTENNEUVOLAT), kind="compound"),
    Q("nuorisotyö", "fi", judged(g3=f"{NUORISOTYO} askola-etsiva-nuorisotyo"), kind="compound"),
    # --- Finnish: typos -------------------------------------------------------------------------
    Q("perhenuevola", "fi", judged(g3=PERHENEUVOLAT), kind="typo"),
    Q("lastenvalvoa", "fi", judged(g3=LASTENVALVOJAT, g1=SOVITTELU), kind="typo"),
    Q("puheterapai", "fi", judged(g3=PUHETERAPIA), kind="typo"),
    Q(
        "kotipalvleu",
        "fi",
        judged(g3="askola-kotipalvelu raisio-kotipalvelu", g2="janakkala-perhetyo"),
        kind="typo",
    ),
    Q("kuraatori", "fi", judged(g3=KURAATTORIT), kind="typo"),
    Q("perhekahvla", "fi", judged(g3=PERHEKAHVILAT, g2=KOHTAAMISPAIKAT), kind="typo"),
    # --- Finnish: needs in everyday words -------------------------------------------------------
    Q(
        "olemme eroamassa",
        "fi",
        judged(
            g3=f"{LASTENVALVOJAT} {SOVITTELU} lappi-erochat",
            g2=f"{PERHENEUVOLAT} etk-liitto-eron-jalkeen-ryhmat turku-perheasiain-neuvottelukeskus "
            "lappi-perheasiain-neuvottelu",
            g1="kela-elatustuki",
        ),
        kind="need",
    ),
    Q(
        "ero",
        "fi",
        judged(
            g3=f"{LASTENVALVOJAT} {SOVITTELU} {ERON_TUKI}",
            g2=f"{PERHENEUVOLAT} turku-perheasiain-neuvottelukeskus lappi-perheasiain-neuvottelu "
            "kela-elatustuki",
        ),
        kind="need",
    ),
    Q(
        "vauva itkee paljon",
        "fi",
        judged(
            g3=LASTENNEUVOLAT,
            g2="askola-mll-vauvaryhma mll-vanhempainpuhelin",
            g1=f"{KOTIPALVELU} askola-perheohjaus",
        ),
        kind="need",
    ),
    Q(
        "en jaksa",
        "fi",
        judged(
            g3=f"{KOTIPALVELU} mll-vanhempainpuhelin raisio-pyyda-apua laitila-pyyda-apua",
            g2="askola-psykiatrinen-sairaanhoitaja askola-perheohjaus "
            "porvoo-perhetyo laitila-perheohjaus askola-vatu askola-mll-lastenhoitoapu",
        ),
        kind="need",
    ),
    Q("lapsi ei puhu", "fi", judged(g3=PUHETERAPIA, g1="askola-lastenneuvola"), kind="need"),
    Q(
        "lasta kiusataan koulussa",
        "fi",
        judged(g3=KURAATTORIT, g2="mll-lasten-ja-nuorten-puhelin", g1=KOULUTERVEYS),
        kind="need",
    ),
    Q(
        "rahat loppu",
        "fi",
        judged(
            g3="askola-diakonia",
            g2="kela-perhe-etuudet askola-sosiaalityo simo-aikuis-ja-vammaispalvelut-etaaika",
            g1="turku-ohjaamo",
        ),
        kind="need",
    ),
    Q("mieheni lyö minua", "fi", judged(g3=f"{VAKIVALTATYO} {TURVAKODIT}"), kind="need"),
    Q(
        "muutimme suomeen",
        "fi",
        judged(g3=MAAHANMUUTTO, g1="turku-varissuo-kohtaamispaikka"),
        kind="need",
    ),
    Q(
        "odotan vauvaa",
        "fi",
        judged(g3=AITIYSNEUVOLAT, g2="kela-perhe-etuudet turku-svensk-radgivning"),
        kind="need",
    ),
    Q(
        "yksinäinen äiti",
        "fi",
        judged(g3=PERHEKAHVILAT, g2=f"{KOHTAAMISPAIKAT} askola-mll-vauvaryhma", g1=PERHEKERHOT),
        kind="need",
    ),
    Q(
        "murrosikäinen ei mene kouluun",
        "fi",
        judged(
            g3=KURAATTORIT,
            g2=f"{KOULUTERVEYS} mll-vanhempainpuhelin",
            g1=f"askola-etsiva-nuorisotyo {PERHENEUVOLAT}",
        ),
        kind="need",
    ),
    Q("mistä saan apua", "fi", judged(g3=f"{PALVELUOHJAUS} {PYYDA_APUA}"), kind="need"),
    Q(
        "uhmaikä",
        "fi",
        judged(
            g3="askola-perheohjaus",
            g2=f"{PERHETYO} {PERHENEUVOLAT} askola-psykologi mll-vanhempainpuhelin",
        ),
        kind="need",
    ),
    Q(
        "masennus",
        "fi",
        judged(
            g3="askola-psykiatrinen-sairaanhoitaja mieli-sekasin-chat",
            g2="kela-nuorten-kuntoutuspsykoterapia mieli-kriisipuhelin",
        ),
        kind="need",
    ),
    Q(
        "vammainen lapsi",
        "fi",
        judged(
            g3="simo-aikuis-ja-vammaispalvelut-etaaika",
            g2="askola-toimintaterapia askola-fysioterapia",
            g1="askola-puheterapia askola-sosiaalityo",
        ),
        kind="need",
    ),
    Q("parisuhdeongelmat", "fi", judged(g3=PARISUHDE), kind="need"),
    Q(
        "imetys",
        "fi",
        judged(g3="askola-lastenneuvola porvoo-neuvola", g2=LASTENNEUVOLAT),
        kind="need",
    ),
    Q(
        "lapsi ei nuku",
        "fi",
        judged(g3="askola-lastenneuvola", g2=LASTENNEUVOLAT, g1="askola-perheohjaus"),
        kind="need",
    ),
    Q(
        "isät vertaistuki",
        "fi",
        judged(g3="raisio-perhetupa janakkala-perheolkkari", g1=PERHEKAHVILAT),
        kind="need",
    ),
    Q(
        "huoli lapsesta",
        "fi",
        judged(g3=f"{LASTENSUOJELU} askola-vatu", g2=f"{PALVELUOHJAUS} {PYYDA_APUA}"),
        kind="need",
    ),
    # --- Finnish: places ------------------------------------------------------------------------
    Q(
        "Turenki",
        "fi",
        judged(
            g3="janakkala-palveluohjaus",
            g2="janakkala-neuvola "
            "janakkala-perheolkkari kantahame-perheneuvola kantahame-lastenvalvoja",
            g1="janakkala-nuorisotyo janakkala-perhekerho janakkala-parisuhdeillat",
        ),
        kind="place",
    ),
    Q("neuvola Turenki", "fi", judged(g3="janakkala-neuvola"), kind="place"),
    Q(
        "perhekahvila Raisio",
        "fi",
        judged(g3="raisio-perhetupa", g1="raisio-perhekerho"),
        kind="place",
    ),
    Q("Skanssi", "fi", judged(g3="turku-skanssi-palveluohjaus"), kind="place"),
    Q(
        "Ivalo",
        "fi",
        judged(g3="inari-perhekerho inari-nuorisotyo", g2="inari-neuvola"),
        kind="place",
    ),
    Q("Tervakoski", "fi", judged(g3="janakkala-mll-perhekahvila"), kind="place"),
    Q("Varissuo", "fi", judged(g3="turku-varissuo-kohtaamispaikka"), kind="place"),
    # --- Finnish: with a municipality -----------------------------------------------------------
    Q(
        "neuvola",
        "fi",
        judged(g3="askola-aitiysneuvola askola-lastenneuvola", g1="itauusimaa-perheneuvola"),
        municipality="018",
        kind="municipality",
    ),
    Q(
        "lastenvalvoja",
        "fi",
        judged(g3="simo-lastenvalvoja-etaaika", g1="kela-elatustuki lappi-erochat"),
        municipality="751",
        kind="municipality",
    ),
    Q(
        "perheneuvola",
        "fi",
        judged(g3="varha-perheneuvola"),
        municipality="680",
        kind="municipality",
    ),
    Q(
        "ero",
        "fi",
        judged(
            g3="kantahame-lastenvalvoja",
            g2="kantahame-perheneuvola etk-liitto-eron-jalkeen-ryhmat",
            g1="kela-elatustuki",
        ),
        municipality="165",
        kind="municipality",
    ),
    Q(
        "väkivalta",
        "fi",
        judged(
            g3="itauusimaa-vakivaltatyo",
            g2="thl-vakivallan-auttava-puhelin",
            g1="askola-sosiaalityo",
        ),
        municipality="018",
        kind="municipality",
    ),
    Q(
        "perhekahvila",
        "fi",
        judged(g3="laitila-mll-perhekahvila", g1="laitila-perhekerho"),
        municipality="400",
        kind="municipality",
    ),
    Q(
        "kotipalvelu",
        "fi",
        judged(g3="raisio-kotipalvelu"),
        municipality="680",
        kind="municipality",
    ),
    Q(
        "puheterapia",
        "fi",
        judged(g3="porvoo-yksityinen-puheterapia"),
        municipality="638",
        kind="municipality",
    ),
    Q(
        "neuvola",
        "fi",
        judged(g3="turku-neuvola turku-svensk-radgivning", g1="varha-perheneuvola"),
        municipality="853",
        kind="municipality",
    ),
    # --- Swedish --------------------------------------------------------------------------------
    Q(
        "skilsmässa barn",
        "sv",
        judged(
            g3=f"{LASTENVALVOJAT} {SOVITTELU} lappi-erochat",
            g2="itauusimaa-perheneuvola varha-perheneuvola kantahame-perheneuvola "
            "etk-liitto-eron-jalkeen-ryhmat",
            g1="kela-elatustuki",
        ),
        kind="need",
    ),
    Q(
        "skilsmässan",
        "sv",
        judged(
            g3=f"{LASTENVALVOJAT} {SOVITTELU} {ERON_TUKI}",
            g2="itauusimaa-perheneuvola varha-perheneuvola",
        ),
        kind="inflection",
    ),
    Q(
        "barnrådgivning",
        "sv",
        judged(g3=LASTENNEUVOLAT, g2="turku-svensk-radgivning"),
        kind="compound",
    ),
    Q(
        "rådgivningen",
        "sv",
        judged(g3=f"{NEUVOLAT} turku-svensk-radgivning", g1=PERHENEUVOLAT),
        kind="compound",
    ),
    Q("familjecafé", "sv", judged(g3=PERHEKAHVILAT, g2=KOHTAAMISPAIKAT), kind="compound"),
    Q("talterapi", "sv", judged(g3=PUHETERAPIA), kind="compound"),
    Q("mobbning", "sv", judged(g3=KURAATTORIT, g2="mll-lasten-ja-nuorten-puhelin"), kind="need"),
    Q("våld i nära relationer", "sv", judged(g3=VAKIVALTATYO, g2=TURVAKODIT), kind="need"),
    Q(
        "hemservice",
        "sv",
        judged(g3="askola-kotipalvelu raisio-kotipalvelu", g2="janakkala-perhetyo"),
        kind="compound",
    ),
    Q(
        "trött förälder",
        "sv",
        judged(
            g3=f"{KOTIPALVELU} mll-vanhempainpuhelin",
            g2=f"{PERHETYO} raisio-pyyda-apua laitila-pyyda-apua",
        ),
        kind="need",
    ),
    Q("invandrare tolk", "sv", judged(g3=MAAHANMUUTTO), kind="need"),
    Q(
        "gravid",
        "sv",
        judged(g3=AITIYSNEUVOLAT, g2="kela-perhe-etuudet turku-svensk-radgivning"),
        kind="need",
    ),
    Q("skolkurator", "sv", judged(g3=KURAATTORIT), kind="compound"),
    Q("barnatillsyningsmannen", "sv", judged(g3=LASTENVALVOJAT), kind="inflection"),
    Q(
        "familjeklubb på svenska",
        "sv",
        judged(g3="turku-familjeklubb porvoo-perhekerho", g2="porvoo-familjecafe", g1=PERHEKERHOT),
        kind="compound",
    ),
    Q("familjeradgivnig", "sv", judged(g3=PERHENEUVOLAT), kind="typo"),
    Q(
        "Åbo rådgivning",
        "sv",
        judged(
            g3="turku-svensk-radgivning turku-neuvola",
            g1="varha-perheneuvola turku-skanssi-palveluohjaus",
        ),
        kind="place",
    ),
    Q("ungdomsgård", "sv", judged(g3=NUORISOTYO), kind="compound"),
    Q(
        "ensam förälder",
        "sv",
        judged(
            g3=f"{PERHEKAHVILAT} etk-liitto-eron-jalkeen-ryhmat",
            g2=f"{KOHTAAMISPAIKAT} kela-elatustuki",
            g1=PERHEKERHOT,
        ),
        kind="need",
    ),
    Q(
        "rådgivning",
        "sv",
        judged(g3=f"{NEUVOLAT} turku-svensk-radgivning", g2=PALVELUOHJAUS, g1=PERHENEUVOLAT),
        municipality="638",
        kind="municipality",
    ),
    # --- English --------------------------------------------------------------------------------
    Q(
        "speech therapy toddler",
        "en",
        judged(g3=PUHETERAPIA, g1="askola-lastenneuvola"),
        kind="need",
    ),
    Q(
        "divorce",
        "en",
        judged(
            g3=f"{LASTENVALVOJAT} {SOVITTELU} {ERON_TUKI}",
            g2=f"{PERHENEUVOLAT} kela-elatustuki turku-perheasiain-neuvottelukeskus "
            "lappi-perheasiain-neuvottelu",
        ),
        kind="need",
    ),
    Q(
        "child custody",
        "en",
        judged(g3=LASTENVALVOJAT, g2=SOVITTELU, g1="kela-elatustuki"),
        kind="need",
    ),
    Q(
        "baby won't stop crying",
        "en",
        judged(g3=LASTENNEUVOLAT, g2="mll-vanhempainpuhelin askola-mll-vauvaryhma", g1=KOTIPALVELU),
        kind="need",
    ),
    Q(
        "exhausted parent",
        "en",
        judged(
            g3=f"{KOTIPALVELU} mll-vanhempainpuhelin",
            g2=f"{PERHETYO} raisio-pyyda-apua laitila-pyyda-apua",
        ),
        kind="need",
    ),
    Q("domestic violence", "en", judged(g3=f"{VAKIVALTATYO} {TURVAKODIT}"), kind="need"),
    Q(
        "bullying at school",
        "en",
        judged(g3=KURAATTORIT, g2="mll-lasten-ja-nuorten-puhelin"),
        kind="need",
    ),
    Q("immigrant family interpreter", "en", judged(g3=MAAHANMUUTTO), kind="need"),
    Q(
        "pregnant",
        "en",
        judged(g3=AITIYSNEUVOLAT, g2="kela-perhe-etuudet turku-svensk-radgivning"),
        kind="need",
    ),
    Q("family cafe", "en", judged(g3=PERHEKAHVILAT, g2=KOHTAAMISPAIKAT), kind="compound"),
    Q(
        "teenager anxiety",
        "en",
        judged(
            g3="mieli-sekasin-chat",
            g2="kela-nuorten-kuntoutuspsykoterapia "
            "askola-psykiatrinen-sairaanhoitaja mll-vanhempainpuhelin",
            g1="askola-psykologi",
        ),
        kind="need",
    ),
    Q("dentist", "en", judged(g3="askola-suun-terveydenhuolto"), kind="compound"),
    Q("money worries", "en", judged(g3="askola-diakonia", g2="kela-perhe-etuudet"), kind="need"),
    Q("maintenance allowance", "en", judged(g3="kela-elatustuki", g2=LASTENVALVOJAT), kind="need"),
    Q(
        "couple therapy",
        "en",
        judged(
            g3="turku-pariterapia turku-perheasiain-neuvottelukeskus",
            g2="lappi-perheasiain-neuvottelu janakkala-parisuhdeillat",
        ),
        kind="need",
    ),
    Q(
        "Sami language",
        "en",
        judged(
            g3="inari-saamenkieliset-perhepalvelut inari-kielipesat",
            g2="inari-sajos-perheaamu",
            g1="inari-neuvola",
        ),
        kind="need",
    ),
    Q("youth centre", "en", judged(g3=NUORISOTYO), kind="compound"),
    Q("child health clinic Porvoo", "en", judged(g3="porvoo-neuvola"), kind="place"),
    Q(
        "home help",
        "en",
        judged(g3="askola-kotipalvelu", g2="askola-mll-lastenhoitoapu"),
        municipality="018",
        kind="municipality",
    ),
    Q(
        "counselling",
        "en",
        judged(
            g3=PERHENEUVOLAT,
            g2="turku-perheasiain-neuvottelukeskus lappi-perheasiain-neuvottelu",
            g1=PALVELUOHJAUS,
        ),
        kind="inflection",
    ),
    Q("custidy officer", "en", judged(g3=LASTENVALVOJAT), kind="typo"),
    Q("speach therapy", "en", judged(g3=PUHETERAPIA), kind="typo"),
    Q("where to get help", "en", judged(g3=f"{PALVELUOHJAUS} {PYYDA_APUA}"), kind="need"),
    Q(
        "neuvola",
        "en",
        judged(g3=NEUVOLAT, g2="turku-svensk-radgivning", g1=PERHENEUVOLAT),
        kind="compound",
    ),
]
