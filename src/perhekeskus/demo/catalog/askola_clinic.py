"""Askola's wellbeing clinic (hyvinvointineuvola), part 1: the clinic and the school, service
guidance, the maternity and child health clinics, home help, family work, social work and the
low-threshold early-support team VATU (seed 004)."""

from __future__ import annotations

from perhekeskus.demo.catalog.helpers import (
    ASKOLA,
    Lang,
    at,
    eservice,
    local,
    phone,
    place,
    service,
)
from perhekeskus.demo.catalog.helpers import email as mail
from perhekeskus.demo.catalog.helpers import web as page
from perhekeskus.demo.catalog.hours import OFFICE_HOLIDAYS, weekly

CLINIC = "askola-hyvinvointineuvola"
SCHOOL = "askola-monninkylan-koulu"

LOCATIONS = [
    place(
        CLINIC,
        "itauusimaa",
        ("Askolan hyvinvointineuvola", "Välfärdsrådgivningen i Askola", "Askola wellbeing clinic"),
        address="Opintie 4",
        postal_code="07500",
        town="Askola",
        municipality=ASKOLA,
        lat="60.529600",
        lon="25.598500",
        about=(
            """Sosiaali- ja terveyskeskus, jossa neuvola, perheohjaus, sosiaalityö, terapeutit,
            psykologi ja vastaanotot ovat saman katon alla.""",
            """Social- och hälsocentral där rådgivning, familjearbete, socialt arbete,
            terapeuter och mottagningar finns under samma tak.""",
            """A social and health centre where the clinic, family work, social work,
            therapists and appointments are under one roof.""",
        ),
        transport=(
            "Bussipysäkki Opintien kohdalla; pysäköinti talon edessä.",
            "Busshållplats vid Opintie; parkering framför huset.",
            "Bus stop at Opintie; parking in front of the building.",
        ),
        access=(
            """Esteetön sisäänkäynti pääovelta, automaattiovet ja inva-wc. Lastenvaunuille on
            paikka aulassa. Odotustilassa on induktiosilmukka.""",
            """Tillgänglig ingång från huvuddörren, automatiska dörrar och handikapptoalett.
            Plats för barnvagnar i entrén. Hörslinga i väntrummet.""",
            """Step-free main entrance with automatic doors and an accessible toilet. Room
            for prams in the lobby. Induction loop in the waiting room.""",
        ),
        hours=weekly("mon-fri 8-16") + OFFICE_HOLIDAYS,
    ),
    place(
        SCHOOL,
        "askola",
        ("Monninkylän koulu", "Monninkylä skola", "Monninkylä school"),
        address="Koulutie 6",
        postal_code="07500",
        town="Askola",
        municipality=ASKOLA,
        lat="60.531900",
        lon="25.603400",
        about=(
            "Alakoulu ja yläkoulu; kouluterveydenhoitajan ja kuraattorin huoneet B-siivessä.",
            "Grundskola; skolhälsovårdarens och kuratorns rum i B-flygeln.",
            "Primary and lower secondary school; the school nurse and school social worker "
            "are in wing B.",
        ),
        access=(
            "Esteetön sisäänkäynti B-ovesta, hissi toiseen kerrokseen.",
            "Tillgänglig ingång genom dörr B, hiss till andra våningen.",
            "Step-free entrance through door B, lift to the first floor.",
        ),
        hours=weekly("mon-fri 8-15:30"),
    ),
]

_CLINIC_PHONE_HOURS = weekly("mon-fri 8-9", "mon,wed 12-13")

