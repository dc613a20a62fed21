"""Janakkala's family center at Turenki health station (seed 000): the Kanta-Häme wellbeing
services county's clinic, family work and service guidance there, and its county-wide family
counselling, child custody officers, work against violence and integration-supporting family
work."""

from __future__ import annotations

from perhekeskus.demo.catalog.helpers import (
    JANAKKALA,
    Lang,
    at,
    county,
    local,
    phone,
    place,
    remote,
    service,
)
from perhekeskus.demo.catalog.helpers import email as mail
from perhekeskus.demo.catalog.helpers import web as page
from perhekeskus.demo.catalog.hours import OFFICE_HOLIDAYS, weekly

FAMILY_CENTER = "janakkala-perhekeskus-turenki"
COUNTY = county(JANAKKALA)

LOCATIONS = [
    place(
        FAMILY_CENTER,
        "kantahame",
        (
            "Janakkalan perhekeskus, Turengin terveysasema",
            "Janakkala familjecenter, Tyrinkis hälsostation",
            "Janakkala family center, Turenki health station",
        ),
        address="Harvialantie 2",
        postal_code="14200",
        town="Turenki",
        municipality=JANAKKALA,
        lat="60.918000",
        lon="24.637500",
        about=(
            """Perhekeskuksen keskuspaikka: neuvola, perhetyö, perheneuvola ja palveluohjaus
            terveysaseman toisessa kerroksessa.""",
            """Familjecentrets huvudplats: rådgivning, familjearbete, familjerådgivning och
            servicehandledning på hälsostationens andra våning.""",
            """The family center's main site: clinic, family work, family counselling and
            service guidance on the health station's first floor.""",
        ),
        transport=(
            "Turengin rautatieasemalta 800 m. Pysäköinti terveysaseman pihassa.",
            "800 m från Tyrinkis järnvägsstation. Parkering på gården.",
            "800 m from Turenki railway station. Parking in the yard.",
        ),
        access=(
            "Esteetön sisäänkäynti, hissi, inva-wc ja vaunuparkki. Odotustilassa leikkinurkka.",
            "Tillgänglig ingång, hiss, handikapptoalett och barnvagnsparkering.",
            "Step-free entrance, lift, accessible toilet and pram parking; a play corner.",
        ),
        hours=weekly("mon-fri 8-16") + OFFICE_HOLIDAYS,
    ),
]

