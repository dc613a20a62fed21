"""The demo network's NGOs and parishes. Every name ends in "(demo)"."""

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
    organization,
)

NGOS = (
    organization(
        "mll-askola",
        T.NGO,
        (
            "MLL:n Askolan yhdistys (demo)",
            "MLL:s förening i Askola (demo)",
            "MLL Askola association (demo)",
        ),
        (
            "Perhekahvila, vertaisryhmät ja lastenhoitoapu.",
            "Familjecafé, kamratgrupper och barnvaktshjälp.",
            "Family café, peer groups and babysitting help.",
        ),
        (ASKOLA,),
    ),
    organization(
        "mll-janakkala",
        T.NGO,
        ("MLL:n Janakkalan yhdistys (demo)", "MLL:s förening i Janakkala (demo)", ""),
        ("Vapaaehtoisten pitämä perhekahvila Tervakoskella.", "Familjecafé i Tervakoski."),
        (JANAKKALA,),
    ),
    organization(
        "mll-raisio",
        T.NGO,
        ("MLL:n Raision yhdistys (demo)", "MLL:s förening i Reso (demo)", ""),
        ("Perhetupa ja vertaisryhmät Raisiossa.", "Familjestuga och kamratgrupper i Reso."),
        (RAISIO,),
    ),
    organization(
        "mll-laitila",
        T.NGO,
        ("MLL:n Laitilan yhdistys (demo)", "MLL:s förening i Letala (demo)", ""),
        ("Perhekahvila ja tapahtumat lapsiperheille.", "Familjecafé och evenemang."),
        (LAITILA,),
    ),
    organization(
        "mll",
        T.NGO,
        (
            "Mannerheimin Lastensuojeluliitto (demo)",
            "Mannerheims Barnskyddsförbund (demo)",
            "Mannerheim League for Child Welfare (demo)",
        ),
        (
            "Valtakunnalliset auttavat puhelimet ja chatit lapsille, nuorille ja vanhemmille.",
            "Riksomfattande stödtelefoner och chattar för barn, unga och föräldrar.",
            "National helplines and chats for children, young people and parents.",
        ),
    ),
    organization(
        "mieli",
        T.NGO,
        (
            "MIELI Suomen Mielenterveys ry (demo)",
            "MIELI Psykisk Hälsa Finland rf (demo)",
            "MIELI Mental Health Finland (demo)",
        ),
        (
            "Kriisipuhelin, kriisikeskukset ja nuorten chat.",
            "Kristelefon, kriscentraler och chatt för unga.",
            "Crisis helpline, crisis centres and a chat for young people.",
        ),
    ),
    organization(
        "ensi-ja-turvakotien-liitto",
        T.NGO,
        (
            "Ensi- ja turvakotien liitto (demo)",
            "Förbundet för mödra- och skyddshem (demo)",
            "Federation of Mother and Child Homes and Shelters (demo)",
        ),
        (
            "Eroauttaminen, vauvaperheiden tuki ja väkivaltatyö.",
            "Skilsmässohjälp, stöd till babyfamiljer och arbete mot våld.",
            "Help in separation, support for baby families and work against violence.",
        ),
    ),
    organization(
        "lapin-ensi-ja-turvakoti",
        T.NGO,
        (
            "Lapin ensi- ja turvakoti (demo)",
            "Lapplands mödra- och skyddshem (demo)",
            "Lapland Mother and Child Home and Shelter (demo)",
        ),
        (
            "Turvakoti, eroauttamisen chat ja väkivaltatyö Lapissa.",
            "Skyddshem, chatt vid skilsmässa och arbete mot våld i Lappland.",
            "Shelter, separation chat and work against violence in Lapland.",
        ),
        (SIMO, INARI),
    ),
    organization(
        "turun-ensi-ja-turvakoti",
        T.NGO,
        (
            "Turun ensi- ja turvakoti (demo)",
            "Åbo mödra- och skyddshem (demo)",
            "Turku Mother and Child Home and Shelter (demo)",
        ),
        (
            "Turvakoti ja lähisuhdeväkivaltatyö Varsinais-Suomessa.",
            "Skyddshem och arbete mot våld i nära relationer i Egentliga Finland.",
            "Shelter and work against domestic violence in Southwest Finland.",
        ),
        (RAISIO, LAITILA, TURKU),
    ),
    organization(
        "setlementti-tampere",
        T.NGO,
        ("Setlementti Tampere (demo)", "Setlementti Tampere (demo)", "Settlement Tampere (demo)"),
        (
            "Tuottaa valtakunnallista auttavaa puhelinta lähisuhdeväkivaltaa kokeneille.",
            "Producerar en riksomfattande stödtelefon för dem som utsatts för våld.",
            "Runs a national helpline for people who have experienced domestic violence.",
        ),
    ),
    organization(
        "turun-setlementti",
        T.NGO,
        ("Turun Setlementti (demo)", "Åbo Settlement (demo)", "Turku Settlement (demo)"),
        (
            "Monikulttuurinen perhetoiminta ja kotoutumista tukevat ryhmät.",
            "Mångkulturell familjeverksamhet och grupper som stöder integration.",
            "Multicultural family activities and groups that support integration.",
        ),
        (TURKU,),
    ),
    organization(
        "folkhalsan-borga",
        T.NGO,
        ("Folkhälsan Porvoossa (demo)", "Folkhälsan i Borgå (demo)", "Folkhälsan Porvoo (demo)"),
        (
            "Ruotsinkielinen perhekahvila ja vauvaryhmät.",
            "Svenskspråkigt familjecafé och babygrupper.",
            "Swedish-language family café and baby groups.",
        ),
        (PORVOO,),
    ),
)