SERVICES = [
    service(
        "askola-palveluohjaus",
        "itauusimaa",
        "12",
        local(ASKOLA),
        fi=Lang(
            "Palveluohjaus, Askolan hyvinvointineuvola",
            "Palveluohjaaja auttaa löytämään perheelle sopivan avun, kun et tiedä mistä aloittaa.",
            """Voit soittaa tai tulla käymään, kun arjessa on huolia tai et tiedä, kenelle
            asiasi kuuluu. Palveluohjaaja kuuntelee, kertoo vaihtoehdot ja tarvittaessa
            varaa ajan oikealle työntekijälle tai ohjaa järjestöjen ja seurakunnan toimintaan.
            Sinun ei tarvitse kertoa asiaasi moneen kertaan.""",
            how="Soita palveluohjaajalle puhelinaikana tai tule hyvinvointineuvolaan arkipäivisin.",
            who="Askolalaiset lapsiperheet, odottavat perheet ja nuoret.",
            keywords="palveluohjaus, neuvonta, mistä apua, en tiedä kenelle soittaa, huoli",
        ),
        sv=Lang(
            "Servicehandledning, välfärdsrådgivningen i Askola",
            "Servicehandledaren hjälper familjen att hitta rätt hjälp.",
            """Ring eller kom förbi när du har bekymmer i vardagen eller inte vet vem som
            sköter ditt ärende. Handledaren berättar om alternativen och bokar vid behov tid
            hos rätt arbetstagare.""",
            how="Ring under telefontiden eller kom till välfärdsrådgivningen på vardagar.",
            keywords="servicehandledning, rådgivning, var får jag hjälp",
        ),
        en=Lang(
            "Service guidance, Askola wellbeing clinic",
            "A service counsellor helps your family find the right help.",
            """Call or drop in when you have worries or do not know who to turn to. The
            counsellor explains the options and, if needed, books a time with the right
            professional or points you to NGO and parish activities.""",
            how="Call during the phone hours or visit the clinic on weekdays.",
            keywords="service guidance, advice, where to get help, worry",
        ),
        languages="fi sv en",
        channels=[
            phone("+358 40 555 0101", _CLINIC_PHONE_HOURS, languages="fi sv en"),
            mail("palveluohjaus.askola"),
            page("askola/palveluohjaus"),
        ],
        at=[at(CLINIC, weekly("mon-fri 8-15"))],
    ),
    service(
        "askola-aitiysneuvola",
        "itauusimaa",
        "76",
        local(ASKOLA),
        fi=Lang(
            "Äitiysneuvola",
            "Terveydenhoitaja seuraa raskauden kulkua ja valmistaa perhettä vauvan tuloon.",
            """Äitiysneuvolassa seurataan odottavan äidin ja sikiön terveyttä koko raskauden
            ajan. Käynneillä puhutaan myös jaksamisesta, parisuhteesta ja tulevasta arjesta.
            Neuvola järjestää perhevalmennusta ensimmäistä lastaan odottaville. Synnytyksen
            jälkeen terveydenhoitaja tekee kotikäynnin.""",
            how="""Soita neuvolaan, kun raskaustesti on positiivinen; ensimmäinen käynti on
            yleensä raskausviikoilla 8–10.""",
            who="""Askolalaiset raskaana olevat ja heidän perheensä. Ikärajat 0–0 tarkoittavat,
            että palvelu on lasta odottavalle perheelle ennen syntymää ja heti sen jälkeen.""",
            keywords="raskaus, odotus, vauva, synnytys, perhevalmennus, äitiysneuvola",
        ),
        sv=Lang(
            "Mödrarådgivning",
            "Hälsovårdaren följer graviditeten och förbereder familjen inför barnet.",
            """På mödrarådgivningen följer man mammans och fostrets hälsa under hela
            graviditeten. Man pratar också om ork, parrelationen och vardagen med en bebis.""",
            how="Ring rådgivningen när graviditetstestet är positivt.",
            keywords="graviditet, gravid, bebis, förlossning, familjeförberedelse",
        ),
        en=Lang(
            "Maternity clinic",
            "A public health nurse follows your pregnancy and prepares the family for the baby.",
            """The maternity clinic follows the health of the mother and the baby throughout
            the pregnancy. Visits also cover coping, the relationship and life with a baby;
            first-time parents are offered antenatal classes.""",
            how="Call the clinic when your pregnancy test is positive.",
            keywords="pregnancy, pregnant, expecting, baby, antenatal classes",
        ),
        ages=(0, 0),
        languages="fi en",
        channels=[
            phone(
                "+358 40 555 0102",
                weekly("mon-fri 12-13"),
                note="Terveydenhoitajan puhelinaika",
            ),
            page("askola/neuvola"),
        ],
        at=[at(CLINIC, weekly("mon-thu 8-15:30"))],
        email="neuvola.askola",
    ),
    service(
        "askola-lastenneuvola",
        "itauusimaa",
        "761",
        local(ASKOLA),
        fi=Lang(
            "Lastenneuvola",
            "Lastenneuvola seuraa lapsen kasvua, kehitystä ja rokotuksia syntymästä kouluikään.",
            """Terveydenhoitaja tapaa lasta ja perhettä säännöllisesti, ja lääkäri on mukana
            osassa määräaikaistarkastuksista. Neuvolassa saat tietoa imetyksestä, unesta,
            ruokailusta ja kasvatuksesta, ja lapsi saa kansallisen rokotusohjelman rokotukset.
            Laajoissa terveystarkastuksissa puhutaan koko perheen hyvinvoinnista.""",
            how="Neuvola kutsuu lapsen tarkastuksiin. Voit myös soittaa puhelinaikana.",
            who="Askolassa asuvat alle kouluikäiset lapset ja heidän perheensä.",
            keywords="neuvola, vauva, rokotukset, kasvu, lapsi ei nuku, imetys, 4-vuotistarkastus",
        ),
        sv=Lang(
            "Barnrådgivning",
            "Barnrådgivningen följer barnets tillväxt, utveckling och vaccinationer.",
            """Hälsovårdaren träffar barnet och familjen regelbundet, och läkaren deltar i en
            del av kontrollerna. Barnet får vaccinationerna i det nationella programmet.""",
            how="Rådgivningen kallar barnet till kontrollerna. Du kan också ringa.",
            keywords="barnrådgivning, bebis, vaccinationer, sömn, amning",
        ),
        en=Lang(
            "Child health clinic",
            "The clinic follows your child's growth, development and vaccinations until school.",
            """A public health nurse meets the child and family regularly, and a doctor joins
            some of the check-ups. You get advice on breastfeeding, sleep, food and
            upbringing, and the child gets the vaccinations of the national programme.""",
            how="The clinic invites your child to check-ups. You can also call.",
            keywords="child health clinic, baby, vaccinations, growth, sleep, breastfeeding",
        ),
        ages=(0, 6),
        languages="fi en",
        channels=[
            phone(
                "+358 40 555 0102",
                weekly("mon-fri 12-13"),
                note="Terveydenhoitajan puhelinaika",
            ),
            page("askola/neuvola"),
        ],
        at=[at(CLINIC, weekly("mon-fri 8-15:30"))],
        email="neuvola.askola",
    ),
    service(
        "askola-kotipalvelu",
        "itauusimaa",
        "26",
        local(ASKOLA),
        fi=Lang(
            "Lapsiperheiden kotipalvelu",
            "Kodinhoitaja tulee kotiin auttamaan lastenhoidossa ja arjen töissä.",
            """Kotipalvelu auttaa, kun vanhempien voimat eivät riitä esimerkiksi vauva-arjen,
            sairauden, uupumuksen tai perheen kriisin vuoksi. Työntekijä hoitaa lapsia ja
            tekee kodin töitä yhdessä perheen kanssa ja vahvistaa perheen omia voimavaroja.
            Apu on lyhytaikaista ja siitä sovitaan yhdessä.""",
            how="Soita palveluohjaukseen tai pyydä neuvolaa ottamaan yhteyttä kotipalveluun.",
            who="Askolalaiset lapsiperheet, joiden arki on tilapäisesti vaikeaa.",
            keywords="kotipalvelu, kodinhoitaja, väsymys, uupumus, apua kotiin, kaksoset",
            fees="""Lyhytaikaisesta kotipalvelusta peritään asiakasmaksulain mukainen
            tuntimaksu, joka riippuu perheen koosta ja tuloista. Ensimmäinen arviointikäynti
            on maksuton.""",
        ),
        sv=Lang(
            "Hemservice för barnfamiljer",
            "En hemvårdare kommer hem och hjälper till med barnen och hushållet.",
            """Hemservicen hjälper när föräldrarnas krafter inte räcker till, till exempel på
            grund av sjukdom, utmattning eller en kris. Hjälpen är kortvarig.""",
            how="Ring servicehandledningen eller be rådgivningen kontakta hemservicen.",
            keywords="hemservice, hemvårdare, trött, hjälp hemma",
            fees="Avgift per timme enligt familjens storlek och inkomster; första besöket gratis.",
        ),
        en=Lang(
            "Home help for families with children",
            "A home help worker comes to your home to help with the children and chores.",
            """Home help supports families when the parents' strength is not enough, for
            example because of illness, exhaustion or a crisis. The help is short-term.""",
            how="Call service guidance or ask the child health clinic to contact home help.",
            keywords="home help, help at home, exhausted, twins",
            fees="An hourly fee based on family size and income; the first visit is free.",
        ),
        ages=(0, 17),
        free=False,
        channels=[phone("+358 40 555 0103", weekly("mon-fri 9-11")), page("askola/kotipalvelu")],
    ),
    service(
        "askola-perheohjaus",
        "itauusimaa",
        "26",
        local(ASKOLA),
        fi=Lang(
            "Perheohjaus",
            "Perheohjaaja tukee vanhempia kasvatuksessa ja arjen sujumisessa.",
            """Perheohjaaja tapaa perhettä kotona, neuvolassa tai muualla sovitusti. Yhdessä
            mietitään esimerkiksi uniongelmia, rajojen asettamista, riitoja tai arjen
            rytmiä. Perheohjaus on ennaltaehkäisevää tukea, eikä siihen tarvita
            lastensuojelun asiakkuutta.""",
            how="Ota yhteyttä perheohjaajaan suoraan tai neuvolan, koulun tai päiväkodin kautta.",
            who="Askolalaiset lapsiperheet.",
            keywords="perheohjaus, perhetyö, kasvatus, uhmaikä, riidat, rajat, arki",
        ),
        sv=Lang(
            "Familjehandledning",
            "Familjehandledaren stöder föräldrarna i fostran och vardagen.",
            """Handledaren träffar familjen hemma eller på rådgivningen. Man tar upp till
            exempel sömn, gränser, bråk eller vardagsrytmen.""",
            how="Kontakta familjehandledaren direkt eller via rådgivningen eller skolan.",
            keywords="familjearbete, fostran, trotsålder, gränser",
        ),
        en=Lang(
            "Family work",
            "A family worker supports parents in upbringing and everyday life.",
            """The family worker meets the family at home or at the clinic to talk about
            sleep, limits, quarrels or daily routines. No child welfare client status is
            needed.""",
            how="Contact the family worker directly or through the clinic, school or daycare.",
            keywords="family work, parenting, tantrums, limits, routines",
        ),
        ages=(0, 17),
        channels=[phone("+358 40 555 0104", weekly("mon-fri 8-9")), page("askola/perheohjaus")],
        at=[at(CLINIC)],
    ),
    service(
        "askola-sosiaalityo",
        "itauusimaa",
        "124",
        local(ASKOLA),
        fi=Lang(
            "Lapsiperheiden sosiaalityö",
            """Sosiaalityöntekijä auttaa, kun perheen tilanne on vaikea tai lapsen turvallisuus
            huolettaa.""",
            """Sosiaalityöntekijä arvioi yhdessä perheen kanssa, millaista tukea tarvitaan,
            ja tekee päätökset esimerkiksi perhetyöstä, tukihenkilöstä tai toimeentulon
            täydentämisestä. Jos kotona on väkivaltaa tai sen uhkaa, ota yhteyttä heti.
            Kiireellisessä vaarassa soita 112.""",
            how="""Soita sosiaalityön puhelinaikana. Huolen lapsesta voi ilmaista myös
            lastensuojeluilmoituksella.""",
            who="Askolalaiset lapsiperheet.",
            keywords="sosiaalityö, sosiaalityöntekijä, lastensuojelu, huoli lapsesta, väkivalta",
        ),
        sv=Lang(
            "Socialt arbete för barnfamiljer",
            "Socialarbetaren hjälper när familjens situation är svår.",
            """Socialarbetaren bedömer tillsammans med familjen vilket stöd som behövs. Vid
            akut fara, ring 112.""",
            how="Ring under telefontiden för socialt arbete.",
            keywords="socialarbetare, barnskydd, oro för barn, våld",
        ),
        en=Lang(
            "Social work for families with children",
            "A social worker helps when the family's situation is difficult.",
            """The social worker assesses with the family what support is needed and makes
            the decisions on it. In urgent danger, call 112.""",
            how="Call during the social work phone hours.",
            keywords="social worker, child welfare, worried about a child, violence",
        ),
        ages=(0, 17),
        channels=[
            phone("+358 40 555 0105", weekly("mon-fri 9-11")),
            eservice(
                "askola/lastensuojeluilmoitus",
                ("Lastensuojeluilmoitus", "Barnskyddsanmälan", "Child welfare notification"),
            ),
        ],
        at=[at(CLINIC)],
    ),
    service(
        "askola-vatu",
        "itauusimaa",
        "12",
        local(ASKOLA),
        producers=["askola"],
        fi=Lang(
            "VATU – varhaisen tuen tiimi",
            "Kuka tahansa voi tuoda huolensa VATU-tiimille, ja apu järjestyy nopeasti.",
            """VATU on matalan kynnyksen varhaisen tuen tiimi. Siihen kuuluvat perheohjaajat,
            sosiaalityön edustaja, neuvolan terveydenhoitaja, lääkäri, psykologi ja
            psykiatrinen sairaanhoitaja. Tiimi kokoontuu joka viikko ja sopii, kuka ottaa
            perheeseen yhteyttä ja millä tavalla. Huolen voi tuoda vanhempi, nuori itse,
            naapuri tai ammattilainen.""",
            how="""Soita tai jätä yhteydenottopyyntö verkossa. Tiimi käsittelee asian seuraavassa
            viikkokokouksessa ja joku ottaa sinuun yhteyttä.""",
            who="Askolalaiset lapset, nuoret ja heidän läheisensä.",
            keywords="huoli, varhainen tuki, VATU, en tiedä mistä apua, nopea apu, pyydä apua",
        ),
        sv=Lang(
            "VATU – team för tidigt stöd",
            "Vem som helst kan ta sin oro till VATU-teamet, och hjälpen ordnas snabbt.",
            """Teamet har familjearbetare, socialarbetare, hälsovårdare, läkare, psykolog och
            psykiatrisk sjukskötare. Det möts varje vecka och bestämmer vem som kontaktar
            familjen.""",
            how="Ring eller lämna en kontaktbegäran på webben.",
            keywords="oro, tidigt stöd, snabb hjälp",
        ),
        en=Lang(
            "VATU early-support team",
            "Anyone can bring a concern to the VATU team, and help is arranged quickly.",
            """The low-threshold team of family workers, a social worker, a public health
            nurse, a doctor, a psychologist and a psychiatric nurse meets every week and
            agrees who contacts the family and how.""",
            how="Call, or leave a contact request online; someone contacts you after the "
            "next weekly meeting.",
            keywords="concern, early support, quick help, worried",
        ),
        ages=(0, 17),
        languages="fi sv en",
        channels=[
            phone("+358 40 555 0106", weekly("mon-fri 9-12"), languages="fi en"),
            eservice(
                "askola/vatu/yhteydenotto",
                ("Jätä huoli VATU-tiimille", "Lämna din oro till VATU", "Contact the VATU team"),
                note=(
                    "Voit jättää yhteydenottopyynnön myös nimettömänä.",
                    "Du kan också skriva anonymt.",
                    "You can also write anonymously.",
                ),
                languages="fi sv en",
            ),
        ],
        at=[at(CLINIC, note=("Tiimi kokoontuu tiistaisin.", "Teamet möts på tisdagar.", ""))],
    ),
]
