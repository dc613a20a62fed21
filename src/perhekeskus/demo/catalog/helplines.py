"""Nationwide helplines and chats: MLL's parents' helpline and children's and young people's
phone, MIELI's crisis helpline and young people's chat, and the national domestic-violence helpline
that THL organises and a settlement produces.

The crisis lines' numbers are the real national ones and come from `core.crisis`, the list the
urgent-help boxes show, so that a card and a box can never give two numbers for one helpline;
a line that the list calls round the clock gets round-the-clock hours here. The other numbers are
demo numbers, and the limited hours follow the services' published pattern but are demo data."""

from __future__ import annotations

from collections.abc import Sequence

from perhekeskus.catalog.importers.records import ChannelRecord, ScheduleRecord
from perhekeskus.catalog.models import PhoneCharge
from perhekeskus.core import crisis
from perhekeskus.demo.catalog.helpers import (
    NATIONWIDE,
    Lang,
    Text,
    chat,
    eservice,
    phone,
    service,
)
from perhekeskus.demo.catalog.hours import ALWAYS, closed, special, weekly


def crisis_phone(
    line: crisis.CrisisLine,
    hours: Sequence[ScheduleRecord] = (),
    *,
    name: Text | None = None,
) -> ChannelRecord:
    """A crisis line's phone channel: its number, charge and languages from `core.crisis`."""
    if line.around_the_clock == bool(hours):
        raise ValueError(f"{line.key}: hours are given for exactly the lines not open 24 h")
    record = phone(
        line.number, ALWAYS if line.around_the_clock else hours, name=name, languages="fi"
    )
    record.languages = list(line.languages)
    record.phone_charge = PhoneCharge.FREE if line.free else PhoneCharge.LOCAL
    return record


_PARENTS_HOURS = [
    *weekly("mon-wed 10-13", "mon,tue 17-20", "thu 14-20"),
    closed("2026-12-23", "2027-01-06", ("Joulutauko", "Juluppehåll", "Christmas break")),
]
_CHILDREN_HOURS = [
    *weekly("mon-fri 14-20", "sat,sun 17-20"),
    special("2026-12-24", "17-24", ("Jouluaatto", "Julafton", "Christmas Eve")),
    special("2026-12-25", "17-24", ("Joulupäivä", "Juldagen", "Christmas Day")),
]

