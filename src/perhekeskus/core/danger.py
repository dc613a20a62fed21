"""Signs of acute danger in what a family writes or searches for.

Not a diagnosis and never a reason to delay: it decides whether the emergency guidance (112,
the crisis line, the violence helpline) is shown prominently, on the help form's answer, in the
API's answer and above search results, and whether the team sees a warning with a same-day
target. Missing a danger is worse than a false alarm, so the rules lean towards flagging; a
labelled set in `danger_eval/` measures both (`perhekeskus danger-evaluate`, ADR 0023).

How the text is matched:

- It is **normalised**: case-folded, diacritics dropped (ä→a, ö→o, å→a, so text typed without
  them matches), apostrophes dropped ("don't"→"dont"), every other non-letter a space, runs of
  three or more of the same letter shortened to two ("kuollaaaa"), spaces collapsed.
- A **term** matches a word from its start: "lyö" matches "lyö", "lyönyt", "lyömään"; "=ase"
  matches only the whole word, so that "ase" (weapon) does not match "asema" (station); "*stem"
  may start inside a word (Finnish and Swedish compounds: "lähisuhdeväkivalta",
  "familjevåldet"); "*stem=" must end the word. "a|b" are alternatives for one word.
- A **phrase** is terms in order with up to two other words between them ("en jaksa enää elää",
  "en enää jaksa elää", "en jaksa elää enää" are all `en jaksa elää`); a leading "~N" sets
  that gap to N words.
- A word that is one typing slip (a letter left out, added, changed, or two swapped) from one of
  a few key stems is read as that stem ("itsemruha", "sjävlmord", "sucide").

The rules are written with diacritics for reading and normalised at import; every regular
expression is compiled once, at import.
"""

from __future__ import annotations

import re
import unicodedata

# Who can be the caregiver or partner the danger comes from (to be combined with a verb).
_FI_CARER = (
    "isä|isi|iskä|isäpuol|faija|äiti|äite|äiskä|äitipuol|mutsi|mies|mieh|aviomie|avomie"
    "|miesystäv|poikaystäv|tyttöystäv|naisystäv|vaimo|avovaimo|puoliso|kumppan|exä|=ex|vanhem"
    "|huoltaj|isovanhem|setä|eno|täti|mummo|ukki|pappa"
)
_SV_CARER = (
    "pappa|farsa|=far|=fars|mamma|morsa|=mor|=mors|=man|=mannen|=make|maken|exmake|=exet|=ex"
    "|sambo|pojkvän|flickvän|=fru|=frun|hustru|styvpapp|styvmamm|styvfar|styvmor|förälder"
    "|föräldr|gubbe|gubben|=kille|=killen"
)
_EN_CARER = (
    "=dad|daddy|father|stepdad|stepfather|=mom|=mum|mommy|mummy|mother|stepmom|stepmum"
    "|stepmother|husband|=wife|partner|boyfriend|girlfriend|=ex|parent|uncle|grandpa|grandma"
)
_FI_KIDS = "lapsi|lapse|lapset|laps|vauva|poika|poja|tyttö|tytär|tyttär|pikku|sisko|sisar|veli|velj"
_SV_KIDS = "barn|bebis|lill|=son|sonen|dotter|dottern|bror|brode|syster|tonåring"
_EN_KIDS = "child|children|=kid|=kids|baby|=son|daughter|toddler|brother|sister|teen"


def _words(text: str) -> list[str]:
    """Single-word terms, written one after another."""
    return text.split()


