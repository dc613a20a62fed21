"""The demo network's organisations: the wellbeing services counties, the municipalities' own
units, two private providers and two state agencies here, NGOs and parishes in
`organizations_civic`. Every name ends in "(demo)". The seven that existed before the catalogue
(the four counties, Askola, MLL Askola and Askola parish) keep their keys and so their ids."""

from __future__ import annotations

from perhekeskus.catalog.models import OrganizationType as T
from perhekeskus.demo.catalog.helpers import (
    ASKOLA,
    INARI,
    JANAKKALA,
    LAITILA,
    PORVOO,
    RAISIO,
    SIMO,
    TURKU,
    DemoOrganization,
    organization,
)
from perhekeskus.demo.catalog.organizations_civic import NGOS, PARISHES

_COUNTIES = (
    organization(
        "itauusimaa",
        T.WELLBEING_COUNTY,
        (
            "Itä-Uudenmaan hyvinvointialue (demo)",
            "Östra Nylands välfärdsområde (demo)",
            "Eastern Uusimaa Wellbeing Services County (demo)",
        ),
        (
            "Sosiaali- ja terveyspalvelut, mm. neuvolat, perheneuvola ja perhetyö.",
            "Social- och hälsovårdstjänster, bl.a. rådgivningar, familjerådgivning och "
            "familjearbete.",
            "Social and health services, e.g. child health clinics, family counselling "
            "and family work.",
        ),
        (ASKOLA, PORVOO),
    ),
    organization(
        "kantahame",
        T.WELLBEING_COUNTY,
        (
            "Kanta-Hämeen hyvinvointialue (demo)",
            "Egentliga Tavastlands välfärdsområde (demo)",
            "Kanta-Häme Wellbeing Services County (demo)",
        ),
        (
            "Sosiaali- ja terveyspalvelut Kanta-Hämeessä.",
            "Social- och hälsovårdstjänster i Egentliga Tavastland.",
            "Social and health services in Kanta-Häme.",
        ),
        (JANAKKALA,),
    ),
    organization(
        "varha",
        T.WELLBEING_COUNTY,
        (
            "Varsinais-Suomen hyvinvointialue (demo)",
            "Egentliga Finlands välfärdsområde (demo)",
            "Southwest Finland Wellbeing Services County (demo)",
        ),
        (
            "Sosiaali- ja terveyspalvelut Varsinais-Suomessa.",
            "Social- och hälsovårdstjänster i Egentliga Finland.",
            "Social and health services in Southwest Finland.",
        ),
        (RAISIO, LAITILA, TURKU),
    ),
    organization(
        "lappi",
        T.WELLBEING_COUNTY,
        (
            "Lapin hyvinvointialue (demo)",
            "Lapplands välfärdsområde (demo)",
            "Lapland Wellbeing Services County (demo)",
        ),
        (
            "Sosiaali- ja terveyspalvelut Lapissa, myös etävastaanotot.",
            "Social- och hälsovårdstjänster i Lappland, även distansmottagningar.",
            "Social and health services in Lapland, also remote appointments.",
        ),
        (SIMO, INARI),
    ),
)

