"""Turku's NGOs, parishes and a private provider: the Settlement's multicultural family group,
the Swedish parish's family club, the parishes' family counselling centre and couple therapy
from a private provider."""

from __future__ import annotations

from perhekeskus.demo.catalog.helpers import (
    TURKU,
    Lang,
    at,
    eservice,
    local,
    phone,
    place,
    service,
)
from perhekeskus.demo.catalog.helpers import email as mail
from perhekeskus.demo.catalog.hours import MEETING_PLACE_BREAKS, OFFICE_HOLIDAYS, weekly

RUNOSMAKI = "turku-setlementti-runosmaki"
SWEDISH_PARISH = "turku-abo-svenska-forsamlingshem"
COUNSELLING_CENTRE = "turku-perheasiain-neuvottelukeskus"
KOMPASSI = "turku-kompassi"
AREA = local(TURKU)
_TOWN = ("Turku", "Åbo", "Turku")

LOCATIONS = [
    place(
        RUNOSMAKI,
        "turun-setlementti",
        ("Setlementin perhetalo Runosmäki", "Settlementets familjehus i Runosbacken", ""),
        address=("Runoratsunkatu 2", "Runoratsugatan 2", "Runoratsunkatu 2"),
        postal_code="20360",
        town=_TOWN,
        municipality=TURKU,
        lat="60.485000",
        lon="22.240000",
        about=(
            "Monikulttuurinen perhetalo ostoskeskuksen vieressä.",
            "Ett mångkulturellt familjehus bredvid köpcentret.",
            "A multicultural family house next to the local shopping centre.",
        ),
        access=(
            "Esteetön sisäänkäynti, inva-wc ja rukoushuone.",
            "Tillgänglig ingång, handikapptoalett och bönerum.",
            "Step-free entrance, accessible toilet and a prayer room.",
        ),
        hours=weekly("mon,wed 10-14", "thu 16-19") + MEETING_PLACE_BREAKS,
        meeting_place=True,
    ),
    place(
        SWEDISH_PARISH,
        "abo-svenska-forsamling",
        ("Turun ruotsalaisen seurakunnan kerhotila", "Åbo svenska församlings klubblokal", ""),
        address=("Aurakatu 18", "Auragatan 18", "Aurakatu 18"),
        postal_code="20100",
        town=_TOWN,
        municipality=TURKU,
        lat="60.452500",
        lon="22.272500",
        access=(
            "Hissi pihan puolelta, vaunuille tilaa eteisessä.",
            "Hiss från gården, plats för barnvagnar i tamburen.",
            "Lift from the courtyard, space for prams in the hall.",
        ),
        hours=weekly("tue,fri 9:30-12") + MEETING_PLACE_BREAKS,
        meeting_place=True,
    ),
    place(
        COUNSELLING_CENTRE,
        "turun-seurakuntayhtyma",
        (
            "Perheasiain neuvottelukeskus",
            "Familjerådgivningscentralen",
            "Family counselling centre",
        ),
        address=("Eerikinkatu 3", "Eriksgatan 3", "Eerikinkatu 3"),
        postal_code="20100",
        town=_TOWN,
        municipality=TURKU,
        lat="60.450500",
        lon="22.265500",
        access=(
            "Hissi, inva-wc. Odotustila on rauhallinen ja erillinen.",
            "Hiss, handikapptoalett. Lugnt och separat väntrum.",
            "Lift, accessible toilet. A quiet, separate waiting room.",
        ),
        hours=weekly("mon-thu 8-20", "fri 8-15") + OFFICE_HOLIDAYS,
    ),
    place(
        KOMPASSI,
        "kompassi",
        ("Perhepalvelut Kompassi, Turku", "Familjetjänster Kompassi, Åbo", ""),
        address=("Yliopistonkatu 25", "Universitetsgatan 25", "Yliopistonkatu 25"),
        postal_code="20100",
        town=_TOWN,
        municipality=TURKU,
        lat="60.453500",
        lon="22.264000",
        access=(
            "Kolmas kerros, hissi. Ei inva-wc:tä.",
            "Tredje våningen, hiss. Ingen handikapptoalett.",
            "Second floor, lift. No accessible toilet.",
        ),
        hours=weekly("mon-fri 9-19"),
    ),
]

