"""Lapland's county-wide family services for Simo and Inari (seed 002): the anonymous chat for
parenting in separation (Ensi- ja turvakoti), the parishes' family counselling by video, the
shelter, the family counselling clinic's remote appointments and service guidance for families
who have moved to Finland."""

from __future__ import annotations

from perhekeskus.demo.catalog.helpers import (
    INARI,
    SIMO,
    Lang,
    chat,
    county,
    phone,
    remote,
    service,
)
from perhekeskus.demo.catalog.helpers import web as page
from perhekeskus.demo.catalog.hours import ALWAYS, weekly

AREA = county(SIMO, INARI)

SERVICES = [
    service(
        "lappi-erochat",
        "lapin-ensi-ja-turvakoti",
        "36",
        AREA,
        fi=Lang(
            "Erochat vanhemmille",
            "Nimetön chat, jossa ammattilainen tukee vanhempaa eron keskellä.",
            """Chatissa voit kysyä ja purkaa mieltäsi nimettömänä: miten kertoa lapsille
            erosta, miten sopia asumisesta ja tapaamisista tai miten jaksaa itse. Vastaajina
            ovat Lapin ensi- ja turvakodin eroauttamisen työntekijät. Tarvittaessa he
            kertovat, mistä Lapissa saa lisää apua.""",
            how="Avaa chat verkossa päivystysaikana. Nimeä tai henkilötunnusta ei kysytä.",
            who="Eroa harkitsevat, eroavat ja eronneet vanhemmat Lapissa.",
            keywords="ero, erotilanne, chat, nimetön, vanhemmuus eron jälkeen, lapset ja ero",
        ),
        sv=Lang(
            "Skilsmässochatt för föräldrar",
            "En anonym chatt där en professionell stöder föräldern mitt i en skilsmässa.",
            """Fråga och tala ut anonymt: hur man berättar för barnen, hur man kommer
            överens om boende och umgänge och hur man själv orkar.""",
            how="Öppna chatten på webben under jourtiden.",
            keywords="skilsmässa, chatt, anonym, föräldraskap",
        ),
        en=Lang(
            "Separation chat for parents",
            "An anonymous chat where a professional supports you as a parent in a separation.",
            """Ask and talk anonymously about telling the children, agreeing on living
            arrangements and contact, or coping yourself. Staff also tell you where to find
            more help in Lapland.""",
            how="Open the chat online during chat hours. No name or ID is asked.",
            keywords="separation, divorce, chat, anonymous, co-parenting",
        ),
        languages="fi sv en",
        channels=[
            chat(
                "lappi/erochat",
                ("Erochat", "Skilsmässochatt", "Separation chat"),
                weekly("mon,wed 17-20", "thu 12-15"),
                note=("Nimetön ja maksuton.", "Anonym och gratis.", "Anonymous and free."),
                languages="fi en",
            )
        ],
    ),
    service(
        "lappi-perheasiain-neuvottelu",
        "lapin-perheasiain-neuvottelukeskus",
        "63",
        AREA,
        fi=Lang(
            "Perheasiain neuvottelu etäyhteydellä",
            """Seurakuntien perheneuvojien keskusteluapua parisuhteeseen ja perheen kriiseihin
            videolla.""",
            """Lapissa matkat ovat pitkiä, joten perheasiain neuvottelukeskuksen tapaamiset
            voi pitää videoyhteydellä kotoa käsin. Perheneuvojat auttavat parisuhteen
            ristiriidoissa, erossa ja perheen kriiseissä. Palvelu on maksuton ja
            luottamuksellinen kirkkoon kuulumisesta riippumatta.""",
            how="Varaa etäaika verkossa tai soita.",
            who="Lapin asukkaat.",
            keywords="parisuhde, perheneuvonta, ero, kriisi, etäyhteys, video",
        ),
        sv=Lang(
            "Familjerådgivning på distans",
            "Församlingarnas samtalsstöd för par och familjer via video.",
            "Mötena kan hållas på video hemifrån. Avgiftsfritt och konfidentiellt.",
            how="Boka distanstid på webben eller ring.",
            keywords="parrelation, familjerådgivning, video",
        ),
        en=Lang(
            "Family counselling by video",
            "The parishes' counselling for couples and family crises, by video.",
            """Distances in Lapland are long, so meetings can be held by video from home.
            Free and confidential, whether or not you belong to the church.""",
            how="Book a video appointment online or call.",
            keywords="relationship, couple counselling, separation, video",
        ),
        languages="fi sv en",
        channels=[
            remote(
                "lappi/perheasiain-neuvottelu/etaaika",
                ("Varaa etäaika", "Boka distanstid", "Book a video appointment"),
                hours=weekly("mon-thu 9-19", "fri 9-14"),
                languages="fi",
            ),
            phone("+358 16 555 0160", weekly("mon-fri 9-11")),
        ],
    ),
    service(
        "lappi-turvakoti",
        "lapin-ensi-ja-turvakoti",
        "4",
        AREA,
        producers=["lappi"],
        fi=Lang(
            "Turvakoti ja väkivaltatyö Lapissa",
            "Turvakoti päivystää ympäri vuorokauden; väkivaltatyöhön saa ajan myös etänä.",
            """Turvakotiin voi hakeutua itse mihin aikaan tahansa, jos kotona ei ole
            turvallista. Turvakodin työntekijät auttavat myös matkajärjestelyissä pitkien
            välimatkojen takia. Avopalveluna on keskusteluapua videolla väkivaltaa
            kokeneille, käyttäneille ja lapsille. Välittömässä vaarassa soita 112.""",
            how="Soita turvakodin päivystykseen ympäri vuorokauden.",
            who="Kaikki Lapissa väkivaltaa tai sen uhkaa kokevat.",
            keywords="turvakoti, väkivalta, perheväkivalta, ei turvallista kotona",
        ),
        sv=Lang(
            "Skyddshem och arbete mot våld i Lappland",
            "Skyddshemmet har jour dygnet runt; samtalsstöd även på distans.",
            "Du kan själv söka dig till skyddshemmet när som helst. Vid akut fara, ring 112.",
            how="Ring jouren dygnet runt.",
            keywords="skyddshem, våld, familjevåld",
        ),
        en=Lang(
            "Shelter and help with violence in Lapland",
            "The shelter answers day and night; counselling is also available by video.",
            """You can come to the shelter on your own at any time; staff help with travel
            over long distances. In immediate danger, call 112.""",
            how="Call the shelter at any hour.",
            keywords="shelter, violence, domestic violence, unsafe at home",
        ),
        languages="fi sv en",
        channels=[
            phone(
                "+358 16 555 0161",
                ALWAYS,
                name=("Turvakodin päivystys", "Skyddshemmets jour", "Shelter on call"),
                languages="fi sv en",
            )
        ],
    ),
    service(
        "lappi-perheneuvola",
        "lappi",
        "26",
        AREA,
        fi=Lang(
            "Perheneuvola, etä- ja kotikäynnit",
            """Perheneuvola tapaa perheitä videolla, lähipisteissä ja kotona pitkien matkojen
            vuoksi.""",
            """Perheneuvolan psykologit ja sosiaalityöntekijät auttavat lapsen kasvuun,
            kehitykseen ja perheen vuorovaikutukseen liittyvissä huolissa. Työntekijät
            jalkautuvat Simoon ja Ivaloon sovittuina päivinä, ja tapaamisia voi pitää myös
            videolla.""",
            how="Soita ajanvaraukseen; lähetettä ei tarvita.",
            who="Lapin alle 18-vuotiaat ja heidän perheensä.",
            keywords="perheneuvola, kasvatus, etävastaanotto, kotikäynti, psykologi",
        ),
        sv=Lang(
            "Familjerådgivning, distans- och hembesök",
            "Familjerådgivningen träffar familjer på video, på närorter och hemma.",
            "Psykologer och socialarbetare hjälper vid oro för barnets utveckling.",
            how="Ring tidsbokningen.",
            keywords="familjerådgivning, distansmottagning",
        ),
        en=Lang(
            "Family counselling clinic, remote and home visits",
            "Meets families by video, at local offices and at home, given the long distances.",
            """Psychologists and social workers help with worries about the child's
            development and family relationships; they visit Simo and Ivalo regularly.""",
            how="Call the booking line; no referral is needed.",
            keywords="family counselling, remote appointment, home visit",
        ),
        ages=(0, 17),
        languages="fi sv en",
        channels=[
            phone("+358 16 555 0162", weekly("mon-fri 9-11"), languages="fi sv"),
            remote(
                "lappi/perheneuvola/etaaika",
                ("Videotapaaminen", "Videomöte", "Video meeting"),
                languages="fi sv en",
            ),
        ],
    ),
    service(
        "lappi-maahanmuuttaneiden-palveluohjaus",
        "lappi",
        "51",
        AREA,
        fi=Lang(
            "Palveluohjaus Suomeen muuttaneille perheille",
            "Apua palvelujen löytämiseen ja asiointiin Suomeen muuttaneille lapsiperheille.",
            """Palveluohjaaja auttaa asioimaan neuvolassa, päiväkodissa, koulussa ja Kelassa
            ja kertoo perheen oikeuksista. Tapaamisiin tilataan maksuton tulkki, ja asioida
            voi myös puhelimitse tai videolla.""",
            how="Soita tai pyydä neuvolaa tai koulua ottamaan yhteyttä.",
            who="Simoon ja Inariin muuttaneet lapsiperheet.",
            keywords="maahanmuuttaja, tulkki, kotoutuminen, palveluohjaus",
        ),
        en=Lang(
            "Service guidance for families new to Finland",
            "Help finding and using services for families who have moved to Finland.",
            """The counsellor helps with the clinic, daycare, school and Kela, with a free
            interpreter; by phone or video too.""",
            how="Call, or ask the clinic or school to get in touch.",
            keywords="immigrant, interpreter, integration, service guidance",
        ),
        languages="fi en ru uk ar",
        channels=[
            phone("+358 16 555 0163", weekly("mon-thu 9-15"), languages="fi en ru"),
            page("lappi/kotoutuminen", languages="fi en ru uk ar"),
        ],
    ),
]
