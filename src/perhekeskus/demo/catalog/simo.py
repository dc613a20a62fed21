"""Simo (seed 002): remote appointments bookable online with the child custody officer, service
counselling and the social workers of child protection, adult and disability services; the
clinic, youth work, the parish's family club and the family room Perhetupa."""

from __future__ import annotations

from perhekeskus.demo.catalog.helpers import (
    SIMO,
    Lang,
    at,
    local,
    phone,
    place,
    remote,
    service,
)
from perhekeskus.demo.catalog.hours import MEETING_PLACE_BREAKS, OFFICE_HOLIDAYS, weekly

WELLBEING_STATION = "simo-hyvinvointiasema"
PERHETUPA = "simo-perhetupa"
PARISH_HALL = "simo-seurakuntatalo"
AREA = local(SIMO)

_REMOTE_NOTE = (
    """Varaa aika verkossa; saat linkin tekstiviestinä. Etäasiointi toimii
    älypuhelimella, tabletilla ja tietokoneella.""",
    "Boka tid på webben; du får länken per sms. Fungerar på telefon, surfplatta och dator.",
    "Book online; you get the link by text message. Works on phone, tablet and computer.",
)
_REMOTE_HOURS = weekly("mon-fri 8:30-15:30")

LOCATIONS = [
    place(
        WELLBEING_STATION,
        "lappi",
        ("Simon hyvinvointiasema", "Simo välfärdsstation", "Simo wellbeing station"),
        address="Ratatie 6",
        postal_code="95200",
        town="Simo",
        municipality=SIMO,
        lat="65.662000",
        lon="25.064000",
        about=(
            "Vastaanotot, neuvola ja sosiaalitoimisto; etäasiointipiste aulassa.",
            "Mottagningar, rådgivning och socialbyrå; distanspunkt i entrén.",
            "Appointments, clinic and social office; a remote service point in the lobby.",
        ),
        access=(
            """Esteetön sisäänkäynti ja inva-wc. Aulan etäpisteessä on kuulolaite-yhteensopiva
            kuuloke.""",
            "Tillgänglig ingång och handikapptoalett.",
            "Step-free entrance and accessible toilet; hearing-aid compatible headset.",
        ),
        hours=weekly("mon-fri 8-16") + OFFICE_HOLIDAYS,
    ),
    place(
        PERHETUPA,
        "simo",
        ("Simon Perhetupa", "Familjestugan i Simo", "Simo family room"),
        address="Simontie 10",
        postal_code="95200",
        town="Simo",
        municipality=SIMO,
        lat="65.661000",
        lon="25.060000",
        about=(
            "Kunnan, hyvinvointialueen ja seurakunnan yhteinen avoin kohtaamispaikka.",
            "Kommunens, välfärdsområdets och församlingens gemensamma öppna mötesplats.",
            "An open meeting place run together by the municipality, county and parish.",
        ),
        access=(
            "Esteetön sisäänkäynti, inva-wc, vaunut sisälle.",
            "Tillgänglig ingång, handikapptoalett.",
            "Step-free entrance, accessible toilet, prams allowed inside.",
        ),
        hours=weekly("tue 9-12", "thu 12-16") + MEETING_PLACE_BREAKS,
        meeting_place=True,
    ),
    place(
        PARISH_HALL,
        "simon-seurakunta",
        ("Simon seurakuntatalo", "Simo församlingshem", "Simo parish hall"),
        address="Kirkkotie 4",
        postal_code="95200",
        town="Simo",
        municipality=SIMO,
        lat="65.663000",
        lon="25.058000",
        access=("Esteetön sisäänkäynti.", "Tillgänglig ingång.", "Step-free entrance."),
        hours=weekly("wed 9:30-11:30") + MEETING_PLACE_BREAKS,
        meeting_place=True,
    ),
]