SERVICES = [
    service(
        "turku-setlementti-perheryhma",
        "turun-setlementti",
        "58",
        AREA,
        fi=Lang(
            "Monikulttuurinen perheryhmä",
            "Vertaisryhmä perheille, jotka ovat muuttaneet Suomeen.",
            """Ryhmässä tutustutaan muihin perheisiin, harjoitellaan suomea arjen
            tilanteissa ja puhutaan kasvatuksesta kahden kulttuurin välissä. Mukana on
            ohjaajia, jotka puhuvat arabiaa, somalia, daria ja ukrainaa. Lapsille on omaa
            ohjelmaa samaan aikaan.""",
            how="Tule mukaan; ensimmäisellä kerralla ohjaaja kertoo ryhmästä.",
            who="Turkuun muuttaneet lapsiperheet.",
            keywords="maahanmuuttaja, vertaisryhmä, suomen kieli, kotoutuminen, äidit, isät",
        ),
        sv=Lang(
            "Mångkulturell familjegrupp",
            "En kamratgrupp för familjer som har flyttat till Finland.",
            """Man lär känna andra familjer, övar finska och svenska i vardagen och talar om
            fostran mellan två kulturer. Barnen har eget program.""",
            how="Kom med; första gången berättar ledaren om gruppen.",
            keywords="invandrare, kamratgrupp, integration",
        ),
        en=Lang(
            "Multicultural family group",
            "A peer group for families who have moved to Finland.",
            """Meet other families, practise Finnish in everyday situations and talk about
            raising children between two cultures. Leaders speak Arabic, Somali, Dari and
            Ukrainian; children have their own programme.""",
            how="Just come; on the first visit a leader tells you about the group.",
            keywords="immigrant, peer group, learn Finnish, integration",
        ),
        languages="fi en ar so fa uk",
        channels=[phone("+358 40 555 0190", weekly("mon-thu 10-14"), languages="fi en ar")],
        at=[at(RUNOSMAKI, weekly("mon,wed 10-12"))],
    ),
    service(
        "turku-familjeklubb",
        "abo-svenska-forsamling",
        "86",
        AREA,
        fi=Lang(
            "Ruotsinkielinen perhekerho",
            "Turun ruotsalaisen seurakunnan perhekerho pienille lapsille ja aikuisille.",
            """Kerho kokoontuu kahdesti viikossa. Ohjelmassa on laulua, leikkiä ja
            välipala, ja aikuiset saavat toisistaan seuraa.""",
            how="Tule mukaan.",
            who="Alle kouluikäiset aikuisen kanssa.",
            keywords="perhekerho, ruotsinkielinen, seurakunta",
        ),
        sv=Lang(
            "Familjeklubben",
            "Åbo svenska församlings familjeklubb för småbarn och deras vuxna.",
            """Klubben träffas två gånger i veckan med sång, lek och mellanmål. De vuxna får
            sällskap av varandra.""",
            how="Kom med, ingen anmälan.",
            who="Barn under skolåldern med en vuxen.",
            keywords="familjeklubb, svenska, församling, lek, sång",
        ),
        en=Lang(
            "Swedish-language family club",
            "The Swedish parish's family club for small children and their grown-ups.",
            "Twice a week: songs, games and a snack, and company for the adults.",
            how="Just come.",
            keywords="family club, Swedish, parish",
        ),
        ages=(0, 6),
        languages="sv",
        channels=[mail("familjeklubben.abo")],
        at=[at(SWEDISH_PARISH)],
    ),
    service(
        "turku-perheasiain-neuvottelukeskus",
        "turun-seurakuntayhtyma",
        "63",
        AREA,
        fi=Lang(
            "Perheasiain neuvottelukeskus",
            "Maksutonta keskusteluapua parisuhteen ja perheen kriiseihin.",
            """Perheasiain neuvottelukeskuksen perheneuvojat auttavat pareja ja perheitä,
            kun parisuhteessa on ristiriitoja, ero on mielessä tai perhettä on kohdannut
            kriisi. Voit tulla yksin, parina tai koko perheenä. Apua saa kirkkoon
            kuulumisesta riippumatta, myös iltaisin.""",
            how="Soita ajanvaraukseen tai varaa aika verkossa.",
            who="Turun ja Kaarinan asukkaat.",
            keywords="parisuhde, pariterapia, ero, kriisi, riidat, perheneuvoja",
        ),
        sv=Lang(
            "Familjerådgivningscentralen",
            "Avgiftsfritt samtalsstöd vid kriser i parrelationen och familjen.",
            """Familjerådgivarna hjälper par och familjer vid konflikter, när skilsmässa är
            aktuell eller vid en kris. Hjälpen är för alla, även kvällstid.""",
            how="Ring tidsbokningen eller boka på webben.",
            keywords="parrelation, parterapi, skilsmässa, kris",
        ),
        en=Lang(
            "Family counselling centre",
            "Free counselling for crises in the relationship and the family.",
            """Family counsellors help couples and families with conflicts, thoughts of
            separation or a crisis, whether or not you belong to the church; also evenings.""",
            how="Call or book online.",
            keywords="relationship, couple therapy, separation, crisis",
        ),
        languages="fi sv en",
        channels=[
            phone("+358 2 555 0191", weekly("mon-fri 9-12"), languages="fi sv"),
            eservice(
                "turku/perheasiain-neuvottelukeskus/ajanvaraus",
                ("Ajanvaraus", "Tidsbokning", "Book an appointment"),
                languages="fi sv",
            ),
        ],
        at=[at(COUNSELLING_CENTRE)],
    ),
    service(
        "turku-pariterapia",
        "kompassi",
        "6",
        AREA,
        fi=Lang(
            "Pari- ja perheterapia",
            "Yksityinen pari- ja perheterapia ilman jonoa, myös iltaisin.",
            """Kokeneet pari- ja perheterapeutit auttavat, kun riidat toistuvat, arki on
            etääntynyt tai perhe sopeutuu uuteen tilanteeseen, kuten uusperheeseen.
            Ensimmäisellä käynnillä sovitaan yhdessä tavoitteista.""",
            how="Varaa aika verkossa tai puhelimitse.",
            who="Kaikki pariskunnat ja perheet.",
            keywords="pariterapia, perheterapia, yksityinen, riidat, uusperhe",
            fees="120 € / 60 min, 150 € / 90 min. Kela ei korvaa pariterapiaa.",
        ),
        sv=Lang(
            "Par- och familjeterapi",
            "Privat par- och familjeterapi utan kö, även på kvällarna.",
            """Erfarna terapeuter hjälper när grälen upprepas, ni har glidit isär eller
            familjen anpassar sig till något nytt, som en ombildad familj.""",
            how="Boka tid på webben eller per telefon.",
            keywords="parterapi, familjeterapi, privat, ombildad familj",
            fees="120 € / 60 min, 150 € / 90 min. FPA ersätter inte parterapi.",
        ),
        en=Lang(
            "Couple and family therapy",
            "Private couple and family therapy without waiting lists, also in the evenings.",
            """Experienced therapists help when quarrels repeat, you have drifted apart or the
            family adjusts to something new, like becoming a stepfamily.""",
            how="Book online or by phone.",
            keywords="couple therapy, family therapy, private, stepfamily",
            fees="€120 / 60 min, €150 / 90 min. Kela does not reimburse couple therapy.",
        ),
        languages="fi sv en",
        free=False,
        channels=[phone("+358 40 555 0192", weekly("mon-fri 9-17"), languages="fi en")],
        at=[at(KOMPASSI)],
    ),
]
