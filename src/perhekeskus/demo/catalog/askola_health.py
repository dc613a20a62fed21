"""Askola's wellbeing clinic, part 2: therapists, psychologist, psychiatric nurse, doctor's and
nurse's appointments, school and student health care and dental care (seed 004)."""

from __future__ import annotations

from perhekeskus.demo.catalog.askola_clinic import CLINIC, SCHOOL
from perhekeskus.demo.catalog.helpers import (
    ASKOLA,
    Lang,
    at,
    eservice,
    local,
    phone,
    service,
)
from perhekeskus.demo.catalog.helpers import web as page
from perhekeskus.demo.catalog.hours import weekly

_THERAPY_HOW = (
    """Tarvitset lähetteen neuvolasta, koulu- tai opiskeluterveydenhuollosta tai lääkäriltä.
    Voit myös soittaa ja kysyä, onko terapeutin arviosta apua.""",
    "Du behöver en remiss från rådgivningen, skolhälsovården eller en läkare.",
    "You need a referral from the child health clinic, school health care or a doctor.",
)

SERVICES = [
    service(
        "askola-puheterapia",
        "itauusimaa",
        "2",
        local(ASKOLA),
        fi=Lang(
            "Puheterapia",
            "Puheterapeutti tutkii ja kuntouttaa lapsen puheen, kielen ja vuorovaikutuksen pulmia.",
            """Puheterapeutti arvioi, miten lapsi ymmärtää puhetta, puhuu ja on
            vuorovaikutuksessa. Hän antaa vanhemmille ja päiväkodille vinkkejä arkeen ja
            järjestää tarvittaessa terapiajakson. Syynä voi olla esimerkiksi puheen
            viivästyminen, änkytys tai nielemisen vaikeudet.""",
            how=_THERAPY_HOW[0],
            who="Askolalaiset lapset ja nuoret.",
            keywords="puheterapia, puhe, lapsi ei puhu, änkytys, ärrä, kielen kehitys",
        ),
        sv=Lang(
            "Talterapi",
            "Talterapeuten undersöker och rehabiliterar barnets tal, språk och kommunikation.",
            """Terapeuten bedömer hur barnet förstår och använder språket och ger råd till
            föräldrar och daghem. Vid behov ordnas en terapiperiod.""",
            how=_THERAPY_HOW[1],
            keywords="talterapi, tal, språkutveckling, stamning",
        ),
        en=Lang(
            "Speech therapy",
            """A speech therapist assesses and treats problems with speech, language and
            interaction.""",
            """The therapist assesses how the child understands and uses language, gives
            parents and daycare ideas for everyday life, and arranges therapy if needed.""",
            how=_THERAPY_HOW[2],
            keywords="speech therapy, speech delay, stuttering, language development",
        ),
        ages=(0, 17),
        languages="fi",
        channels=[phone("+358 40 555 0107", weekly("tue,thu 12-13")), page("askola/puheterapia")],
        at=[at(CLINIC)],
    ),
    service(
        "askola-fysioterapia",
        "itauusimaa",
        "27",
        local(ASKOLA),
        fi=Lang(
            "Lasten fysioterapia",
            "Fysioterapeutti tukee vauvan ja lapsen motorista kehitystä.",
            """Fysioterapeutti arvioi lapsen liikkumista, asentoja ja kehon hallintaa, ja
            ohjaa vanhempia leikkeihin, joilla kehitystä voi tukea kotona. Vauvoilla syynä voi
            olla esimerkiksi pään kääntymisen toispuoleisuus, isommilla kömpelyys tai
            urheiluvamman jälkeinen kuntoutus.""",
            how=_THERAPY_HOW[0],
            who="Askolalaiset vauvat, lapset ja nuoret.",
            keywords="fysioterapia, motoriikka, vauva ei konttaa, kömpelyys, ryhti",
        ),
        sv=Lang(
            "Fysioterapi för barn",
            "Fysioterapeuten stöder den motoriska utvecklingen hos bebisar och barn.",
            """Fysioterapeuten bedömer barnets rörelser och hållning och visar föräldrarna
            lekar som stöder utvecklingen hemma.""",
            how=_THERAPY_HOW[1],
            keywords="fysioterapi, motorik, hållning",
        ),
        en=Lang(
            "Physiotherapy for children",
            "A physiotherapist supports the motor development of babies and children.",
            """The physiotherapist assesses the child's movement and posture and shows the
            parents games that support development at home.""",
            how=_THERAPY_HOW[2],
            keywords="physiotherapy, motor skills, posture, clumsiness",
        ),
        ages=(0, 17),
        channels=[phone("+358 40 555 0108", weekly("mon,wed 8-9"))],
        at=[at(CLINIC)],
    ),
    service(
        "askola-toimintaterapia",
        "itauusimaa",
        "2",
        local(ASKOLA),
        fi=Lang(
            "Toimintaterapia",
            """Toimintaterapeutti auttaa lasta, jolla on vaikeuksia arjen taidoissa, leikissä tai
            keskittymisessä.""",
            """Toimintaterapiassa harjoitellaan esimerkiksi hienomotoriikkaa, aistitiedon
            käsittelyä, pukeutumista tai keskittymistä leikin avulla. Terapeutti tekee
            yhteistyötä perheen, päiväkodin ja koulun kanssa, jotta harjoittelu jatkuu
            arjessa.""",
            how=_THERAPY_HOW[0],
            who="Askolalaiset lapset ja nuoret.",
            keywords="toimintaterapia, hienomotoriikka, aistiyliherkkyys, keskittyminen, kynäote",
        ),
        en=Lang(
            "Occupational therapy",
            "An occupational therapist helps children who struggle with everyday skills or play.",
            """Through play, the child practises fine motor skills, sensory processing,
            dressing or concentration, together with family, daycare and school.""",
            how=_THERAPY_HOW[2],
            keywords="occupational therapy, fine motor skills, sensory, concentration",
        ),
        ages=(0, 17),
        channels=[phone("+358 40 555 0109", weekly("thu 12-13"))],
        at=[at(CLINIC)],
    ),
    service(
        "askola-psykologi",
        "itauusimaa",
        "26",
        local(ASKOLA),
        fi=Lang(
            "Lasten ja perheiden psykologi",
            "Psykologi auttaa, kun lapsen tunteet, käytös tai kehitys huolettavat.",
            """Psykologi tapaa lasta ja vanhempia hyvinvointineuvolassa. Yhdessä selvitetään,
            mistä lapsen oireilu voisi johtua, ja mietitään keinoja arkeen. Psykologi tekee
            tarvittaessa kehitykseen liittyviä tutkimuksia ja ohjaa jatkotukeen.""",
            how="""Varaa aika neuvolan, kouluterveydenhoitajan tai palveluohjauksen kautta tai
            soita itse.""",
            who="Askolalaiset lapset, nuoret ja heidän vanhempansa.",
            keywords="psykologi, lapsen tunteet, raivokohtaukset, ahdistus, kehitys, pelot",
        ),
        sv=Lang(
            "Psykolog för barn och familjer",
            "Psykologen hjälper när barnets känslor, beteende eller utveckling oroar.",
            """Psykologen träffar barnet och föräldrarna och utreder tillsammans med dem vad
            som kan ligga bakom barnets symtom.""",
            how="Boka tid via rådgivningen eller servicehandledningen, eller ring själv.",
            keywords="psykolog, känslor, ångest, rädslor",
        ),
        en=Lang(
            "Psychologist for children and families",
            "A psychologist helps when a child's feelings, behaviour or development worry you.",
            """The psychologist meets the child and parents, works out together what may lie
            behind the symptoms and suggests ways to cope in everyday life.""",
            how="Book through the clinic or service guidance, or call yourself.",
            keywords="psychologist, tantrums, anxiety, fears, child development",
        ),
        ages=(0, 17),
        languages="fi en",
        channels=[phone("+358 40 555 0110", weekly("mon-thu 12-12:30"), languages="fi en")],
        at=[at(CLINIC)],
    ),
    service(
        "askola-psykiatrinen-sairaanhoitaja",
        "itauusimaa",
        "2",
        local(ASKOLA),
        fi=Lang(
            "Psykiatrinen sairaanhoitaja",
            "Keskusteluapua nuorille ja vanhemmille mielialaan, jaksamiseen ja päihteisiin.",
            """Psykiatrinen sairaanhoitaja tapaa nuoria ja lasten vanhempia, kun mieli on
            maassa, jännittää tai oma jaksaminen on koetuksella. Käyntejä on yleensä
            muutamasta kymmeneen. Hän on mukana myös VATU-tiimissä ja tekee yhteistyötä
            koulun ja neuvolan kanssa.""",
            how="Soita puhelinaikana; lähetettä ei tarvita.",
            who="Askolalaiset nuoret ja lapsiperheiden vanhemmat.",
            keywords="mielenterveys, masennus, ahdistus, jaksaminen, päihteet, keskusteluapu",
        ),
        sv=Lang(
            "Psykiatrisk sjukskötare",
            "Samtalsstöd för unga och föräldrar vid nedstämdhet, ork och rusmedel.",
            """Sjukskötaren träffar unga och föräldrar när humöret är lågt eller orken
            tryter. Ingen remiss behövs.""",
            how="Ring under telefontiden.",
            keywords="psykisk hälsa, depression, ångest, ork",
        ),
        en=Lang(
            "Psychiatric nurse",
            "Someone to talk to for young people and parents about mood, coping and substances.",
            """The psychiatric nurse meets young people and parents when they feel low,
            anxious or exhausted. No referral is needed.""",
            how="Call during the phone hours.",
            keywords="mental health, depression, anxiety, coping, someone to talk to",
        ),
        languages="fi",
        channels=[phone("+358 40 555 0111", weekly("mon-fri 12-13"))],
        at=[at(CLINIC)],
    ),
    service(
        "askola-vastaanotto",
        "itauusimaa",
        "17",
        local(ASKOLA),
        fi=Lang(
            "Lääkärin ja sairaanhoitajan vastaanotto",
            """Kiireetön ja kiireellinen hoito sairauksiin arkipäivisin Askolan
            hyvinvointineuvolassa.""",
            """Sairaanhoitaja arvioi hoidon tarpeen puhelimessa ja varaa tarvittaessa ajan
            sairaanhoitajalle tai lääkärille. Lapsiperheiden asiat hoidetaan saman katon alla
            neuvolan ja perhepalvelujen kanssa. Iltaisin ja viikonloppuisin päivystää
            yhteispäivystys Porvoossa.""",
            how="Soita ajanvaraukseen tai asioi sähköisesti.",
            who="Kaikki askolalaiset.",
            keywords="lääkäri, sairaanhoitaja, ajanvaraus, kuume, korvakipu, terveysasema",
            fees="""Alle 18-vuotiaille maksuton. Aikuisen käynnistä peritään asiakasmaksulain
            mukainen maksu.""",
        ),
        sv=Lang(
            "Läkar- och sjukskötarmottagning",
            "Vård vid sjukdom på vardagar på välfärdsrådgivningen i Askola.",
            """Sjukskötaren bedömer vårdbehovet per telefon och bokar vid behov tid. Kvällar
            och veckoslut sköts jouren i Borgå.""",
            how="Ring tidsbokningen eller använd e-tjänsten.",
            keywords="läkare, sjukskötare, tidsbokning, feber, hälsostation",
            fees="Avgiftsfritt för under 18-åringar; vuxna betalar en klientavgift.",
        ),
        en=Lang(
            "Doctor and nurse appointments",
            "Care for illnesses on weekdays at the Askola wellbeing clinic.",
            """A nurse assesses your need for care by phone and books an appointment if
            needed. Evenings and weekends, the joint emergency clinic in Porvoo is open.""",
            how="Call the appointment line or use the e-service.",
            keywords="doctor, nurse, appointment, fever, earache, health centre",
            fees="Free for under-18s; adults pay a client fee.",
        ),
        languages="fi sv en",
        free=False,
        channels=[
            phone("+358 19 555 0112", weekly("mon-fri 8-15:30"), languages="fi sv en"),
            eservice(
                "itauusimaa/ajanvaraus",
                ("Sähköinen ajanvaraus", "Elektronisk tidsbokning", "Book online"),
                languages="fi sv en",
            ),
        ],
        at=[at(CLINIC, weekly("mon-fri 8-16"))],
    ),
    service(
        "askola-kouluterveydenhuolto",
        "itauusimaa",
        "71",
        local(ASKOLA),
        fi=Lang(
            "Oppilas- ja opiskeluterveydenhuolto",
            """Kouluterveydenhoitaja ja koululääkäri seuraavat koululaisen terveyttä ja
            hyvinvointia.""",
            """Kouluterveydenhoitaja tapaa jokaisen oppilaan vuosittain, ja laajoissa
            terveystarkastuksissa on mukana lääkäri ja vanhemmat. Terveydenhoitajan
            vastaanotolle voi mennä myös ilman ajanvarausta, kun mieltä painaa jokin tai
            tarvitsee ensiapua. Opiskeluterveydenhuolto palvelee toisen asteen opiskelijoita.""",
            how="Kouluterveydenhoitajan avoin vastaanotto koulupäivinä; vanhemmat voivat soittaa.",
            who="Askolan koulujen oppilaat ja askolalaiset toisen asteen opiskelijat.",
            keywords="kouluterveydenhoitaja, koulu, terveystarkastus, rokotus, murrosikä",
        ),
        sv=Lang(
            "Elev- och studerandehälsovård",
            "Skolhälsovårdaren och skolläkaren följer elevens hälsa och välbefinnande.",
            """Skolhälsovårdaren träffar varje elev årligen. Man kan också gå till
            mottagningen utan tidsbokning.""",
            how="Öppen mottagning under skoldagar; föräldrar kan ringa.",
            keywords="skolhälsovårdare, hälsokontroll, skola",
        ),
        en=Lang(
            "School and student health care",
            "The school nurse and doctor follow pupils' health and wellbeing.",
            """The school nurse meets every pupil each year. Pupils can also drop in without
            an appointment when something is on their mind or they need first aid.""",
            how="Drop-in hours on school days; parents can call.",
            keywords="school nurse, school doctor, health check, puberty",
        ),
        ages=(7, 19),
        channels=[phone("+358 40 555 0113", weekly("mon-fri 8-8:45"))],
        at=[
            at(
                SCHOOL,
                weekly("mon-fri 9-11"),
                note=("Avoin vastaanotto", "Öppen mottagning", "Drop-in hours"),
            )
        ],
    ),
    service(
        "askola-suun-terveydenhuolto",
        "itauusimaa",
        "7",
        local(ASKOLA),
        fi=Lang(
            "Lasten ja nuorten suun terveydenhuolto",
            "Hammashoitola kutsuu lapset ja nuoret suun terveystarkastuksiin ja hoitaa hampaat.",
            """Suuhygienisti tai hammaslääkäri tarkastaa lapsen hampaat säännöllisesti ja
            neuvoo hampaiden harjauksessa, ruokailussa ja imeltämisessä. Särkyyn tai
            tapaturmaan saa kiireellisen ajan samana päivänä. Myös odottava perhe saa
            suunhoidon neuvontaa.""",
            how="Hammashoitola kutsuu tarkastuksiin. Särkytapauksissa soita aamulla.",
            who="Askolalaiset alle 18-vuotiaat.",
            keywords="hammaslääkäri, hampaat, reikä, hammassärky, suuhygienisti, hammashoitola",
        ),
        sv=Lang(
            "Munhälsovård för barn och unga",
            "Tandkliniken kallar barn och unga till kontroller och vårdar tänderna.",
            """Munhygienisten eller tandläkaren kontrollerar barnets tänder regelbundet.
            Vid tandvärk får man en akut tid samma dag.""",
            how="Tandkliniken kallar till kontroll. Vid tandvärk, ring på morgonen.",
            keywords="tandläkare, tänder, tandvärk, karies",
        ),
        en=Lang(
            "Dental care for children and young people",
            "The dental clinic invites children and young people to check-ups and treats teeth.",
            """A dental hygienist or dentist checks the child's teeth regularly. Toothache or
            a dental injury gets an urgent appointment the same day.""",
            how="The clinic sends an invitation. For toothache, call in the morning.",
            keywords="dentist, teeth, toothache, cavity, dental hygienist",
        ),
        ages=(0, 17),
        languages="fi sv",
        channels=[phone("+358 19 555 0114", weekly("mon-fri 8-11"), languages="fi sv")],
        at=[at(CLINIC, weekly("mon-fri 7:30-15"))],
    ),
]
