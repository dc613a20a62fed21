"""Askola's wider family-center network (seed 004), the parish and the NGOs: the parish's
children's, youth and diaconal work and family club, and MLL's family café, peer group and
babysitting help. The NGOs' afternoon and evening activities were still being planned when the
seed was written: that service is a draft."""

from __future__ import annotations

from perhekeskus.demo.catalog.helpers import (
    ASKOLA,
    Lang,
    at,
    local,
    phone,
    place,
    service,
)
from perhekeskus.demo.catalog.helpers import email as mail
from perhekeskus.demo.catalog.helpers import web as page
from perhekeskus.demo.catalog.hours import MEETING_PLACE_BREAKS, weekly

PARISH_HOUSE = "askola-seurakuntakoti"
FAMILY_ROOM = "askola-mll-olohuone"

_STEP_FREE = (
    "Esteetön sisäänkäynti, lastenvaunuille tilaa eteisessä, inva-wc.",
    "Tillgänglig ingång, plats för barnvagnar i tamburen, handikapptoalett.",
    "Step-free entrance, room for prams in the hall, accessible toilet.",
)

LOCATIONS = [
    place(
        PARISH_HOUSE,
        "askolan-seurakunta",
        ("Askolan seurakuntakoti", "Askola församlingshem", "Askola parish house"),
        address="Kirkkotie 3",
        postal_code="07500",
        town="Askola",
        municipality=ASKOLA,
        lat="60.526400",
        lon="25.594100",
        about=(
            "Seurakunnan kerhotila, jossa perhekerho kokoontuu ja diakoniatyöntekijä päivystää.",
            "Församlingens klubblokal för familjeklubben och diakonins mottagning.",
            "The parish's club room for the family club and the deacon's drop-in hours.",
        ),
        access=_STEP_FREE,
        hours=weekly("tue,thu 9-12", "wed 12-15") + MEETING_PLACE_BREAKS,
        meeting_place=True,
    ),
    place(
        FAMILY_ROOM,
        "mll-askola",
        ("MLL:n Olohuone", "MLL:s Vardagsrum", "MLL Living Room"),
        address="Monninkyläntie 10",
        postal_code="07500",
        town="Askola",
        municipality=ASKOLA,
        lat="60.530800",
        lon="25.596200",
        about=(
            """Vapaaehtoisten ylläpitämä avoin kohtaamispaikka kirjaston vieressä: leluja,
            kahvia ja juttuseuraa.""",
            "Öppen mötesplats bredvid biblioteket, upprätthållen av frivilliga.",
            "An open meeting place next to the library, run by volunteers.",
        ),
        transport=(
            "Kirjaston pysäkki 100 m; pyöräparkki oven vieressä.",
            "Hållplatsen vid biblioteket 100 m.",
            "Library bus stop 100 m away.",
        ),
        access=_STEP_FREE,
        hours=weekly("mon 17-19", "wed 9:30-12") + MEETING_PLACE_BREAKS,
        meeting_place=True,
    ),
]

