"""Raisio: the family center's "Ask for help" e-form (seed 001), the clinic, home help bought from
a private provider, speech therapy, early-education support, youth services, MLL's family room and
the parish's family club."""

from __future__ import annotations

from perhekeskus.demo.catalog.helpers import (
    RAISIO,
    Lang,
    at,
    eservice,
    local,
    phone,
    place,
    service,
)
from perhekeskus.demo.catalog.helpers import web as page
from perhekeskus.demo.catalog.hours import MEETING_PLACE_BREAKS, OFFICE_HOLIDAYS, weekly

FAMILY_CENTER = "raisio-perhekeskus"
FAMILY_ROOM = "raisio-perhetupa"
PARISH_ROOM = "raisio-kirkkotupa"
AREA = local(RAISIO)
_TOWN = ("Raisio", "Reso", "Raisio")

LOCATIONS = [
    place(
        FAMILY_CENTER,
        "varha",
        ("Raision perhekeskus", "Reso familjecenter", "Raisio family center"),
        address="Nallinkatu 2",
        postal_code="21200",
        town=_TOWN,
        municipality=RAISIO,
        lat="60.486000",
        lon="22.170000",
        about=(
            "Neuvola, perhetyö, kotipalvelu ja terapeutit terveyskeskuksen A-siivessä.",
            "Rådgivning, familjearbete, hemservice och terapeuter i hälsocentralens A-flygel.",
            "Clinic, family work, home help and therapists in wing A of the health centre.",
        ),
        access=(
            "Esteetön sisäänkäynti A-ovesta, hissi, inva-wc ja vaunukatos.",
            "Tillgänglig ingång genom dörr A, hiss, handikapptoalett, barnvagnstak.",
            "Step-free entrance through door A, lift, accessible toilet, covered pram park.",
        ),
        hours=weekly("mon-fri 8-16") + OFFICE_HOLIDAYS,
    ),
    place(
        FAMILY_ROOM,
        "mll-raisio",
        ("MLL:n Perhetupa", "MLL:s Familjestuga", "MLL Family Room"),
        address="Raisiontori 5",
        postal_code="21200",
        town=_TOWN,
        municipality=RAISIO,
        lat="60.486800",
        lon="22.169300",
        about=(
            "Avoin kohtaamispaikka kauppakeskuksen toisessa kerroksessa.",
            "Öppen mötesplats på andra våningen i köpcentret.",
            "An open meeting place on the shopping centre's first floor.",
        ),
        access=(
            "Hissi kauppakeskuksen aulasta, inva-wc käytävällä.",
            "Hiss från köpcentrets entré, handikapptoalett i korridoren.",
            "Lift from the shopping centre lobby, accessible toilet in the corridor.",
        ),
        hours=weekly("mon,wed 9-13", "thu 16-19") + MEETING_PLACE_BREAKS,
        meeting_place=True,
    ),
    place(
        PARISH_ROOM,
        "raision-seurakunta",
        ("Kirkkotupa", "Kyrkstugan", "Church room"),
        address="Kirkkotie 9",
        postal_code="21200",
        town=_TOWN,
        municipality=RAISIO,
        lat="60.483000",
        lon="22.176000",
        access=(
            "Esteetön sisäänkäynti pihan puolelta.",
            "Tillgänglig ingång från gården.",
            "Step-free entrance from the yard.",
        ),
        hours=weekly("tue,fri 9:30-11:30") + MEETING_PLACE_BREAKS,
        meeting_place=True,
    ),
]

_ASK_FOR_HELP = eservice(
    "raisio/pyyda-apua",
    ("Pyydä apua -lomake", "Be om hjälp -blanketten", "Ask for help form"),
    note=(
        """Lomakkeen voi lähettää nimettömänä tai yhteystietojen kanssa. Kiireellisessä
        hätätilanteessa soita 112.""",
        "Du kan skicka blanketten anonymt. Vid akut nöd, ring 112.",
        "You can send the form anonymously. In an emergency, call 112.",
    ),
    languages="fi sv en",
)

