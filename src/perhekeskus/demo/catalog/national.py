"""Nationwide services that are not helplines: Kela's family benefits, maintenance allowance and
rehabilitative psychotherapy for young people (with Kela's Turku office as a place), and the
Federation of Mother and Child Homes and Shelters' online peer groups after separation. Two of
them are drafts still waiting for publication."""

from __future__ import annotations

from perhekeskus.demo.catalog.helpers import (
    NATIONWIDE,
    TURKU,
    Lang,
    at,
    eservice,
    phone,
    place,
    remote,
    service,
)
from perhekeskus.demo.catalog.helpers import web as page
from perhekeskus.demo.catalog.hours import OFFICE_HOLIDAYS, weekly

KELA_TURKU = "kela-turku"

LOCATIONS = [
    place(
        KELA_TURKU,
        "kela",
        ("Kelan palvelupiste Turku", "FPA:s servicepunkt Åbo", "Kela service point Turku"),
        address=("Käsityöläiskatu 2", "Hantverkaregatan 2", "Käsityöläiskatu 2"),
        postal_code="20100",
        town=("Turku", "Åbo", "Turku"),
        municipality=TURKU,
        lat="60.449500",
        lon="22.270500",
        access=(
            "Esteetön sisäänkäynti, vuoronumeroautomaatissa puhetoiminto.",
            "Tillgänglig ingång, könummerautomaten har talfunktion.",
            "Step-free entrance; the queue ticket machine speaks.",
        ),
        hours=weekly("mon-fri 9-16") + OFFICE_HOLIDAYS,
    ),
]

_KELA_PHONE_HOURS = weekly("mon-fri 9-16")
_OMAKELA = eservice(
    "kela/omakela",
    ("OmaKela-asiointipalvelu", "MittFPA", "OmaKela e-service"),
    languages="fi sv en",
)

