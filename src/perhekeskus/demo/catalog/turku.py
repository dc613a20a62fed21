"""Turku (Åbo), bilingual: service guidance at the Skanssi shopping centre (seed 001), the child
health clinics in Finnish and Swedish, the Varissuo family center's open meeting place and the
city's Ohjaamo guidance centre for young people."""

from __future__ import annotations

from perhekeskus.demo.catalog.helpers import (
    TURKU,
    Lang,
    at,
    chat,
    local,
    phone,
    place,
    service,
)
from perhekeskus.demo.catalog.helpers import email as mail
from perhekeskus.demo.catalog.hours import (
    MEETING_PLACE_BREAKS,
    OFFICE_HOLIDAYS,
    closed,
    special,
    weekly,
)

SKANSSI = "turku-skanssi-perhepiste"
VARISSUO = "turku-varissuo-perhekeskus"
CITY_CLINIC = "turku-keskustan-neuvola"
OHJAAMO = "turku-ohjaamo"
AREA = local(TURKU)
_TOWN = ("Turku", "Åbo", "Turku")

LOCATIONS = [
    place(
        SKANSSI,
        "varha",
        ("Perhepiste Skanssi", "Familjepunkten Skansen", "Family point Skanssi"),
        address=("Skanssinkatu 10", "Skansgatan 10", "Skanssinkatu 10"),
        postal_code="20730",
        town=_TOWN,
        municipality=TURKU,
        lat="60.427300",
        lon="22.307400",
        about=(
            """Palveluneuvontaa ja avoin kohtaamispaikka kauppakeskus Skanssin
            ensimmäisessä kerroksessa, ruokakaupan vieressä.""",
            """Servicerådgivning och öppen mötesplats i köpcentret Skansens första våning,
            bredvid matbutiken.""",
            """Service guidance and an open meeting place on the ground floor of the Skanssi
            shopping centre, next to the grocery store.""",
        ),
        transport=(
            "Bussit 32 ja 42 kauppakeskuksen pysäkille; maksuton pysäköinti 3 h.",
            "Bussarna 32 och 42 till köpcentrets hållplats; gratis parkering 3 h.",
            "Buses 32 and 42 to the shopping centre stop; free parking for 3 hours.",
        ),
        access=(
            """Esteetön kulku kauppakeskuksen pääovelta, inva-wc ja lastenhoitohuone
            käytävällä. Tilassa on imetysnurkkaus.""",
            "Tillgängligt från huvudingången, handikapptoalett och skötrum i korridoren.",
            """Step-free from the main entrance, accessible toilet and baby care room in
            the corridor, a nursing corner inside.""",
        ),
        hours=[
            *weekly("mon-fri 10-18", "sat 10-15"),
            closed("2026-12-24", "2026-12-26", ("Joulu", "Julen", "Christmas")),
            special("2026-12-31", "10-14", ("Uudenvuodenaatto", "Nyårsafton", "New Year's Eve")),
            closed("2027-01-01", why=("Uudenvuodenpäivä", "Nyårsdagen", "New Year's Day")),
            closed("2027-06-25", "2027-06-26", ("Juhannus", "Midsommar", "Midsummer")),
        ],
        meeting_place=True,
    ),
    place(
        VARISSUO,
        "varha",
        ("Varissuon perhekeskus", "Familjecentret i Varissuo", "Varissuo family center"),
        address=("Nisse Kavon katu 3", "Nisse Kavos gata 3", "Nisse Kavon katu 3"),
        postal_code="20610",
        town=_TOWN,
        municipality=TURKU,
        lat="60.446000",
        lon="22.360000",
        about=(
            """Neuvola, perhetyö ja avoin kohtaamispaikka samassa talossa. Kohtaamispaikassa
            on monikielinen henkilökunta.""",
            "Rådgivning, familjearbete och öppen mötesplats i samma hus.",
            "Clinic, family work and an open meeting place in one building.",
        ),
        access=(
            "Esteetön sisäänkäynti, hissi, inva-wc ja vaunuhuone.",
            "Tillgänglig ingång, hiss, handikapptoalett och barnvagnsrum.",
            "Step-free entrance, lift, accessible toilet and pram room.",
        ),
        hours=weekly("mon-thu 9-15", "tue 17-19") + MEETING_PLACE_BREAKS,
        meeting_place=True,
    ),
    place(
        CITY_CLINIC,
        "varha",
        ("Keskustan neuvola", "Rådgivningen i centrum", "City centre clinic"),
        address=("Humalistonkatu 9", "Humlegårdsgatan 9", "Humalistonkatu 9"),
        postal_code="20100",
        town=_TOWN,
        municipality=TURKU,
        lat="60.453000",
        lon="22.259000",
        access=(
            "Esteetön sisäänkäynti sisäpihalta, hissi 2. kerrokseen.",
            "Tillgänglig ingång från gården, hiss till andra våningen.",
            "Step-free entrance from the courtyard, lift to the first floor.",
        ),
        hours=weekly("mon-fri 8-16") + OFFICE_HOLIDAYS,
    ),
    place(
        OHJAAMO,
        "turku",
        ("Ohjaamo Turku", "Navigatorn Åbo", "Ohjaamo Turku"),
        address=("Aurakatu 8", "Auragatan 8", "Aurakatu 8"),
        postal_code="20100",
        town=_TOWN,
        municipality=TURKU,
        lat="60.451200",
        lon="22.268000",
        access=(
            "Esteetön sisäänkäynti Aurakadulta, hissi.",
            "Tillgänglig ingång från Auragatan, hiss.",
            "Step-free entrance from Aurakatu, lift.",
        ),
        hours=weekly("mon-thu 10-16", "fri 10-14") + OFFICE_HOLIDAYS,
    ),
]