SERVICES = [
    service(
        "raisio-pyyda-apua",
        "varha",
        "12",
        AREA,
        fi=Lang(
            "Pyydä apua – Raision perhekeskus",
            "Kerro huolestasi lyhyellä lomakkeella, niin perhekeskuksen työntekijä ottaa yhteyttä.",
            """Pyydä apua -napista aukeaa lyhyt lomake, johon voit kirjoittaa omin sanoin,
            mikä perhettäsi tai lastasi huolettaa. Perhekeskuksen työntekijä lukee viestin
            arkipäivisin ja ottaa yhteyttä yleensä kahden arkipäivän kuluessa. Jos jätät
            viestin nimettömänä, saat seurantakoodin, jolla näet, mitä asialle tapahtuu.""",
            how="Täytä lomake verkossa milloin tahansa.",
            who="Raisiolaiset lapset, nuoret ja vanhemmat sekä heidän läheisensä.",
            keywords="pyydä apua, huoli, yhteydenotto, matala kynnys, en jaksa, apua perheelle",
        ),
        sv=Lang(
            "Be om hjälp – Reso familjecenter",
            "Berätta om din oro i en kort blankett, så kontaktar familjecentret dig.",
            """Skriv med egna ord vad som oroar dig. En arbetstagare läser meddelandet på
            vardagar och tar oftast kontakt inom två vardagar.""",
            how="Fyll i blanketten på webben när som helst.",
            keywords="be om hjälp, oro, kontakt",
        ),
        en=Lang(
            "Ask for help – Raisio family center",
            "Tell us what worries you in a short form, and a family center worker contacts you.",
            """Write in your own words what worries you about your family or child. A worker
            reads the message on weekdays and usually contacts you within two working days.
            An anonymous message gets a tracking code.""",
            how="Fill in the form online at any time.",
            keywords="ask for help, worry, contact, low threshold",
        ),
        languages="fi sv en",
        channels=[_ASK_FOR_HELP, phone("+358 2 555 0176", weekly("mon-fri 9-12"))],
    ),
    service(
        "raisio-neuvola",
        "varha",
        "76",
        AREA,
        fi=Lang(
            "Äitiys- ja lastenneuvola",
            "Neuvola seuraa raskautta ja lapsen kasvua ja tukee koko perhettä.",
            """Terveydenhoitaja ja lääkäri seuraavat äidin ja sikiön sekä lapsen terveyttä
            kouluikään asti. Ensimmäistä lasta odottaville on perhevalmennus, ja vauvan
            synnyttyä terveydenhoitaja tekee kotikäynnin.""",
            how="Soita neuvolan puhelinaikana tai lähetä viesti sähköisesti.",
            who="""Raisiolaiset odottavat perheet ja alle kouluikäiset. Ikäraja 0 tarkoittaa,
            että palvelu alkaa raskausaikana.""",
            keywords="neuvola, raskaus, vauva, rokotukset, kotikäynti",
        ),
        sv=Lang(
            "Mödra- och barnrådgivning",
            "Rådgivningen följer graviditeten och barnets tillväxt och stöder hela familjen.",
            "Hälsovårdaren och läkaren följer mammans, fostrets och barnets hälsa.",
            how="Ring under telefontiden.",
            keywords="rådgivning, graviditet, bebis",
        ),
        en=Lang(
            "Maternity and child health clinic",
            "The clinic follows the pregnancy and the child's growth and supports the family.",
            """A nurse and a doctor follow the health of mother, baby and child until school;
            first-time parents get antenatal classes and a home visit after the birth.""",
            how="Call during the phone hours or send a message online.",
            keywords="maternity clinic, child health clinic, pregnancy, baby",
        ),
        ages=(0, 6),
        languages="fi en",
        channels=[phone("+358 2 555 0177", weekly("mon-fri 12-13"), languages="fi en")],
        at=[at(FAMILY_CENTER, weekly("mon-fri 8-15:30"))],
    ),
    service(
        "raisio-kotipalvelu",
        "varha",
        "26",
        AREA,
        producers=["kompassi"],
        fi=Lang(
            "Lapsiperheiden kotipalvelu",
            "Kodinhoitaja tulee kotiin auttamaan, kun perhe tarvitsee tilapäistä apua.",
            """Kotipalvelu auttaa esimerkiksi vauva-arjessa, vanhemman sairastuessa tai
            perheen kriisissä. Palvelun tuottaa hyvinvointialueen puolesta Perhepalvelut
            Kompassi, ja siitä päättää perhekeskuksen sosiaaliohjaaja.""",
            how="Soita perhekeskukseen tai täytä Pyydä apua -lomake.",
            who="Raisiolaiset lapsiperheet.",
            keywords="kotipalvelu, kodinhoitaja, apua kotiin, sairastuminen, väsymys",
            fees="Tulojen ja perheen koon mukainen tuntimaksu; arviointikäynti on maksuton.",
        ),
        sv=Lang(
            "Hemservice för barnfamiljer",
            "En hemvårdare kommer hem när familjen behöver tillfällig hjälp.",
            """Hemservicen hjälper till exempel i vardagen med en bebis, när en förälder
            insjuknar eller vid en kris i familjen. Tjänsten produceras av Familjetjänster
            Kompassi för välfärdsområdet.""",
            how="Ring familjecentret eller fyll i blanketten Be om hjälp.",
            keywords="hemservice, hemvårdare, hjälp hemma",
            fees="Avgift per timme enligt inkomster; bedömningsbesöket är gratis.",
        ),
        en=Lang(
            "Home help for families",
            "A home help worker comes to your home when the family needs temporary help.",
            """Home help supports you in the baby months, when a parent falls ill or in a
            family crisis. Kompassi family services produce it for the county; the family
            center decides on it.""",
            how="Call the family center or use the Ask for help form.",
            keywords="home help, help at home, illness, exhausted",
            fees="An income-based hourly fee; the assessment visit is free.",
        ),
        ages=(0, 17),
        free=False,
        languages="fi sv en",
        channels=[phone("+358 2 555 0178", weekly("mon-fri 9-11"))],
    ),
    service(
        "raisio-puheterapia",
        "varha",
        "2",
        AREA,
        producers=["sanasto"],
        fi=Lang(
            "Puheterapia",
            "Puheterapeutti arvioi ja kuntouttaa lapsen puheen ja kielen kehitystä.",
            """Puheterapeutti tapaa lasta perhekeskuksessa tai päiväkodissa ja antaa
            vanhemmille harjoituksia kotiin. Osa terapiajaksoista ostetaan
            Terapiakeskus Sanastolta.""",
            how="Tarvitset lähetteen neuvolasta tai kouluterveydenhuollosta.",
            who="Raisiolaiset lapset ja nuoret.",
            keywords="puheterapia, puhe, kielen kehitys, änkytys",
        ),
        en=Lang(
            "Speech therapy",
            "A speech therapist assesses and supports the child's speech and language.",
            "Therapy at the family center or daycare, with exercises for home.",
            how="You need a referral from the clinic or school health care.",
            keywords="speech therapy, speech delay, stuttering",
        ),
        ages=(0, 17),
        channels=[phone("+358 2 555 0179", weekly("tue 12-13"))],
        at=[at(FAMILY_CENTER)],
    ),
    service(
        "raisio-varhaiskasvatuksen-tuki",
        "raisio",
        "27",
        AREA,
        fi=Lang(
            "Varhaiskasvatuksen tuki ja kasvatuskumppanuus",
            "Varhaiskasvatuksen erityisopettaja ja psykologi tukevat lasta päiväkodissa.",
            """Kun lapsi tarvitsee tukea kehitykseen tai oppimiseen, päiväkoti suunnittelee
            sen yhdessä vanhempien kanssa. Erityisopettaja ja varhaiskasvatuksen psykologi
            tulevat päiväkotiin, joten lapsen ei tarvitse lähteä muualle.""",
            how="Kysy lapsen päiväkodista.",
            who="Raision päiväkotien ja esiopetuksen lapset.",
            keywords="päiväkoti, erityisopettaja, kelto, tuki, esiopetus",
        ),
        ages=(1, 6),
        channels=[page("raisio/varhaiskasvatus")],
    ),
    service(
        "raisio-nuorisopalvelut",
        "raisio",
        "82",
        AREA,
        fi=Lang(
            "Nuorisopalvelut ja etsivä nuorisotyö",
            "Nuorisotalot, koulunuorisotyö ja etsivä nuorisotyö 13–29-vuotiaille raisiolaisille.",
            """Nuorisotaloilla voi viettää aikaa ja harrastaa, ja nuorisonohjaajat ovat
            kouluilla välitunneilla. Etsivä nuorisotyöntekijä auttaa, jos opiskelu, työ tai
            arki on hukassa.""",
            how="Tule nuorisotalolle tai laita viesti.",
            who="Raisiolaiset 13–29-vuotiaat.",
            keywords="nuorisotalo, nuokkari, etsivä nuorisotyö, harrastus",
        ),
        sv=Lang(
            "Ungdomstjänster och uppsökande ungdomsarbete",
            "Ungdomsgårdar och uppsökande ungdomsarbete för 13–29-åringar.",
            "Ungdomsledare finns på ungdomsgårdarna och i skolorna.",
            how="Kom till ungdomsgården eller skicka ett meddelande.",
            keywords="ungdomsgård, uppsökande ungdomsarbete",
        ),
        en=Lang(
            "Youth services and outreach youth work",
            "Youth centres, school youth work and outreach youth work for 13–29-year-olds.",
            "Youth workers are at the youth centres and schools; outreach workers help with "
            "studies and work.",
            how="Come to a youth centre or send a message.",
            keywords="youth centre, outreach youth work, hobbies",
        ),
        ages=(13, 29),
        channels=[phone("+358 40 555 0180", weekly("mon-fri 10-18")), page("raisio/nuoret")],
    ),
    service(
        "raisio-perhetupa",
        "mll-raisio",
        "86",
        AREA,
        fi=Lang(
            "MLL:n Perhetupa",
            "Avoin kohtaamispaikka kauppakeskuksessa vauvaperheille ja leikki-ikäisille.",
            """Perhetupaan voi poiketa ostosten lomassa. Siellä on leikkitila, kahvia ja
            vapaaehtoisia, joiden kanssa voi jutella. Torstai-iltaisin kokoontuu isä–lapsi-
            ryhmä, ja kerran kuussa vieraana on perhekeskuksen työntekijä.""",
            how="Tule paikalle aukioloaikana.",
            who="Kaikki lapsiperheet.",
            keywords="perhetupa, perhekahvila, kohtaamispaikka, isät, vertaistuki",
        ),
        sv=Lang(
            "MLL:s Familjestuga",
            "En öppen mötesplats i köpcentret för babyfamiljer och småbarn.",
            "Lekrum, kaffe och frivilliga att prata med. Pappa–barn-grupp på torsdagskvällar.",
            how="Kom under öppettiderna.",
            keywords="familjecafé, mötesplats, pappor",
        ),
        en=Lang(
            "MLL Family Room",
            "An open meeting place in the shopping centre for babies, toddlers and parents.",
            "A play area, coffee and volunteers to talk to; a dads' group on Thursday evenings.",
            how="Drop in during opening hours.",
            keywords="family room, family café, meeting place, dads",
        ),
        at=[at(FAMILY_ROOM)],
    ),
    service(
        "raisio-perhekerho",
        "raision-seurakunta",
        "86",
        AREA,
        fi=Lang(
            "Perhekerho Kirkkotuvassa",
            "Seurakunnan perhekerho pienille lapsille ja heidän aikuisilleen.",
            """Kerhossa lauletaan ja leikitään, ja aikuiset saavat vertaistukea toisistaan.
            Kerho on maksuton ja avoin kaikille.""",
            how="Tule mukaan.",
            who="Alle kouluikäiset aikuisen kanssa.",
            keywords="perhekerho, seurakunta, vauvat, taaperot",
        ),
        ages=(0, 6),
        at=[at(PARISH_ROOM)],
    ),
]