SERVICES = [
    service(
        "kela-perhe-etuudet",
        "kela",
        "6",
        NATIONWIDE,
        fi=Lang(
            "Lapsiperheen etuudet",
            "Kela maksaa raskaus- ja vanhempainrahaa, äitiysavustuksen ja lapsilisän.",
            """Raskauden ja vauvan syntymän aikaan perhe voi saada äitiysavustuksen
            (äitiyspakkauksen tai rahan), raskausrahan ja vanhempainrahaa. Lapsilisää
            maksetaan jokaisesta alle 17-vuotiaasta lapsesta. Lisäksi voi hakea
            lastenhoidon tukia, kuten kotihoidon tukea.""",
            how="Hae OmaKelassa. Neuvontaa saa puhelimitse ja palvelupisteissä.",
            who="Suomessa asuvat odottavat perheet ja lapsiperheet.",
            keywords="Kela, äitiyspakkaus, vanhempainraha, lapsilisä, kotihoidon tuki, raha",
        ),
        sv=Lang(
            "Förmåner för barnfamiljer",
            "FPA betalar graviditets- och föräldrapenning, moderskapsunderstöd och barnbidrag.",
            """Familjen kan få moderskapsunderstöd (förpackning eller pengar),
            graviditetspenning och föräldrapenning. Barnbidrag betalas för barn under 17 år.""",
            how="Ansök i MittFPA. Rådgivning per telefon och på servicepunkterna.",
            keywords="FPA, moderskapsförpackning, föräldrapenning, barnbidrag",
        ),
        en=Lang(
            "Benefits for families with children",
            "Kela pays pregnancy and parental allowances, the maternity grant and child benefit.",
            """Families can get the maternity grant (the baby box or money), pregnancy and
            parental allowances, child benefit for children under 17, and childcare support
            such as the child home care allowance.""",
            how="Apply in OmaKela. Advice by phone and at service points.",
            keywords="Kela, baby box, parental allowance, child benefit, money",
        ),
        languages="fi sv en",
        channels=[
            _OMAKELA,
            phone(
                "+358 20 555 0193",
                _KELA_PHONE_HOURS,
                name=("Perheiden palvelunumero", "Familjer", "Families"),
                languages="fi sv en",
            ),
        ],
        at=[at(KELA_TURKU)],
    ),
    service(
        "kela-elatustuki",
        "kela",
        "3",
        NATIONWIDE,
        fi=Lang(
            "Elatustuki",
            "Kela maksaa elatustukea, jos toinen vanhempi ei maksa elatusapua tai se on pieni.",
            """Lapsi voi saada elatustukea, kun vanhemmat asuvat erillään eikä elatusvelvollinen
            vanhempi maksa vahvistettua elatusapua tai elatusapu on elatustukea pienempi.
            Elatusapu vahvistetaan ensin lastenvalvojalla tai tuomioistuimessa.""",
            how="Hae OmaKelassa; liitä elatussopimus tai -päätös.",
            who="Suomessa asuvat alle 18-vuotiaat lapset ja heidän lähivanhempansa.",
            keywords="elatustuki, elatusapu, ero, yksinhuoltaja, lähivanhempi, Kela",
        ),
        sv=Lang(
            "Underhållsstöd",
            "FPA betalar underhållsstöd om den andra föräldern inte betalar underhållsbidrag.",
            "Underhållsbidraget fastställs först hos barnatillsyningsmannen eller i domstol.",
            how="Ansök i MittFPA.",
            keywords="underhållsstöd, underhållsbidrag, ensamförälder",
        ),
        en=Lang(
            "Maintenance allowance",
            "Kela pays maintenance allowance if the other parent does not pay child maintenance.",
            """A child can get maintenance allowance when the parents live apart and the
            confirmed maintenance is not paid or is small. Maintenance is first confirmed by
            the child custody officer or a court.""",
            how="Apply in OmaKela and attach the maintenance agreement or decision.",
            keywords="maintenance allowance, child maintenance, single parent, separation",
        ),
        ages=(0, 17),
        languages="fi sv en",
        channels=[_OMAKELA, phone("+358 20 555 0193", _KELA_PHONE_HOURS, languages="fi sv en")],
    ),
    service(
        "kela-nuorten-kuntoutuspsykoterapia",
        "kela",
        "2",
        NATIONWIDE,
        fi=Lang(
            "Kuntoutuspsykoterapia nuorille",
            """Kela korvaa psykoterapiaa nuorelle, jonka opiskelua mielenterveyden häiriö
            vaikeuttaa.""",
            """Kuntoutuspsykoterapialla tuetaan nuoren opiskelu- ja työkykyä. Terapiaa voi saada
            enintään kolmen vuoden ajan, ja Kela korvaa osan käyntien hinnasta. Hakemukseen
            tarvitaan psykiatrin lausunto, ja hoitoa on pitänyt olla vähintään kolme
            kuukautta.""",
            how="Pyydä lääkäriltä lausunto ja hae OmaKelassa.",
            who="16–25-vuotiaat opiskelijat ja työikäiset nuoret.",
            keywords="psykoterapia, terapia, Kela-korvaus, masennus, ahdistus, opiskelu",
            fees="Kela korvaa osan terapiakäynnin hinnasta; omavastuu riippuu terapeutista.",
        ),
        en=Lang(
            "Rehabilitative psychotherapy for young people",
            """Kela reimburses psychotherapy for young people whose studies suffer from a mental
            disorder.""",
            """Therapy supports the ability to study and work, for up to three years. You need
            a psychiatrist's statement and at least three months of prior treatment.""",
            how="Ask a doctor for a statement and apply in OmaKela.",
            keywords="psychotherapy, therapy, Kela reimbursement, depression, anxiety",
            fees="Kela reimburses part of each session; the rest depends on the therapist.",
        ),
        ages=(16, 25),
        free=False,
        languages="fi sv en",
        channels=[_OMAKELA],
    ),
    service(
        "etk-liitto-eron-jalkeen-ryhmat",
        "ensi-ja-turvakotien-liitto",
        "38",
        NATIONWIDE,
        fi=Lang(
            "Eron jälkeen -vertaisryhmät verkossa",
            "Ohjatut vertaisryhmät eronneille vanhemmille videoyhteydellä.",
            """Ryhmä kokoontuu kahdeksan kertaa iltaisin verkossa. Ryhmässä puhutaan erosta
            selviytymisestä, yhteistyöstä toisen vanhemman kanssa ja siitä, miten lapset
            voivat eron jälkeen. Ryhmää ohjaavat eroauttamisen ammattilainen ja
            vertaisohjaaja.""",
            how="Ilmoittaudu verkossa; ryhmät alkavat syys- ja tammikuussa.",
            who="Eronneet vanhemmat koko Suomessa.",
            keywords="ero, vertaisryhmä, eronneet, verkkoryhmä, vanhemmuus eron jälkeen",
        ),
        sv=Lang(
            "Kamratgrupper efter skilsmässan på webben",
            "Ledda kamratgrupper för skilda föräldrar via video.",
            "Gruppen träffas åtta kvällar på webben och talar om att klara sig efter skilsmässan.",
            how="Anmäl dig på webben.",
            keywords="skilsmässa, kamratgrupp, webbgrupp",
        ),
        en=Lang(
            "Online peer groups after separation",
            "Guided peer groups for separated parents by video.",
            """Eight evening sessions online about coping after separation, co-operating with
            the other parent and how the children are doing.""",
            how="Sign up online; groups start in September and January.",
            keywords="separation, peer group, online group, co-parenting",
        ),
        languages="fi sv",
        channels=[
            remote(
                "etk-liitto/eron-jalkeen/ryhmat",
                ("Ilmoittaudu ryhmään", "Anmäl dig", "Sign up"),
                hours=weekly("tue 18-19:30"),
            ),
            page("etk-liitto/eron-jalkeen"),
        ],
    ),
    service(
        "etk-liitto-vauvaperheiden-verkkoryhma",
        "ensi-ja-turvakotien-liitto",
        "68",
        NATIONWIDE,
        fi=Lang(
            "Vauvaperheiden verkkoryhmä (valmisteilla)",
            "Vertaisryhmä verkossa vauvaperheille, joissa arki tuntuu raskaalta.",
            """Ryhmä on tarkoitettu vanhemmille, joilla on väsymystä, ristiriitoja tai huolta
            vauvan hoidosta. Ryhmän sisältöä ja aikataulua suunnitellaan vielä.""",
            how="Ilmoittautuminen avataan myöhemmin.",
            who="Alle 1-vuotiaiden vauvojen vanhemmat.",
            keywords="vauva, vauvaperhe, vertaisryhmä, väsymys",
        ),
        ages=(0, 1),
        draft=True,
        verified=None,
    ),
    service(
        "mll-vertaischat-kokeilu",
        "mll",
        "86",
        NATIONWIDE,
        fi=Lang(
            "Vanhempien vertaischat (kokeilu)",
            "Ryhmächat, jossa vanhemmat tukevat toisiaan vapaaehtoisen ohjaamana.",
            """Kokeilussa vanhemmat voivat keskustella samassa elämäntilanteessa olevien
            kanssa nimimerkillä. Kokeilun aikataulu vahvistetaan myöhemmin.""",
            how="Seuraa ilmoittelua MLL:n sivuilla.",
            who="Vanhemmat koko Suomessa.",
            keywords="vertaistuki, chat, vanhemmat, nimimerkki",
        ),
        draft=True,
        verified=None,
    ),
]
