"""The default need thesaurus: everyday words for the life situations of families, in Finnish,
Swedish and English, and what they lead to. Coordinators edit it in the catalogue editor; this
migration only creates the concepts that do not exist yet (by key), so it never overwrites their
work.

Phrases are what people type ("en jaksa", "vi ska skiljas", "baby won't stop crying"); targets
are words the services that help use in their names and keywords; tasks are the family-center
task numbers (1–8). Both lists are separated by commas.
"""

from django.db import migrations


def C(key, tasks, order, home, name, description, fi, sv, en, to_fi, to_sv, to_en):
    return {
        "key": key,
        "tasks": [int(t) for t in tasks],
        "order": order,
        "show_on_home": home,
        "name": name,
        "description": description,
        "phrases": (fi, sv, en),
        "targets": (to_fi, to_sv, to_en),
    }


CONCEPTS = [
    C(
        "separation", "36", 10, True,
        ("Ero", "Skilsmässa", "Separation"),
        (
            "Kun vanhemmat eroavat: sopimukset lapsista, sovittelu ja tuki eron jälkeen.",
            "När föräldrar skiljer sig: avtal om barnen, medling och stöd efter skilsmässan.",
            "When parents separate: agreements about the children, mediation and support.",
        ),
        "ero, eroaminen, erota, eroamassa, erotaan, avioero, asumusero, erotilanne, erokriisi, "
        "eroperhe, eronnut, eronneet, lapset ja ero, eron jälkeen, eroamme, haluan erota, "
        "muutamme erilleen",
        "skilsmässa, skiljas, skilja sig, separation, separera, gå isär, vi ska skiljas, "
        "frånskild, flytta isär, efter skilsmässan",
        "divorce, divorced, separation, separating, separate, breakup, break up, splitting up, "
        "getting divorced, we are separating, after separation",
        "lastenvalvoja, perheasioiden sovittelu, sovittelu, perheneuvola, erochat, "
        "eron jälkeen, perheasiain neuvottelukeskus, elatustuki",
        "barnatillsyningsman, familjemedling, familjerådgivning, skilsmässochatt",
        "child custody officer, custody, family mediation, family counselling, separation chat, "
        "maintenance allowance",
    ),
    C(
        "custody-and-maintenance", "3", 12, False,
        ("Huolto, asuminen ja elatus", "Vårdnad, boende och underhåll",
         "Custody, residence and maintenance"),
        (
            "Sopimukset lapsen huollosta, asumisesta, tapaamisista ja elatusavusta.",
            "Avtal om barnets vårdnad, boende, umgänge och underhåll.",
            "Agreements on custody, where the child lives, visits and child maintenance.",
        ),
        "huoltajuus, huolto, yhteishuolto, yksinhuolto, elatusapu, elatus, elatussopimus, "
        "tapaamisoikeus, tapaamiset, lähivanhempi, etävanhempi, asumisesta sopiminen, "
        "isyyden tunnustaminen, isyys, vanhemmuuden vahvistaminen",
        "vårdnad, gemensam vårdnad, underhåll, underhållsbidrag, umgänge, umgängesrätt, boende, "
        "faderskap, erkännande av faderskap",
        "custody, joint custody, child maintenance, child support, maintenance, visitation, "
        "contact arrangements, residence, paternity, acknowledging paternity",
        "lastenvalvoja, elatustuki, elatusapu",
        "barnatillsyningsman, underhållsstöd",
        "child custody officer, maintenance allowance, child maintenance",
    ),
    C(
        "custody-dispute", "3", 14, False,
        ("Riita lasten asioista", "Tvist om barnen", "Disagreeing about the children"),
        (
            "Kun vanhemmat eivät pääse sopuun lasten asioista.",
            "När föräldrarna inte kommer överens om barnen.",
            "When parents cannot agree about their children.",
        ),
        "huoltoriita, riita lapsista, emme pääse sopuun, emme pääse sopimukseen, sovinto, "
        "riitaisa ero, tapaamisriita",
        "vårdnadstvist, tvist om barnen, vi kommer inte överens, konflikt",
        "custody dispute, we cannot agree, conflict over the children, high-conflict separation",
        "perheasioiden sovittelu, sovittelu, lastenvalvoja",
        "familjemedling, medling",
        "family mediation, mediation",
    ),
    C(
        "single-parent-and-stepfamily", "368", 16, False,
        ("Yksinhuoltaja tai uusperhe", "Ensamförälder eller ombildad familj",
         "Single parent or stepfamily"),
        (
            "Vanhemmuus eron jälkeen, yksin tai uudessa perheessä.",
            "Föräldraskap efter skilsmässan, ensam eller i en ny familj.",
            "Parenting after a separation, alone or in a new family.",
        ),
        "yksinhuoltaja, yksinhuoltajaperhe, yksin lapsen kanssa, vanhemmuus eron jälkeen, "
        "uusperhe, bonusvanhempi, bonuslapsi, etävanhempi, uusi puoliso",
        "ensamförälder, ensamstående förälder, ombildad familj, bonusförälder, bonusbarn",
        "single parent, single mother, single father, co-parenting, stepfamily, blended family, "
        "stepparent",
        "eron jälkeen, vertaisryhmä, elatustuki, perheneuvola, uusperhe",
        "kamratgrupp, underhållsstöd, familjerådgivning, ombildad familj",
        "co-parenting, peer group, maintenance allowance, family counselling, stepfamily",
    ),
    C(
        "exhaustion", "26", 20, True,
        ("Uupumus ja jaksaminen", "Trötthet och ork", "Exhaustion and coping"),
        (
            "Kun voimat eivät riitä arkeen: apua kotiin, keskusteluapua ja tukea vanhemmalle.",
            "När orken inte räcker: hjälp hemma, samtalsstöd och stöd för föräldern.",
            "When you cannot cope: help at home, someone to talk to, support for the parent.",
        ),
        "uupunut, uupumus, väsynyt, väsymys, jaksaminen, en jaksa, ei jaksa, jaksaa, "
        "voimat loppu, voimat lopussa, loppuun palanut, stressi, arki ei suju, kaikki kaatuu "
        "päälle, burnout, väsyttää, olen väsynyt",
        "trött, trötthet, utmattad, utmattning, orkar inte, ork, stress, utbränd",
        "exhausted, exhaustion, tired, burnout, burnt out, worn out, cannot cope, can't cope, "
        "overwhelmed, stress, stressed",
        "lapsiperheiden kotipalvelu, kotipalvelu, perhetyö, perheohjaus, neuvola, "
        "vanhempainpuhelin, pyydä apua, lastenhoitoapu, psykiatrinen sairaanhoitaja",
        "hemservice, familjearbete, familjehandledning, föräldratelefonen, be om hjälp, "
        "barnvaktshjälp",
        "home help, family work, parents' helpline, ask for help, babysitting help, "
        "psychiatric nurse",
    ),
    C(
        "help-at-home", "26", 22, False,
        ("Apua kotiin", "Hjälp hemma", "Help at home"),
        (
            "Käytännön apua arkeen ja lastenhoitoon, esimerkiksi sairastuessa tai kaksosten kanssa.",
            "Praktisk hjälp i vardagen och med barnen, till exempel vid sjukdom eller med tvillingar.",
            "Practical help with everyday life and the children, e.g. in illness or with twins.",
        ),
        "apua kotiin, kotiapu, kodinhoitaja, kodinhoito, lastenhoito, lastenhoitaja, lapsenvahti, "
        "kaksoset, monikkoperhe, sairastuminen, vanhempi sairastui, sairaalassa, leikkaus, "
        "omaa aikaa",
        "hjälp hemma, hemhjälp, barnvakt, barnpassning, tvillingar, sjukdom, egen tid",
        "help at home, home help, childcare, babysitter, babysitting, twins, multiples, illness, "
        "parent is ill, time for myself",
        "kotipalvelu, lastenhoitoapu, perhetyö, kodinhoitaja",
        "hemservice, barnvaktshjälp, familjearbete",
        "home help, babysitting help, family work",
    ),
    C(
        "baby-cries", "276", 30, True,
        ("Vauva itkee paljon", "Bebisen gråter mycket", "The baby cries a lot"),
        (
            "Itkuinen vauva, koliikki ja vanhemman jaksaminen.",
            "En skrikig bebis, kolik och förälderns ork.",
            "A crying baby, colic and coping as a parent.",
        ),
        "vauva itkee, itkuinen vauva, itkevä vauva, itku, vauva huutaa, koliikki, "
        "vauva ei rauhoitu, vauva kitisee, vauva itkee paljon",
        "bebisen gråter, bebis gråter, gråter mycket, skrikig bebis, kolik, skrikperiod",
        "baby cries, crying baby, baby crying, colic, baby won't stop crying, "
        "inconsolable baby, fussy baby",
        "lastenneuvola, neuvola, perhetyö, vauvaryhmä, vanhempainpuhelin, kotipalvelu",
        "barnrådgivning, rådgivning, familjearbete, babygrupp, föräldratelefonen",
        "child health clinic, family work, baby group, parents' helpline, home help",
    ),
    C(
        "sleep", "76", 32, False,
        ("Uni ja valvominen", "Sömn och vaknätter", "Sleep and sleepless nights"),
        (
            "Kun vauva tai lapsi ei nuku ja koko perhe valvoo.",
            "När bebisen eller barnet inte sover och hela familjen är vaken.",
            "When the baby or child does not sleep and the whole family is awake.",
        ),
        "uni, nukkuminen, nukahtaminen, vauva ei nuku, lapsi ei nuku, univaikeudet, unihäiriö, "
        "yöheräily, heräilee öisin, valvominen, valvoo, unikoulu",
        "sömn, sover inte, sömnproblem, sömnsvårigheter, vaknar på natten, vaknätter",
        "sleep, not sleeping, won't sleep, sleep problems, sleepless, night waking, "
        "wakes at night, sleep training",
        "lastenneuvola, neuvola, perheohjaus, perhetyö",
        "barnrådgivning, rådgivning, familjearbete",
        "child health clinic, family work",
    ),
    C(
        "feeding", "7", 34, False,
        ("Imetys ja syöminen", "Amning och mat", "Breastfeeding and eating"),
        (
            "Imetys, pullo, kiinteät ruoat ja lapsi, joka ei syö.",
            "Amning, flaska, fast föda och ett barn som inte äter.",
            "Breastfeeding, bottle, solid food and a child who will not eat.",
        ),
        "imetys, imettäminen, imettää, rintamaito, pulloruokinta, korvike, syöminen, ruokailu, "
        "lapsi ei syö, huono ruokahalu, kiinteät ruoat, soseet",
        "amning, amma, bröstmjölk, flaska, ersättning, äter inte, mat, matvanor",
        "breastfeeding, breast feeding, nursing, bottle feeding, formula, not eating, "
        "won't eat, feeding, weaning, solid food",
        "lastenneuvola, neuvola, imetys, lapsi ei syö",
        "barnrådgivning, rådgivning, amning",
        "child health clinic, breastfeeding",
    ),
    C(
        "pregnancy", "7", 36, True,
        ("Raskaus ja synnytys", "Graviditet och förlossning", "Pregnancy and birth"),
        (
            "Odotusaika, äitiysneuvola, perhevalmennus ja raskausajan etuudet.",
            "Väntetiden, mödrarådgivningen, familjeförberedelsen och förmånerna.",
            "Expecting a baby: maternity clinic, antenatal classes and benefits.",
        ),
        "raskaus, raskaana, raskausaika, odotan vauvaa, odotamme vauvaa, odotus, odottava äiti, "
        "vauva tulossa, synnytys, synnytyspelko, raskaustesti, perhevalmennus, äitiyspakkaus",
        "gravid, graviditet, väntar barn, väntar en bebis, förlossning, förlossningsrädsla, "
        "familjeförberedelse, moderskapsförpackning",
        "pregnant, pregnancy, expecting, expecting a baby, birth, childbirth, giving birth, "
        "fear of childbirth, antenatal, antenatal classes, baby box",
        "äitiysneuvola, neuvola, perhevalmennus, lapsiperheen etuudet, äitiyspakkaus",
        "mödrarådgivning, rådgivning, familjeförberedelse, förmåner för barnfamiljer",
        "maternity clinic, antenatal classes, benefits for families, baby box",
    ),
    C(
        "new-baby", "786", 38, False,
        ("Vauva-arki", "Livet med en bebis", "Life with a baby"),
        (
            "Vastasyntynyt, esikoinen ja muut vauvaperheet.",
            "Den nyfödda, första barnet och andra babyfamiljer.",
            "A newborn, a first baby and other baby families.",
        ),
        "vauva, vastasyntynyt, esikoinen, vauva-arki, vauvaperhe, vauvavuosi, "
        "synnytyksen jälkeinen masennus, vanhempainvapaa",
        "bebis, baby, nyfödd, första barnet, babytid, babyfamilj, föräldraledighet",
        "baby, newborn, first baby, new baby, life with a baby, postnatal depression, "
        "parental leave",
        "lastenneuvola, neuvola, vauvaryhmä, perhekahvila, vertaisryhmä, vanhempainraha",
        "barnrådgivning, babygrupp, familjecafé, föräldrapenning",
        "child health clinic, baby group, family café, parental allowance",
    ),
    C(
        "child-health-checks", "7", 40, False,
        ("Terveystarkastukset ja rokotukset", "Hälsokontroller och vaccinationer",
         "Health checks and vaccinations"),
        (
            "Lapsen kasvun ja kehityksen seuranta neuvolassa ja koulussa.",
            "Uppföljning av barnets tillväxt och utveckling på rådgivningen och i skolan.",
            "Following the child's growth and development at the clinic and at school.",
        ),
        "rokotus, rokotukset, rokote, rokottaminen, neuvolatarkastus, terveystarkastus, "
        "laaja terveystarkastus, kasvu, paino, pituus, kasvukäyrä, 4-vuotistarkastus, "
        "kouluterveydenhoitaja",
        "vaccination, vaccinationer, vaccin, hälsokontroll, tillväxt, längd, vikt, skolhälsovårdare",
        "vaccination, vaccinations, vaccine, health check, check-up, growth, weight, height, "
        "school nurse",
        "lastenneuvola, neuvola, kouluterveydenhuolto, opiskeluterveydenhuolto",
        "barnrådgivning, rådgivning, skolhälsovård, elevhälsovård",
        "child health clinic, school health care, school nurse",
    ),
    C(
        "sick-child", "71", 42, False,
        ("Sairas lapsi", "Sjukt barn", "A sick child"),
        (
            "Kuume, korvakipu ja muut sairaudet: lääkärin ja sairaanhoitajan vastaanotto.",
            "Feber, öronvärk och andra sjukdomar: läkar- och sjukskötarmottagning.",
            "Fever, earache and other illness: doctor and nurse appointments.",
        ),
        "sairas lapsi, lapsi on sairas, kuume, korvakipu, korvatulehdus, flunssa, yskä, "
        "vatsatauti, ihottuma, lääkäri, lääkäriaika, lääkärille, ajanvaraus, terveysasema, "
        "terveyskeskus",
        "sjukt barn, feber, öronvärk, förkylning, hosta, läkare, läkartid, hälsostation, "
        "hälsocentral, tidsbokning",
        "sick child, ill child, fever, earache, ear infection, flu, cough, rash, doctor, "
        "doctor's appointment, health centre, health center",
        "vastaanotto, lääkäri, sairaanhoitaja, terveysasema",
        "mottagning, läkare, sjukskötare, hälsostation",
        "doctor, nurse, appointments, health centre",
    ),
    C(
        "teeth", "7", 44, False,
        ("Hampaat", "Tänder", "Teeth"),
        (
            "Lasten ja nuorten hammashoito ja suun terveys.",
            "Tandvård och munhälsa för barn och unga.",
            "Dental care and oral health for children and young people.",
        ),
        "hammas, hampaat, hammassärky, hammaskipu, hammashoito, hammaslääkäri, hammashoitola, "
        "reikä hampaassa, suun terveys, oikomishoito, hammasraudat",
        "tänder, tand, tandvärk, tandläkare, tandvård, hål i tanden, tandreglering",
        "teeth, tooth, toothache, dentist, dental care, cavity, braces, oral health",
        "suun terveydenhuolto, hammaslääkäri, hammashoitola, hammashoito",
        "munhälsovård, tandläkare, tandvård",
        "dental care, dentist",
    ),
    C(
        "speech", "2", 50, True,
        ("Puhe ja kielen kehitys", "Tal och språkutveckling", "Speech and language"),
        (
            "Kun lapsi ei puhu ikätasoisesti, änkyttää tai ääntää vaikeasti.",
            "När barnet inte pratar som jämnåriga, stammar eller har svårt att uttala.",
            "When a child is late to talk, stutters or has trouble pronouncing.",
        ),
        "puhe, puheen kehitys, puhuminen, lapsi ei puhu, ei puhu, puhuu vähän, "
        "puhe viivästynyt, puheen viivästymä, änkytys, änkyttää, ärrä, r-vika, ääntäminen, "
        "kielen kehitys, kielellinen erityisvaikeus, puheterapia, puheterapeutti, viittomat",
        "tal, talet, pratar inte, sen att prata, talterapi, talterapeut, stamning, stammar, "
        "uttal, språkutveckling",
        "speech, speech delay, speech therapy, speech therapist, late talker, not talking, "
        "doesn't talk, stuttering, stammering, pronunciation, language development, toddler talk",
        "puheterapia, puheterapeutti",
        "talterapi, talterapeut",
        "speech therapy, speech therapist",
    ),
    C(
        "motor-development", "27", 52, False,
        ("Liikkuminen ja motoriikka", "Rörelse och motorik", "Movement and motor skills"),
        (
            "Konttaaminen, käveleminen, kömpelyys, ryhti ja hienomotoriikka.",
            "Krypa, gå, klumpighet, hållning och finmotorik.",
            "Crawling, walking, clumsiness, posture and fine motor skills.",
        ),
        "motoriikka, liikkuminen, kömpelyys, kömpelö, vauva ei konttaa, ei kävele, ryhti, "
        "fysioterapia, fysioterapeutti, hienomotoriikka, kynäote, aistit, aistiyliherkkyys, "
        "toimintaterapia",
        "motorik, rörelse, klumpig, krypa, gå, hållning, fysioterapi, fysioterapeut, finmotorik, "
        "ergoterapi",
        "motor skills, movement, clumsy, clumsiness, not crawling, not walking, posture, "
        "physiotherapy, physiotherapist, fine motor skills, sensory, occupational therapy",
        "fysioterapia, toimintaterapia",
        "fysioterapi, ergoterapi",
        "physiotherapy, occupational therapy",
    ),
    C(
        "development-concern", "2", 54, False,
        ("Huoli lapsen kehityksestä", "Oro för barnets utveckling",
         "Worried about a child's development"),
        (
            "Keskittyminen, oppiminen, tunteet ja neuropsykiatriset piirteet.",
            "Koncentration, inlärning, känslor och neuropsykiatriska drag.",
            "Concentration, learning, emotions and neurodevelopmental traits.",
        ),
        "lapsen kehitys, kehitys, kehityksen viivästymä, keskittyminen, keskittymisvaikeudet, "
        "ylivilkas, adhd, add, autismi, autismikirjo, neuropsykiatrinen, oppimisvaikeudet, "
        "lukivaikeus, erityisen tuen tarve, lapsen tunteet, pelot",
        "utveckling, utvecklingsförsening, koncentration, koncentrationssvårigheter, adhd, "
        "autism, inlärningssvårigheter, dyslexi, särskilt stöd",
        "child development, development, developmental delay, concentration, attention, adhd, "
        "autism, learning difficulties, dyslexia, special needs",
        "psykologi, perheneuvola, toimintaterapia, erityisopettaja, oppilashuolto",
        "psykolog, familjerådgivning, speciallärare, elevhälsa",
        "psychologist, family counselling, occupational therapy, special needs teacher",
    ),
    C(
        "behaviour", "62", 56, True,
        ("Uhmaikä ja lapsen käytös", "Trots och barnets beteende",
         "Tantrums and behaviour"),
        (
            "Raivokohtaukset, rajat ja arjen riidat: tukea kasvatukseen.",
            "Utbrott, gränser och gräl i vardagen: stöd i fostran.",
            "Tantrums, limits and everyday conflicts: support with parenting.",
        ),
        "uhmaikä, uhma, uhmakas, raivokohtaus, raivokohtaukset, raivarit, kiukku, kiukuttelu, "
        "lapsen käytös, käytöshäiriö, käytösongelmat, tottelemattomuus, ei tottele, rajat, "
        "rajojen asettaminen, lyöminen, aggressiivinen lapsi, riidat",
        "trots, trotsålder, utbrott, raseriutbrott, beteende, beteendeproblem, gränser, "
        "lyder inte, aggressivt barn",
        "tantrums, temper tantrums, tantrum, behaviour, behavior, behaviour problems, limits, "
        "setting limits, discipline, defiant, aggressive child, terrible twos",
        "perheohjaus, perhetyö, perheneuvola, psykologi, vanhempainpuhelin",
        "familjehandledning, familjearbete, familjerådgivning, psykolog, föräldratelefonen",
        "family work, family counselling, psychologist, parents' helpline",
    ),
    C(
        "parenting", "6", 58, False,
        ("Vanhemmuus ja kasvatus", "Föräldraskap och fostran", "Parenting"),
        (
            "Tukea vanhemmuuteen, isille ja äideille.",
            "Stöd i föräldraskapet, för pappor och mammor.",
            "Support for parents, dads and mums.",
        ),
        "vanhemmuus, vanhemmuuden tuki, kasvatus, kasvattaminen, kasvatusvinkit, "
        "kasvatuskysymykset, huoli lapsesta, isä, isät, isyys, äiti, äidit, äitiys",
        "föräldraskap, föräldrastöd, fostran, uppfostran, pappa, pappor, mamma, mammor",
        "parenting, parenting support, parenting advice, being a parent, dad, dads, father, "
        "mum, mom, mother",
        "perheohjaus, perhetyö, perheneuvola, vanhempainpuhelin, perhekahvila",
        "familjehandledning, familjearbete, familjerådgivning, föräldratelefonen",
        "family work, family counselling, parents' helpline, family café",
    ),
    C(
        "couple-relationship", "6", 60, True,
        ("Parisuhde", "Parrelationen", "The couple relationship"),
        (
            "Riidat, kriisit ja läheisyys: parisuhteen tukea ja pariterapiaa.",
            "Gräl, kriser och närhet: stöd för relationen och parterapi.",
            "Arguments, crises and intimacy: relationship support and couple therapy.",
        ),
        "parisuhde, parisuhdeongelmat, parisuhdekriisi, riitely, riitelemme, riidat, "
        "pariterapia, parisuhdeterapia, uskottomuus, pettäminen, läheisyys, seksi, "
        "riitelemme puolison kanssa, avioliitto",
        "parrelation, relation, relationsproblem, gräl, bråkar, parterapi, kris i relationen, "
        "otrohet, närhet, äktenskap",
        "relationship, couple, relationship problems, marriage problems, arguing, fights, "
        "couple therapy, couples counselling, infidelity, cheating, intimacy, marriage",
        "perheasiain neuvottelukeskus, pariterapia, parisuhdeillat, perheneuvonta, parisuhde",
        "familjerådgivningscentralen, parterapi, parrelation",
        "family counselling centre, couple therapy, couple evenings, relationship",
    ),
    C(
        "domestic-violence", "4", 70, True,
        ("Väkivalta perheessä", "Våld i familjen", "Violence at home"),
        (
            "Lähisuhde- ja perheväkivalta: apua heti, turvakoti ja auttavat puhelimet.",
            "Våld i nära relationer: hjälp genast, skyddshem och stödtelefoner.",
            "Domestic and intimate-partner violence: help now, shelters and helplines.",
        ),
        "väkivalta, perheväkivalta, lähisuhdeväkivalta, kotiväkivalta, parisuhdeväkivalta, "
        "lyö, lyönyt, hakkaa, pelkään puolisoa, pelkään kotona, pelko kotona, uhkailu, "
        "henkinen väkivalta, kontrollointi, vaino, ei turvallista kotona, kunniaväkivalta, "
        "seksuaalinen väkivalta",
        "våld, våld i nära relationer, familjevåld, misshandel, slår, hot, rädd hemma, "
        "rädd för min partner, psykiskt våld, förföljelse, hedersrelaterat våld",
        "violence, domestic violence, abuse, partner violence, hits me, afraid at home, "
        "afraid of my partner, threats, controlling partner, stalking, not safe at home, "
        "honour-related violence",
        "lähisuhdeväkivaltatyö, väkivaltatyö, turvakoti, auttava puhelin, lähisuhdeväkivalta",
        "skyddshem, våld i nära relationer, stödtelefon",
        "domestic violence, shelter, helpline",
    ),
    C(
        "shelter", "4", 72, False,
        ("Turvakoti ja hätätilanne", "Skyddshem och nödsituation", "Shelter and emergencies"),
        (
            "Kun kotona ei ole turvallista ja tarvitaan paikka heti.",
            "När det inte är tryggt hemma och man behöver en plats genast.",
            "When home is not safe and you need a place right away.",
        ),
        "turvakoti, hätämajoitus, paeta kotoa, lähteä kotoa, hätä, hätätilanne, "
        "akuutti kriisi, turvaan",
        "skyddshem, akut, nödsituation, fly hemifrån",
        "shelter, safe house, emergency, flee home, escape, emergency accommodation",
        "turvakoti, kriisipuhelin",
        "skyddshem, kristelefon",
        "shelter, crisis helpline",
    ),
    C(
        "child-protection", "124", 74, False,
        ("Lastensuojelu ja huoli lapsesta", "Barnskydd och oro för ett barn",
         "Child protection"),
        (
            "Kun olet huolissasi lapsen turvallisuudesta tai hyvinvoinnista.",
            "När du är orolig för ett barns trygghet eller välbefinnande.",
            "When you are worried about a child's safety or wellbeing.",
        ),
        "lastensuojelu, lastensuojeluilmoitus, huoli lapsesta, kaltoinkohtelu, "
        "lapsen pahoinpitely, laiminlyönti, lapsi ei ole turvassa, sosiaalityöntekijä",
        "barnskydd, barnskyddsanmälan, oro för barn, misshandel, försummelse, socialarbetare",
        "child protection, child welfare, worried about a child, child abuse, neglect, "
        "social worker",
        "lastensuojelu, sosiaalityö, sosiaalityöntekijä",
        "barnskydd, socialt arbete, socialarbetare",
        "child welfare, social work, social worker",
    ),
    C(
        "own-anger", "4", 76, False,
        ("Oma vihan hallinta", "Egen ilska", "My own anger"),
        (
            "Kun pelkäät satuttavasi läheistäsi tai olet käyttänyt väkivaltaa.",
            "När du är rädd att skada någon nära eller har använt våld.",
            "When you fear you might hurt someone close or have been violent.",
        ),
        "olen väkivaltainen, suutun liikaa, vihanhallinta, aggressio, raivo, "
        "lyön, väkivallan katkaisu",
        "jag är våldsam, ilska, aggression, ilskehantering",
        "i am violent, anger, anger management, i lose my temper, aggression",
        "väkivaltatyö, lähisuhdeväkivaltatyö, väkivallan ehkäisy",
        "arbete mot våld, våld i nära relationer",
        "help with domestic violence, preventing domestic violence",
    ),
    C(
        "substance-use", "2", 80, True,
        ("Päihteet ja riippuvuudet", "Rusmedel och beroende", "Alcohol, drugs and addiction"),
        (
            "Alkoholi, huumeet tai pelaaminen omassa tai läheisen elämässä.",
            "Alkohol, droger eller spel i ditt eget eller en närståendes liv.",
            "Alcohol, drugs or gambling in your life or a loved one's.",
        ),
        "päihteet, päihdeongelma, alkoholi, juominen, juo liikaa, humala, huumeet, kannabis, "
        "riippuvuus, addiktio, peliriippuvuus, rahapelit, vanhemman päihteiden käyttö, "
        "nuuska, tupakka, nikotiini",
        "alkohol, droger, missbruk, beroende, rusmedel, dricker för mycket, spelberoende",
        "alcohol, drinking, drugs, substance use, substance abuse, addiction, gambling, "
        "drinks too much, cannabis",
        "päihteet, psykiatrinen sairaanhoitaja, mielenterveys, sosiaalityö, "
        "etsivä nuorisotyö, kriisipuhelin",
        "missbruk, psykiatrisk sjukskötare, psykisk hälsa, socialt arbete",
        "mental health, psychiatric nurse, social work, crisis helpline",
    ),
    C(
        "mental-health", "2", 82, True,
        ("Mielen hyvinvointi", "Psykisk hälsa", "Mental health"),
        (
            "Masennus, ahdistus ja paha olo: keskusteluapua ja hoitoa.",
            "Depression, ångest och att må dåligt: samtalsstöd och vård.",
            "Depression, anxiety and feeling bad: someone to talk to, and treatment.",
        ),
        "mielenterveys, masennus, masentunut, ahdistus, ahdistaa, ahdistunut, paniikki, "
        "paniikkihäiriö, paha olo, pahaa oloa, itsetuhoisuus, itsemurha, itsetuhoiset ajatukset, "
        "syömishäiriö, viiltely, mieliala, keskusteluapu, terapia, psykoterapia",
        "psykisk hälsa, depression, deprimerad, ångest, panik, må dåligt, mår dåligt, "
        "självmordstankar, ätstörning, samtalsstöd, terapi, psykoterapi",
        "mental health, depression, depressed, anxiety, anxious, panic, feeling bad, "
        "feeling low, suicidal, self-harm, eating disorder, therapy, psychotherapy",
        "psykiatrinen sairaanhoitaja, psykologi, kriisipuhelin, mielenterveys, nuorten chat, "
        "kuntoutuspsykoterapia",
        "psykiatrisk sjukskötare, psykolog, kristelefonen, psykisk hälsa, chatt för unga",
        "psychiatric nurse, psychologist, crisis helpline, mental health chat, psychotherapy",
    ),
    C(
        "crisis-and-grief", "2", 84, False,
        ("Kriisi ja suru", "Kris och sorg", "Crisis and grief"),
        (
            "Läheisen kuolema, onnettomuus tai muu järkyttävä tapahtuma.",
            "En närståendes död, en olycka eller en annan chockerande händelse.",
            "A death, an accident or another shocking event.",
        ),
        "kriisi, järkytys, suru, kuolema, menetys, läheisen kuolema, kuoli, onnettomuus, "
        "vakava sairaus, trauma, keskenmeno",
        "kris, sorg, dödsfall, chock, förlust, olycka, trauma, missfall",
        "crisis, grief, death, bereavement, loss, shock, accident, trauma, miscarriage",
        "kriisipuhelin, kriisi, psykiatrinen sairaanhoitaja, diakonia",
        "kristelefonen, kris, diakoni",
        "crisis helpline, crisis, diaconal work",
    ),
    C(
        "someone-to-talk-to", "2", 86, False,
        ("Joku jolle puhua", "Någon att prata med", "Someone to talk to"),
        (
            "Nimetön puhelin tai chat lapsille, nuorille ja vanhemmille.",
            "Anonym telefon eller chatt för barn, unga och föräldrar.",
            "An anonymous phone or chat for children, young people and parents.",
        ),
        "joku jolle puhua, haluan puhua, puhua jonkun kanssa, keskustelu, keskusteluapu, "
        "nimetön, anonyymi, chat, auttava puhelin",
        "någon att prata med, prata med någon, samtal, anonym, chatt, stödtelefon",
        "someone to talk to, talk to someone, want to talk, anonymous, chat, helpline",
        "lasten ja nuorten puhelin, nuorten chat, vanhempainpuhelin, kriisipuhelin, "
        "psykiatrinen sairaanhoitaja",
        "barn- och ungdomstelefonen, chatt för unga, föräldratelefonen, kristelefonen",
        "children's helpline, youth chat, parents' helpline, crisis helpline",
    ),
    C(
        "school", "271", 90, True,
        ("Koulu ja opiskelu", "Skola och studier", "School"),
        (
            "Koulunkäynnin vaikeudet, poissaolot ja koulun oppilashuolto.",
            "Svårigheter i skolan, frånvaro och skolans elevhälsa.",
            "Trouble at school, absences and the school's pupil welfare.",
        ),
        "koulu, kouluhuolet, koulunkäynti, koulunkäyntivaikeudet, koulupoissaolot, poissaolot, "
        "ei halua kouluun, ei mene kouluun, koulupelko, läksyt, oppilashuolto, koulupsykologi, "
        "opettaja, kuraattori",
        "skola, skolan, skolfrånvaro, frånvaro, vill inte gå i skolan, läxor, elevhälsa, "
        "skolpsykolog, kurator, lärare",
        "school, school worries, school problems, school absence, absences, school refusal, "
        "won't go to school, homework, pupil welfare, school psychologist, school counsellor",
        "kuraattori, koulukuraattori, kouluterveydenhoitaja, koulupsykologi, oppilashuolto, "
        "kouluterveydenhuolto",
        "kurator, skolkurator, skolpsykolog, elevhälsa, skolhälsovård",
        "school social worker, school nurse, school psychologist, school health care",
    ),
    C(
        "bullying", "2", 92, True,
        ("Kiusaaminen", "Mobbning", "Bullying"),
        (
            "Kun lasta kiusataan koulussa, harrastuksissa tai netissä.",
            "När ett barn mobbas i skolan, på fritiden eller på nätet.",
            "When a child is bullied at school, in hobbies or online.",
        ),
        "kiusaaminen, kiusattu, kiusataan, kiusaa, koulukiusaaminen, nettikiusaaminen, "
        "syrjintä, ei kavereita, yksin koulussa",
        "mobbning, mobbad, mobbas, mobbar, nätmobbning, utanförskap",
        "bullying, bullied, being bullied, bully, cyberbullying, left out",
        "kuraattori, koulukuraattori, lasten ja nuorten puhelin, kiusaaminen",
        "kurator, skolkurator, barn- och ungdomstelefonen, mobbning",
        "school social worker, children's helpline, bullying",
    ),
    C(
        "teenager", "28", 94, True,
        ("Nuori ja murrosikä", "Tonåringen", "Teenagers"),
        (
            "Murrosikäinen kotona, nuoren huolet ja nuorten omat palvelut.",
            "En tonåring hemma, ungas bekymmer och tjänster för unga.",
            "A teenager at home, young people's worries and services for the young.",
        ),
        "nuori, nuoret, nuorten, teini, teini-ikäinen, murrosikä, murrosikäinen, "
        "nuori oireilee, nuoren huolet, nuorisotila, nuokkari",
        "tonåring, tonåringar, ung, unga, pubertet, ungdom, ungdomsgård",
        "teenager, teen, teens, young person, young people, youth, adolescent, puberty",
        "nuorisotyö, nuorisotila, ohjaamo, etsivä nuorisotyö, nuorten chat, "
        "kouluterveydenhuolto, kuraattori, vanhempainpuhelin",
        "ungdomsarbete, ungdomsgård, chatt för unga, skolhälsovård, kurator, föräldratelefonen",
        "youth work, youth centre, Ohjaamo, youth chat, school health care, "
        "school social worker, parents' helpline",
    ),
    C(
        "young-adult", "2", 96, False,
        ("Opiskelu, työ ja oma elämä nuorena", "Studier, arbete och eget liv som ung",
         "Studies, work and a life of one's own"),
        (
            "Nuori ilman opiskelupaikkaa tai työtä, asuminen ja raha.",
            "En ung person utan studieplats eller arbete, boende och pengar.",
            "A young person without a study place or job, housing and money.",
        ),
        "ei opiskelupaikkaa, opiskelupaikka, työtön nuori, keskeytti koulun, keskeyttänyt, "
        "työpaikka, nuori asunto, syrjäytyminen, nuori jumittaa kotona",
        "studieplats, utan studieplats, arbetslös ung, hoppat av, arbete, bostad",
        "no study place, unemployed young person, dropped out, job, housing, neet",
        "etsivä nuorisotyö, ohjaamo",
        "uppsökande ungdomsarbete, navigatorn",
        "outreach youth work, Ohjaamo",
    ),
    C(
        "money", "16", 100, True,
        ("Rahahuolet ja etuudet", "Pengar och förmåner", "Money worries and benefits"),
        (
            "Lapsiperheen etuudet, toimeentulo, velat ja ruoka-apu.",
            "Barnfamiljers förmåner, utkomst, skulder och mathjälp.",
            "Family benefits, income support, debt and food aid.",
        ),
        "rahahuolet, raha, rahaa, rahat loppu, velat, velka, toimeentulo, toimeentulotuki, "
        "köyhyys, ruoka-apu, laskut, vuokra, tuet, etuudet, lapsilisä, kotihoidon tuki, "
        "vanhempainraha, äitiysavustus",
        "pengar, ekonomiska bekymmer, ekonomi, skulder, skuld, utkomststöd, fattigdom, mathjälp, "
        "räkningar, förmåner, barnbidrag, föräldrapenning",
        "money, money worries, debt, debts, income support, benefits, child benefit, "
        "parental allowance, poverty, bills, food aid, rent",
        "lapsiperheen etuudet, kela, diakonia, ruoka-apu, toimeentulo, sosiaalityö, elatustuki",
        "förmåner för barnfamiljer, fpa, diakoni, mathjälp, socialt arbete",
        "benefits for families, kela, diaconal work, food aid, social work",
    ),
    C(
        "loneliness-peer-support", "8", 110, True,
        ("Yksinäisyys ja vertaistuki", "Ensamhet och kamratstöd", "Loneliness and peer support"),
        (
            "Muiden vanhempien seuraa, vertaisryhmät ja avoimet kohtaamispaikat.",
            "Sällskap av andra föräldrar, kamratgrupper och öppna mötesplatser.",
            "Meeting other parents, peer groups and open meeting places.",
        ),
        "yksinäisyys, yksinäinen, yksin, ei ystäviä, vertaistuki, vertaisryhmä, muut vanhemmat, "
        "muita vanhempia, seuraa, kavereita, ystävä, tutustua",
        "ensamhet, ensam, kamratstöd, kamratgrupp, andra föräldrar, sällskap, vänner",
        "loneliness, lonely, alone, peer support, peer group, other parents, "
        "meet other parents, friends, company",
        "perhekahvila, kohtaamispaikka, perhekerho, vertaisryhmä, vertaistuki, perhetupa",
        "familjecafé, mötesplats, familjeklubb, kamratgrupp, kamratstöd",
        "family café, meeting place, family club, peer group, peer support",
    ),
    C(
        "meeting-places", "8", 112, False,
        ("Tekemistä perheille", "Aktiviteter för familjer", "Things to do with children"),
        (
            "Perhekahvilat, kerhot ja avoimet kohtaamispaikat.",
            "Familjecaféer, klubbar och öppna mötesplatser.",
            "Family cafés, clubs and open meeting places.",
        ),
        "perhekahvila, kohtaamispaikka, avoin kohtaamispaikka, perhekerho, kerho, leikkikerho, "
        "muskari, tekemistä lapsen kanssa, olkkari, perheaamu, leikkipaikka",
        "familjecafé, mötesplats, öppen mötesplats, familjeklubb, lekgrupp, lek, aktiviteter",
        "family café, family cafe, meeting place, drop-in, family club, playgroup, "
        "things to do, activities for children",
        "perhekahvila, kohtaamispaikka, perhekerho, perhetupa, perheolkkari",
        "familjecafé, mötesplats, familjeklubb, familjestuga",
        "family café, meeting place, family club, family room",
    ),
    C(
        "hobbies", "8", 114, False,
        ("Harrastukset ja vapaa-aika", "Hobbyer och fritid", "Hobbies and free time"),
        (
            "Kerhot, leirit ja nuorisotilat lapsille ja nuorille.",
            "Klubbar, läger och ungdomsgårdar för barn och unga.",
            "Clubs, camps and youth centres for children and young people.",
        ),
        "harrastus, harrastukset, vapaa-aika, leiri, kerho, retki, iltapäiväkerho, rippikoulu",
        "hobby, hobbyer, fritid, läger, klubb, utflykt",
        "hobby, hobbies, free time, camp, club, after-school club, trips",
        "nuorisotila, nuorisotyö, kerho, leiri, seurakunnan lapsi- ja nuorisotyö",
        "ungdomsgård, ungdomsarbete, läger",
        "youth centre, youth work, camp, clubs",
    ),
    C(
        "immigrant-families", "5", 120, True,
        ("Suomeen muuttaneet perheet", "Familjer som flyttat till Finland",
         "Families new to Finland"),
        (
            "Palvelua omalla kielellä, tulkki ja tukea kotoutumiseen.",
            "Service på eget språk, tolk och stöd för integration.",
            "Services in your own language, interpreters and help to settle in.",
        ),
        "maahanmuuttaja, maahanmuuttajaperhe, maahanmuutto, muutimme suomeen, "
        "muuttanut suomeen, uusi maa, kotoutuminen, pakolainen, turvapaikanhakija, tulkki, "
        "oma kieli, omalla kielellä, suomen kieli, suomen kielen opiskelu, monikulttuurinen, "
        "kulttuuri",
        "invandrare, invandring, flyttat till finland, ny i finland, integration, flykting, "
        "asylsökande, tolk, eget språk, på eget språk, mångkulturell",
        "immigrant, immigrants, moved to finland, new to finland, new country, integration, "
        "refugee, asylum seeker, interpreter, my own language, learn finnish, multicultural, "
        "foreigner",
        "monikielinen perhetyö, kotoutumista tukeva perhetyö, monikielinen neuvonta, "
        "monikulttuurinen perheryhmä, maahanmuuttaja, tulkki",
        "flerspråkigt familjearbete, flerspråkig rådgivning, mångkulturell familjegrupp, "
        "invandrare, tolk",
        "multilingual family work, family work supporting integration, multilingual advice, "
        "multicultural family group, interpreter, immigrant",
    ),
    C(
        "languages", "5", 122, False,
        ("Palvelut muilla kielillä", "Service på andra språk", "Services in other languages"),
        (
            "Ruotsiksi, saameksi, englanniksi ja muilla kielillä.",
            "På svenska, samiska, engelska och andra språk.",
            "In Swedish, Sámi, English and other languages.",
        ),
        "ruotsiksi, ruotsinkielinen, ruotsi, saame, saameksi, saamenkielinen, saamelainen, "
        "englanniksi, arabiaksi, somaliksi, ukrainaksi, venäjäksi, viroksi, kieli",
        "på svenska, svenskspråkig, svenska, samiska, på samiska, engelska, språk",
        "in swedish, swedish, swedish-speaking, sami, sámi, in english, arabic, somali, "
        "ukrainian, russian, estonian, language",
        "ruotsinkielinen, saamenkielinen, monikielinen, tulkki",
        "svenskspråkig, svenska, samiska, flerspråkig, tolk",
        "swedish-language, sámi, multilingual, interpreter",
    ),
    C(
        "disability", "25", 130, True,
        ("Vammaisuus ja pitkäaikaissairaus", "Funktionsnedsättning och långvarig sjukdom",
         "Disability and long-term illness"),
        (
            "Erityistä tukea tarvitseva lapsi, vammaispalvelut ja terapiat.",
            "Ett barn som behöver särskilt stöd, funktionshinderservice och terapier.",
            "A child with special needs, disability services and therapies.",
        ),
        "vamma, vammainen, vammainen lapsi, vammaisuus, erityislapsi, erityistä tukea, "
        "pitkäaikaissairaus, kehitysvamma, cp-vamma, kuulovamma, näkövamma, omaishoito, "
        "omaishoitaja, vammaispalvelut, vammaispalvelu",
        "funktionsnedsättning, funktionshinder, handikapp, barn med funktionsnedsättning, "
        "specialbarn, långvarig sjukdom, närståendevård, handikappservice",
        "disability, disabled, disabled child, special needs, chronic illness, "
        "developmental disability, carer, caregiver, disability services",
        "vammaispalvelut, toimintaterapia, fysioterapia, puheterapia, erityisopettaja, "
        "sosiaalityö",
        "handikappservice, funktionshinderservice, fysioterapi, talterapi, speciallärare",
        "disability services, occupational therapy, physiotherapy, speech therapy, "
        "special needs teacher",
    ),
    C(
        "where-to-start", "12", 140, True,
        ("En tiedä mistä apua", "Jag vet inte var jag får hjälp",
         "I don't know where to get help"),
        (
            "Palveluohjaus ja matalan kynnyksen apu: kerro huolesi, ohjaamme oikeaan paikkaan.",
            "Servicehandledning och hjälp med låg tröskel: berätta om din oro.",
            "Service guidance and low-threshold help: tell us your concern.",
        ),
        "en tiedä mistä apua, mistä apua, mistä saa apua, kenelle soittaa, kenelle soitan, "
        "neuvonta, palveluohjaus, ohjaus, apua, tarvitsen apua, pyydä apua, huoli, huolissani, "
        "neuvoja, kysyttävää",
        "var får jag hjälp, vart vänder jag mig, servicehandledning, behöver hjälp, "
        "be om hjälp, oro, orolig",
        "where to get help, where do i start, who to call, advice, guidance, service guidance, "
        "need help, ask for help, worried, worry",
        "palveluohjaus, pyydä apua, varhaisen tuen tiimi, palveluneuvonta, neuvonta",
        "servicehandledning, be om hjälp, tidigt stöd, servicerådgivning",
        "service guidance, ask for help, early support, service counselling",
    ),
    C(
        "early-education", "27", 150, False,
        ("Päiväkoti ja esiopetus", "Daghem och förskola", "Daycare and pre-school"),
        (
            "Varhaiskasvatus, esiopetus ja lapsen tuki päiväkodissa.",
            "Småbarnspedagogik, förskola och stöd för barnet i daghemmet.",
            "Early childhood education, pre-school and support in daycare.",
        ),
        "päiväkoti, päiväkodissa, varhaiskasvatus, hoitopaikka, päivähoito, esikoulu, "
        "esiopetus, kelto, tuki päiväkodissa, kielipesä",
        "daghem, dagis, förskola, småbarnspedagogik, dagvård, språkbo",
        "daycare, day care, nursery, kindergarten, pre-school, preschool, "
        "early childhood education, language nest",
        "varhaiskasvatus, erityisopettaja, oppilashuolto, kielipesä, varhaiskasvatuksen tuki",
        "småbarnspedagogik, speciallärare, elevhälsa, språkbo",
        "early education, special needs teacher, pupil welfare, language nest",
    ),
    C(
        "remote-services", "1", 160, False,
        ("Asiointi etänä", "Service på distans", "Remote and online services"),
        (
            "Chat, puhelin ja videovastaanotto, kun et pääse paikan päälle.",
            "Chatt, telefon och videomottagning när du inte kan komma på plats.",
            "Chat, phone and video appointments when you cannot come in person.",
        ),
        "etänä, etäaika, etävastaanotto, videopuhelu, video, verkossa, netissä, chat, "
        "puhelimitse, sähköinen asiointi",
        "distans, distanstid, distansmottagning, video, på nätet, chatt, per telefon",
        "remote, remote appointment, video call, video, online, chat, by phone, e-service",
        "etäaika, etävastaanotto, chat, videotapaaminen",
        "distanstid, distansmottagning, chatt, videomöte",
        "remote appointment, remote reception, chat, video meeting",
    ),
    C(
        "foster-and-adoption", "16", 170, False,
        ("Sijaisperhe ja adoptio", "Familjehem och adoption", "Foster care and adoption"),
        (
            "Sijais- ja adoptioperheet sekä lapsen sijoitus.",
            "Familjehem, adoptivfamiljer och placering av barn.",
            "Foster and adoptive families and placements.",
        ),
        "adoptio, adoptiolapsi, adoptioperhe, sijaisperhe, sijaisvanhempi, sijaisvanhemmuus, "
        "perhehoito, huostaanotto, sijoitus",
        "adoption, adoptivbarn, familjehem, fosterfamilj, omhändertagande, placering",
        "adoption, adopted child, foster family, foster parent, foster care, taken into care, "
        "placement",
        "lastensuojelu, sosiaalityö, perheneuvola",
        "barnskydd, socialt arbete, familjerådgivning",
        "child welfare, social work, family counselling",
    ),
    C(
        "sexual-health-and-identity", "75", 180, False,
        ("Seksuaaliterveys ja identiteetti", "Sexuell hälsa och identitet",
         "Sexual health and identity"),
        (
            "Ehkäisy, seurustelu, sukupuoli ja sateenkaariperheet.",
            "Preventivmedel, relationer, kön och regnbågsfamiljer.",
            "Contraception, dating, gender and rainbow families.",
        ),
        "ehkäisy, raskauden ehkäisy, seksuaaliterveys, seksuaalisuus, seurustelu, "
        "sukupuoli-identiteetti, sukupuoli, sateenkaariperhe, sateenkaarinuori, homo, transnuori",
        "preventivmedel, sexuell hälsa, sexualitet, könsidentitet, regnbågsfamilj",
        "contraception, sexual health, sexuality, dating, gender identity, rainbow family, "
        "lgbt, lgbtq, transgender",
        "kouluterveydenhuolto, kouluterveydenhoitaja, nuorten chat, psykologi",
        "skolhälsovård, skolhälsovårdare, chatt för unga, psykolog",
        "school health care, school nurse, youth chat, psychologist",
    ),
    C(
        "housing", "1", 190, False,
        ("Asuminen", "Boende", "Housing"),
        (
            "Asunnon menetys, häätö tai asunnon etsiminen.",
            "Att förlora bostaden, vräkning eller att söka bostad.",
            "Losing a home, eviction or looking for a place to live.",
        ),
        "asunto, asuminen, asunnoton, asunnottomuus, häätö, vuokra-asunto, vuokrarästit",
        "bostad, boende, bostadslös, vräkning, hyresbostad",
        "housing, home, homeless, eviction, rent arrears, apartment",
        "sosiaalityö, ohjaamo, diakonia, toimeentulo",
        "socialt arbete, navigatorn, diakoni",
        "social work, Ohjaamo, diaconal work",
    ),
    C(
        "child-health-and-habits", "7", 200, False,
        ("Terveelliset elintavat", "Hälsosamma levnadsvanor", "Healthy habits"),
        (
            "Ruoka, liikunta, ruutuaika ja uni koko perheelle.",
            "Mat, motion, skärmtid och sömn för hela familjen.",
            "Food, exercise, screen time and sleep for the whole family.",
        ),
        "ruutuaika, pelaaminen, liikunta, ylipaino, terveellinen ruoka, elintavat, painonhallinta",
        "skärmtid, spelande, motion, övervikt, levnadsvanor",
        "screen time, gaming, exercise, overweight, healthy eating, lifestyle",
        "neuvola, kouluterveydenhuolto, kouluterveydenhoitaja",
        "rådgivning, skolhälsovård",
        "child health clinic, school health care",
    ),
]


def create_default_thesaurus(apps, schema_editor):
    NeedConcept = apps.get_model("finder", "NeedConcept")
    existing = set(NeedConcept.objects.values_list("key", flat=True))
    for concept in CONCEPTS:
        if concept["key"] in existing:
            continue
        fields = {
            "key": concept["key"],
            "tasks": concept["tasks"],
            "order": concept["order"],
            "show_on_home": concept["show_on_home"],
            "name": concept["name"][0],
            "description": concept["description"][0],
            "phrases": concept["phrases"][0],
            "targets": concept["targets"][0],
        }
        for index, lang in enumerate(("fi", "sv", "en")):
            for field in ("name", "description", "phrases", "targets"):
                fields[f"{field}_{lang}"] = concept[field][index]
        NeedConcept.objects.create(**fields)


def remove_default_thesaurus(apps, schema_editor):
    NeedConcept = apps.get_model("finder", "NeedConcept")
    NeedConcept.objects.filter(key__in=[c["key"] for c in CONCEPTS]).delete()


class Migration(migrations.Migration):
    dependencies = [("finder", "0002_search_backends")]

    operations = [migrations.RunPython(create_default_thesaurus, remove_default_thesaurus)]
