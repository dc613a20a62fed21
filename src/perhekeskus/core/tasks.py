"""The eight national tasks of a family center network (LAPE; see docs on the domain).

The software uses them as its top-level classification: a service serves one or more.
Numbers are stable: they appear in URLs and in the API (`task=1..8`).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class FamilyCenterTask:
    number: int
    title: str | Promise
    summary: str | Promise


FAMILY_CENTER_TASKS: tuple[FamilyCenterTask, ...] = (
    FamilyCenterTask(
        1,
        _("Social and health services together"),
        _("Health and social services for children, young people and families as one whole."),
    ),
    FamilyCenterTask(
        2,
        _("Early support, care and rehabilitation"),
        _("Help early, before problems grow: support, care and rehabilitation."),
    ),
    FamilyCenterTask(
        3,
        _("Amicable separation and parenting after divorce"),
        _("Agreeing on the children's matters and continuing as parents after a separation."),
    ),
    FamilyCenterTask(
        4,
        _("Preventing intimate-partner and domestic violence"),
        _("Recognising violence early, stopping it and getting help for everyone in the family."),
    ),
    FamilyCenterTask(
        5,
        _("Diverse and multicultural families"),
        _("Services that understand the diversity of families, languages and cultures."),
    ),
    FamilyCenterTask(
        6,
        _("Parenting and the couple relationship"),
        _("Support for being a parent and for the couple relationship."),
    ),
    FamilyCenterTask(
        7,
        _("Health and wellbeing of the child and family"),
        _("Promoting and following the health and wellbeing of the child and the whole family."),
    ),
    FamilyCenterTask(
        8,
        _("Meeting places and peer support"),
        _("Open meeting places in the community and support from others in the same situation."),
    ),
)

TASK_NUMBERS = tuple(task.number for task in FAMILY_CENTER_TASKS)


def task_by_number(number: int) -> FamilyCenterTask:
    for task in FAMILY_CENTER_TASKS:
        if task.number == number:
            return task
    raise KeyError(number)
