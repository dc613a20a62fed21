"""Janakkala's own units and the local NGO and parish: early-education support, youth work,
the family center's open meeting place Perheolkkari, MLL's family café in Tervakoski and the
parish's family club and couple evenings."""

from __future__ import annotations

from perhekeskus.demo.catalog.helpers import (
    JANAKKALA,
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

OLKKARI = "janakkala-perheolkkari"
TERVAKOSKI_CAFE = "janakkala-mll-tervakoski"
PARISH_HALL = "janakkala-seurakuntatalo"
YOUTH_CENTRE = "janakkala-nuorisotila"
AREA = local(JANAKKALA)

LOCATIONS = [
    place(
        OLKKARI,
        "janakkala",
        ("Perheolkkari", "Familjevardagsrummet Perheolkkari", "Perheolkkari family room"),
        address="Kauppatie 4",
        postal_code="14200",
        town="Turenki",
        municipality=JANAKKALA,
        lat="60.920500",
        lon="24.640200",
        about=(
            """Perhekeskuksen avoin kohtaamispaikka Turengin keskustassa. Paikalla on usein
            myös neuvolan tai perhetyön työntekijä.""",
            "Familjecentrets öppna mötesplats i Tyrinkis centrum.",
            "The family center's open meeting place in central Turenki.",
        ),
        transport=(
            "Kauppatien bussipysäkki talon edessä.",
            "Busshållplats framför huset.",
            "Bus stop in front of the building.",
        ),
        access=(
            "Esteetön sisäänkäynti katutasosta, inva-wc, hoitopöytä ja imetysnurkkaus.",
            "Tillgänglig ingång i gatuplan, handikapptoalett, skötbord och amningshörna.",
            "Step-free street entrance, accessible toilet, changing table and nursing corner.",
        ),
        hours=weekly("mon 13-16", "wed 9-12", "thu 17-19") + MEETING_PLACE_BREAKS,
        meeting_place=True,
    ),
    place(
        TERVAKOSKI_CAFE,
        "mll-janakkala",
        ("MLL:n perhekahvila Tervakoski", "MLL:s familjecafé i Tervakoski", "MLL family café"),
        address="Pikkujärventie 2",
        postal_code="12400",
        town="Tervakoski",
        municipality=JANAKKALA,
        lat="60.799000",
        lon="24.599000",
        about=(
            "Vapaaehtoisten pitämä perhekahvila Tervakosken kerhotalossa.",
            "Familjecafé i Tervakoski klubbhus, upprätthållet av frivilliga.",
            "A volunteer-run family café in the Tervakoski club house.",
        ),
        access=(
            "Sisäänkäynnillä kaksi porrasta ja kaide; vaunut voi jättää eteiseen.",
            "Två trappsteg med räcke vid ingången; barnvagnar i tamburen.",
            "Two steps with a handrail at the entrance; prams can be left in the hall.",
        ),
        hours=weekly("tue 9:30-11:30") + MEETING_PLACE_BREAKS,
        meeting_place=True,
    ),
    place(
        PARISH_HALL,
        "janakkalan-seurakunta",
        ("Turengin seurakuntatalo", "Tyrinkis församlingshem", "Turenki parish hall"),
        address="Kirkkotie 7",
        postal_code="14200",
        town="Turenki",
        municipality=JANAKKALA,
        lat="60.919000",
        lon="24.644500",
        access=(
            "Esteetön sisäänkäynti pääovelta, inva-wc.",
            "Tillgänglig ingång, handikapptoalett.",
            "Step-free main entrance, accessible toilet.",
        ),
        hours=weekly("wed,fri 9:30-11:30") + MEETING_PLACE_BREAKS,
        meeting_place=True,
    ),
    place(
        YOUTH_CENTRE,
        "janakkala",
        ("Nuorisotila Turenki", "Ungdomslokalen i Tyrinki", "Turenki youth centre"),
        address="Koulutie 3",
        postal_code="14200",
        town="Turenki",
        municipality=JANAKKALA,
        lat="60.921500",
        lon="24.636000",
        access=(
            "Esteetön sisäänkäynti koulun puoleiselta ovelta.",
            "Tillgänglig ingång från dörren mot skolan.",
            "Step-free entrance from the school-side door.",
        ),
        hours=weekly("mon-thu 15-21", "fri 17-23") + MEETING_PLACE_BREAKS,
        meeting_place=True,
    ),
]

SERVICES = [
    service(
        "janakkala-varhaiskasvatuksen-tuki",
        "janakkala",
        "27",
        AREA,
        fi=Lang(
            "Varhaiskasvatuksen erityisopettaja",
            "Konsultoiva erityisopettaja tukee lapsen kehitystä ja oppimista päiväkodissa.",
            """Erityisopettaja arvioi yhdessä vanhempien ja kasvattajien kanssa, millaista
            tukea lapsi tarvitsee, ja suunnittelee sen lapsen arkeen. Hän tekee yhteistyötä
            neuvolan, terapeuttien ja perheneuvolan kanssa perhekeskuksessa.""",
            how="Kysy lapsen päiväkodista tai soita erityisopettajalle.",
            who="Janakkalan päiväkotien ja esiopetuksen lapset.",
            keywords="päiväkoti, erityisopettaja, kelto, tuki, esiopetus",
        ),
        ages=(1, 6),
        channels=[phone("+358 40 555 0157", weekly("mon-fri 8-9"))],
    ),
    service(
        "janakkala-nuorisotyo",
        "janakkala",
        "82",
        AREA,
        fi=Lang(
            "Nuorisopalvelut ja nuorisotila",
            "Nuorisotilat, koulunuorisotyö ja etsivä nuorisotyö 13–29-vuotiaille.",
            """Nuorisotilassa voi viettää vapaa-aikaa ja osallistua kerhoihin ja retkiin.
            Nuorisonohjaajat ovat mukana myös koulupäivissä, ja etsivä nuorisotyöntekijä
            auttaa nuoria, joilla opiskelu tai työ ei ole löytynyt.""",
            how="Tule nuorisotilaan tai laita viesti nuorisonohjaajalle.",
            who="Janakkalalaiset 13–29-vuotiaat.",
            keywords="nuorisotila, nuokkari, etsivä nuorisotyö, kerho, retki",
        ),
        sv=Lang(
            "Ungdomstjänster och ungdomslokal",
            "Ungdomslokaler, skolungdomsarbete och uppsökande ungdomsarbete för 13–29-åringar.",
            "I ungdomslokalen kan man tillbringa fritiden och delta i klubbar och utflykter.",
            how="Kom till ungdomslokalen eller skicka ett meddelande.",
            keywords="ungdomslokal, fritid, uppsökande ungdomsarbete",
        ),
        en=Lang(
            "Youth services and youth centre",
            "Youth centres, school youth work and outreach youth work for 13–29-year-olds.",
            "Spend free time at the youth centre, join clubs and trips, or get help finding "
            "studies or work.",
            how="Come to the youth centre or message a youth worker.",
            keywords="youth centre, outreach youth work, clubs",
        ),
        ages=(13, 29),
        channels=[phone("+358 40 555 0158", weekly("mon-fri 12-20")), page("janakkala/nuoret")],
        at=[at(YOUTH_CENTRE)],
    ),
    service(
        "janakkala-perheolkkari",
        "janakkala",
        "85",
        AREA,
        producers=["kantahame", "mll-janakkala", "janakkalan-seurakunta"],
        fi=Lang(
            "Perheolkkari – perhekeskuksen avoin kohtaamispaikka",
            "Avoin olohuone, jossa perheet tapaavat toisiaan ja perhekeskuksen työntekijöitä.",
            """Perheolkkariin voi tulla ilman ajanvarausta vauvan, leikki-ikäisen tai koko
            perheen kanssa. Olkkaria pitävät yhdessä kunta, hyvinvointialue, MLL ja
            seurakunta, ja paikalla on usein neuvolan tai perhetyön työntekijä.
            Torstai-illat ovat myös isille ja työssäkäyville, ja kerran kuussa on
            monikielinen perheilta.""",
            how="Tule paikalle aukioloaikana.",
            who="Kaikki lapsiperheet, myös odottavat perheet ja isovanhemmat.",
            keywords="kohtaamispaikka, perhekahvila, olkkari, vertaistuki, isät, monikielinen",
        ),
        sv=Lang(
            "Perheolkkari – familjecentrets öppna mötesplats",
            "Ett öppet vardagsrum där familjer träffar varandra och familjecentrets personal.",
            """Kom utan tidsbokning med bebis, småbarn eller hela familjen. En gång i månaden
            ordnas en flerspråkig familjekväll.""",
            how="Kom under öppettiderna.",
            keywords="mötesplats, familjecafé, kamratstöd",
        ),
        en=Lang(
            "Perheolkkari family room",
            "An open living room where families meet each other and family center staff.",
            """Drop in with a baby, a toddler or the whole family, no appointment needed.
            Thursday evenings suit working parents, and once a month there is a multilingual
            family evening.""",
            how="Drop in during opening hours.",
            keywords="meeting place, family café, peer support, multilingual",
        ),
        languages="fi en",
        channels=[mail("perheolkkari.janakkala")],
        at=[at(OLKKARI)],
    ),
    service(
        "janakkala-mll-perhekahvila",
        "mll-janakkala",
        "86",
        AREA,
        fi=Lang(
            "MLL:n perhekahvila Tervakoskella",
            "Tiistaiaamujen perhekahvila vauvaperheille ja leikki-ikäisille.",
            """Kahvilassa on leluja, kahvia ja muiden vanhempien seuraa. Vapaaehtoiset
            järjestävät välillä teemoja, kuten vauvahierontaa tai kirpputorin.""",
            how="Tule paikalle, ei ilmoittautumista.",
            who="Lapsiperheet.",
            keywords="perhekahvila, Tervakoski, vertaistuki, vauva",
        ),
        at=[at(TERVAKOSKI_CAFE)],
    ),
    service(
        "janakkala-perhekerho",
        "janakkalan-seurakunta",
        "86",
        AREA,
        fi=Lang(
            "Perhekerho",
            "Seurakunnan perhekerho leikki-ikäisille ja heidän aikuisilleen.",
            """Kerhossa lauletaan, leikitään, askarrellaan ja jutellaan. Kerho on kaikille
            avoin ja maksuton.""",
            how="Tule mukaan kerhoaikana.",
            who="Alle kouluikäiset lapset aikuisen kanssa.",
            keywords="perhekerho, seurakunta, leikki, laulu",
        ),
        sv=Lang(
            "Familjeklubb",
            "Församlingens familjeklubb för småbarn och deras vuxna.",
            "Sång, lek och pyssel. Öppen och gratis för alla.",
            how="Kom med under klubbtiden.",
            keywords="familjeklubb, församling, lek",
        ),
        en=Lang(
            "Family club",
            "The parish family club for small children and their grown-ups.",
            "Songs, games and crafts. Open and free for everyone.",
            how="Come along during club hours.",
            keywords="family club, parish, playgroup",
        ),
        ages=(0, 6),
        channels=[phone("+358 40 555 0159")],
        at=[at(PARISH_HALL)],
    ),
    service(
        "janakkala-parisuhdeillat",
        "janakkalan-seurakunta",
        "6",
        AREA,
        fi=Lang(
            "Parisuhdeillat",
            "Keskusteluiltoja pariskunnille arjen ja vanhemmuuden keskellä.",
            """Illat ovat kerran kuussa torstaisin. Niissä on lyhyt alustus esimerkiksi
            riitelystä, läheisyydestä tai vauvavuodesta, minkä jälkeen pari keskustelee
            kahdestaan. Kenenkään ei tarvitse kertoa asioistaan ryhmälle. Lastenhoito järjestetään
            samaan taloon.""",
            how="Ilmoittaudu verkossa viikkoa ennen iltaa.",
            who="Kaikki pariskunnat.",
            keywords="parisuhde, pariskunta, riidat, läheisyys, vauvavuosi",
        ),
        en=Lang(
            "Couple evenings",
            "Evenings for couples in the middle of everyday life and parenthood.",
            """A short talk on arguing, closeness or the baby year, then time for the couple
            to talk privately. Childcare is arranged in the same building.""",
            how="Sign up online a week before.",
            keywords="couple, relationship, arguing, intimacy",
        ),
        channels=[page("janakkala/seurakunta/parisuhdeillat", name="Ilmoittautuminen")],
        at=[at(PARISH_HALL)],
    ),
]
