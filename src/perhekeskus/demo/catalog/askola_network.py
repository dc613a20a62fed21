"""Askola's wider family-center network (seed 004), the public part: early-education pupil
welfare, the school social worker, youth work and outreach youth work. The parish and the NGOs
are in `askola_community`."""

from __future__ import annotations

from perhekeskus.demo.catalog.askola_clinic import SCHOOL
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
from perhekeskus.demo.catalog.hours import MEETING_PLACE_BREAKS, weekly

YOUTH_CENTRE = "askola-nuorisotila"

LOCATIONS = [
    place(
        YOUTH_CENTRE,
        "askola",
        ("Nuorisotila Monari", "Ungdomslokalen Monari", "Monari youth centre"),
        address="Monnintie 2",
        postal_code="07500",
        town="Askola",
        municipality=ASKOLA,
        lat="60.528900",
        lon="25.601700",
        about=(
            "Nuorten oma paikka: biljardia, pelejä, kokkailua ja nuorisonohjaajat paikalla.",
            "Ungas egen plats med biljard, spel och ungdomsledare.",
            "Young people's own place: pool, games, cooking and youth workers present.",
        ),
        access=(
            "Sisäänkäynti pihan puolelta, yksi porras; ramppi pyydettäessä.",
            "Ingång från gården, ett trappsteg; ramp vid behov.",
            "Entrance from the yard, one step; a ramp on request.",
        ),
        hours=weekly("tue-thu 14-20", "fri 16-22") + MEETING_PLACE_BREAKS,
        meeting_place=True,
    ),
]