SERVICES = [
    service(
        "janakkala-palveluohjaus",
        "kantahame",
        "12",
        local(JANAKKALA),
        fi=Lang(
            "Perhekeskuksen palveluohjaus",
            "Janakkalan perhekeskuksen palveluohjaaja neuvoo kaikissa lapsiperheen asioissa.",
            """Perhekeskuksessa ammattilaiset tekevät työtä yhdessä, jotta perheen ei tarvitse
            kulkea luukulta toiselle. Palveluohjaaja selvittää kanssasi, mitä tarvitsette, ja
            kokoaa tarvittaessa työntekijät yhteiseen tapaamiseen. Ammattilaiset tulevat
            myös päiväkotiin, kouluun tai kotiin.""",
            how="Soita, lähetä sähköpostia tai tule Turengin terveysasemalle.",
            who="Janakkalan lapsiperheet, odottavat perheet ja nuoret.",
            keywords="palveluohjaus, perhekeskus, Turenki, neuvonta, mistä apua",
        ),
        sv=Lang(
            "Familjecentrets servicehandledning",
            "Servicehandledaren i Janakkala familjecenter ger råd i alla barnfamiljers ärenden.",
            """Handledaren tar reda på vad ni behöver och samlar vid behov arbetstagarna till
            ett gemensamt möte.""",
            how="Ring, skicka e-post eller kom till Tyrinkis hälsostation.",
            keywords="servicehandledning, familjecenter, rådgivning",
        ),
        en=Lang(
            "Family center service guidance",
            "The service counsellor at Janakkala family center advises on any family matter.",
            """Professionals work together so that the family does not need to go from desk
            to desk. The counsellor works out what you need and, if needed, brings the
            workers together for one meeting.""",
            how="Call, e-mail or visit Turenki health station.",
            keywords="service guidance, family center, advice, where to get help",
        ),
        languages="fi sv en",
        channels=[
            phone("+358 3 555 0150", weekly("mon-fri 9-15"), languages="fi en"),
            mail("perhekeskus.janakkala"),
            page("janakkala/perhekeskus"),
        ],
        at=[at(FAMILY_CENTER, weekly("mon-fri 9-15"))],
    ),
    service(
        "janakkala-neuvola",
        "kantahame",
        "76",
        local(JANAKKALA),
        fi=Lang(
            "Äitiys- ja lastenneuvola",
            "Neuvola tukee perhettä raskaudesta lapsen kouluikään.",
            """Terveydenhoitaja seuraa raskautta ja lapsen kasvua ja kehitystä, ja lääkäri on
            mukana laajoissa terveystarkastuksissa. Neuvolassa saa rokotukset ja tukea
            imetykseen, uneen, ruokailuun ja vanhemmuuteen. Perhevalmennus järjestetään
            ryhmänä Turengissa.""",
            how="Soita neuvolaan raskauden alussa. Lasten tarkastuksiin tulee kutsu.",
            who="""Janakkalalaiset odottavat perheet ja alle kouluikäiset. Alaikäraja 0
            tarkoittaa, että palvelu alkaa jo raskausaikana.""",
            keywords="neuvola, raskaus, vauva, rokotukset, perhevalmennus, lapsi ei syö",
        ),
        sv=Lang(
            "Mödra- och barnrådgivning",
            "Rådgivningen stöder familjen från graviditeten tills barnet börjar skolan.",
            """Hälsovårdaren följer graviditeten och barnets tillväxt och utveckling. Barnet
            får vaccinationerna.""",
            how="Ring rådgivningen i början av graviditeten.",
            keywords="rådgivning, graviditet, bebis, vaccinationer",
        ),
        en=Lang(
            "Maternity and child health clinic",
            "The clinic supports the family from pregnancy until the child starts school.",
            """The public health nurse follows the pregnancy and the child's growth and
            development, gives vaccinations and supports you as parents.""",
            how="Call the clinic early in the pregnancy; children are invited to check-ups.",
            keywords="maternity clinic, child health clinic, pregnancy, baby, vaccinations",
        ),
        ages=(0, 6),
        languages="fi en",
        channels=[phone("+358 3 555 0151", weekly("mon-fri 12-13"), languages="fi en")],
        at=[at(FAMILY_CENTER, weekly("mon-fri 8-15:30"))],
    ),
    service(
        "janakkala-perhetyo",
        "kantahame",
        "26",
        local(JANAKKALA),
        fi=Lang(
            "Perhetyö ja lapsiperheiden kotipalvelu",
            "Perhetyöntekijä tai kodinhoitaja tulee avuksi kotiin, kun arki kuormittaa.",
            """Lapsiperheiden kotipalvelu auttaa lastenhoidossa ja kodin töissä esimerkiksi
            synnytyksen jälkeen tai sairauden aikana. Perhetyössä keskitytään vanhemmuuteen,
            vuorovaikutukseen ja arjen rytmiin. Tuesta sovitaan yhdessä perheen kanssa.""",
            how="Ota yhteyttä palveluohjaukseen tai neuvolaan.",
            who="Janakkalan lapsiperheet.",
            keywords="perhetyö, kotipalvelu, kodinhoitaja, väsymys, vauva-arki",
            fees="""Perhetyö on maksutonta. Kotipalvelusta peritään tulojen mukainen
            tuntimaksu; ensimmäinen käynti on maksuton.""",
        ),
        en=Lang(
            "Family work and home help",
            "A family worker or home help comes to your home when everyday life is too much.",
            """Home help assists with childcare and chores, for example after childbirth or
            during illness. Family work focuses on parenting and daily routines.""",
            how="Contact service guidance or the clinic.",
            keywords="family work, home help, exhausted, newborn",
            fees="Family work is free; home help has an income-based hourly fee.",
        ),
        ages=(0, 17),
        free=False,
        languages="fi",
        channels=[phone("+358 3 555 0152", weekly("mon-fri 8-9"))],
    ),
    service(
        "kantahame-perheneuvola",
        "kantahame",
        "263",
        COUNTY,
        fi=Lang(
            "Perheneuvola",
            """Perheneuvola auttaa lapsen kasvuun, kehitykseen ja perheen vuorovaikutukseen
            liittyvissä huolissa.""",
            """Perheneuvolan psykologit, sosiaalityöntekijät ja perheterapeutit tapaavat
            lapsia ja perheitä Turengin perhekeskuksessa ja verkon kautta. Apua saa myös
            eroon ja uusperheen arkeen. Lähetettä ei tarvita.""",
            how="Soita ajanvaraukseen.",
            who="Kanta-Hämeen alle 18-vuotiaat ja heidän perheensä.",
            keywords="perheneuvola, kasvatus, käytöshäiriö, ero, uusperhe, perheterapia",
        ),
        sv=Lang(
            "Familjerådgivning",
            """Familjerådgivningen hjälper vid oro för barnets växande, utveckling och familjens
            samspel.""",
            """Psykologer, socialarbetare och familjeterapeuter träffar familjer på plats och
            på distans. Ingen remiss behövs.""",
            how="Ring tidsbokningen.",
            keywords="familjerådgivning, fostran, familjeterapi",
        ),
        en=Lang(
            "Family counselling clinic",
            "Help with worries about the child's growth, development and family relationships.",
            """Psychologists, social workers and family therapists meet families in Turenki
            and online, also about separation and stepfamilies. No referral is needed.""",
            how="Call the booking line.",
            keywords="family counselling, family therapy, behaviour, separation",
        ),
        ages=(0, 17),
        languages="fi sv en",
        channels=[
            phone("+358 3 555 0153", weekly("mon-fri 9-11"), languages="fi sv en"),
            remote(
                "kantahame/perheneuvola/etaaika",
                ("Videotapaaminen", "Videomöte", "Video meeting"),
                languages="fi sv en",
            ),
        ],
        at=[at(FAMILY_CENTER, weekly("tue,thu 8-16"))],
    ),
    service(
        "kantahame-lastenvalvoja",
        "kantahame",
        "3",
        COUNTY,
        fi=Lang(
            "Lastenvalvoja",
            """Lastenvalvoja vahvistaa vanhempien sopimukset lapsen huollosta, asumisesta,
            tapaamisista ja elatuksesta.""",
            """Eron jälkeen lapsen asioista kannattaa sopia kirjallisesti. Lastenvalvoja
            auttaa vanhempia laatimaan sopimuksen ja vahvistaa sen, jolloin se on
            täytäntöönpanokelpoinen. Tapaamisen voi pitää myös videoyhteydellä.""",
            how="Varaa aika puhelimitse tai etäaikana verkossa.",
            who="Kanta-Hämeessä asuvien lasten vanhemmat.",
            keywords="lastenvalvoja, ero, huolto, elatusapu, tapaamisoikeus, sopimus",
        ),
        sv=Lang(
            "Barnatillsyningsman",
            """Barnatillsyningsmannen fastställer föräldrarnas avtal om vårdnad, boende, umgänge
            och underhåll.""",
            """Efter en separation lönar det sig att avtala skriftligt om barnens ärenden.
            Barnatillsyningsmannen hjälper föräldrarna att göra avtalet och fastställer det.
            Mötet kan också hållas på video.""",
            how="Boka tid per telefon eller som distanstid på webben.",
            keywords="barnatillsyningsman, skilsmässa, underhåll",
        ),
        en=Lang(
            "Child custody officer",
            """The officer confirms parents' agreements on custody, residence, contact and
            maintenance.""",
            """After a separation it is wise to agree on the children's matters in writing.
            The officer helps parents draw up the agreement and confirms it; meetings can
            also be held by video.""",
            how="Book by phone or as a remote appointment online.",
            keywords="custody, divorce, maintenance, visitation agreement",
        ),
        ages=(0, 17),
        languages="fi sv en",
        channels=[
            phone("+358 3 555 0154", weekly("mon-thu 9-11"), languages="fi sv"),
            remote(
                "kantahame/lastenvalvoja/etaaika",
                ("Varaa etäaika", "Boka distanstid", "Book a video appointment"),
                languages="fi sv en",
            ),
        ],
        at=[at(FAMILY_CENTER, weekly("wed 8:30-15"))],
    ),
    service(
        "kantahame-vakivaltatyo",
        "kantahame",
        "4",
        COUNTY,
        fi=Lang(
            "Lähisuhdeväkivallan ehkäisy ja väkivaltatyö",
            "Keskusteluapua väkivaltaa kokeneille, sitä käyttäneille ja lapsille.",
            """Työntekijät auttavat arvioimaan turvallisuutta, tekemään turvasuunnitelman ja
            lopettamaan väkivallan. Lapset saavat oman tukensa. Välittömässä vaarassa soita
            112; turvakotiin pääsee ympäri vuorokauden.""",
            how="Soita arkisin; nimettömänä soittaminen on mahdollista.",
            who="Kanta-Hämeessä asuvat.",
            keywords="väkivalta, perheväkivalta, lähisuhdeväkivalta, turvasuunnitelma",
        ),
        sv=Lang(
            "Förebyggande av våld i nära relationer",
            "Samtalsstöd för dem som utsatts för våld, dem som använt våld och barnen.",
            "Vid akut fara, ring 112. Skyddshemmet tar emot dygnet runt.",
            how="Ring på vardagar, gärna anonymt.",
            keywords="våld, familjevåld, säkerhetsplan",
        ),
        en=Lang(
            "Preventing domestic violence",
            "Counselling for those who experienced violence, those who used it, and children.",
            "Workers help assess safety and stop the violence. In immediate danger, call 112.",
            how="Call on weekdays; you may stay anonymous.",
            keywords="domestic violence, abuse, safety plan",
        ),
        languages="fi sv en",
        channels=[phone("+358 40 555 0155", weekly("mon-fri 8-16"), languages="fi sv en")],
    ),
    service(
        "kantahame-kotoutumista-tukeva-perhetyo",
        "kantahame",
        "56",
        COUNTY,
        fi=Lang(
            "Kotoutumista tukeva perhetyö",
            "Tukea Suomeen muuttaneiden perheiden vanhemmuuteen ja arkeen.",
            """Perhetyöntekijä auttaa ymmärtämään suomalaista päiväkoti- ja koulumaailmaa,
            neuvolaa ja lasten oikeuksia, ja tukee vanhempia kasvatuksessa. Tapaamisissa
            käytetään maksutonta tulkkia. Toiminnassa otetaan huomioon perheen kulttuuri ja
            uskonto.""",
            how="Soita tai pyydä neuvolaa tai koulua ottamaan yhteyttä puolestasi.",
            who="Kanta-Hämeeseen muuttaneet lapsiperheet.",
            keywords="maahanmuutto, kotoutuminen, tulkki, monikulttuurinen perhe, uusi maa",
        ),
        en=Lang(
            "Family work supporting integration",
            "Support for parenting and everyday life for families who moved to Finland.",
            """The family worker explains daycare, school and the clinic in Finland and
            supports upbringing, with a free interpreter and respect for your culture.""",
            how="Call, or ask the clinic or school to contact us for you.",
            keywords="immigrant family, integration, interpreter, new country",
        ),
        languages="fi en ar so fa uk",
        channels=[phone("+358 40 555 0156", weekly("mon-thu 9-15"), languages="fi en")],
    ),
]