SIGNALS: dict[str, tuple[str, ...]] = {
    "violence": (
        # fi
        *_words(
            "lyö lyön =löi =löivät =lyöty hakkaa hakkas hakann potki potkais potkas kurist "
            "*väkival *pahoinpi uhkail tappa =tapan =tapat =tappoi *tappouh puukot puukko puuko "
            "veitse =veitsi =ase =aseella =aseen =aseet =aseita =asetta =aseilla tuliase "
            "teräase *raiska seksuaalisesti hyväksikäy ahdistel tönäis tuuppa =nyrkillä "
            "koskettel tukist läimä kuritta selkäsaun vainoa vainot kosketel"
        ),
        "~0 =koskenut|=koski|=koskee =häneen|=minuun|=muhun|=lapseen",
        "pakot|pakott seksi|=makaamaan",
        "~2 pakot|pakott =asioita|=asioihin|koske",
        *_words("pieks piest"),
        "uhka|uhan|uhkas|uhkaa tappa|=tapan|satut|vied|lyö|lyödä|puuk|ampu",
        "satut|satuttanut =minua|=mua|=häntä|=lasta|=lapsia|=lapsiani|=lapsen|=meitä|=meidät"
        "|=hänet|=minut|=äitiä|=isää",
        f"pelk|pelot|pelko {_FI_CARER}",
        *_words("turvako"),
        # sv
        *_words("*våld= *vålds våldet våldtag våldtäk misshand"),
        "=slår|=slog|slagit|=slogs|=slagen =mig|=mej|=oss|=henne|=honom|=dem|=min|=mitt|=mina"
        "|=sin|=sina|=barnen|=barnet|mamma|pappa|bror|syster|lill|=ihjäl|sönder",
        *_words(
            "hotar hotade hotat hotfull hotelse =hoten =hotet dödshot stryp =ströp dödar dödade "
            "=döda =kniv =kniven =knivar vapen =pistol gevär sparka puckla örfil övergrepp "
            "sexuellt"
        ),
        "~3 tvinga|tvingad =saker|sex",
        *_words("förföl ofreda =stryk =aga =agar =agade"),
        "~0 =skyddat|=skyddade =boende",
        *_words("skyddshem"),
        f"=rädd|=rädda|rädsla =för {_SV_CARER}|=honom|=henne",
        f"{_SV_CARER} =slår|=slog|slagit|misshand|=hotar|=hotade|våldsam|sparka",
        # en
        "=hit|=hits|=hitting =me|=us|=her|=him|=them|=you|=mom|=mum|=the",
        "=beat|beats|beating =me|=us|=her|=him|=them|=you|=up|=my",
        *_words("=beaten"),
        "=punch|punches|punched|punching =me|=us|=her|=him|=them|=my",
        "=slap|slaps|slapped|slapping =me|=us|=her|=him|=them|=my",
        "=kick|kicks|kicked|kicking =me|=us|=her|=him|=them|=my",
        "~0 =pushed|pushes|=shoved|=shoves =me|=us|=her|=him",
        *_words("chok strangl violenc violent =abuse abused abuses abusing abusive abuser threat"),
        "~0 kill|kills|killed|killing =me|=you|=us|=her|=him|=them|=the|=my|=our|=his"
        "|=your|=mum|=mom|=everyone|=children|=kids|=baby",
        *_words(
            "=rape =raped =rapes =raping rapist molest assault weapon knife knives =gun =guns "
            "=stab stabbed stalking stalker =stalked shelter battered"
        ),
        "~2 =gets|=got|=getting =physical",
        "~3 grab|squeez|choked|=hands =throat|=neck",
        "~2 hurt|harmed|beaten|abused|unsafe =at|=in =home",
        "hurt|hurts|hurting " + _EN_KIDS + "|=me|=us|=her|=him|=them|=mom|=mum|mother",
        "~3 force|forces|forced|forcing =things|=stuff|=sex|sexual",
        f"{_EN_CARER} =hit|=hits|=hitting|=beats|=punches|=kicks|=slaps|=chokes|abuses",
        f"afraid|scared|terrifi|frighten =of {_EN_CARER}|=him|=her",
    ),
    "self_harm": (
        # fi
        *_words("*itsemurh *itsetuho itsari viilte viillel viilsin viiltää"),
        "halu|toivo|tahdo|tahto|haluis|haluu|haluun =kuolla|kuoll",
        "mieti|ajattel|ajatuks =kuolemaa|=kuolemista|=kuolemisesta|=kuolla|=kuolevani",
        "helpompi|parempi|parempaa|mieluummin|mielummin|ulospääsy|vaihtoehto =kuolla|kuoll",
        *_words("=kuolisin =kuolisinpa"),
        "=en|=ei|=enkä|=etten|=ettei|=emme =halua|haluu|jaksa|jaks|tahdo|kestä =elää|=elämää"
        "|=elämään|=elämistä|=elää",
        "=en|=enkä|=etten|=ettei =herää|=herätä|=heräisi|=heräisin =enää|=koskaan|=ikinä",
        "parem|paremmin ilman =minua|=mua|=minuu",
        "=en|=ei|=enkä =olisi|=olis|=ois =olemassa|=täällä",
        "~2 ota|otta|otan|niel =kaikki *lääk|*pilleri|*tablet|=nappeja|=nappia",
        "~0 =jos =mua|=minua|=minuu =ei =olisi|=olis|=ois",
        "tappa|=tapan|=tapat|tapp|tapoi =itse|=itseni|=itsensä|=itseään|=itseäni|=ittensä",
        "satut|vahingoit|=lyö|=lyön|=vahingoitan =itse|=itseäni|=itseään|=itseni|=itsensä",
        "lopet|päät|päätt =elämäni|=elämänsä|=päiväni|=päivänsä|=kaiken",
        "hypä|hyppä =junan|=parvekkeelta|=sillalta",
        # sv
        *_words("*självmord självskad"),
        "~1 =ta|=tar|=tog|=tagit|=tänker =livet =av",
        "~0 =ta|=tar|=tog|=tagit =mitt|=sitt|=ditt =liv|=livet",
        "vill|ville|=vil|=önskar|=längtar =dö|=döö|=döden",
        "~0 =om =att =dö",
        "orka|ork|orkade =inte|=int|=ej =leva|=lev",
        "vill|ville|=vil =inte|=int =leva|=finnas",
        "bättre|=bra =utan =mig|=mej",
        "~0 =jag =inte =fanns|=fans|=existerade",
        "~0 =om =jag =dog|=dör|=dö|=död|=försvann",
        "~0 =skär|=skar|=skurit|skära =mig|=sig|=mej",
        "~1 skada|skadar|skadat|skadade =mig|=sig|=mej =själv",
        "försvinn =för =alltid",
        "~0 =aldrig =vakna",
        "~3 orkar|orka|=ork =leva|=lev",
        "~0 rispa|rispar|rispat|rispade =mig|=sig|=mej",
        "~2 =ta|=tar =alla *tablett|*piller|*medicin",
        "~2 hoppa|hoppar =framför|=från =tåget|=bron|=balkongen|=taket",
        "~1 =trött =på =livet|=leva",
        "~1 avslut =mitt|=sitt =liv|=livet",
        "~0 avslut =allt|=alltihop|=livet",
        *_words("dödstank"),
        # en
        *_words("suicid =selfharm"),
        "=self =harm",
        "~0 harm|hurt|hurts|hurting|=cut|cuts|cutting|harming|injur =myself|=herself|=himself"
        "|=themselves|=yourself",
        "~0 kill|kills|killing =myself|=herself|=himself|=themselves|=yourself",
        "~1 want|wants|wanted|wanting|wanna|wnat|=wish =die|=dead",
        "~3 =wish =dead",
        "~0 =better =off =without =me",
        "~0 =better =off =dead",
        "~0 =end|=ending|=ended =my|=her|=his|=their|=it =life|=all",
        "~1 =take|=taking|=took =own =life",
        "~1 =take|=taking =my|=her|=his =life",
        "dont|doesnt|=not|=no =want|=wants|=wanna =live|=alive",
        "~1 =cant|=cannot|=can =go =on =living",
        "~2 =no|=any =point|=reason =live|=living|=life|=going",
        "~0 =end|=ending =it|=everything",
        "~0 =if =i =died|=die",
        "~0 =if =i =was|=were|=wasnt|=werent =dead|=gone|=here|=around|=alive",
        "~3 jump|jumping =off|=from|=front =bridge|=roof|=balcony|=building|=train|=cliff",
        *_words("overdos"),
        "~3 =take|=taking|swallow =all *pills|*tablets|=meds",
    ),
    "child_in_danger": (
        # fi
        f"{_FI_KIDS}|=me|=olemme|=olen|=ovat|=henki =vaarassa",
        *_words("hengenvaar"),
        f"~4 {_FI_KIDS}|=me =yksin =kotona|=kotiin",
        "jättä|jätti|jättänyt|jätt|jää|jäi|jäivät " + _FI_KIDS + " =yksin|heitteil",
        *_words("heitteil laiminly kaltoin ravistel"),
        f"{_FI_KIDS} mustelm",
        "=ei|=eivät|=eikä huolehdi|hoida|syötä " + _FI_KIDS,
        # sv
        f"{_SV_KIDS}|=vi =ensam|=ensamma|=ensamt =hemma",
        "lämna|lämnad|lämnat " + _SV_KIDS + " =ensam|=ensamma",
        "~0 =i =fara",
        *_words("livsfar"),
        "~0 =far =illa",
        *_words("försumm vanvård"),
        "skak|skaka|skakar " + _SV_KIDS,
        "~1 glömm|glömde =mat",
        "~1 =får|=fick =ingen =mat",
        f"{_SV_KIDS} blåmärk",
        # en
        "~0 =in =danger",
        "~2 =left|=leaves|=leave|=leaving|abandon =alone|unattended",
        *_words("neglect"),
        "~1 forget|forgot|=nobody|=noone|=never =feed|=feeds|=fed",
        "shak|shaking =the|=my =baby",
        f"{_EN_KIDS} bruis",
    ),
    "caregiver_intoxicated_or_raging": (
        # fi: words that say it whoever the subject is
        *_words(
            "*humalass humaltu tillin päissää =pöhnässä jurris hiprak =humalainen humalais "
            "*känniss kännää =känni juovuks päihtyn aineiss huumeiss =pilvessä juopott ryypp "
            "dokaa =juoppo juopon alkoholist päihdeongelm alkoholiongelm juomaongelm "
            "huumeongelm"
        ),
        "käyt|käytt|vetä huumei|huumeit|amfe|kannab|=pilveä|=aineita",
        "~1 sekai =aineista|=aineissa|=huumeista|=huumeissa|=lääkkeistä|=viinasta",
        "~0 =on|=oli =juonut",
        "~0 =juo|=juovat|=joi =joka =ilta|=päivä|=viikonloppu",
        "~1 =juo|=juovat|=joi =illat|=iltaisin|=päivät|=aamusta|=viinaa|=kaljaa|=olutta|=alkoholia",
        # fi: a caregiver who drinks or rages
        f"{_FI_CARER} =juo|=joi|=juovat|juonut|raivo|riehu|huuta|=huusi|karju|rikko|rikkoi"
        "|paisko|heittel|=hajottaa|sekoil|aggressiiv|räjähtä|uhkaav|pelottav",
        "huutaa|huusi|huutavat|karjuu|karjui|raivoaa|raivosi =lapsille|=lapsia|=meille|=minulle"
        "|=mulle|=meitä|=mua|=minua",
        # sv
        *_words(
            "berusad onykter drogad drogpåverk alkoholist *missbruk fyllan fyllo knarka =knark "
            "narkotik =droger asfull dyngfull jättefull stupfull aspackad"
        ),
        f"{_SV_CARER} dricker|=super|=söp|druckit|=full|=packad|påverkad|skrik|=skrek|vrål"
        "|=rasar|aggressiv|galen|kastar|förstör|exploder",
        "~0 =har =druckit",
        "~1 =dricker|=drack|=super =varje =kväll|=dag|=helg",
        "~1 =dricker|=drack|=super =på =kvällarna|=helgerna",
        "~1 =dricker|=drack =sprit|=vin|=öl|=alkohol|=brännvin",
        "skrik|=skrek|vrål =åt|=på =oss|=mig|=barnen|=barnet|=mamma|=pappa",
        # en
        *_words("=drunk drunken intoxicat alcoholism"),
        "~0 =on =drugs",
        "~1 =high =on",
        *_words("=meth heroin cocaine =addict addicted"),
        "~1 =use|=uses|=using|=does|=doing|=takes|=taking =drugs",
        f"~0 alcoholic|=drunk|=drunken|addict {_EN_CARER}",
        f"{_EN_CARER} drinks|drinking|=drank|=high|wasted|alcoholic|yell|scream|shout|=rages"
        "|raging|smash|explod|throws|aggressive|violent",
        "~1 =drinks|=drinking|=drank =every|=again|=heavily",
        "~0 =drinks|=drinking|=drank =all =night|=day|=evening",
        "~1 =was|=is|=gets|=got|=were =wasted|=hammered|=plastered",
        "~1 afraid|scared|terrifi|frighten =what =he|=hell|=she|=shell =do|=might",
        "~1 yell|yells|yelling|scream|screams|screaming|shout|shouts|shouting|rages =at =us"
        "|=kids|=children",
    ),
    "afraid_to_go_home": (
        # fi
        "pelk|pelot|uskal =kotiin|=kotia|=kotona",
        "=en|=enkä =halua|=haluu =kotiin|=kotia",
        "kotona|kotiin|koti =ei|=en|=eikä turvall|turvas",
        "=en|=ei turvall|turvas =kotona|=kotiin|=koti",
        "turvaton|turvattom =koti|=kotona|=kotiin",
        "kotona|kotiin|koti pelott|turvat",
        "karka|karan|karkas|paen|pakeni|paennut =kotoa",
        # sv
        "~3 =rädd|=rädda|=vågar|=vågade|=vågar|=våga|orolig|skrämd =hem|=hemma",
        "=inte|=int =trygg|trygga|=säker|=säkra =hem|=hemma|=hemmet",
        "otrygg =hem|=hemma|=hemmet",
        "rym|rymde|rymt =hemifrån",
        # en
        "afraid|scared|frighten|terrifi|=fear|=dare|dont =go|=going|=be|=come|=stay =home",
        "~3 unsafe =home",
        "~3 =not|=dont|=never|=isnt =safe =home",
        "=run|=ran|=running =away =from =home",
    ),
    "crisis": (
        # fi
        *_words("kriisiap kriisiav kriisipuhel kriisikesk kriisipäivy kriisityö =kriisi"),
        "~0 =kriisi =apu|=apua|=avun",
        *_words("=hätä =hätään =hädässä hätäap hätänum hätäkesk hätätil sosiaalipäivy"),
        # sv
        *_words(
            "krishjälp kristelefon krisjour kriscent krisstöd krismott =kriser =kris nödnumm "
            "nödsitu socialjour jourhavande"
        ),
        # en
        *_words("=crisis =emergency =sos crisisline"),
        "~1 =urgent =help",
    ),
}

