"""Inari (seed 003): child protection's remote reception by video, the clinic in Ivalo, family
services and language nests in the three Sámi languages, youth work, the parish's family club
and a Sámi family morning at the Sajos cultural centre."""

from __future__ import annotations

from perhekeskus.demo.catalog.helpers import (
    INARI,
    Lang,
    at,
    local,
    phone,
    place,
    remote,
    service,
)
from perhekeskus.demo.catalog.helpers import email as mail
from perhekeskus.demo.catalog.hours import MEETING_PLACE_BREAKS, OFFICE_HOLIDAYS, weekly

HEALTH_CENTRE = "inari-ivalon-terveyskeskus"
PARISH_HALL = "inari-ivalon-seurakuntatalo"
SAJOS = "inari-sajos"
YOUTH_CENTRE = "inari-ivalon-nuorisotila"
AREA = local(INARI)

LOCATIONS = [
    place(
        HEALTH_CENTRE,
        "lappi",
        ("Ivalon terveyskeskus", "Ivalo hälsocentral", "Ivalo health centre"),
        address="Sairaalatie 4",
        postal_code="99800",
        town="Ivalo",
        municipality=INARI,
        lat="68.657000",
        lon="27.545000",
        about=(
            "Neuvola, vastaanotot ja sosiaalitoimisto. Saamenkielistä palvelua tiistaisin.",
            "Rådgivning, mottagningar och socialbyrå. Service på samiska på tisdagar.",
            "Clinic, appointments and social office. Service in Sámi on Tuesdays.",
        ),
        access=(
            """Esteetön sisäänkäynti, hissi, inva-wc. Talvella sisäänkäynti on aurattu ja
            hiekoitettu.""",
            "Tillgänglig ingång, hiss, handikapptoalett.",
            "Step-free entrance, lift, accessible toilet; the entrance is cleared in winter.",
        ),
        hours=weekly("mon-fri 8-16") + OFFICE_HOLIDAYS,
    ),
    place(
        PARISH_HALL,
        "inarin-seurakunta",
        ("Ivalon seurakuntatalo", "Ivalo församlingshem", "Ivalo parish hall"),
        address="Ivalontie 10",
        postal_code="99800",
        town="Ivalo",
        municipality=INARI,
        lat="68.659000",
        lon="27.540000",
        access=(
            "Esteetön sisäänkäynti, inva-wc.",
            "Tillgänglig ingång, handikapptoalett.",
            "Step-free entrance, accessible toilet.",
        ),
        hours=weekly("tue 10-12") + MEETING_PLACE_BREAKS,
        meeting_place=True,
    ),
    place(
        SAJOS,
        "inari",
        ("Saamelaiskulttuurikeskus Sajos", "Samiska kulturcentret Sajos", "Sámi cultural centre"),
        address="Sajostie 1",
        postal_code="99870",
        town="Inari",
        municipality=INARI,
        lat="68.906000",
        lon="27.029000",
        about=(
            "Perheaamut kulttuurikeskuksen lasten tilassa; mukana kielipesien ohjaajia.",
            "Familjemorgnar i kulturcentrets barnrum.",
            "Family mornings in the cultural centre's children's room.",
        ),
        access=(
            "Esteetön sisäänkäynti, hissi, inva-wc ja hoitopöytä.",
            "Tillgänglig ingång, hiss, handikapptoalett och skötbord.",
            "Step-free entrance, lift, accessible toilet and changing table.",
        ),
        hours=weekly("fri 9:30-12") + MEETING_PLACE_BREAKS,
        meeting_place=True,
    ),
    place(
        YOUTH_CENTRE,
        "inari",
        ("Ivalon nuorisotila", "Ungdomslokalen i Ivalo", "Ivalo youth centre"),
        address="Piiskuntie 5",
        postal_code="99800",
        town="Ivalo",
        municipality=INARI,
        lat="68.660000",
        lon="27.538000",
        access=(
            "Yksi porras, ramppi sivuovella.",
            "Ett trappsteg, ramp vid sidodörren.",
            "One step; a ramp at the side door.",
        ),
        hours=weekly("tue-thu 15-21", "fri 17-23") + MEETING_PLACE_BREAKS,
        meeting_place=True,
    ),
]