SERVICES = [
    service(
        "turku-skanssi-palveluohjaus",
        "varha",
        "18",
        AREA,
        producers=["turku"],
        fi=Lang(
            "Palveluohjaus kauppakeskus Skanssissa",
            "Kysy neuvoa perheen asioissa ostosten lomassa, ilman ajanvarausta.",
            """Perhepisteessä palveluohjaaja neuvoo kaikissa lapsiperheen asioissa:
            neuvolasta ja päivähoidosta perhetyöhön, etuuksiin ja harrastuksiin. Hän auttaa
            varaamaan ajan ja täyttämään hakemuksia. Samassa tilassa on avoin kohtaamispaikka,
            jossa lapset voivat leikkiä sillä aikaa.""",
            how="Tule paikalle aukioloaikana tai soita.",
            who="Kaikki turkulaiset ja lähikuntien perheet.",
            keywords="palveluohjaus, neuvonta, Skanssi, kauppakeskus, ilman ajanvarausta",
        ),
        sv=Lang(
            "Servicehandledning i köpcentret Skansen",
            "Fråga om råd i familjens ärenden medan du handlar, utan tidsbokning.",
            """Servicehandledaren ger råd om rådgivning, dagvård, familjearbete, förmåner
            och fritid och hjälper med tidsbokning och ansökningar. Barnen kan leka på
            mötesplatsen under tiden.""",
            how="Kom under öppettiderna eller ring.",
            keywords="servicehandledning, rådgivning, köpcenter, utan tidsbokning",
        ),
        en=Lang(
            "Service guidance at Skanssi shopping centre",
            "Ask for advice on family matters while you shop, no appointment needed.",
            """The service counsellor advises on clinics, daycare, family work, benefits and
            hobbies, and helps with bookings and applications. Children can play in the
            meeting place meanwhile.""",
            how="Drop in during opening hours or call.",
            keywords="service guidance, advice, shopping centre, no appointment",
        ),
        languages="fi sv en",
        channels=[
            phone("+358 2 555 0186", weekly("mon-fri 10-16"), languages="fi sv en"),
            chat(
                "varha/perhepiste/chat",
                ("Perhepisteen chat", "Familjepunktens chatt", "Family point chat"),
                weekly("mon-thu 12-15"),
                languages="fi sv en",
            ),
        ],
        at=[at(SKANSSI, weekly("mon-fri 10-18", "sat 10-15"))],
    ),
    service(
        "turku-neuvola",
        "varha",
        "76",
        AREA,
        fi=Lang(
            "Äitiys- ja lastenneuvolat",
            "Turun neuvolat seuraavat raskautta ja lapsen kasvua ja kehitystä kouluikään.",
            """Terveydenhoitaja ja lääkäri tapaavat odottavaa perhettä ja lasta
            määräaikaistarkastuksissa. Neuvolassa saa rokotukset sekä tukea imetykseen, uneen
            ja vanhemmuuteen. Tulkki järjestetään tarvittaessa maksutta.""",
            how="Soita oman alueesi neuvolaan tai asioi sähköisesti.",
            who="""Turkulaiset odottavat perheet ja alle kouluikäiset. Ikäraja 0 tarkoittaa,
            että palvelu alkaa jo raskausaikana.""",
            keywords="neuvola, raskaus, vauva, rokotukset, tulkki",
        ),
        sv=Lang(
            "Mödra- och barnrådgivningar",
            "Rådgivningarna i Åbo följer graviditeten och barnets utveckling fram till skolan.",
            "Vaccinationer, stöd med amning, sömn och föräldraskap. Tolk ordnas gratis.",
            how="Ring din rådgivning eller använd e-tjänsten.",
            keywords="rådgivning, graviditet, bebis, tolk",
        ),
        en=Lang(
            "Maternity and child health clinics",
            "Turku's clinics follow the pregnancy and the child's development until school.",
            "Vaccinations and support with feeding, sleep and parenting; a free interpreter.",
            how="Call your area's clinic or use the e-service.",
            keywords="maternity clinic, child health clinic, baby, interpreter",
        ),
        ages=(0, 6),
        languages="fi sv en",
        channels=[phone("+358 2 555 0187", weekly("mon-fri 12-13"), languages="fi en")],
        at=[at(VARISSUO, weekly("mon-fri 8-15:30")), at(CITY_CLINIC, weekly("mon-fri 8-15:30"))],
    ),
    service(
        "turku-svensk-radgivning",
        "varha",
        "75",
        AREA,
        fi=Lang(
            "Ruotsinkielinen neuvola",
            "Ruotsinkielinen äitiys- ja lastenneuvola Turun keskustassa.",
            """Ruotsinkielisille perheille on oma neuvola, jossa kaikki palvelu annetaan
            ruotsiksi. Perhevalmennus ja vauvaryhmät järjestetään myös ruotsiksi.""",
            how="Soita ruotsinkieliseen neuvolaan.",
            who="Turkulaiset perheet, jotka haluavat palvelun ruotsiksi.",
            keywords="ruotsinkielinen neuvola, ruotsi, vauva",
        ),
        sv=Lang(
            "Svenskspråkig rådgivning",
            "Svenskspråkig mödra- och barnrådgivning i Åbo centrum.",
            """Familjer som vill ha service på svenska har en egen rådgivning. Även
            familjeförberedelse och babygrupper ordnas på svenska.""",
            how="Ring den svenskspråkiga rådgivningen.",
            who="Familjer i Åbo som vill ha service på svenska.",
            keywords="rådgivning, svenska, graviditet, bebis, babygrupp",
        ),
        en=Lang(
            "Swedish-language clinic",
            "A Swedish-language maternity and child health clinic in central Turku.",
            "All services, antenatal classes and baby groups in Swedish.",
            how="Call the Swedish-language clinic.",
            keywords="Swedish, maternity clinic, child health clinic",
        ),
        ages=(0, 6),
        languages="sv",
        channels=[phone("+358 2 555 0188", weekly("mon-fri 12-13"), languages="sv")],
        at=[at(CITY_CLINIC, weekly("tue,thu 8-15:30"))],
    ),
    service(
        "turku-varissuo-kohtaamispaikka",
        "varha",
        "85",
        AREA,
        producers=["turku", "turun-setlementti"],
        fi=Lang(
            "Varissuon perhekeskuksen avoin kohtaamispaikka",
            "Monikielinen kohtaamispaikka, jossa perheet tapaavat toisiaan ja työntekijöitä.",
            """Kohtaamispaikassa voi leikkiä, syödä eväitä, kysyä neuvoa ja tutustua muihin
            perheisiin. Työntekijät puhuvat suomea, arabiaa, somalia ja venäjää. Tiistai-
            iltaisin on perheilta, jossa lapsille on ohjattua toimintaa.""",
            how="Tule paikalle aukioloaikana.",
            who="Kaikki perheet.",
            keywords="kohtaamispaikka, monikielinen, perhekahvila, Varissuo, vertaistuki",
        ),
        sv=Lang(
            "Öppen mötesplats i Varissuo familjecenter",
            "En flerspråkig mötesplats där familjer träffar varandra och personalen.",
            "Personalen talar finska, arabiska, somaliska och ryska. Familjekväll på tisdagar.",
            how="Kom under öppettiderna.",
            keywords="mötesplats, flerspråkig, familjecafé",
        ),
        en=Lang(
            "Varissuo family center open meeting place",
            "A multilingual meeting place where families meet each other and staff.",
            """Play, have a snack, ask for advice and meet other families. Staff speak
            Finnish, Arabic, Somali and Russian; family evening on Tuesdays.""",
            how="Drop in during opening hours.",
            keywords="meeting place, multilingual, family café, peer support",
        ),
        languages="fi en ar so ru",
        channels=[mail("varissuo.perhekeskus")],
        at=[at(VARISSUO)],
    ),
    service(
        "turku-ohjaamo",
        "turku",
        "21",
        AREA,
        producers=["varha", "kela"],
        fi=Lang(
            "Ohjaamo – nuorten neuvonta",
            """Alle 30-vuotiaiden matalan kynnyksen paikka, josta saa apua opiskeluun, työhön ja
            arkeen.""",
            """Ohjaamossa samassa paikassa ovat nuorisotyö, ohjaus, sosiaalityö,
            psykiatrinen sairaanhoitaja ja Kelan neuvoja. Voit tulla ilman ajanvarausta
            kysymään esimerkiksi asunnosta, rahasta, jaksamisesta tai opiskelupaikasta.""",
            how="Tule paikalle, soita tai käytä chattia.",
            who="15–29-vuotiaat nuoret.",
            keywords="Ohjaamo, nuori, opiskelupaikka, työ, asunto, raha, jaksaminen",
        ),
        sv=Lang(
            "Navigatorn – rådgivning för unga",
            "En lågtröskelplats för unga under 30 med stöd i studier, arbete och vardag.",
            """På samma ställe finns ungdomsarbete, vägledning, socialt arbete, psykiatrisk
            sjukskötare och FPA:s rådgivare. Kom utan tidsbokning.""",
            how="Kom på plats, ring eller chatta.",
            keywords="navigatorn, unga, studier, arbete, bostad",
        ),
        en=Lang(
            "Ohjaamo – guidance for young people",
            "A low-threshold place for under-30s: help with studies, work and everyday life.",
            """Youth work, guidance, social work, a psychiatric nurse and a Kela adviser in
            one place. Drop in to ask about housing, money, coping or studies.""",
            how="Drop in, call or chat.",
            keywords="Ohjaamo, young people, studies, job, housing, money",
        ),
        ages=(15, 29),
        languages="fi sv en",
        channels=[
            phone("+358 40 555 0189", weekly("mon-thu 10-16"), languages="fi sv en"),
            chat(
                "turku/ohjaamo/chat",
                ("Ohjaamon chat", "Navigatorns chatt", "Ohjaamo chat"),
                weekly("mon-thu 13-16"),
                languages="fi en",
            ),
        ],
        at=[at(OHJAAMO)],
    ),
]