SERVICES = [
    service(
        "simo-lastenvalvoja-etaaika",
        "lappi",
        "3",
        AREA,
        fi=Lang(
            "Lastenvalvoja – etäaika",
            "Varaa etäaika lastenvalvojalle ja hoida sopimukset kotoa käsin videolla.",
            """Lastenvalvojan kanssa voi sopia lapsen huollosta, asumisesta, tapaamisista ja
            elatusavusta videoyhteydellä. Molemmat vanhemmat voivat osallistua eri
            paikoista. Sopimus allekirjoitetaan sähköisesti tai hyvinvointiasemalla.""",
            how="Varaa etäaika verkossa.",
            who="Simolaisten lasten vanhemmat.",
            keywords="lastenvalvoja, etäaika, ero, elatusapu, tapaamiset, videotapaaminen",
        ),
        sv=Lang(
            "Barnatillsyningsman – distanstid",
            "Boka en distanstid hos barnatillsyningsmannen och gör avtalen hemifrån.",
            "Avtal om vårdnad, boende, umgänge och underhåll på video.",
            how="Boka distanstid på webben.",
            keywords="barnatillsyningsman, distanstid, skilsmässa",
        ),
        en=Lang(
            "Child custody officer – remote appointment",
            "Book a video appointment with the child custody officer from home.",
            """Agree on custody, residence, contact and maintenance by video; both parents can
            join from different places.""",
            how="Book a remote appointment online.",
            keywords="custody, remote appointment, divorce, maintenance",
        ),
        ages=(0, 17),
        languages="fi en",
        channels=[
            remote(
                "simo/etaajat/lastenvalvoja",
                ("Varaa etäaika", "Boka distanstid", "Book a remote appointment"),
                note=_REMOTE_NOTE,
                hours=_REMOTE_HOURS,
            )
        ],
    ),
    service(
        "simo-palveluneuvonta-etaaika",
        "lappi",
        "12",
        AREA,
        fi=Lang(
            "Palveluneuvonta – etäaika",
            """Palveluneuvoja auttaa videolla sosiaali- ja terveyspalveluihin liittyvissä
            kysymyksissä.""",
            """Varaa etäaika, niin palveluneuvoja auttaa selvittämään, mitä palveluja perheesi
            voi saada, ja neuvoo hakemusten tekemisessä. Etäasioinnilla säästät matkan
            hyvinvointiasemalle.""",
            how="Varaa etäaika verkossa tai soita.",
            who="Kaikki simolaiset.",
            keywords="palveluneuvonta, etäaika, neuvonta, hakemus, mistä apua",
        ),
        sv=Lang(
            "Servicerådgivning – distanstid",
            "Servicerådgivaren hjälper på video med frågor om social- och hälsotjänster.",
            "Boka en distanstid så reder rådgivaren ut vilka tjänster familjen kan få.",
            how="Boka distanstid på webben eller ring.",
            keywords="servicerådgivning, distanstid",
        ),
        en=Lang(
            "Service counselling – remote appointment",
            "A counsellor helps by video with questions about social and health services.",
            "Find out which services your family can get and how to apply, without travel.",
            how="Book a remote appointment online or call.",
            keywords="service counselling, remote appointment, advice",
        ),
        languages="fi en",
        channels=[
            remote(
                "simo/etaajat/palveluneuvonta",
                ("Varaa etäaika", "Boka distanstid", "Book a remote appointment"),
                note=_REMOTE_NOTE,
                hours=_REMOTE_HOURS,
            ),
            phone("+358 16 555 0164", weekly("mon-fri 9-15")),
        ],
        at=[at(WELLBEING_STATION)],
    ),
    service(
        "simo-lastensuojelu-etaaika",
        "lappi",
        "24",
        AREA,
        fi=Lang(
            "Lastensuojelun sosiaalityö – etäaika",
            "Lastensuojelun sosiaalityöntekijän voi tavata videolla.",
            """Lastensuojelun asiakkaat voivat varata etätapaamisen omalle
            sosiaalityöntekijälleen. Myös huolen lapsesta voi ottaa puheeksi etäajalla.
            Kiireellisissä tilanteissa virka-ajan ulkopuolella päivystää sosiaalipäivystys
            112:n kautta.""",
            how="Varaa etäaika verkossa tai sovi siitä sosiaalityöntekijän kanssa.",
            who="Simolaiset lapsiperheet.",
            keywords="lastensuojelu, sosiaalityöntekijä, etäaika, huoli lapsesta",
        ),
        sv=Lang(
            "Socialt arbete inom barnskyddet – distanstid",
            "Man kan träffa barnskyddets socialarbetare på video.",
            """Klienter inom barnskyddet kan boka ett distansmöte med sin egen socialarbetare.
            Också oro för ett barn kan tas upp på en distanstid.""",
            how="Boka distanstid på webben.",
            keywords="barnskydd, socialarbetare, distanstid",
        ),
        en=Lang(
            "Child welfare social work – remote appointment",
            "Meet the child welfare social worker by video.",
            """Child welfare clients can book a video meeting with their own social worker.
            A worry about a child can also be raised in a remote appointment.""",
            how="Book online or agree with your social worker.",
            keywords="child welfare, social worker, remote appointment",
        ),
        ages=(0, 17),
        languages="fi en",
        channels=[
            remote(
                "simo/etaajat/lastensuojelu",
                ("Varaa etäaika", "Boka distanstid", "Book a remote appointment"),
                note=_REMOTE_NOTE,
                hours=_REMOTE_HOURS,
            )
        ],
    ),
    service(
        "simo-aikuis-ja-vammaispalvelut-etaaika",
        "lappi",
        "12",
        AREA,
        fi=Lang(
            "Työikäisten ja vammaispalvelujen sosiaalityö – etäaika",
            "Aikuissosiaalityön ja vammaispalvelujen sosiaalityöntekijän etäaika.",
            """Sosiaalityöntekijä auttaa esimerkiksi toimeentulo-, asumis- ja
            työllistymisasioissa sekä vammaisen lapsen tai vanhemman palveluissa, kuten
            henkilökohtaisessa avussa ja kuljetuspalvelussa.""",
            how="Varaa etäaika verkossa.",
            who="Simolaiset aikuiset ja perheet, joissa on vammainen lapsi tai vanhempi.",
            keywords="sosiaalityö, vammaispalvelut, toimeentulo, etäaika, vammainen lapsi",
        ),
        en=Lang(
            "Adult and disability social work – remote appointment",
            "Remote appointments with adult and disability services social workers.",
            """Help with income, housing and employment, and with services for a disabled
            child or parent such as personal assistance and transport.""",
            how="Book a remote appointment online.",
            keywords="social work, disability services, remote appointment",
        ),
        languages="fi",
        channels=[
            remote(
                "simo/etaajat/aikuissosiaalityo",
                ("Varaa etäaika", "Boka distanstid", "Book a remote appointment"),
                note=_REMOTE_NOTE,
                hours=_REMOTE_HOURS,
            )
        ],
    ),
    service(
        "simo-neuvola",
        "lappi",
        "76",
        AREA,
        fi=Lang(
            "Äitiys- ja lastenneuvola",
            "Neuvola seuraa raskautta ja lapsen kasvua hyvinvointiasemalla.",
            """Terveydenhoitaja seuraa odottavan perheen ja lapsen terveyttä ja antaa
            rokotukset. Osan käynneistä voi pitää videolla, ja lääkäri on mukana laajoissa
            tarkastuksissa.""",
            how="Soita puhelinaikana.",
            who="Simolaiset odottavat perheet ja alle kouluikäiset.",
            keywords="neuvola, raskaus, vauva, rokotukset",
        ),
        sv=Lang(
            "Mödra- och barnrådgivning",
            "Rådgivningen följer graviditeten och barnets tillväxt.",
            "Hälsovårdaren ger vaccinationerna; en del besök kan vara på video.",
            how="Ring under telefontiden.",
            keywords="rådgivning, graviditet, bebis",
        ),
        en=Lang(
            "Maternity and child health clinic",
            "The clinic follows pregnancy and the child's growth at the wellbeing station.",
            "The nurse gives vaccinations; some visits can be by video.",
            how="Call during the phone hours.",
            keywords="maternity clinic, child health clinic, baby",
        ),
        ages=(0, 6),
        channels=[phone("+358 16 555 0165", weekly("mon-fri 12-13"))],
        at=[at(WELLBEING_STATION, weekly("mon-thu 8-15"))],
    ),
    service(
        "simo-nuorisotyo",
        "simo",
        "82",
        AREA,
        fi=Lang(
            "Nuorisotyö",
            "Nuorisotila, retket ja etsivä nuorisotyö simolaisille nuorille.",
            """Nuorisotila on auki iltaisin, ja kesällä järjestetään retkiä ja leirejä.
            Etsivä nuorisotyöntekijä auttaa nuoria opiskelu- ja työasioissa.""",
            how="Tule nuorisotilaan tai soita nuoriso-ohjaajalle.",
            who="Simolaiset 13–29-vuotiaat.",
            keywords="nuorisotila, etsivä nuorisotyö, retki, leiri",
        ),
        ages=(13, 29),
        channels=[phone("+358 40 555 0166", weekly("mon-fri 12-20"))],
    ),
    service(
        "simo-perhekerho",
        "simon-seurakunta",
        "86",
        AREA,
        fi=Lang(
            "Perhekerho",
            "Seurakunnan perhekerho keskiviikkoaamuisin.",
            "Laulua, leikkiä ja kahvihetki. Kerho on maksuton ja kaikille avoin.",
            how="Tule mukaan.",
            who="Alle kouluikäiset aikuisen kanssa.",
            keywords="perhekerho, seurakunta",
        ),
        ages=(0, 6),
        at=[at(PARISH_HALL)],
    ),
    service(
        "simo-perhetupa",
        "simo",
        "86",
        AREA,
        producers=["lappi", "simon-seurakunta"],
        fi=Lang(
            "Perhetupa – avoin kohtaamispaikka",
            "Perheiden avoin olohuone Simon keskustassa.",
            """Perhetupaan voi tulla leikkimään, juttelemaan ja kysymään neuvoa.
            Torstaisin paikalla on neuvolan terveydenhoitaja tai perhetyöntekijä.""",
            how="Tule paikalle aukioloaikana.",
            who="Kaikki lapsiperheet.",
            keywords="kohtaamispaikka, perhekahvila, vertaistuki",
        ),
        sv=Lang(
            "Familjestugan – öppen mötesplats",
            "Ett öppet vardagsrum för familjer i Simo centrum.",
            """Kom för att leka, prata och fråga om råd. På torsdagar finns en hälsovårdare på
            plats.""",
            how="Kom under öppettiderna.",
            keywords="mötesplats, familjecafé",
        ),
        en=Lang(
            "Perhetupa family room",
            "An open living room for families in the centre of Simo.",
            "Come to play, chat and ask for advice; a nurse or family worker visits on Thursdays.",
            how="Drop in during opening hours.",
            keywords="meeting place, family café, peer support",
        ),
        at=[at(PERHETUPA)],
    ),
]
