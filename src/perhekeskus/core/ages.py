"""Ages that several apps must agree on, defined once.

`MAX_CHILD_AGE`: the oldest age, in whole years, of a "child" anywhere a family names one. The
family-centre network serves children and young people up to 29 (its youth services run that
far), so the finder searches by a child's age from 0 to 29, and a family asking for help may
give its children's ages up to 29: a parent worried about a young adult at home is the
network's to answer, and the form must not tell them otherwise while the finder shows them
services for that age. (A service's own age range, as its source states it, is about whoever
it serves and is not capped by this: `catalog.models.MAX_PERSON_AGE`.)"""

from __future__ import annotations

MAX_CHILD_AGE = 29
