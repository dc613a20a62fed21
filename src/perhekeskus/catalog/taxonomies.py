"""Taxonomies the platform itself defines, with stable ids that are the same in every
installation (so exported data from two counties can be merged)."""

from __future__ import annotations

import uuid
from typing import Any

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from perhekeskus.core.tasks import FAMILY_CENTER_TASKS

TASKS_KEY = "perhekeskus-tasks"
TASKS_URI = "urn:perhekeskus:taxonomy:tasks"
TASKS_TAXONOMY_ID = uuid.uuid5(uuid.NAMESPACE_URL, TASKS_URI)

# PTV's classifications arrive with their own codes; these are their taxonomies' keys.
PTV_SERVICE_CLASS_KEY = "ptv-service-class"
PTV_TARGET_GROUP_KEY = "ptv-target-group"
PTV_LIFE_EVENT_KEY = "ptv-life-event"
PTV_ONTOLOGY_KEY = "ptv-ontology-term"
LANGUAGES = ("fi", "sv", "en")


def task_term_id(number: int) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"{TASKS_URI}:{number}")


def _localized(value: Any) -> dict[str, str]:
    texts = {}
    for lang in LANGUAGES:
        with translation.override(lang):
            texts[lang] = str(value)
    return texts


def ensure_task_taxonomy(taxonomy_model: Any, term_model: Any) -> None:
    """Create or update the eight national family-center tasks as a taxonomy. Takes the models
    as arguments so that a data migration can pass its historical ones."""
    names = _localized(_("Family-center tasks"))
    taxonomy, _created = taxonomy_model.objects.update_or_create(
        id=TASKS_TAXONOMY_ID,
        defaults={
            "key": TASKS_KEY,
            "uri": TASKS_URI,
            "version": "LAPE 2019",
            **{f"name_{lang}": text for lang, text in names.items()},
            "name": names["fi"],
        },
    )
    for task in FAMILY_CENTER_TASKS:
        titles = _localized(task.title)
        summaries = _localized(task.summary)
        term_model.objects.update_or_create(
            id=task_term_id(task.number),
            defaults={
                "taxonomy": taxonomy,
                "code": str(task.number),
                "term_uri": f"{TASKS_URI}:{task.number}",
                "name": titles["fi"],
                "description": summaries["fi"],
                **{f"name_{lang}": text for lang, text in titles.items()},
                **{f"description_{lang}": text for lang, text in summaries.items()},
            },
        )