SERVICES = [
    service(
        "askola-perhekerho",
        "askolan-seurakunta",
        "86",
        local(ASKOLA),
        fi=Lang(
            "Seurakunnan perhekerho",
            "Leikkiä, laulua ja toisten vanhempien seuraa pienten lasten perheille.",
            """Perhekerhoon tullaan lapsen kanssa yhdessä. Ohjelmassa on laulua, leikkiä,
            askartelua ja hetki aikuisten kesken kahvin ääressä. Kerho on kaikille avoin
            vakaumuksesta riippumatta.""",
            how="Tule mukaan, ilmoittautumista ei tarvita.",
            who="Alle kouluikäiset lapset vanhempiensa, isovanhempiensa tai hoitajansa kanssa.",
            keywords="perhekerho, seurakunta, vauvat, taaperot, leikki, vertaistuki",
        ),
        sv=Lang(
            "Församlingens familjeklubb",
            "Lek, sång och andra föräldrars sällskap för småbarnsfamiljer.",
            "Man kommer till klubben tillsammans med barnet. Klubben är öppen för alla.",
            how="Kom med, ingen anmälan behövs.",
            keywords="familjeklubb, församling, lek",
        ),
        en=Lang(
            "Parish family club",
            "Play, songs and other parents' company for families with small children.",
            """Children come with a parent or grandparent for songs, games and crafts, and
            the adults share a coffee. Open to all, whatever your beliefs.""",
            how="Just come, no registration.",
            keywords="family club, parish, toddlers, playgroup",
        ),
        ages=(0, 6),
        channels=[phone("+358 40 555 0119", weekly("mon-fri 9-12"))],
        at=[at(PARISH_HOUSE, weekly("tue,thu 9:30-11:30"))],
    ),
    service(
        "askola-diakonia",
        "askolan-seurakunta",
        "26",
        local(ASKOLA),
        fi=Lang(
            "Diakoniatyö",
            "Diakoniatyöntekijä auttaa, kun rahat eivät riitä tai elämässä on kriisi.",
            """Diakoniatyöntekijän kanssa voi keskustella luottamuksellisesti taloushuolista,
            yksinäisyydestä tai surusta. Diakonia voi antaa ruoka-apua ja kertaluonteista
            taloudellista tukea sekä neuvoa muiden etuuksien hakemisessa. Apua saa
            kirkkoon kuulumisesta riippumatta.""",
            how="Soita ajanvaraukseen tai tule päivystykseen keskiviikkona.",
            who="Askolassa asuvat.",
            keywords="diakonia, ruoka-apu, rahahuolet, velat, yksinäisyys, kriisi",
        ),
        sv=Lang(
            "Diakoni",
            "Diakoniarbetaren hjälper när pengarna inte räcker eller livet är i kris.",
            "Du kan tala i förtroende om pengar, ensamhet eller sorg. Hjälpen är för alla.",
            how="Ring för tidsbokning eller kom på onsdagens mottagning.",
            keywords="diakoni, mathjälp, ekonomiska bekymmer",
        ),
        en=Lang(
            "Diaconal work",
            "The deacon helps when money is short or life is in crisis.",
            """Talk in confidence about money worries, loneliness or grief. Help with food and
            one-off financial support, whether or not you belong to the church.""",
            how="Call for an appointment or come to the Wednesday drop-in.",
            keywords="diaconal work, food aid, money worries, debt",
        ),
        channels=[phone("+358 40 555 0120", weekly("mon-thu 9-11"))],
        at=[at(PARISH_HOUSE, weekly("wed 12-14"), note="Päivystys ilman ajanvarausta")],
    ),
    service(
        "askola-seurakunnan-lapsi-ja-nuorisotyo",
        "askolan-seurakunta",
        "8",
        local(ASKOLA),
        fi=Lang(
            "Seurakunnan lapsi- ja nuorisotyö",
            "Kerhoja, leirejä ja rippikoulu lapsille ja nuorille.",
            """Seurakunta järjestää iltapäiväkerhoja alakouluikäisille, nuorteniltoja
            perjantaisin ja leirejä lomilla. Rippikoulu on 15-vuotiaille. Toiminta on
            maksutonta tai edullista, ja leirimaksusta voi pyytää alennusta.""",
            how="Ilmoittaudu kerhoihin ja leireille seurakunnan verkkosivuilla.",
            who="Askolalaiset 3–18-vuotiaat.",
            keywords="kerho, leiri, rippikoulu, nuortenilta, iltapäiväkerho",
        ),
        ages=(3, 18),
        channels=[page("askola/seurakunta/nuoret"), phone("+358 40 555 0121")],
        at=[at(PARISH_HOUSE)],
    ),
    service(
        "askola-mll-perhekahvila",
        "mll-askola",
        "86",
        local(ASKOLA),
        fi=Lang(
            "MLL:n perhekahvila",
            "Avoin perhekahvila, jossa tapaat muita vanhempia ja lapset leikkivät.",
            """Perhekahvila on vapaaehtoisten pitämä kohtaamispaikka, johon voi tulla
            vauvan tai leikki-ikäisen kanssa. Kahvin ääressä jutellaan arjesta, ja välillä
            vieraana on neuvolan terveydenhoitaja tai perheohjaaja. Maanantai-iltaisin
            kahvila on auki myös työssäkäyville vanhemmille.""",
            how="Tule paikalle aukioloaikana.",
            who="Kaikki lapsiperheet, myös odottavat perheet ja isovanhemmat.",
            keywords="perhekahvila, vertaistuki, kohtaamispaikka, vauva, muut vanhemmat",
        ),
        sv=Lang(
            "MLL:s familjecafé",
            "Ett öppet familjecafé där du träffar andra föräldrar och barnen leker.",
            """Familjecaféet sköts av frivilliga. Ibland kommer rådgivningens hälsovårdare
            på besök.""",
            how="Kom under öppettiderna.",
            keywords="familjecafé, kamratstöd, mötesplats",
        ),
        en=Lang(
            "MLL family café",
            "An open family café where you meet other parents while the children play.",
            """A volunteer-run meeting place for babies, toddlers and their parents. Now and
            then a nurse or family worker from the clinic visits.""",
            how="Drop in during opening hours.",
            keywords="family café, peer support, meeting place, other parents",
        ),
        channels=[mail("perhekahvila.askola")],
        at=[at(FAMILY_ROOM)],
    ),
    service(
        "askola-mll-vauvaryhma",
        "mll-askola",
        "86",
        local(ASKOLA),
        fi=Lang(
            "Vauvaperheiden vertaisryhmä",
            "Kahdeksan kerran ryhmä ensimmäisen vauvan saaneille vanhemmille.",
            """Ryhmässä jaetaan kokemuksia vauva-arjesta, unesta, parisuhteesta ja omasta
            jaksamisesta koulutetun vertaisohjaajan kanssa. Vauvat ovat mukana. Ryhmä
            alkaa syksyllä ja keväällä.""",
            how="Ilmoittaudu sähköpostilla tai neuvolan kautta.",
            who="Vanhemmat, joiden vauva on 0–12 kuukauden ikäinen.",
            keywords="vauvaryhmä, vertaistuki, esikoinen, vauva-arki",
        ),
        sv=Lang(
            "Kamratgrupp för babyfamiljer",
            "En grupp med åtta träffar för föräldrar till en första bebis.",
            "I gruppen delar man erfarenheter av vardagen med bebis.",
            how="Anmäl dig per e-post eller via rådgivningen.",
            keywords="babygrupp, kamratstöd",
        ),
        en=Lang(
            "Peer group for baby families",
            "An eight-session group for parents of a first baby.",
            "Share experiences of life with a baby, sleep and coping, with a trained peer leader.",
            how="Sign up by e-mail or through the child health clinic.",
            keywords="baby group, peer support, first baby",
        ),
        ages=(0, 1),
        channels=[mail("vauvaryhma.askola")],
        at=[at(FAMILY_ROOM, weekly("wed 13-14:30"))],
    ),
    service(
        "askola-mll-lastenhoitoapu",
        "mll-askola",
        "6",
        local(ASKOLA),
        fi=Lang(
            "MLL:n lastenhoitoapu",
            "Koulutettu lastenhoitaja tulee kotiin tilapäiseen lastenhoitoon.",
            """Kun tarvitset hetken omaa aikaa, sairastut tai lapsi ei voi mennä päiväkotiin,
            MLL:n kouluttama hoitaja voi tulla kotiin. Hoitajat ovat täysi-ikäisiä ja heidän
            taustansa on tarkistettu.""",
            how="Tilaa hoitaja puhelimitse arkipäivisin.",
            who="Askolalaiset lapsiperheet.",
            keywords="lastenhoito, lapsenvahti, hoitaja kotiin, omaa aikaa",
            fees="Perhe maksaa hoitajalle tuntipalkan ja pienen välitysmaksun.",
        ),
        sv=Lang(
            "MLL:s barnvaktshjälp",
            "En utbildad barnvakt kommer hem för tillfällig barnpassning.",
            "Barnvakterna är myndiga och utbildade av MLL.",
            how="Beställ per telefon på vardagar.",
            keywords="barnvakt, barnpassning",
            fees="Familjen betalar timlön och en liten förmedlingsavgift.",
        ),
        en=Lang(
            "MLL babysitting help",
            "A trained babysitter comes to your home for occasional childcare.",
            "Babysitters are adults trained by MLL, with background checks.",
            how="Order a babysitter by phone on weekdays.",
            keywords="babysitter, childcare, time for yourself",
            fees="The family pays the sitter's hourly wage and a small agency fee.",
        ),
        free=False,
        channels=[phone("+358 40 555 0122", weekly("mon-fri 9-12"))],
    ),
    service(
        "askola-iltatoiminta",
        "mll-askola",
        "86",
        local(ASKOLA),
        producers=["askolan-seurakunta"],
        fi=Lang(
            "Perheiden iltapäivä- ja iltatoiminta (suunnitteilla)",
            "Järjestöjen ja seurakunnan yhteinen ilta-ajan toiminta koko perheelle.",
            """Suunnitteilla on kerran viikossa kokoontuva iltatoiminta, jossa perheet
            voivat syödä yhdessä, liikkua ja tavata toisiaan. Toiminta alkaa, kun tila ja
            vapaaehtoiset on saatu sovittua.""",
            how="Kerro toiveistasi sähköpostilla.",
            who="Askolalaiset lapsiperheet.",
            keywords="iltatoiminta, perheilta, yhteinen ruoka, liikunta",
        ),
        channels=[mail("iltatoiminta.askola")],
        draft=True,
        verified=None,
    ),
]
