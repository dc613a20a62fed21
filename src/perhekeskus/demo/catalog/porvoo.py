"""Porvoo (Borgå), a bilingual town: the family center's clinic, service guidance and family
work, Folkhälsan's Swedish family café, the parishes' family clubs, youth work, the school
social worker, a private speech therapist, and a family café that has closed (inactive)."""

from __future__ import annotations

from perhekeskus.demo.catalog.helpers import (
    PORVOO,
    Lang,
    at,
    eservice,
    local,
    phone,
    place,
    service,
)
from perhekeskus.demo.catalog.helpers import email as mail
from perhekeskus.demo.catalog.hours import MEETING_PLACE_BREAKS, weekly
from perhekeskus.demo.catalog.itauusimaa import FAMILY_CENTER

FAMILY_CAFE = "porvoo-folkhalsan-familjecafe"
PARISH_CENTRE = "porvoo-seurakuntakeskus"
YOUTH_CENTRE = "porvoo-nuorisotila"
AREA = local(PORVOO)
_TOWN = ("Porvoo", "Borgå", "Porvoo")

LOCATIONS = [
    place(
        FAMILY_CAFE,
        "folkhalsan-borga",
        ("Folkhälsanin perhekahvila", "Folkhälsans familjecafé", "Folkhälsan family café"),
        address=("Runeberginkatu 37", "Runebergsgatan 37", "Runeberginkatu 37"),
        postal_code="06100",
        town=_TOWN,
        municipality=PORVOO,
        lat="60.396100",
        lon="25.657800",
        about=(
            "Ruotsinkielinen avoin kohtaamispaikka; suomenkieliset ovat yhtä tervetulleita.",
            "Svenskspråkig öppen mötesplats; finskspråkiga är lika välkomna.",
            "A Swedish-language open meeting place; Finnish speakers are just as welcome.",
        ),
        access=(
            "Katutason sisäänkäynti, tilava vaunuparkki, inva-wc.",
            "Ingång i gatuplan, rymlig barnvagnsparkering, handikapptoalett.",
            "Street-level entrance, roomy pram parking, accessible toilet.",
        ),
        hours=weekly("tue,thu 9:30-12") + MEETING_PLACE_BREAKS,
        meeting_place=True,
        features={"step_free_entrance": True, "accessible_toilet": True, "lift": False},
    ),
    place(
        PARISH_CENTRE,
        "porvoon-seurakuntayhtyma",
        ("Porvoon seurakuntakeskus", "Borgå församlingscentrum", "Porvoo parish centre"),
        address=("Lundinkatu 5", "Lundagatan 5", "Lundinkatu 5"),
        postal_code="06100",
        town=_TOWN,
        municipality=PORVOO,
        lat="60.391800",
        lon="25.665900",
        about=(
            "Perhekerhot suomeksi maanantaisin ja ruotsiksi keskiviikkoisin.",
            "Familjeklubbar på finska på måndagar och på svenska på onsdagar.",
            "Family clubs in Finnish on Mondays and in Swedish on Wednesdays.",
        ),
        access=(
            "Esteetön sisäänkäynti sisäpihalta, hissi kerhotiloihin.",
            "Tillgänglig ingång från innergården, hiss till klubblokalerna.",
            "Step-free entrance from the courtyard, lift to the club rooms.",
        ),
        hours=weekly("mon,wed 9:30-12") + MEETING_PLACE_BREAKS,
        meeting_place=True,
        features={"step_free_entrance": True, "lift": True},
    ),
    place(
        YOUTH_CENTRE,
        "porvoo",
        ("Nuorisotila Kulma", "Ungdomsgården Kulma", "Kulma youth centre"),
        address=("Mannerheiminkatu 12", "Mannerheimsgatan 12", "Mannerheiminkatu 12"),
        postal_code="06100",
        town=_TOWN,
        municipality=PORVOO,
        lat="60.395200",
        lon="25.660400",
        access=(
            "Esteetön sisäänkäynti ja inva-wc.",
            "Tillgänglig ingång och handikapptoalett.",
            "Step-free entrance and accessible toilet.",
        ),
        hours=weekly("mon-thu 14-21", "fri 15-23") + MEETING_PLACE_BREAKS,
        meeting_place=True,
        features={"step_free_entrance": True, "accessible_toilet": True},
    ),
]

