"""Eastern Uusimaa's county-wide family services for Askola and Porvoo: the child custody
officer, family mediation, the family counselling clinic, work against domestic violence and
multilingual family work. Most are given at the Porvoo family center."""

from __future__ import annotations

from perhekeskus.demo.catalog.helpers import (
    ASKOLA,
    PORVOO,
    Lang,
    at,
    county,
    eservice,
    phone,
    place,
    remote,
    service,
)
from perhekeskus.demo.catalog.helpers import email as mail
from perhekeskus.demo.catalog.hours import OFFICE_HOLIDAYS, weekly

FAMILY_CENTER = "porvoo-perhekeskus"
AREA = county(ASKOLA, PORVOO)

LOCATIONS = [
    place(
        FAMILY_CENTER,
        "itauusimaa",
        ("Porvoon perhekeskus", "Borgå familjecenter", "Porvoo family center"),
        address=("Piispankatu 20", "Biskopsgatan 20", "Piispankatu 20"),
        postal_code="06100",
        town=("Porvoo", "Borgå", "Porvoo"),
        municipality=PORVOO,
        lat="60.393500",
        lon="25.662000",
        about=(
            """Neuvola, perhetyö, perheneuvola, lastenvalvojat ja sovittelu samassa talossa
            lähellä keskustaa.""",
            """Rådgivning, familjearbete, familjerådgivning, barnatillsyningsmän och medling i
            samma hus nära centrum.""",
            """Child health clinic, family work, family counselling, child custody officers
            and mediation in one building near the centre.""",
        ),
        transport=(
            "Linja-autoasemalta 600 m; kaupunkiliikenteen pysäkki talon edessä.",
            "600 m från busstationen; stadstrafikens hållplats framför huset.",
            "600 m from the bus station; a city bus stop in front of the building.",
        ),
        access=(
            """Esteetön sisäänkäynti Piispankadun puolelta, hissi kaikkiin kerroksiin,
            inva-wc ja vaunuparkki sisällä.""",
            """Tillgänglig ingång från Biskopsgatan, hiss till alla våningar,
            handikapptoalett och barnvagnsparkering inne.""",
            """Step-free entrance from Piispankatu, lift to all floors, accessible toilet and
            indoor pram parking.""",
        ),
        hours=weekly("mon-fri 8-16") + OFFICE_HOLIDAYS,
    ),
]

