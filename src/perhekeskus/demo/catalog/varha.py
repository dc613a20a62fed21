"""Southwest Finland's county-wide family services for Raisio, Laitila and Turku: the child
custody officers and family mediation, the family counselling clinic, work against domestic
violence and the shelter, multilingual advice, and video meetings with child-protection social
workers on tablets lent to the families (seed 003)."""

from __future__ import annotations

from perhekeskus.demo.catalog.helpers import (
    LAITILA,
    RAISIO,
    TURKU,
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
from perhekeskus.demo.catalog.hours import ALWAYS, OFFICE_HOLIDAYS, weekly

FAMILY_LAW = "turku-perheoikeudelliset-palvelut"
AREA = county(RAISIO, LAITILA, TURKU)

LOCATIONS = [
    place(
        FAMILY_LAW,
        "varha",
        (
            "Perheoikeudelliset palvelut ja perheneuvola, Turku",
            "Familjerättsliga tjänster och familjerådgivning, Åbo",
            "Family law services and family counselling, Turku",
        ),
        address=("Linnankatu 23", "Slottsgatan 23", "Linnankatu 23"),
        postal_code="20100",
        town=("Turku", "Åbo", "Turku"),
        municipality=TURKU,
        lat="60.448000",
        lon="22.262000",
        about=(
            "Lastenvalvojat, perheasioiden sovittelu ja perheneuvola samassa talossa.",
            "Barnatillsyningsmän, familjemedling och familjerådgivning i samma hus.",
            "Child custody officers, family mediation and family counselling in one building.",
        ),
        transport=(
            "Kauppatorilta 500 m; bussit 1 ja 2 Linnankadulla.",
            "500 m från Salutorget; bussarna 1 och 2 på Slottsgatan.",
            "500 m from the Market Square; buses 1 and 2 on Linnankatu.",
        ),
        access=(
            "Esteetön sisäänkäynti sisäpihalta, hissi, inva-wc. Odotustilassa leikkinurkka.",
            "Tillgänglig ingång från gården, hiss, handikapptoalett, lekhörna.",
            "Step-free entrance from the courtyard, lift, accessible toilet, play corner.",
        ),
        hours=weekly("mon-fri 8-16") + OFFICE_HOLIDAYS,
    ),
]

SERVICES = [
    service(
        "varha-lastenvalvoja",
        "varha",
        "3",
        AREA,
        fi=Lang(
            "Lastenvalvojat",
            """Lastenvalvoja vahvistaa vanhempien sopimuksen lapsen huollosta, asumisesta,
            tapaamisista ja elatuksesta.""",
            """Lastenvalvoja auttaa eroavia ja erillään asuvia vanhempia sopimaan lasten
            asioista lapsen edun mukaisesti ja vahvistaa sopimuksen. Lastenvalvoja
            vahvistaa myös isyyden ja äitiyden. Ajan voi varata Turkuun, Raisioon tai
            Laitilaan tai videoyhteydellä.""",
            how="Varaa aika verkossa tai soita puhelinaikana.",
            who="Varsinais-Suomessa asuvien lasten vanhemmat.",
            keywords="""lastenvalvoja, ero, huoltajuus, elatusapu, tapaamiset, vanhemmuuden
            vahvistaminen""",
        ),
        sv=Lang(
            "Barnatillsyningsmän",
            """Barnatillsyningsmannen fastställer föräldrarnas avtal om vårdnad, boende, umgänge
            och underhåll.""",
            """Barnatillsyningsmannen hjälper föräldrar som separerar att komma överens om
            barnen. Tid kan bokas till Åbo, Reso eller Letala eller på video.""",
            how="Boka tid på webben eller ring under telefontiden.",
            keywords="barnatillsyningsman, skilsmässa, vårdnad, underhåll",
        ),
        en=Lang(
            "Child custody officers",
            """The officer confirms parents' agreement on custody, residence, contact and
            maintenance.""",
            """The officer helps separating parents agree on their children's matters in the
            child's best interest. Appointments in Turku, Raisio or Laitila, or by video.""",
            how="Book online or call during the phone hours.",
            keywords="custody, divorce, separation, maintenance, visitation",
        ),
        ages=(0, 17),
        languages="fi sv en",
        channels=[
            phone("+358 2 555 0170", weekly("mon-thu 9-11"), languages="fi sv en"),
            remote(
                "varha/lastenvalvoja/etaaika",
                ("Varaa etäaika", "Boka distanstid", "Book a video appointment"),
                hours=weekly("mon-fri 8:30-15:30"),
                languages="fi sv en",
            ),
        ],
        at=[at(FAMILY_LAW, weekly("mon-fri 8:30-15:30"))],
    ),
    service(
        "varha-perheasioiden-sovittelu",
        "varha",
        "3",
        AREA,
        fi=Lang(
            "Perheasioiden sovittelu",
            "Maksutonta sovittelua, kun vanhemmat eivät pääse yksimielisyyteen lasten asioista.",
            """Kaksi sovittelijaa auttaa vanhempia keskustelemaan ja löytämään ratkaisun
            esimerkiksi lapsen asumiseen tai tapaamisiin. Sovittelu on vapaaehtoista, ja
            sitä voidaan käyttää myös ennen tuomioistuinkäsittelyä tai sen aikana.""",
            how="Soita sovittelun ajanvaraukseen.",
            who="Varsinais-Suomen perheet.",
            keywords="sovittelu, ero, riita, huoltoriita, tapaamiset",
        ),
        sv=Lang(
            "Familjemedling",
            "Avgiftsfri medling när föräldrarna inte är överens om barnen.",
            """Två medlare hjälper föräldrarna att hitta en lösning, till exempel om boende
            eller umgänge. Medlingen är frivillig.""",
            how="Ring medlingens tidsbokning.",
            keywords="familjemedling, skilsmässa, konflikt",
        ),
        en=Lang(
            "Family mediation",
            "Free mediation when parents cannot agree on the children's matters.",
            """Two mediators help parents talk and find a solution, for example on residence
            or contact. Mediation is voluntary.""",
            how="Call the mediation booking line.",
            keywords="family mediation, divorce, custody dispute",
        ),
        languages="fi sv en",
        channels=[phone("+358 2 555 0171", weekly("tue,thu 9-11"), languages="fi sv")],
        at=[at(FAMILY_LAW)],
    ),
    service(
        "varha-perheneuvola",
        "varha",
        "263",
        AREA,
        fi=Lang(
            "Perheneuvola",
            """Perheneuvola auttaa lapsiperheitä kasvatukseen, kehitykseen ja perheen kriiseihin
            liittyvissä asioissa.""",
            """Perheneuvolan työntekijät tapaavat lapsia ja vanhempia esimerkiksi, kun lapsi
            on ahdistunut, raivoaa tai perhe on eron keskellä. Työskentely voi olla
            keskusteluja, tutkimuksia tai perheterapiaa. Vastaanottoja on Turussa,
            Raisiossa ja Laitilassa.""",
            how="Soita ajanvaraukseen; lähetettä ei tarvita.",
            who="Varsinais-Suomen alle 18-vuotiaat ja heidän perheensä.",
            keywords="perheneuvola, kasvatus, ahdistus, raivokohtaukset, ero, perheterapia",
        ),
        sv=Lang(
            "Familjerådgivning",
            "Familjerådgivningen hjälper barnfamiljer med fostran, utveckling och kriser.",
            """Personalen träffar barn och föräldrar när barnet har ångest eller familjen är
            mitt i en skilsmässa. Mottagningar i Åbo, Reso och Letala.""",
            how="Ring tidsbokningen; ingen remiss behövs.",
            keywords="familjerådgivning, fostran, ångest, skilsmässa",
        ),
        en=Lang(
            "Family counselling clinic",
            "Help for families with upbringing, development and family crises.",
            """Staff meet children and parents, for example when a child is anxious or
            angry or the family is going through a separation. No referral is needed.""",
            how="Call the booking line.",
            keywords="family counselling, anxiety, anger, separation, family therapy",
        ),
        ages=(0, 17),
        languages="fi sv en",
        channels=[phone("+358 2 555 0172", weekly("mon-fri 9-11"), languages="fi sv en")],
        at=[at(FAMILY_LAW, weekly("mon-fri 8-16"))],
    ),
    service(
        "varha-vakivaltatyo",
        "varha",
        "4",
        AREA,
        fi=Lang(
            "Lähisuhdeväkivaltatyö",
            "Keskusteluapua ja turvasuunnittelua, kun perheessä on väkivaltaa.",
            """Sosiaalityöntekijät ja terapeutit auttavat väkivaltaa kokeneita, väkivaltaa
            käyttäneitä ja lapsia, jotka ovat nähneet tai kokeneet väkivaltaa. Apua saa myös
            vainoon ja kunniaan liittyvään väkivaltaan. Välittömässä vaarassa soita 112.""",
            how="Soita arkisin; voit soittaa nimettömänä.",
            who="Varsinais-Suomessa asuvat.",
            keywords="väkivalta, lähisuhdeväkivalta, vaino, kunniaväkivalta, pelko kotona",
        ),
        sv=Lang(
            "Arbete mot våld i nära relationer",
            "Samtalsstöd och säkerhetsplanering när det finns våld i familjen.",
            "Hjälp för den som utsatts, den som använt våld och barnen. Vid akut fara, ring 112.",
            how="Ring på vardagar; du kan vara anonym.",
            keywords="våld, förföljelse, hedersrelaterat våld",
        ),
        en=Lang(
            "Help with domestic violence",
            "Counselling and safety planning when there is violence in the family.",
            """Help for those who experienced violence, those who used it, and children,
            also with stalking and honour-related violence. In immediate danger, call 112.""",
            how="Call on weekdays; you may stay anonymous.",
            keywords="domestic violence, stalking, honour-related violence, fear at home",
        ),
        languages="fi sv en",
        channels=[phone("+358 40 555 0173", weekly("mon-fri 8-16"), languages="fi sv en")],
    ),
    service(
        "varha-turvakoti",
        "turun-ensi-ja-turvakoti",
        "4",
        AREA,
        producers=["varha"],
        fi=Lang(
            "Turvakoti",
            "Turvakotiin voi tulla ympäri vuorokauden, kun kotona ei ole turvallista.",
            """Turvakoti on turvallinen paikka väkivaltaa tai sen uhkaa kokeneille ja heidän
            lapsilleen. Siellä saa kriisiapua ja neuvoja jatkoon. Turvakodin osoitetta ei
            julkaista; soita, niin sinua neuvotaan. Palvelu on valtion rahoittama ja
            asiakkaalle maksuton.""",
            how="Soita ympäri vuorokauden. Lähetettä ei tarvita.",
            who="Kaikki väkivaltaa tai sen uhkaa kokeneet sukupuolesta ja iästä riippumatta.",
            keywords="turvakoti, väkivalta, paeta kotoa, ei turvallista, hätämajoitus",
        ),
        sv=Lang(
            "Skyddshem",
            "Till skyddshemmet kan man komma dygnet runt när det inte är tryggt hemma.",
            """Skyddshemmet är en trygg plats för den som utsatts för våld och för barnen.
            Adressen publiceras inte; ring så får du råd. Avgiftsfritt.""",
            how="Ring dygnet runt.",
            keywords="skyddshem, våld, inte tryggt hemma",
        ),
        en=Lang(
            "Shelter",
            "Come to the shelter at any hour when home is not safe.",
            """A safe place for people who experience violence and for their children, with
            crisis help. The address is not published; call and you will be guided. Free.""",
            how="Call day or night. No referral needed.",
            keywords="shelter, safe house, violence, not safe at home",
        ),
        languages="fi sv en",
        channels=[
            phone(
                "+358 2 555 0174",
                ALWAYS,
                name=("Turvakodin päivystys", "Skyddshemmets jour", "Shelter on call"),
                languages="fi sv en",
            )
        ],
    ),
    service(
        "varha-monikielinen-neuvonta",
        "varha",
        "51",
        AREA,
        fi=Lang(
            "Monikielinen neuvonta lapsiperheille",
            "Neuvontaa sosiaali- ja terveyspalveluista omalla kielellä.",
            """Neuvojat auttavat ymmärtämään, miten neuvola, päiväkoti, koulu ja
            sosiaalipalvelut toimivat, täyttämään lomakkeita ja varaamaan ajan. Neuvontaa saa
            arabiaksi, somaliksi, venäjäksi, ukrainaksi, persiaksi ja englanniksi, muilla
            kielillä tulkin avulla.""",
            how="Soita neuvonnan numeroon tai tule Varissuon perhekeskukseen.",
            who="Varsinais-Suomeen muuttaneet perheet.",
            keywords="maahanmuuttaja, oma kieli, tulkki, neuvonta, lomake, arabia, somali, ukraina",
        ),
        sv=Lang(
            "Flerspråkig rådgivning för barnfamiljer",
            "Rådgivning om social- och hälsovårdstjänster på det egna språket.",
            "Rådgivarna hjälper med blanketter, tidsbokning och hur tjänsterna fungerar.",
            how="Ring rådgivningen eller kom till familjecentret i Varissuo.",
            keywords="invandrare, eget språk, tolk",
        ),
        en=Lang(
            "Multilingual advice for families",
            "Advice on social and health services in your own language.",
            """Advisers explain how the clinic, daycare, school and social services work and
            help with forms and appointments, in Arabic, Somali, Russian, Ukrainian, Persian
            and English, and in other languages with an interpreter.""",
            how="Call the advice line or come to Varissuo family center.",
            keywords="immigrant, own language, interpreter, advice, forms",
        ),
        languages="fi sv en ar so ru uk fa",
        channels=[
            phone("+358 2 555 0175", weekly("mon-fri 9-15"), languages="fi en ar so ru uk fa"),
            mail("monikielinen.varha"),
        ],
        at=[at("turku-varissuo-perhekeskus", weekly("tue,thu 12-16"))],
    ),
    service(
        "varha-lastensuojelu-etatapaamiset",
        "varha",
        "12",
        AREA,
        fi=Lang(
            "Lastensuojelun etätapaamiset",
            "Lastensuojelun asiakasperhe voi tavata sosiaalityöntekijää videolla lainatabletilla.",
            """Lastensuojelun asiakkaana olevat lapset, nuoret ja vanhemmat voivat pitää
            yhteyttä omaan sosiaalityöntekijäänsä kuvapuhelulla. Perhe saa tarvittaessa
            lainaksi tabletin, jossa yhteys on valmiina. Näin yhteydenpito on tiiviimpää, eikä
            kenenkään tarvitse matkustaa.""",
            how="Sovi etätapaamisista oman sosiaalityöntekijäsi kanssa.",
            who="Varsinais-Suomen lastensuojelun asiakasperheet.",
            keywords="lastensuojelu, sosiaalityöntekijä, videotapaaminen, tabletti, etätapaaminen",
        ),
        sv=Lang(
            "Distansmöten inom barnskyddet",
            """Familjer inom barnskyddet kan träffa socialarbetaren på video med en lånad
            surfplatta.""",
            "Barn, unga och föräldrar håller kontakt med sin socialarbetare via videosamtal.",
            how="Kom överens om distansmöten med din socialarbetare.",
            keywords="barnskydd, videomöte, surfplatta",
        ),
        en=Lang(
            "Remote meetings in child welfare",
            "Child welfare client families can meet their social worker by video on a loan tablet.",
            """Children, young people and parents keep in touch with their own social worker
            by video call; the family can borrow a ready-to-use tablet.""",
            how="Agree on remote meetings with your own social worker.",
            keywords="child welfare, social worker, video meeting, tablet",
        ),
        ages=(0, 17),
        languages="fi sv en",
        channels=[
            remote(
                "varha/lastensuojelu/etatapaaminen",
                ("Etätapaaminen", "Distansmöte", "Video meeting"),
                note=(
                    "Linkki tulee tekstiviestillä ennen tapaamista.",
                    "Länken kommer per sms före mötet.",
                    "You get the link by text message before the meeting.",
                ),
                hours=weekly("mon-fri 8-16"),
                languages="fi sv en",
            ),
            eservice(
                "varha/lastensuojelu/viesti",
                ("Viesti sosiaalityöntekijälle", "Meddelande", "Message your social worker"),
                languages="fi sv en",
            ),
        ],
    ),
]