_MUNICIPALITIES = (
    organization(
        "askola",
        T.MUNICIPALITY,
        ("Askolan kunta (demo)", "Askola kommun (demo)", "Askola (demo)"),
        (
            "Varhaiskasvatus, perusopetus, nuorisotyö ja etsivä nuorisotyö.",
            "Småbarnspedagogik, grundläggande utbildning, ungdomsarbete och uppsökande "
            "ungdomsarbete.",
            "Early childhood education, schools, youth work and outreach youth work.",
        ),
        (ASKOLA,),
    ),
    organization(
        "janakkala",
        T.MUNICIPALITY,
        ("Janakkalan kunta (demo)", "Janakkala kommun (demo)", "Janakkala (demo)"),
        (
            "Varhaiskasvatus, koulut ja nuorisopalvelut; mukana Janakkalan perhekeskuksessa.",
            "Småbarnspedagogik, skolor och ungdomstjänster; med i Janakkala familjecenter.",
            "Early education, schools and youth services; part of Janakkala family center.",
        ),
        (JANAKKALA,),
    ),
    organization(
        "raisio",
        T.MUNICIPALITY,
        ("Raision kaupunki (demo)", "Reso stad (demo)", "City of Raisio (demo)"),
        (
            "Varhaiskasvatus, koulut ja nuorisopalvelut Raisiossa.",
            "Småbarnspedagogik, skolor och ungdomstjänster i Reso.",
            "Early education, schools and youth services in Raisio.",
        ),
        (RAISIO,),
    ),
    organization(
        "laitila",
        T.MUNICIPALITY,
        ("Laitilan kaupunki (demo)", "Letala stad (demo)", "Town of Laitila (demo)"),
        (
            "Varhaiskasvatus, koulut ja nuorisotyö Laitilassa.",
            "Småbarnspedagogik, skolor och ungdomsarbete i Letala.",
            "Early education, schools and youth work in Laitila.",
        ),
        (LAITILA,),
    ),
    organization(
        "turku",
        T.MUNICIPALITY,
        ("Turun kaupunki (demo)", "Åbo stad (demo)", "City of Turku (demo)"),
        (
            "Varhaiskasvatus, koulut, nuorisopalvelut ja Ohjaamo Turussa.",
            "Småbarnspedagogik, skolor, ungdomstjänster och Navigatorn i Åbo.",
            "Early education, schools, youth services and the Ohjaamo guidance centre in Turku.",
        ),
        (TURKU,),
    ),
    organization(
        "simo",
        T.MUNICIPALITY,
        ("Simon kunta (demo)", "Simo kommun (demo)", "Simo (demo)"),
        (
            "Varhaiskasvatus, koulut ja nuorisotyö Simossa.",
            "Småbarnspedagogik, skolor och ungdomsarbete i Simo.",
            "Early education, schools and youth work in Simo.",
        ),
        (SIMO,),
    ),
    organization(
        "inari",
        T.MUNICIPALITY,
        ("Inarin kunta (demo)", "Enare kommun (demo)", "Inari (demo)"),
        (
            "Varhaiskasvatus ja saamenkieliset kielipesät, koulut ja nuorisotyö.",
            "Småbarnspedagogik och samiska språkbon, skolor och ungdomsarbete.",
            "Early education and Sámi language nests, schools and youth work.",
        ),
        (INARI,),
    ),
    organization(
        "porvoo",
        T.MUNICIPALITY,
        ("Porvoon kaupunki (demo)", "Borgå stad (demo)", "City of Porvoo (demo)"),
        (
            "Suomen- ja ruotsinkielinen varhaiskasvatus, koulut ja nuorisopalvelut.",
            "Finsk- och svenskspråkig småbarnspedagogik, skolor och ungdomstjänster.",
            "Finnish and Swedish early education, schools and youth services.",
        ),
        (PORVOO,),
    ),
)

_PRIVATE_AND_STATE = (
    organization(
        "kompassi",
        T.PRIVATE,
        ("Perhepalvelut Kompassi Oy (demo)", "Familjetjänster Kompassi Ab (demo)", ""),
        (
            "Yksityinen perhetyön ja pariterapian palveluntuottaja.",
            "Privat producent av familjearbete och parterapi.",
            "A private provider of family work and couple therapy.",
        ),
        (RAISIO, TURKU),
    ),
    organization(
        "sanasto",
        T.PRIVATE,
        ("Terapiakeskus Sanasto Oy (demo)", "Terapicenter Sanasto Ab (demo)", ""),
        (
            "Yksityinen puhe- ja toimintaterapian palveluntuottaja.",
            "Privat producent av tal- och ergoterapi.",
            "A private provider of speech and occupational therapy.",
        ),
        (RAISIO, PORVOO),
    ),
    organization(
        "kela",
        T.STATE,
        (
            "Kansaneläkelaitos Kela (demo)",
            "Folkpensionsanstalten FPA (demo)",
            "Social Insurance Institution of Finland Kela (demo)",
        ),
        (
            "Perhe-etuudet, elatustuki ja kuntoutus.",
            "Familjeförmåner, underhållsstöd och rehabilitering.",
            "Family benefits, maintenance allowance and rehabilitation.",
        ),
    ),
    organization(
        "thl",
        T.STATE,
        (
            "Terveyden ja hyvinvoinnin laitos THL (demo)",
            "Institutet för hälsa och välfärd THL (demo)",
            "Finnish Institute for Health and Welfare THL (demo)",
        ),
        (
            "Järjestää valtakunnallisen auttavan puhelimen lähisuhdeväkivaltaa kokeneille.",
            "Ordnar en riksomfattande stödtelefon för dem som utsatts för våld i nära relationer.",
            "Organises the national helpline for people who have experienced domestic violence.",
        ),
    ),
)

ORGANIZATIONS: tuple[DemoOrganization, ...] = (
    *_COUNTIES,
    *_MUNICIPALITIES,
    *NGOS,
    *PARISHES,
    *_PRIVATE_AND_STATE,
)