DEFAULT_GAP = 2
# Key words read through one typing slip. Kept short on purpose: measured on the demo
# catalogue's 5,500 words, a slip allowed on every long stem turned real words into danger
# ("Tervakoski" → "turvako…", "vakavalla" → "väkival…", "talking" → "stalking"). None of these
# is one slip from an ordinary word, and a typo in them is the one that must not be missed.
FUZZY_STEMS = ("itsemurh", "itsetuho", "självmord", "misshand", "suicid", "violenc", "strangl")

_APOSTROPHES = re.compile(r"['’ʼ`´]")
_NON_WORD = re.compile(r"[\W_]+")
_REPEATS = re.compile(r"(\w)\1{2,}")
# The marks NFKD splits off Latin letters (ä → a + U+0308).
_COMBINING = re.compile("[\u0300-\u036f]")


def normalise(text: str) -> str:
    """Text as the rules see it: lower case, no diacritics, one space between words."""
    stripped = text.casefold()
    if not stripped.isascii():
        stripped = _COMBINING.sub("", unicodedata.normalize("NFKD", stripped))
    stripped = _APOSTROPHES.sub("", stripped)
    stripped = _NON_WORD.sub(" ", stripped)
    return _REPEATS.sub(r"\1\1", stripped).strip()


def _alternative(term: str, *, first: bool = False) -> tuple[str, str]:
    """(regex fragment consuming one word, the plain stem) of one alternative of a term.

    The first term of a phrase is anchored at a word start here; a later one follows a space.
    A stem that may start inside a word is not anchored at all when it comes first: searching
    for it is much cheaper than trying every word start and every length of what precedes it.
    """
    infix = term.startswith("*")
    whole = term.startswith("=")
    ends = whole or term.endswith("=")
    stem = normalise(term.strip("*="))
    if not stem or " " in stem:
        raise ValueError(f"Bad danger term: {term!r}")
    start = ("" if first else r"\w*?") if infix else (r"(?<!\w)" if first else "")
    end = "" if ends else r"\w*"
    return start + re.escape(stem) + end + (r"(?!\w)" if ends else ""), stem


