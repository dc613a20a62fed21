"""Laitila: the family center's "Ask for help" e-form (seed 001), the clinic, family work, school
health care, youth work, MLL's family café and the parish's family club."""

from __future__ import annotations

from perhekeskus.demo.catalog.helpers import (
    LAITILA,
    Lang,
    at,
    eservice,
    local,
    phone,
    place,
    service,
)
from perhekeskus.demo.catalog.hours import MEETING_PLACE_BREAKS, OFFICE_HOLIDAYS, weekly

HEALTH_STATION = "laitila-terveysasema"
FAMILY_CAFE = "laitila-mll-perhekahvila"
PARISH_HALL = "laitila-seurakuntatalo"
AREA = local(LAITILA)
_TOWN = ("Laitila", "Letala", "Laitila")

LOCATIONS = [
    place(
        HEALTH_STATION,
        "varha",
        ("Laitilan terveysasema ja perhekeskus", "Letala hälsostation och familjecenter", ""),
        address="Keskuskatu 30",
        postal_code="23800",
        town=_TOWN,
        municipality=LAITILA,
        lat="60.879000",
        lon="21.692000",
        access=(
            "Esteetön sisäänkäynti, inva-pysäköinti oven vieressä, hissi.",
            "Tillgänglig ingång, invalidparkering vid dörren, hiss.",
            "Step-free entrance, disabled parking by the door, lift.",
        ),
        hours=weekly("mon-fri 8-16") + OFFICE_HOLIDAYS,
    ),
    place(
        FAMILY_CAFE,
        "mll-laitila",
        ("MLL:n perhekahvila Laitila", "MLL:s familjecafé i Letala", "MLL family café Laitila"),
        address="Kappelinmäentie 2",
        postal_code="23800",
        town=_TOWN,
        municipality=LAITILA,
        lat="60.880500",
        lon="21.695000",
        about=(
            "Perhekahvila kirjaston alakerrassa.",
            "Familjecafé i bibliotekets nedre våning.",
            "A family café downstairs in the library.",
        ),
        access=(
            "Hissi kirjaston aulasta, vaunuille paikka kahvilan edessä.",
            "Hiss från bibliotekets entré.",
            "Lift from the library lobby, pram space outside the café.",
        ),
        hours=weekly("wed 9:30-12") + MEETING_PLACE_BREAKS,
        meeting_place=True,
    ),
    place(
        PARISH_HALL,
        "laitilan-seurakunta",
        ("Laitilan seurakuntatalo", "Letala församlingshem", "Laitila parish hall"),
        address="Kirkkokatu 5",
        postal_code="23800",
        town=_TOWN,
        municipality=LAITILA,
        lat="60.877500",
        lon="21.696500",
        access=(
            "Esteetön sisäänkäynti pääovelta.",
            "Tillgänglig ingång.",
            "Step-free main entrance.",
        ),
        hours=weekly("mon,thu 9:30-11:30") + MEETING_PLACE_BREAKS,
        meeting_place=True,
    ),
]

