"""A need concept for suicidal thoughts and self-harm in the default thesaurus.

"haluan kuolla", "jag vill dö" and "I want to die" found nothing or a parish's diaconal work
first: no phrase of the default thesaurus named them. The concept leads to the crisis helpline,
the young people's chat and the psychiatric nurse. Like 0003 it only creates the concept when a
concept of that key does not exist, so it never overwrites what coordinators wrote.
"""

from django.db import migrations

KEY = "suicidal-thoughts"

CONCEPT = {
    "tasks": [2],
    "order": 81,
    "show_on_home": False,
    "name": ("Itsetuhoiset ajatukset", "Självmordstankar", "Suicidal thoughts"),
    "description": (
        "Kun ei jaksa elää tai ajattelee itsensä vahingoittamista: apua heti, ympäri vuorokauden.",
        "När man inte orkar leva eller tänker skada sig själv: hjälp genast, dygnet runt.",
        "When you cannot go on or think of hurting yourself: help now, day and night.",
    ),
    "phrases": (
        "haluan kuolla, haluaisin kuolla, en halua elää, en jaksa elää, en jaksa enää elää, "
        "elämä ei kanna, itsemurha, itsemurha-ajatukset, itsetuho, itsetuhoinen, "
        "itsetuhoiset ajatukset, tappaa itseni, vahingoittaa itseäni, satutan itseäni, viiltely",
        "vill dö, jag vill dö, vill inte leva, orkar inte leva, självmord, självmordstankar, "
        "ta livet av mig, skada mig själv, skadar mig själv",
        "want to die, i want to die, don't want to live, do not want to live, suicide, suicidal, "
        "kill myself, end my life, self-harm, self harm, hurt myself, hurting myself",
    ),
    "targets": (
        "kriisipuhelin, nuorten chat, psykiatrinen sairaanhoitaja, mielenterveys",
        "kristelefonen, chatt för unga, psykiatrisk sjukskötare, psykisk hälsa",
        "crisis helpline, mental health chat, psychiatric nurse, mental health",
    ),
}


def create_concept(apps, schema_editor):
    NeedConcept = apps.get_model("finder", "NeedConcept")
    if NeedConcept.objects.filter(key=KEY).exists():
        return
    fields = {
        "key": KEY,
        "tasks": CONCEPT["tasks"],
        "order": CONCEPT["order"],
        "show_on_home": CONCEPT["show_on_home"],
    }
    for field in ("name", "description", "phrases", "targets"):
        fields[field] = CONCEPT[field][0]
        for index, lang in enumerate(("fi", "sv", "en")):
            fields[f"{field}_{lang}"] = CONCEPT[field][index]
    NeedConcept.objects.create(**fields)


def remove_concept(apps, schema_editor):
    apps.get_model("finder", "NeedConcept").objects.filter(key=KEY).delete()


class Migration(migrations.Migration):
    dependencies = [("finder", "0003_default_thesaurus")]

    operations = [migrations.RunPython(create_concept, remove_concept)]