SERVICES = [
    service(
        "itauusimaa-lastenvalvoja",
        "itauusimaa",
        "3",
        AREA,
        fi=Lang(
            "Lastenvalvoja",
            "Lastenvalvoja auttaa eroavia ja erillään asuvia vanhempia sopimaan lasten asioista.",
            """Lastenvalvojan luona vanhemmat voivat tehdä sopimuksen lapsen huollosta,
            asumisesta, tapaamisista ja elatusavusta, ja lastenvalvoja vahvistaa sen.
            Lastenvalvoja vahvistaa myös isyyden ja äitiyden, jos vanhemmat eivät ole
            naimisissa. Tapaamisen voi varata paikan päälle tai videoyhteydellä.""",
            how="Varaa aika verkossa tai soita puhelinaikana. Varaa aika molemmille vanhemmille.",
            who="Askolassa ja Porvoossa asuvien lasten vanhemmat.",
            keywords="lastenvalvoja, ero, huoltajuus, elatusapu, tapaamiset, isyyden tunnustaminen",
        ),
        sv=Lang(
            "Barnatillsyningsman",
            "Barnatillsyningsmannen hjälper föräldrar som separerar att komma överens om barnen.",
            """Föräldrarna kan avtala om vårdnad, boende, umgänge och underhåll, och
            barnatillsyningsmannen fastställer avtalet. Mötet kan vara på plats eller på
            video.""",
            how="Boka tid på webben eller ring under telefontiden.",
            keywords="barnatillsyningsman, skilsmässa, vårdnad, underhåll, umgänge",
        ),
        en=Lang(
            "Child custody officer",
            "The child custody officer helps separating parents agree on their children's matters.",
            """Parents can make an agreement on custody, residence, contact and maintenance,
            which the officer confirms. Paternity and maternity are also confirmed here.
            Meetings are in person or by video.""",
            how="Book online or call during the phone hours; book a time for both parents.",
            keywords="custody, divorce, separation, child maintenance, visitation",
        ),
        ages=(0, 17),
        languages="fi sv en",
        channels=[
            phone("+358 19 555 0130", weekly("mon-thu 9-11"), languages="fi sv"),
            remote(
                "itauusimaa/lastenvalvoja/etaaika",
                ("Varaa etäaika", "Boka distanstid", "Book a video appointment"),
                hours=weekly("mon-fri 8:30-15"),
                languages="fi sv en",
            ),
        ],
        at=[at(FAMILY_CENTER, weekly("mon-fri 8:30-15"))],
    ),
    service(
        "itauusimaa-perheasioiden-sovittelu",
        "itauusimaa",
        "3",
        AREA,
        fi=Lang(
            "Perheasioiden sovittelu",
            """Sovittelija auttaa riitaantuneita vanhempia löytämään lapsen kannalta hyvän
            ratkaisun.""",
            """Perheasioiden sovittelussa kaksi koulutettua sovittelijaa tukee vanhempia
            keskustelemaan erosta ja lasten asioista. Sovittelu on vapaaehtoista ja
            luottamuksellista, ja lapsen näkemys otetaan huomioon. Sovittu asia voidaan
            vahvistaa lastenvalvojalla.""",
            how="Soita sovittelun ajanvaraukseen. Kumpikin vanhempi voi ottaa yhteyttä.",
            who="Askolalaiset ja porvoolaiset perheet, myös uusperheet.",
            keywords="sovittelu, riita, ero, erotilanne, huoltoriita, uusperhe",
        ),
        sv=Lang(
            "Familjemedling",
            "Medlare hjälper föräldrar i konflikt att hitta en lösning som är bra för barnet.",
            """Två utbildade medlare stöder föräldrarna att tala om skilsmässan och barnen.
            Medlingen är frivillig och konfidentiell.""",
            how="Ring medlingens tidsbokning. Vardera föräldern kan ta kontakt.",
            keywords="familjemedling, konflikt, skilsmässa",
        ),
        en=Lang(
            "Family mediation",
            "Mediators help parents in conflict find a solution that is good for the child.",
            """Two trained mediators support the parents in talking about the separation and
            the children. Mediation is voluntary and confidential.""",
            how="Call the mediation booking line. Either parent may get in touch.",
            keywords="family mediation, conflict, separation, custody dispute",
        ),
        languages="fi sv",
        channels=[phone("+358 19 555 0131", weekly("tue,thu 12-14"), languages="fi sv")],
        at=[at(FAMILY_CENTER)],
    ),
    service(
        "itauusimaa-perheneuvola",
        "itauusimaa",
        "263",
        AREA,
        fi=Lang(
            "Perheneuvola",
            "Perheneuvolasta saa apua lapsen kehitykseen, kasvatukseen ja perheen ristiriitoihin.",
            """Perheneuvolan psykologit ja sosiaalityöntekijät tapaavat lapsia ja vanhempia,
            kun lapsen tunne-elämä, käytös tai perheen tilanne huolettaa. Apua saa myös
            eron jälkeiseen vanhemmuuteen ja uusperheen arkeen. Perheneuvola tekee
            yhteistyötä päiväkotien, koulujen ja neuvolan kanssa.""",
            how="Soita perheneuvolan ajanvaraukseen; lähetettä ei tarvita.",
            who="Askolalaiset ja porvoolaiset alle 18-vuotiaat lapset ja heidän perheensä.",
            keywords="perheneuvola, kasvatus, lapsen käytös, ero, uusperhe, psykologi",
        ),
        sv=Lang(
            "Familjerådgivning",
            """Familjerådgivningen hjälper med barnets utveckling, fostran och konflikter i
            familjen.""",
            """Psykologer och socialarbetare träffar barn och föräldrar när barnets känsloliv,
            beteende eller familjens situation oroar. Ingen remiss behövs.""",
            how="Ring familjerådgivningens tidsbokning.",
            keywords="familjerådgivning, fostran, beteende, skilsmässa",
        ),
        en=Lang(
            "Family counselling clinic",
            "Help with the child's development, upbringing and conflicts in the family.",
            """Psychologists and social workers meet children and parents when the child's
            emotions, behaviour or the family situation worry you. No referral is needed.""",
            how="Call the family counselling clinic.",
            keywords="family counselling, behaviour, parenting, divorce, stepfamily",
        ),
        ages=(0, 17),
        languages="fi sv en",
        channels=[
            phone("+358 19 555 0132", weekly("mon-fri 9-11"), languages="fi sv"),
            mail("perheneuvola.itauusimaa"),
        ],
        at=[at(FAMILY_CENTER, weekly("mon-fri 8-16"))],
    ),
    service(
        "itauusimaa-vakivaltatyo",
        "itauusimaa",
        "4",
        AREA,
        fi=Lang(
            "Lähisuhdeväkivaltatyö",
            "Apua, kun perheessä on väkivaltaa tai sen uhkaa – kaikille osapuolille.",
            """Väkivaltatyön työntekijät auttavat väkivaltaa kokenutta, sitä käyttänyttä ja
            perheen lapsia. Yhdessä tehdään turvasuunnitelma ja sovitaan jatkotuesta.
            Myös henkinen, taloudellinen ja digitaalinen väkivalta ovat väkivaltaa.
            Välittömässä vaarassa soita 112.""",
            how="Soita arkisin. Voit soittaa nimettömänä.",
            who="Askolassa ja Porvoossa asuvat aikuiset, nuoret ja lapset.",
            keywords="väkivalta, perheväkivalta, lähisuhdeväkivalta, turvakoti, uhka, pelko",
        ),
        sv=Lang(
            "Arbete mot våld i nära relationer",
            "Hjälp när det finns våld eller hot om våld i familjen – för alla parter.",
            """Arbetarna hjälper den som utsatts, den som använt våld och barnen i familjen.
            Vid akut fara, ring 112.""",
            how="Ring på vardagar. Du kan ringa anonymt.",
            keywords="våld, familjevåld, hot, rädsla",
        ),
        en=Lang(
            "Help with domestic violence",
            "Help when there is violence or a threat of it in the family – for everyone involved.",
            """Workers help the person who experienced violence, the person who used it and
            the children. In immediate danger, call 112.""",
            how="Call on weekdays. You may call anonymously.",
            keywords="violence, domestic violence, abuse, threat, fear",
        ),
        languages="fi sv en",
        channels=[phone("+358 40 555 0133", weekly("mon-fri 8-16"), languages="fi sv en")],
    ),
    service(
        "itauusimaa-monikielinen-perhetyo",
        "itauusimaa",
        "52",
        AREA,
        fi=Lang(
            "Monikielinen perhetyö",
            "Tukea Suomeen muuttaneille perheille omalla kielellä tai tulkin avulla.",
            """Monikielinen perhetyöntekijä auttaa perhettä ymmärtämään suomalaisia palveluja,
            kuten neuvolaa, päiväkotia ja koulua, ja tukee vanhemmuutta uudessa maassa.
            Tapaamisiin saa tulkin maksutta. Työntekijät puhuvat venäjää, arabiaa, ukrainaa
            ja viroa.""",
            how="Soita tai pyydä neuvolaa, päiväkotia tai koulua ottamaan yhteyttä.",
            who="Askolaan ja Porvooseen muuttaneet lapsiperheet.",
            keywords="maahanmuuttaja, tulkki, kotoutuminen, oma kieli, monikulttuurinen perhe",
        ),
        sv=Lang(
            "Flerspråkigt familjearbete",
            "Stöd för familjer som flyttat till Finland, på eget språk eller med tolk.",
            """Arbetaren hjälper familjen att förstå rådgivning, daghem och skola i Finland.
            Tolk är gratis.""",
            how="Ring eller be rådgivningen, daghemmet eller skolan ta kontakt.",
            keywords="invandrare, tolk, integration, eget språk",
        ),
        en=Lang(
            "Multilingual family work",
            """Support for families who have moved to Finland, in their language or with an
            interpreter.""",
            """The worker helps the family understand the clinic, daycare and school, and
            supports parenting in a new country. Interpreting is free.""",
            how="Call, or ask the clinic, daycare or school to get in touch.",
            keywords="immigrant, interpreter, integration, own language",
        ),
        languages="fi sv en ru ar uk et",
        channels=[
            phone("+358 40 555 0134", weekly("mon-thu 9-15"), languages="fi en ru ar uk et"),
            eservice(
                "itauusimaa/monikielinen/yhteydenotto",
                ("Yhteydenottopyyntö", "Kontaktbegäran", "Contact request"),
                languages="fi sv en ru ar uk",
            ),
        ],
    ),
]