SERVICES = [
    service(
        "mll-vanhempainpuhelin",
        "mll",
        "6",
        NATIONWIDE,
        fi=Lang(
            "Vanhempainpuhelin ja -chat",
            "Maksuton ja nimetön puhelin ja chat vanhemmille ja muille kasvattajille.",
            """Vanhempainpuhelimeen voi soittaa, kun haluaa jutella lapsen kasvatuksesta,
            perheen arjesta, parisuhteesta tai omasta jaksamisesta. Vastaajina ovat MLL:n
            kouluttamat vapaaehtoiset, joiden tukena on ammattilainen. Soittaa voi
            nimettömänä, eikä puhelu maksa mitään. Kirjeen voi jättää milloin vain.""",
            how="Soita tai avaa chat päivystysaikana, tai kirjoita nettikirje.",
            who="Vanhemmat, isovanhemmat ja muut lasten kanssa elävät aikuiset koko Suomessa.",
            keywords="vanhempainpuhelin, kasvatus, uupumus, jaksaminen, nimetön, murrosikäinen",
        ),
        sv=Lang(
            "Föräldratelefonen och -chatten",
            "En avgiftsfri och anonym telefon och chatt för föräldrar.",
            """Ring när du vill prata om fostran, vardagen, parrelationen eller din egen ork.
            Frivilliga med stöd av en professionell svarar.""",
            how="Ring eller chatta under jourtiden, eller skriv ett brev på webben.",
            keywords="föräldratelefon, fostran, ork, anonym",
        ),
        en=Lang(
            "Parents' helpline and chat",
            "A free and anonymous phone line and chat for parents and carers.",
            """Call to talk about upbringing, family life, your relationship or coping.
            Trained volunteers backed by a professional answer; calls are free and anonymous.""",
            how="Call or chat during opening hours, or write an online letter any time.",
            keywords="parents' helpline, parenting, exhausted, anonymous, teenager",
        ),
        languages="fi",
        channels=[
            phone("0800 555 011", _PARENTS_HOURS, name="Vanhempainpuhelin"),
            chat(
                "mll/vanhempainchat",
                ("Vanhempainchat", "Föräldrachatten", "Parents' chat"),
                weekly("mon,tue 10-13"),
            ),
            eservice(
                "mll/vanhempainnettikirje",
                ("Vanhempainnettikirje", "Brev på webben", "Online letter"),
                note=("Vastaus tulee viikon kuluessa.", "", "You get an answer within a week."),
            ),
        ],
    ),
    service(
        "mll-lasten-ja-nuorten-puhelin",
        "mll",
        "2",
        NATIONWIDE,
        fi=Lang(
            "Lasten ja nuorten puhelin ja chat",
            "Lapsi tai nuori voi soittaa tai chattailla nimettömänä mistä tahansa asiasta.",
            """Puhelimessa ja chatissa vastaa aikuinen, joka kuuntelee kiireettä:
            kaverisuhteista, koulusta, kodin riidoista, ihastumisesta tai pahasta olosta.
            Palvelu on maksuton, eikä soitto näy puhelinlaskussa. Puhelin on auki myös
            jouluna.""",
            how="Soita tai avaa chat päivystysaikana.",
            who="Alle 21-vuotiaat lapset ja nuoret koko Suomessa.",
            keywords="lasten puhelin, nuorten chat, paha olo, kiusaaminen, yksinäisyys, nimetön",
        ),
        sv=Lang(
            "Barn- och ungdomstelefonen och chatten",
            "Barn och unga kan ringa eller chatta anonymt om vad som helst.",
            "En vuxen lyssnar i lugn och ro. Samtalet är gratis och syns inte på räkningen.",
            how="Ring eller chatta under jourtiden.",
            keywords="barntelefon, chatt för unga, mobbning, ensamhet",
        ),
        en=Lang(
            "Children's and young people's phone and chat",
            "Children and young people can call or chat anonymously about anything.",
            """An adult listens without hurry: friends, school, fights at home, crushes or
            feeling bad. Free, and the call does not show on the phone bill.""",
            how="Call or chat during opening hours.",
            keywords="children's helpline, youth chat, bullying, loneliness, anonymous",
        ),
        ages=(None, 20),
        languages="fi",
        channels=[
            crisis_phone(crisis.MLL_CHILDREN, _CHILDREN_HOURS, name="Lasten ja nuorten puhelin"),
            chat(
                "mll/lasten-ja-nuorten-chat",
                ("Lasten ja nuorten chat", "Chatten för barn och unga", "Youth chat"),
                weekly("mon-sun 17-20"),
            ),
        ],
    ),
    service(
        "mieli-kriisipuhelin",
        "mieli",
        "2",
        NATIONWIDE,
        fi=Lang(
            "Kriisipuhelin",
            "Keskusteluapua kriisissä ympäri vuorokauden.",
            """Kriisipuhelimeen voi soittaa, kun elämässä on tapahtunut jotain järkyttävää,
            mieli on raskas tai on itsetuhoisia ajatuksia. Myös läheisensä puolesta
            huolestunut voi soittaa. Suomenkielinen päivystys on auki ympäri vuorokauden,
            ruotsin- ja englanninkielinen tiettyinä aikoina.""",
            how="Soita. Välittömässä hengenvaarassa soita 112.",
            who="Kaikki, myös nuoret ja lasten vanhemmat.",
            keywords="kriisi, kriisipuhelin, itsetuhoisuus, järkytys, suru, ero, paha olo",
        ),
        sv=Lang(
            "Kristelefonen",
            "Samtalsstöd i kris, på finska dygnet runt.",
            """Ring när något omskakande har hänt, när sinnet är tungt eller du har
            självmordstankar. Svenska linjen är öppen vissa tider.""",
            how="Ring. Vid akut livsfara, ring 112.",
            keywords="kris, kristelefon, självmordstankar, sorg",
        ),
        en=Lang(
            "Crisis helpline",
            "Someone to talk to in a crisis, in Finnish around the clock.",
            """Call when something shocking has happened, you feel heavy or have suicidal
            thoughts, or you worry about someone close. The English line has set hours.""",
            how="Call. If a life is in immediate danger, call 112.",
            keywords="crisis, crisis helpline, suicidal thoughts, grief",
        ),
        languages="fi sv en",
        channels=[
            crisis_phone(crisis.MIELI_FI, name=("Suomeksi", "På finska", "In Finnish")),
            crisis_phone(
                crisis.MIELI_SV,
                weekly("mon,tue 16-20", "wed,thu 9-13"),
                name=("Ruotsiksi", "På svenska", "In Swedish"),
            ),
            crisis_phone(
                crisis.MIELI_EN,
                weekly("mon-fri 11-15"),
                name=("Englanniksi", "På engelska", "In English"),
            ),
        ],
    ),
    service(
        "mieli-sekasin-chat",
        "mieli",
        "2",
        NATIONWIDE,
        fi=Lang(
            "Nuorten chat mielen asioihin",
            """12–29-vuotiaiden valtakunnallinen chat, jossa voi puhua mistä tahansa mieltä
            painavasta.""",
            """Chatissa vastaavat koulutetut vapaaehtoiset ja ammattilaiset. Voit kirjoittaa
            nimettömänä ahdistuksesta, yksinäisyydestä, kotiasioista tai mistä vain.
            Tarvittaessa sinua autetaan löytämään apua omalta paikkakunnaltasi.""",
            how="Avaa chat verkossa.",
            who="12–29-vuotiaat.",
            keywords="nuorten chat, ahdistus, yksinäisyys, masennus, nimetön",
        ),
        sv=Lang(
            "Chatt för unga om psykisk hälsa",
            "En riksomfattande chatt för 12–29-åringar om allt som tynger.",
            "Skriv anonymt om ångest, ensamhet eller hemmet.",
            how="Öppna chatten på webben.",
            keywords="chatt för unga, ångest, ensamhet",
        ),
        en=Lang(
            "Young people's mental health chat",
            "A national chat for 12–29-year-olds to talk about anything on their mind.",
            "Write anonymously about anxiety, loneliness, home or anything else.",
            how="Open the chat online.",
            keywords="youth chat, anxiety, loneliness, depression, anonymous",
        ),
        ages=(12, 29),
        languages="fi sv en",
        channels=[
            chat(
                "mieli/nuorten-chat",
                ("Nuorten chat", "Chatt för unga", "Youth chat"),
                weekly("mon-fri 9-24", "sat,sun 15-24"),
                languages="fi sv en",
            )
        ],
    ),
    service(
        "thl-vakivallan-auttava-puhelin",
        "thl",
        "4",
        NATIONWIDE,
        producers=["setlementti-tampere"],
        fi=Lang(
            "Lähisuhdeväkivallan auttava puhelin ja chat",
            "Maksuton ja nimetön auttava puhelin väkivaltaa kokeneille ympäri vuorokauden.",
            """Puhelimeen voi soittaa, jos kokee väkivaltaa tai sen uhkaa läheisessä
            ihmissuhteessa: fyysistä, henkistä, taloudellista tai seksuaalista väkivaltaa
            tai vainoa. Myös läheiset ja ammattilaiset voivat soittaa. Päivystäjät ovat
            sosiaali- ja terveysalan ammattilaisia, ja he tietävät turvakotien vapaat
            paikat.""",
            how="Soita mihin aikaan tahansa. Numero ei näy päivystäjälle eikä puhelinlaskussa.",
            who="Kaikki väkivaltaa kokeneet, heidän läheisensä ja ammattilaiset.",
            keywords="väkivalta, lähisuhdeväkivalta, auttava puhelin, turvakoti, vaino, nimetön",
        ),
        sv=Lang(
            "Stödtelefon och chatt vid våld i nära relationer",
            "En avgiftsfri och anonym stödtelefon dygnet runt för den som utsatts för våld.",
            """Ring om du upplever våld eller hot i en nära relation. Också anhöriga och
            professionella kan ringa.""",
            how="Ring när som helst.",
            keywords="våld i nära relationer, stödtelefon, skyddshem",
        ),
        en=Lang(
            "Domestic violence helpline and chat",
            "A free, anonymous helpline for people experiencing violence, 24 hours a day.",
            """Call if you experience violence or threats in a close relationship. Relatives
            and professionals can call too. Staff know which shelters have room.""",
            how="Call at any time. Your number is not shown and the call is not itemised.",
            keywords="domestic violence, helpline, shelter, stalking, anonymous",
        ),
        languages="fi sv en",
        channels=[
            crisis_phone(crisis.NOLLALINJA),
            chat(
                "thl/vakivalta/chat",
                ("Chat", "Chatt", "Chat"),
                weekly("mon-fri 9-15"),
                languages="fi sv en",
            ),
        ],
    ),
]
