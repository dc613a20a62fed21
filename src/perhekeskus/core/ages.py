"""Ages that several apps must agree on, defined once.

`MAX_CHILD_AGE`: the oldest age, in whole years, of a "child" anywhere in the service. The
family-centre network serves children and young people up to 29 (its youth services run that
far), so a catalogue service's age range ends there, the finder searches by ages 0 to 29, and a
family asking for help may give its children's ages up to 29: a parent worried about a young
adult at home is the network's to answer, and the form must not tell them otherwise while the
finder shows them services for that age."""

from __future__ import annotations

MAX_CHILD_AGE = 29