PARISHES = (
    organization(
        "askolan-seurakunta",
        T.PARISH,
        ("Askolan seurakunta (demo)", "Askola församling (demo)", "Askola parish (demo)"),
        (
            "Perhekerhot, diakoniatyö ja nuorisotyö.",
            "Familjeklubbar, diakoni och ungdomsarbete.",
            "Family clubs, diaconal work and youth work.",
        ),
        (ASKOLA,),
    ),
    organization(
        "janakkalan-seurakunta",
        T.PARISH,
        ("Janakkalan seurakunta (demo)", "Janakkala församling (demo)", "Janakkala parish (demo)"),
        ("Perhekerhot ja parisuhdeillat.", "Familjeklubbar och parkvällar."),
        (JANAKKALA,),
    ),
    organization(
        "raision-seurakunta",
        T.PARISH,
        ("Raision seurakunta (demo)", "Reso församling (demo)", "Raisio parish (demo)"),
        ("Perhekerhot ja diakoniatyö.", "Familjeklubbar och diakoni."),
        (RAISIO,),
    ),
    organization(
        "laitilan-seurakunta",
        T.PARISH,
        ("Laitilan seurakunta (demo)", "Letala församling (demo)", "Laitila parish (demo)"),
        ("Perhekerho ja lapsityö.", "Familjeklubb och barnarbete."),
        (LAITILA,),
    ),
    organization(
        "turun-seurakuntayhtyma",
        T.PARISH,
        (
            "Turun ja Kaarinan seurakuntayhtymä (demo)",
            "Åbo och S:t Karins kyrkliga samfällighet (demo)",
            "Turku and Kaarina parish union (demo)",
        ),
        (
            "Perheasiain neuvottelukeskus ja seurakuntien perhetyö.",
            "Familjerådgivningscentralen och församlingarnas familjearbete.",
            "Family counselling centre and the parishes' family work.",
        ),
        (TURKU,),
    ),
    organization(
        "abo-svenska-forsamling",
        T.PARISH,
        (
            "Turun ruotsalainen seurakunta (demo)",
            "Åbo svenska församling (demo)",
            "Åbo Swedish parish (demo)",
        ),
        (
            "Ruotsinkielinen perhekerho ja lapsityö.",
            "Svenskspråkig familjeklubb och barnverksamhet.",
            "Swedish-language family club and children's work.",
        ),
        (TURKU,),
    ),
    organization(
        "porvoon-seurakuntayhtyma",
        T.PARISH,
        (
            "Porvoon seurakuntayhtymä (demo)",
            "Borgå kyrkliga samfällighet (demo)",
            "Porvoo parish union (demo)",
        ),
        (
            "Suomen- ja ruotsinkieliset perhekerhot.",
            "Finsk- och svenskspråkiga familjeklubbar.",
            "Finnish and Swedish family clubs.",
        ),
        (PORVOO,),
    ),
    organization(
        "simon-seurakunta",
        T.PARISH,
        ("Simon seurakunta (demo)", "Simo församling (demo)", "Simo parish (demo)"),
        ("Perhekerho ja diakoniatyö.", "Familjeklubb och diakoni."),
        (SIMO,),
    ),
    organization(
        "inarin-seurakunta",
        T.PARISH,
        ("Inarin seurakunta (demo)", "Enare församling (demo)", "Inari parish (demo)"),
        ("Perhekerho Ivalossa, myös saameksi.", "Familjeklubb i Ivalo, även på samiska."),
        (INARI,),
    ),
    organization(
        "lapin-perheasiain-neuvottelukeskus",
        T.PARISH,
        (
            "Lapin seurakuntien perheasiain neuvottelukeskus (demo)",
            "Lapplands församlingars familjerådgivning (demo)",
            "Lapland parishes' family counselling centre (demo)",
        ),
        (
            "Pari- ja perheterapeuttista keskusteluapua, myös etäyhteydellä.",
            "Samtalsstöd för par och familjer, även på distans.",
            "Counselling for couples and families, also by video.",
        ),
        (SIMO, INARI),
    ),
)