def _phrase(phrase: str) -> str:
    gap = DEFAULT_GAP
    words = phrase.split()
    if words[0].startswith("~"):
        gap = int(words.pop(0)[1:])
    terms = [
        "(?:" + "|".join(_alternative(alt, first=i == 0)[0] for alt in word.split("|")) + ")"
        for i, word in enumerate(words)
    ]
    between = r" (?:\w+ ){0,%d}" % gap  # noqa: UP031 - a regex quantifier, clearer this way
    return between.join(terms)


# Phrases are tried only where a word starts with the first letters of their first word (a
# dictionary look-up per word); a phrase that may start inside a word is searched everywhere.
# One big alternation tried at every position costs ten times as much (ADR 0023).
_KEY_LENGTH = 2


def _first_keys(phrase: str) -> set[str] | None:
    words = phrase.split()
    if words[0].startswith("~"):
        words.pop(0)
    keys = set()
    for alt in words[0].split("|"):
        if alt.startswith("*"):
            return None
        stem = _alternative(alt)[1]
        if len(stem) < _KEY_LENGTH and not alt.startswith("="):
            raise ValueError(f"A danger phrase's first word is too short to look up: {alt!r}")
        keys.add(stem[:_KEY_LENGTH])
    return keys


def _compile() -> tuple[
    dict[str, list[tuple[str, re.Pattern[str]]]], list[tuple[str, re.Pattern[str]]]
]:
    by_key: dict[str, dict[str, list[str]]] = {}
    inside: dict[str, list[str]] = {}
    for signal, phrases in SIGNALS.items():
        for phrase in phrases:
            regex = _phrase(phrase)
            keys = _first_keys(phrase)
            if keys is None:
                inside.setdefault(signal, []).append(regex)
            for key in keys or ():
                by_key.setdefault(key, {}).setdefault(signal, []).append(regex)
    return (
        {
            key: [(signal, re.compile("|".join(regexes))) for signal, regexes in signals.items()]
            for key, signals in by_key.items()
        },
        [(signal, re.compile("|".join(regexes))) for signal, regexes in inside.items()],
    )