SERVICES = [
    service(
        "askola-varhaiskasvatuksen-oppilashuolto",
        "askola",
        "27",
        local(ASKOLA),
        fi=Lang(
            "Varhaiskasvatuksen ja esiopetuksen oppilashuolto",
            """Varhaiskasvatuksen erityisopettaja ja oppilashuolto tukevat lapsen kasvua ja
            oppimista.""",
            """Kun lapsen kehitys, leikki tai kaverisuhteet huolettavat, varhaiskasvatuksen
            erityisopettaja arvioi tilannetta yhdessä vanhempien ja kasvattajien kanssa.
            Tarvittaessa koolle kutsutaan monialainen ryhmä, johon voi kuulua psykologi,
            neuvolan terveydenhoitaja tai puheterapeutti.""",
            how="Puhu lapsen ryhmän opettajan kanssa tai soita erityisopettajalle.",
            who="Askolan päiväkotien ja esiopetuksen lapset.",
            keywords="päiväkoti, esikoulu, erityisopettaja, kelto, oppilashuolto, tuki",
        ),
        sv=Lang(
            "Elevhälsa inom småbarnspedagogik och förskola",
            "Specialläraren och elevhälsan stöder barnets växande och lärande.",
            """När barnets utveckling oroar bedömer specialläraren läget tillsammans med
            föräldrarna och personalen.""",
            how="Tala med gruppens lärare eller ring specialläraren.",
            keywords="daghem, förskola, speciallärare, elevhälsa",
        ),
        en=Lang(
            "Pupil welfare in early education and pre-school",
            "The special needs teacher and pupil welfare team support the child's development.",
            """When the child's development, play or friendships worry you, the early
            education special needs teacher assesses the situation with you and the staff.""",
            how="Talk to the group's teacher or call the special needs teacher.",
            keywords="daycare, pre-school, special needs teacher, support",
        ),
        ages=(1, 6),
        channels=[phone("+358 40 555 0115", weekly("mon-fri 8-9"))],
    ),
    service(
        "askola-kuraattori",
        "itauusimaa",
        "21",
        local(ASKOLA),
        fi=Lang(
            "Koulukuraattori",
            """Kuraattorin kanssa voi jutella kaverisuhteista, kiusaamisesta, koulunkäynnistä ja
            kodin asioista.""",
            """Kuraattori on koulun sosiaalityöntekijä, jolle oppilas tai vanhempi voi kertoa
            huolistaan luottamuksellisesti. Kuraattori auttaa kiusaamistilanteissa,
            koulupoissaoloissa ja silloin, kun kotona on vaikeaa, ja kutsuu tarvittaessa
            koolle verkoston, jossa on mukana perheen kannalta tärkeät ammattilaiset.""",
            how="Tule kuraattorin huoneeseen tai laita viesti Wilmassa. Vanhemmat voivat soittaa.",
            who="Askolan koulujen oppilaat ja heidän huoltajansa.",
            keywords="kuraattori, kiusaaminen, koulupoissaolot, kaverit, yksinäisyys",
        ),
        sv=Lang(
            "Skolkurator",
            "Med kuratorn kan man prata om kompisar, mobbning, skolan och hemmet.",
            """Kuratorn är skolans socialarbetare som eleven eller föräldern kan tala med i
            förtroende.""",
            how="Kom till kuratorns rum eller skicka ett meddelande i Wilma.",
            keywords="kurator, mobbning, frånvaro, ensamhet",
        ),
        en=Lang(
            "School social worker",
            """Pupils can talk with the school social worker about friends, bullying, school or
            home.""",
            """The school social worker (kuraattori) listens in confidence and helps with
            bullying, absences and difficult situations at home.""",
            how="Drop by the office or send a Wilma message. Parents can call.",
            keywords="school social worker, bullying, absences, loneliness",
        ),
        ages=(7, 17),
        languages="fi en",
        channels=[phone("+358 40 555 0116", weekly("mon-fri 8-9"))],
        at=[at(SCHOOL, weekly("mon-thu 8-15"))],
    ),
    service(
        "askola-nuorisotyo",
        "askola",
        "82",
        local(ASKOLA),
        fi=Lang(
            "Nuorisotyö ja nuorisotila Monari",
            "Avoin nuorisotila ja nuorisonohjaajat 13–29-vuotiaille.",
            """Nuorisotilassa voi viettää aikaa kavereiden kanssa, pelata ja osallistua
            retkille ja leireille. Nuorisonohjaajien kanssa voi jutella mistä vain, ja he
            auttavat tarvittaessa löytämään muuta apua. Nuorisotyö jalkautuu myös kouluille.""",
            how="Tule paikalle aukioloaikana, ilmoittautumista ei tarvita.",
            who="Askolalaiset 13–29-vuotiaat.",
            keywords="nuorisotila, nuokkari, vapaa-aika, harrastus, kaverit, leiri",
        ),
        sv=Lang(
            "Ungdomsarbete och ungdomslokalen Monari",
            "Öppen ungdomslokal och ungdomsledare för 13–29-åringar.",
            "I ungdomslokalen kan man umgås, spela och delta i utflykter och läger.",
            how="Kom under öppettiderna.",
            keywords="ungdomsgård, fritid, kompisar",
        ),
        en=Lang(
            "Youth work and Monari youth centre",
            "An open youth centre and youth workers for 13–29-year-olds.",
            """Spend time with friends, play games and join trips and camps. Youth workers
            are there to talk to and help find other support.""",
            how="Drop in during opening hours.",
            keywords="youth centre, free time, friends, camp",
        ),
        ages=(13, 29),
        channels=[phone("+358 40 555 0117", weekly("tue-fri 14-20"))],
        at=[at(YOUTH_CENTRE)],
    ),
    service(
        "askola-etsiva-nuorisotyo",
        "askola",
        "2",
        local(ASKOLA),
        fi=Lang(
            "Etsivä nuorisotyö",
            """Etsivä nuorisotyöntekijä auttaa nuorta, joka on jäänyt ilman opiskelu- tai
            työpaikkaa.""",
            """Etsivä nuorisotyöntekijä tapaa nuorta siellä, missä nuori haluaa, ja kulkee
            rinnalla esimerkiksi opiskelupaikan haussa, Kela-asioissa tai
            mielenterveyspalveluihin hakeutumisessa. Apu on vapaaehtoista ja
            luottamuksellista.""",
            how="Laita viesti tai soita. Myös vanhempi tai ammattilainen voi ottaa yhteyttä.",
            who="Askolalaiset 15–29-vuotiaat.",
            keywords="etsivä nuorisotyö, ei opiskelupaikkaa, työtön nuori, syrjäytyminen",
        ),
        sv=Lang(
            "Uppsökande ungdomsarbete",
            "Den uppsökande ungdomsarbetaren hjälper unga utan studie- eller arbetsplats.",
            """Ungdomsarbetaren träffar den unga där den unga vill och hjälper med studier,
            FPA-ärenden och att söka annan hjälp.""",
            how="Skicka ett meddelande eller ring.",
            keywords="uppsökande ungdomsarbete, arbetslös ung",
        ),
        en=Lang(
            "Outreach youth work",
            "An outreach youth worker helps young people who are not in school or work.",
            """The worker meets the young person wherever they like and helps with studies,
            Kela matters or finding other support. It is voluntary and confidential.""",
            how="Send a message or call. A parent or professional may also get in touch.",
            keywords="outreach youth work, no school place, unemployed young person",
        ),
        ages=(15, 29),
        channels=[phone("+358 40 555 0118", weekly("mon-fri 9-16")), mail("etsiva.askola")],
    ),
]