SERVICES = [
    service(
        "porvoo-neuvola",
        "itauusimaa",
        "76",
        AREA,
        fi=Lang(
            "Äitiys- ja lastenneuvola",
            "Neuvola seuraa raskautta sekä lapsen kasvua ja kehitystä kouluikään asti.",
            """Terveydenhoitaja ja lääkäri seuraavat odottavan äidin, vauvan ja
            leikki-ikäisen terveyttä. Neuvolassa saa rokotukset, tietoa imetyksestä ja
            unesta sekä tukea vanhemmuuteen. Palvelua saa suomeksi ja ruotsiksi.""",
            how="Soita neuvolaan, kun olet raskaana tai muutat Porvooseen lapsen kanssa.",
            who="""Porvoolaiset odottavat perheet ja alle kouluikäiset lapset. Ikäraja 0
            tarkoittaa, että palvelu alkaa jo raskauden aikana.""",
            keywords="neuvola, raskaus, vauva, rokotukset, imetys, äitiysneuvola",
        ),
        sv=Lang(
            "Mödra- och barnrådgivning",
            """Rådgivningen följer graviditeten och barnets tillväxt och utveckling fram till
            skolan.""",
            """Hälsovårdaren och läkaren följer den gravida mammans, bebisens och barnets
            hälsa. Barnet får vaccinationerna och familjen stöd i föräldraskapet. Service på
            svenska och finska.""",
            how="Ring rådgivningen när du är gravid eller flyttar till Borgå med barn.",
            keywords="rådgivning, graviditet, bebis, vaccinationer, amning",
        ),
        en=Lang(
            "Maternity and child health clinic",
            "The clinic follows pregnancy and the child's growth and development until school.",
            """A public health nurse and a doctor follow the health of the mother, baby and
            child, give vaccinations and support you as parents.""",
            how="Call the clinic when you are pregnant or move to Porvoo with a child.",
            keywords="maternity clinic, child health clinic, pregnancy, baby, vaccinations",
        ),
        ages=(0, 6),
        languages="fi sv en",
        channels=[
            phone("+358 19 555 0135", weekly("mon-fri 12-13"), languages="fi sv"),
            eservice(
                "itauusimaa/neuvola/viesti",
                ("Sähköinen viesti neuvolaan", "E-meddelande till rådgivningen", "Message"),
                languages="fi sv",
            ),
        ],
        at=[at(FAMILY_CENTER, weekly("mon-fri 8-15:30"))],
    ),
    service(
        "porvoo-palveluohjaus",
        "itauusimaa",
        "12",
        AREA,
        fi=Lang(
            "Perhekeskuksen palveluohjaus",
            "Yksi numero, josta lapsiperhe saa neuvoa ja ohjauksen oikeaan paikkaan.",
            """Palveluohjaaja kuuntelee perheen tilanteen ja kertoo, mistä apua saa
            hyvinvointialueelta, kaupungilta, järjestöiltä ja seurakunnilta. Hän voi varata
            ajan tai pyytää työntekijää soittamaan sinulle. Neuvontaa saa suomeksi,
            ruotsiksi ja englanniksi.""",
            how="Soita arkisin tai tule perhekeskuksen aulaan.",
            who="Porvoolaiset lapsiperheet ja nuoret.",
            keywords="palveluohjaus, neuvonta, mistä apua, perhekeskus",
        ),
        sv=Lang(
            "Familjecentrets servicehandledning",
            "Ett nummer där barnfamiljer får råd och hänvisning till rätt ställe.",
            """Servicehandledaren lyssnar på familjens situation och berättar var hjälp
            finns hos välfärdsområdet, staden, organisationerna och församlingarna. Hen kan
            boka tid åt dig.""",
            how="Ring på vardagar eller kom till familjecentrets entré.",
            keywords="servicehandledning, rådgivning, var får jag hjälp, familjecenter",
        ),
        en=Lang(
            "Family center service guidance",
            "One number where families get advice and directions to the right place.",
            """The service counsellor listens and tells you where help is available from the
            county, the city, NGOs and parishes, and can book a time for you.""",
            how="Call on weekdays or come to the family center lobby.",
            keywords="service guidance, advice, where to get help, family center",
        ),
        languages="fi sv en",
        channels=[
            phone("+358 19 555 0136", weekly("mon-fri 9-15"), languages="fi sv en"),
            mail("perhekeskus.porvoo"),
        ],
        at=[at(FAMILY_CENTER, weekly("mon-fri 9-15"))],
    ),
    service(
        "porvoo-perhetyo",
        "itauusimaa",
        "26",
        AREA,
        fi=Lang(
            "Perhetyö",
            "Perhetyöntekijä tukee vanhempia kotona, kun arki ei suju.",
            """Perhetyöntekijä käy kotona sovitusti muutaman kuukauden ajan. Yhdessä
            harjoitellaan arjen rutiineja, ratkotaan riitatilanteita ja vahvistetaan
            vanhempien ja lasten suhdetta. Perhetyö on ennaltaehkäisevää ja vapaaehtoista.""",
            how="Ota yhteyttä palveluohjaukseen, neuvolaan tai koulun kuraattoriin.",
            who="Porvoolaiset lapsiperheet.",
            keywords="perhetyö, kotikäynti, arki, riidat, kasvatus",
        ),
        sv=Lang(
            "Familjearbete",
            "En familjearbetare stöder föräldrarna hemma när vardagen inte fungerar.",
            """Familjearbetaren besöker hemmet under några månader. Man övar rutiner, löser
            konflikter och stärker relationen mellan föräldrar och barn.""",
            how="Kontakta servicehandledningen, rådgivningen eller skolkuratorn.",
            keywords="familjearbete, hembesök, vardag, fostran",
        ),
        en=Lang(
            "Family work",
            "A family worker supports parents at home when everyday life is hard.",
            """The worker visits for a few months to practise routines, sort out conflicts
            and strengthen the bond between parents and children.""",
            how="Contact service guidance, the clinic or the school social worker.",
            keywords="family work, home visits, routines, parenting",
        ),
        ages=(0, 17),
        languages="fi sv",
        channels=[phone("+358 19 555 0137", weekly("mon-fri 9-10"), languages="fi sv")],
    ),
    service(
        "porvoo-familjecafe",
        "folkhalsan-borga",
        "86",
        AREA,
        fi=Lang(
            "Folkhälsanin perhekahvila",
            "Ruotsinkielinen perhekahvila vauvoille, taaperoille ja heidän aikuisilleen.",
            """Kahvilassa lapset leikkivät ja aikuiset juttelevat. Kerran kuussa mukana on
            vierailija, esimerkiksi terveydenhoitaja tai perheterapeutti. Kahvila on
            avoin kaikille kielestä riippumatta.""",
            how="Tule paikalle aukioloaikana.",
            who="Kaikki lapsiperheet.",
            keywords="perhekahvila, ruotsi, vauva, vertaistuki, kohtaamispaikka",
        ),
        sv=Lang(
            "Folkhälsans familjecafé",
            "Ett svenskspråkigt familjecafé för bebisar, småbarn och deras vuxna.",
            """Barnen leker och de vuxna pratar. En gång i månaden kommer en gäst, till
            exempel en hälsovårdare eller familjeterapeut. Öppet för alla oavsett språk.""",
            how="Kom under öppettiderna.",
            keywords="familjecafé, bebis, kamratstöd, mötesplats, svenska",
        ),
        en=Lang(
            "Folkhälsan family café",
            "A Swedish-language family café for babies, toddlers and their grown-ups.",
            """Children play and adults chat. Once a month a guest such as a nurse or family
            therapist visits. Open to everyone, whatever your language.""",
            how="Drop in during opening hours.",
            keywords="family café, baby, peer support, meeting place, Swedish",
        ),
        languages="sv fi",
        channels=[mail("familjecafe.borga")],
        at=[at(FAMILY_CAFE)],
    ),
    service(
        "porvoo-perhekerho",
        "porvoon-seurakuntayhtyma",
        "86",
        AREA,
        fi=Lang(
            "Perhekerho suomeksi ja ruotsiksi",
            "Seurakunnan perhekerho alle kouluikäisille ja heidän aikuisilleen.",
            """Kerhossa lauletaan, leikitään ja syödään välipalaa yhdessä. Suomenkielinen
            kerho on maanantaisin ja ruotsinkielinen keskiviikkoisin.""",
            how="Tule mukaan, ilmoittautumista ei tarvita.",
            who="Alle kouluikäiset aikuisen kanssa.",
            keywords="perhekerho, seurakunta, leikki, laulu",
        ),
        sv=Lang(
            "Familjeklubb på svenska och finska",
            "Församlingens familjeklubb för barn under skolåldern och deras vuxna.",
            """Vi sjunger, leker och äter mellanmål tillsammans. Den svenska klubben är på
            onsdagar och den finska på måndagar.""",
            how="Kom med, ingen anmälan behövs.",
            keywords="familjeklubb, församling, lek, sång",
        ),
        en=Lang(
            "Family club in Finnish and Swedish",
            "The parish family club for under-school-age children and their grown-ups.",
            "Songs, games and a snack together: Finnish on Mondays, Swedish on Wednesdays.",
            how="Just come, no registration.",
            keywords="family club, parish, playgroup",
        ),
        ages=(0, 6),
        languages="fi sv",
        at=[
            at(
                PARISH_CENTRE,
                weekly("mon 9:30-11:30", note=("Suomeksi", "På finska", "In Finnish"))
                + weekly("wed 9:30-11:30", note=("Ruotsiksi", "På svenska", "In Swedish")),
            )
        ],
    ),
    service(
        "porvoo-nuorisotila",
        "porvoo",
        "82",
        AREA,
        fi=Lang(
            "Nuorisotila Kulma",
            "Kaksikielinen nuorisotila 13–29-vuotiaille keskustassa.",
            """Kulmassa voi hengailla, pelata, tehdä musiikkia ja jutella nuorisonohjaajien
            kanssa suomeksi tai ruotsiksi. Perjantaisin on pidempi ilta ja yhteistä
            ohjelmaa.""",
            how="Tule paikalle aukioloaikana.",
            who="Porvoolaiset 13–29-vuotiaat.",
            keywords="nuorisotila, nuorisotalo, vapaa-aika, musiikki, kaverit",
        ),
        sv=Lang(
            "Ungdomsgården Kulma",
            "En tvåspråkig ungdomsgård för 13–29-åringar i centrum.",
            """På Kulma kan man hänga, spela, göra musik och prata med ungdomsledare på
            svenska eller finska.""",
            how="Kom under öppettiderna.",
            keywords="ungdomsgård, fritid, musik, kompisar",
        ),
        en=Lang(
            "Kulma youth centre",
            "A bilingual youth centre for 13–29-year-olds in the town centre.",
            "Hang out, play games, make music and talk with youth workers in Finnish or Swedish.",
            how="Drop in during opening hours.",
            keywords="youth centre, free time, music, friends",
        ),
        ages=(13, 29),
        languages="fi sv",
        channels=[phone("+358 40 555 0138", weekly("mon-fri 14-20"), languages="fi sv")],
        at=[at(YOUTH_CENTRE)],
    ),
    service(
        "porvoo-kuraattori",
        "itauusimaa",
        "21",
        AREA,
        fi=Lang(
            "Koulukuraattori ja koulupsykologi",
            """Kouluissa ja lukioissa toimivat kuraattorit ja psykologit tukevat oppilaan
            hyvinvointia.""",
            """Kuraattorin tai psykologin kanssa voi puhua kiusaamisesta, jännittämisestä,
            kotiasioista tai oppimisen vaikeuksista. Palvelu on luottamuksellista ja
            maksutonta, ja sitä saa suomen- ja ruotsinkielisissä kouluissa.""",
            how="Ota yhteyttä Wilmassa tai soita. Oppilas voi tulla myös itse.",
            who="Porvoon peruskoulujen ja toisen asteen oppilaitosten opiskelijat.",
            keywords="kuraattori, koulupsykologi, kiusaaminen, jännittäminen, oppilashuolto",
        ),
        sv=Lang(
            "Skolkurator och skolpsykolog",
            "Kuratorer och psykologer i skolorna stöder elevernas välbefinnande.",
            """Man kan tala om mobbning, nervositet, hemmet eller inlärningssvårigheter.
            Stödet är konfidentiellt och finns i både svensk- och finskspråkiga skolor.""",
            how="Ta kontakt i Wilma eller ring. Eleven kan också komma själv.",
            keywords="kurator, skolpsykolog, mobbning, elevhälsa",
        ),
        en=Lang(
            "School social worker and psychologist",
            "School social workers and psychologists support pupils' wellbeing.",
            """Talk about bullying, nerves, home or learning difficulties, in confidence, in
            both Finnish and Swedish schools.""",
            how="Get in touch through Wilma or call. Pupils may also just come by.",
            keywords="school social worker, school psychologist, bullying",
        ),
        ages=(7, 19),
        languages="fi sv en",
        channels=[phone("+358 40 555 0139", weekly("mon-fri 8-9"), languages="fi sv")],
    ),
    service(
        "porvoo-yksityinen-puheterapia",
        "sanasto",
        "2",
        AREA,
        fi=Lang(
            "Yksityinen puheterapia",
            "Yksityinen puheterapeutti arvioi ja kuntouttaa lapsen puhetta ja kieltä.",
            """Terapiakeskus tarjoaa puheterapiaa suomeksi ja ruotsiksi myös ilta-aikoina.
            Hyvinvointialue ostaa palvelua maksusitoumuksella, ja Kela voi korvata
            vaativan lääkinnällisen kuntoutuksen. Voit myös maksaa terapian itse.""",
            how="Varaa aika puhelimitse tai verkossa.",
            who="Lapset ja nuoret.",
            keywords="puheterapia, yksityinen, maksusitoumus, Kela, puheen viivästymä",
            fees="""Omakustanteinen käynti 90 € / 45 min. Maksusitoumuksella tai Kelan
            päätöksellä maksuton.""",
        ),
        sv=Lang(
            "Privat talterapi",
            "En privat talterapeut bedömer och rehabiliterar barnets tal och språk.",
            """Talterapi på svenska och finska, också kvällstid. Välfärdsområdet kan köpa
            terapin med betalningsförbindelse.""",
            how="Boka tid per telefon eller på webben.",
            keywords="talterapi, privat, betalningsförbindelse",
            fees="90 € / 45 min; med betalningsförbindelse avgiftsfritt.",
        ),
        ages=(0, 17),
        languages="fi sv",
        free=False,
        channels=[phone("+358 40 555 0140", weekly("mon-thu 9-17"), languages="fi sv")],
    ),
    service(
        "porvoo-perhekahvila-kevatkumpu",
        "porvoo",
        "8",
        AREA,
        fi=Lang(
            "Perhekahvila Kevätkumpu (toiminta päättynyt)",
            "Kevätkummun perhekahvila on lopettanut; lähin kohtaamispaikka on seurakuntakeskus.",
            """Kevätkummun koulun tiloissa toiminut perhekahvila päättyi keväällä 2026.
            Perhekerhot jatkuvat seurakuntakeskuksessa ja Folkhälsanin perhekahvilassa.""",
            keywords="perhekahvila, Kevätkumpu",
        ),
        sv=Lang(
            "Familjecafé Vårberga (verksamheten har upphört)",
            "Familjecaféet i Vårberga har upphört.",
            "Familjeklubbarna fortsätter i församlingscentrumet och på Folkhälsans familjecafé.",
        ),
        status="inactive",
        verified=None,
    ),
]