SERVICES = [
    service(
        "laitila-pyyda-apua",
        "varha",
        "12",
        AREA,
        fi=Lang(
            "Pyydä apua – Laitilan perhekeskus",
            "Lähetä lyhyt viesti huolestasi, niin perhekeskuksesta soitetaan sinulle.",
            """Pyydä apua on matalan kynnyksen sähköinen lomake. Kerro omin sanoin, mikä
            mietityttää: lapsen käytös, oma jaksaminen, riidat tai raha-asiat. Perhekeskuksen
            työntekijä ottaa yhteyttä kahden arkipäivän kuluessa ja miettii kanssasi, mistä
            apu löytyy. Viestin voi jättää myös nimettömänä.""",
            how="Täytä lomake verkossa; se on auki ympäri vuorokauden.",
            who="Laitilalaiset lapsiperheet, nuoret ja heidän läheisensä.",
            keywords="pyydä apua, huoli, jaksaminen, yhteydenotto, matala kynnys",
        ),
        sv=Lang(
            "Be om hjälp – Letala familjecenter",
            "Skicka ett kort meddelande om din oro, så ringer familjecentret upp dig.",
            "En arbetstagare tar kontakt inom två vardagar. Du kan också vara anonym.",
            how="Fyll i blanketten på webben.",
            keywords="be om hjälp, oro, kontakt",
        ),
        en=Lang(
            "Ask for help – Laitila family center",
            "Send a short message about your worry, and the family center calls you back.",
            """A low-threshold e-form: tell us in your own words what worries you. A worker
            contacts you within two working days. You may also stay anonymous.""",
            how="Fill in the form online; it is open day and night.",
            keywords="ask for help, worry, coping, contact",
        ),
        languages="fi sv en",
        channels=[
            eservice(
                "laitila/pyyda-apua",
                ("Pyydä apua -lomake", "Be om hjälp -blanketten", "Ask for help form"),
                note=(
                    "Kiireellisessä hätätilanteessa soita 112.",
                    "Vid akut nöd, ring 112.",
                    "In an emergency, call 112.",
                ),
                languages="fi sv en",
            ),
            phone("+358 2 555 0181", weekly("mon-fri 9-12")),
        ],
    ),
    service(
        "laitila-neuvola",
        "varha",
        "76",
        AREA,
        fi=Lang(
            "Äitiys- ja lastenneuvola",
            "Neuvola tukee perhettä raskausajasta lapsen kouluikään.",
            """Terveydenhoitaja seuraa raskautta ja lapsen kasvua ja kehitystä, antaa
            rokotukset ja keskustelee perheen hyvinvoinnista. Laajoissa tarkastuksissa
            mukana on lääkäri.""",
            how="Soita puhelinaikana.",
            who="Laitilalaiset odottavat perheet ja alle kouluikäiset.",
            keywords="neuvola, raskaus, vauva, rokotukset",
        ),
        sv=Lang(
            "Mödra- och barnrådgivning",
            "Rådgivningen stöder familjen från graviditeten till skolåldern.",
            "Hälsovårdaren följer graviditeten och barnets tillväxt och ger vaccinationerna.",
            how="Ring under telefontiden.",
            keywords="rådgivning, graviditet, vaccinationer",
        ),
        en=Lang(
            "Maternity and child health clinic",
            "The clinic supports the family from pregnancy until school age.",
            "The nurse follows the pregnancy and the child's growth and gives vaccinations.",
            how="Call during the phone hours.",
            keywords="maternity clinic, child health clinic, vaccinations",
        ),
        ages=(0, 6),
        languages="fi",
        channels=[phone("+358 2 555 0182", weekly("mon-fri 11-12"))],
        at=[at(HEALTH_STATION, weekly("mon-fri 8-15"))],
    ),
    service(
        "laitila-perheohjaus",
        "varha",
        "26",
        AREA,
        fi=Lang(
            "Perheohjaus",
            "Perheohjaaja auttaa arjen, kasvatuksen ja vuorovaikutuksen pulmissa.",
            """Perheohjaaja tapaa perhettä kotona tai perhekeskuksessa muutaman kuukauden
            ajan. Tavoitteet sovitaan yhdessä, ja mukana voi olla myös päiväkoti tai koulu.""",
            how="Pyydä apua -lomakkeella tai neuvolan kautta.",
            who="Laitilalaiset lapsiperheet.",
            keywords="perheohjaus, perhetyö, kasvatus, arki, riidat",
        ),
        en=Lang(
            "Family work",
            "A family worker helps with everyday life, parenting and family interaction.",
            "Meetings at home or at the family center for a few months, with shared goals.",
            how="Use the Ask for help form or ask the clinic.",
            keywords="family work, parenting, routines",
        ),
        ages=(0, 17),
        channels=[phone("+358 2 555 0183", weekly("mon-fri 8-9"))],
    ),
    service(
        "laitila-kouluterveydenhuolto",
        "varha",
        "7",
        AREA,
        fi=Lang(
            "Koulu- ja opiskeluterveydenhuolto",
            "Kouluterveydenhoitaja tapaa oppilaat ja opiskelijat ja seuraa heidän hyvinvointiaan.",
            """Terveydenhoitaja tekee terveystarkastukset, antaa rokotukset ja on tavattavissa
            avoimella vastaanotolla. Laajoihin tarkastuksiin kutsutaan myös huoltajat.""",
            how="Avoin vastaanotto koulupäivinä; huoltajat voivat soittaa.",
            who="Laitilan koulujen ja lukion oppilaat ja opiskelijat.",
            keywords="kouluterveydenhoitaja, terveystarkastus, rokotus, lukio",
        ),
        sv=Lang(
            "Skol- och studerandehälsovård",
            "Skolhälsovårdaren träffar eleverna och följer deras välbefinnande.",
            """Skolhälsovårdaren gör hälsokontroller, ger vaccinationer och har öppen
            mottagning. Vårdnadshavarna kallas till de omfattande kontrollerna.""",
            how="Öppen mottagning under skoldagar.",
            keywords="skolhälsovårdare, hälsokontroll",
        ),
        en=Lang(
            "School and student health care",
            "The school nurse meets pupils and students and follows their wellbeing.",
            """The school nurse does health checks, gives vaccinations and has drop-in hours.
            Parents are invited to the extensive check-ups.""",
            how="Drop-in hours on school days; parents can call.",
            keywords="school nurse, health check, vaccination",
        ),
        ages=(7, 19),
        channels=[phone("+358 40 555 0184", weekly("mon-fri 8-8:30"))],
    ),
    service(
        "laitila-nuorisotyo",
        "laitila",
        "82",
        AREA,
        fi=Lang(
            "Nuorisotyö ja nuorisotila",
            "Nuorisotila ja nuorisonohjaajat 13–29-vuotiaille laitilalaisille.",
            """Nuorisotilassa on pelejä, musiikkia ja kokkailua, ja nuorisonohjaajat
            järjestävät retkiä ja tapahtumia. Etsivä nuorisotyöntekijä auttaa nuorta
            opiskelu- ja työasioissa.""",
            how="Tule nuorisotilaan tai laita viesti somessa.",
            who="Laitilalaiset 13–29-vuotiaat.",
            keywords="nuorisotila, nuokkari, retki, etsivä nuorisotyö",
        ),
        sv=Lang(
            "Ungdomsarbete och ungdomslokal",
            "Ungdomslokal och ungdomsledare för 13–29-åringar i Letala.",
            "Spel, musik, matlagning, utflykter och hjälp med studier och arbete.",
            how="Kom till ungdomslokalen.",
            keywords="ungdomslokal, fritid",
        ),
        en=Lang(
            "Youth work and youth centre",
            "A youth centre and youth workers for 13–29-year-olds in Laitila.",
            "Games, music, cooking, trips, and help with studies and work.",
            how="Come to the youth centre or message us on social media.",
            keywords="youth centre, free time, trips",
        ),
        ages=(13, 29),
        channels=[phone("+358 40 555 0185", weekly("tue-fri 14-20"))],
    ),
    service(
        "laitila-mll-perhekahvila",
        "mll-laitila",
        "86",
        AREA,
        fi=Lang(
            "MLL:n perhekahvila",
            "Keskiviikkoaamujen perhekahvila kirjastossa.",
            """Perhekahvilassa tapaat muita vanhempia, ja lapset leikkivät. Kahvilan
            jälkeen on satutuokio kirjaston lastenosastolla.""",
            how="Tule paikalle.",
            who="Kaikki lapsiperheet.",
            keywords="perhekahvila, kirjasto, satutuokio, vertaistuki",
        ),
        sv=Lang(
            "MLL:s familjecafé",
            "Familjecafé på onsdagsmorgnar i biblioteket.",
            "Träffa andra föräldrar medan barnen leker; sagostund efteråt.",
            how="Kom på plats.",
            keywords="familjecafé, bibliotek",
        ),
        at=[at(FAMILY_CAFE)],
    ),
    service(
        "laitila-perhekerho",
        "laitilan-seurakunta",
        "86",
        AREA,
        fi=Lang(
            "Perhekerho",
            "Seurakunnan perhekerho maanantaisin ja torstaisin.",
            "Laulua, leikkiä ja välipala yhdessä. Kerho on maksuton ja avoin kaikille.",
            how="Tule mukaan.",
            who="Alle kouluikäiset aikuisen kanssa.",
            keywords="perhekerho, seurakunta, leikki",
        ),
        ages=(0, 6),
        at=[at(PARISH_HALL)],
    ),
]