_BY_KEY, _INSIDE_WORDS = _compile()

_FUZZY_STEMS = {normalise(stem) for stem in FUZZY_STEMS}
_FUZZY_LENGTHS = {
    start: sorted({len(stem) for stem in _FUZZY_STEMS if stem.startswith(start)})
    for start in {stem[:2] for stem in _FUZZY_STEMS}
}
# Any key stem starting a word: such a word needs no correction.
_STARTS_WITH_STEM = re.compile(
    "|".join(sorted(map(re.escape, _FUZZY_STEMS), key=len, reverse=True))
)


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


# Every stem and every stem with one letter left out, pointing to its stems: a word prefix
# within one slip of a stem shares one of these with it (the "symmetric delete" look-up).
_NEAR: dict[str, set[str]] = {}
for _stem in _FUZZY_STEMS:
    for _variant in {_stem} | _deletions(_stem):
        _NEAR.setdefault(_variant, set()).add(_stem)


def _one_slip(a: str, b: str) -> bool:
    """True when a and b differ by one inserted, left-out, changed or swapped letter (or not)."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def _correct(word: str) -> str:
    # A slip in the first two letters is rare; looking stems up by them spares most words the work.
    lengths = _FUZZY_LENGTHS.get(word[:2])
    if lengths is None or len(word) < lengths[0] - 1 or _STARTS_WITH_STEM.match(word):
        return word
    for length in lengths:
        for size in (length, length - 1, length + 1):
            prefix = word[:size]
            if len(prefix) < size:
                continue
            for variant in {prefix} | _deletions(prefix):
                for stem in _NEAR.get(variant, ()):
                    if _one_slip(prefix, stem):
                        return stem + word[size:]
    return word


def _prepared(text: str) -> str:
    return " ".join(_correct(word) for word in normalise(text).split(" "))


def _signals(prepared: str, *, first_only: bool) -> set[str]:
    found: set[str] = set()
    for signal, pattern in _INSIDE_WORDS:
        if pattern.search(prepared):
            found.add(signal)
            if first_only:
                return found
    position = 0
    for word in prepared.split(" "):
        for signal, pattern in _BY_KEY.get(word[:_KEY_LENGTH], ()):
            if signal not in found and pattern.match(prepared, position):
                found.add(signal)
                if first_only:
                    return found
        position += len(word) + 1
    return found


def danger_signals(text: str) -> list[str]:
    """The kinds of danger the text suggests, in a stable order (the order of SIGNALS)."""
    found = _signals(_prepared(text), first_only=False)
    return [signal for signal in SIGNALS if signal in found]


def is_urgent(text: str) -> bool:
    """Whether the urgent guidance applies: any sign of danger at all."""
    return bool(_signals(_prepared(text), first_only=True))