SERVICES = [
    service(
        "inari-lastensuojelu-etavastaanotto",
        "lappi",
        "12",
        AREA,
        fi=Lang(
            "Lastensuojelun etävastaanotto",
            "Lastensuojelun asiakkaat voivat tavata työntekijää kotoa kuvapuhelulla.",
            """Inarissa välimatkat ovat pitkiä, joten lapsi, nuori tai vanhempi voi tavata
            lastensuojelun työntekijää videoyhteydellä kotoaan. Etävastaanotto ei korvaa
            kaikkia tapaamisia, mutta yhteyttä voi pitää tiiviimmin, eikä kenenkään tarvitse
            matkustaa. Tarvittaessa perhe saa lainaan laitteen.""",
            how="Sovi etävastaanotosta oman työntekijäsi kanssa.",
            who="Inarin lastensuojelun asiakasperheet.",
            keywords="lastensuojelu, etävastaanotto, videotapaaminen, sosiaalityöntekijä",
        ),
        sv=Lang(
            "Distansmottagning inom barnskyddet",
            "Klienter inom barnskyddet kan träffa arbetstagaren hemifrån via videosamtal.",
            """Avstånden i Enare är långa, så mötet kan hållas på video. Vid behov lånas en enhet
            ut.""",
            how="Kom överens med din arbetstagare.",
            keywords="barnskydd, distansmottagning, video",
        ),
        en=Lang(
            "Child welfare remote reception",
            "Child welfare clients can meet their worker from home by video call.",
            """Distances in Inari are long, so children, young people and parents can meet
            their worker by video; the family can borrow a device if needed.""",
            how="Agree on remote meetings with your own worker.",
            keywords="child welfare, remote reception, video meeting",
        ),
        ages=(0, 17),
        languages="fi se",
        channels=[
            remote(
                "inari/lastensuojelu/etavastaanotto",
                ("Etävastaanotto", "Distansmottagning", "Remote reception"),
                hours=weekly("mon-fri 8-16"),
                languages="fi se",
            ),
            phone("+358 16 555 0167", weekly("mon-fri 9-11")),
        ],
    ),
    service(
        "inari-neuvola",
        "lappi",
        "76",
        AREA,
        fi=Lang(
            "Äitiys- ja lastenneuvola",
            "Neuvola Ivalossa seuraa raskautta ja lapsen kasvua; palvelua myös saameksi.",
            """Terveydenhoitaja ja lääkäri seuraavat odottavan perheen ja lapsen terveyttä.
            Tiistaisin palvelua saa pohjoissaameksi. Pitkän matkan päästä tuleville osa
            käynneistä voidaan hoitaa videolla.""",
            how="Soita puhelinaikana.",
            who="Inarilaiset odottavat perheet ja alle kouluikäiset.",
            keywords="neuvola, raskaus, vauva, rokotukset, saame, Ivalo",
        ),
        sv=Lang(
            "Mödra- och barnrådgivning",
            "Rådgivningen i Ivalo följer graviditeten och barnets tillväxt, även på samiska.",
            "På tisdagar ges service på nordsamiska. En del besök kan vara på video.",
            how="Ring under telefontiden.",
            keywords="rådgivning, graviditet, samiska",
        ),
        en=Lang(
            "Maternity and child health clinic",
            "The Ivalo clinic follows pregnancy and the child's growth, also in Sámi.",
            "Service in Northern Sámi on Tuesdays; some visits can be by video.",
            how="Call during the phone hours.",
            keywords="maternity clinic, child health clinic, Sámi",
        ),
        ages=(0, 6),
        languages="fi se",
        channels=[phone("+358 16 555 0168", weekly("mon-fri 12-13"), languages="fi se")],
        at=[at(HEALTH_CENTRE, weekly("mon-fri 8-15:30"))],
    ),
    service(
        "inari-saamenkieliset-perhepalvelut",
        "lappi",
        "56",
        AREA,
        fi=Lang(
            "Saamenkieliset perhepalvelut",
            "Perhetyötä ja vanhemmuuden tukea pohjois-, inarin- ja koltansaameksi.",
            """Saamenkielinen perhetyöntekijä tukee perheitä omalla kielellä ja ymmärtää
            saamelaisen kulttuurin ja elinkeinojen, kuten poronhoidon, rytmin. Hän auttaa
            myös, kun perhe haluaa vahvistaa lapsen saamen kieltä. Kotikäyntejä tehdään
            koko kunnan alueelle.""",
            how="Soita tai laita sähköpostia.",
            who="Saamelaiset ja saamenkieliset lapsiperheet Inarissa.",
            keywords="saame, saamenkielinen, perhetyö, pohjoissaame, inarinsaame, koltansaame",
        ),
        sv=Lang(
            "Familjetjänster på samiska",
            "Familjearbete och föräldrastöd på nord-, enare- och skoltsamiska.",
            "Familjearbetaren förstår den samiska kulturen och stöder barnets samiska språk.",
            how="Ring eller skicka e-post.",
            keywords="samiska, familjearbete",
        ),
        en=Lang(
            "Family services in Sámi",
            "Family work and parenting support in Northern, Inari and Skolt Sámi.",
            """The worker supports families in their own language, understands Sámi culture
            and livelihoods such as reindeer herding, and helps strengthen the child's Sámi.""",
            how="Call or e-mail.",
            keywords="Sámi, family work, Northern Sámi, Inari Sámi, Skolt Sámi",
        ),
        languages="se smn sms fi",
        channels=[
            phone("+358 40 555 0169", weekly("mon-thu 9-15"), languages="se smn sms fi"),
            mail("saamenkieliset.perhepalvelut"),
        ],
    ),
    service(
        "inari-kielipesat",
        "inari",
        "57",
        AREA,
        fi=Lang(
            "Saamenkieliset kielipesät",
            "Kielipesässä lapsi oppii saamea kokonaan saamenkielisessä varhaiskasvatuksessa.",
            """Kielipesät ovat varhaiskasvatusta, jossa aikuiset puhuvat lapselle vain saamea.
            Inarissa on kielipesä pohjois-, inarin- ja koltansaameksi. Lapsen ei tarvitse
            osata saamea aloittaessaan.""",
            how="Hae varhaiskasvatuspaikkaa ja valitse kielipesä.",
            who="Inarilaiset alle kouluikäiset.",
            keywords="kielipesä, saame, päiväkoti, varhaiskasvatus",
            fees="Varhaiskasvatuksen tulosidonnainen asiakasmaksu.",
        ),
        sv=Lang(
            "Samiska språkbon",
            "I språkboet lär sig barnet samiska i helt samiskspråkig småbarnspedagogik.",
            "Språkbon finns på nordsamiska, enaresamiska och skoltsamiska.",
            how="Ansök om plats inom småbarnspedagogiken och välj språkbo.",
            keywords="språkbo, samiska, daghem",
            fees="Inkomstbaserad avgift för småbarnspedagogik.",
        ),
        en=Lang(
            "Sámi language nests",
            "In a language nest, children learn Sámi in fully Sámi-speaking early education.",
            "Language nests in Northern, Inari and Skolt Sámi; no Sámi needed to start.",
            how="Apply for an early education place and choose a language nest.",
            keywords="language nest, Sámi, daycare",
            fees="The income-based early education fee.",
        ),
        ages=(0, 6),
        free=False,
        languages="se smn sms",
        channels=[phone("+358 40 555 0170", weekly("mon-fri 8-10"))],
    ),
    service(
        "inari-nuorisotyo",
        "inari",
        "82",
        AREA,
        fi=Lang(
            "Nuorisotyö ja Ivalon nuorisotila",
            "Nuorisotila ja nuorisonohjaajat 13–29-vuotiaille inarilaisille.",
            """Nuorisotilassa voi pelata, tehdä ruokaa ja jutella ohjaajien kanssa.
            Nuorisotyö järjestää myös retkiä tunturiin ja kalaan sekä tapahtumia kylillä.""",
            how="Tule nuorisotilaan.",
            who="Inarilaiset 13–29-vuotiaat.",
            keywords="nuorisotila, retki, kalastus, nuoret",
        ),
        ages=(13, 29),
        channels=[phone("+358 40 555 0171", weekly("tue-fri 14-20"))],
        at=[at(YOUTH_CENTRE)],
    ),
    service(
        "inari-perhekerho",
        "inarin-seurakunta",
        "86",
        AREA,
        fi=Lang(
            "Perhekerho Ivalossa",
            "Seurakunnan perhekerho tiistaiaamuisin, lauluja myös saameksi.",
            "Kerhossa lauletaan, leikitään ja syödään välipalaa. Kaikki ovat tervetulleita.",
            how="Tule mukaan.",
            who="Alle kouluikäiset aikuisen kanssa.",
            keywords="perhekerho, seurakunta, Ivalo",
        ),
        ages=(0, 6),
        languages="fi se",
        at=[at(PARISH_HALL)],
    ),
    service(
        "inari-sajos-perheaamu",
        "inari",
        "85",
        AREA,
        producers=["lappi"],
        fi=Lang(
            "Saamelaisperheiden perheaamu",
            "Perjantaiaamujen kohtaamispaikka saamelaisille ja saamen kieltä oppiville perheille.",
            """Perheaamussa leikitään, lauletaan ja kuunnellaan satuja saameksi. Paikalla on
            kielipesän ohjaaja ja usein neuvolan terveydenhoitaja. Myös perheet, jotka
            vasta opettelevat saamea, ovat tervetulleita.""",
            how="Tule paikalle.",
            who="Perheet, joilla on alle kouluikäisiä lapsia.",
            keywords="saame, perheaamu, kohtaamispaikka, Sajos, kielipesä",
        ),
        sv=Lang(
            "Familjemorgon för samiska familjer",
            "En mötesplats på fredagsmorgnar för samiska familjer och de som lär sig samiska.",
            "Lek, sång och sagor på samiska.",
            how="Kom på plats.",
            keywords="samiska, mötesplats, familjemorgon",
        ),
        en=Lang(
            "Sámi family morning",
            "A Friday morning meeting place for Sámi families and families learning Sámi.",
            "Play, songs and stories in Sámi with a language nest leader and often a nurse.",
            how="Drop in.",
            keywords="Sámi, family morning, meeting place",
        ),
        languages="se smn sms fi",
        at=[at(SAJOS)],
    ),
]
