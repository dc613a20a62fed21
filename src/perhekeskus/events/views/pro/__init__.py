"""The organiser's event pages, at /<lang>/pro/events/ (`urls_pro.py`): the list, one event with
its parts, the form to create or change one, publishing and cancelling, the participant list with
its export, attendance, applications, messages, and a forum's topics and summary.

Each view authenticates, parses the input and calls one service or selector; who may do what is
decided there (a refusal is NotFound, a 404, by `core.middleware`), and a service's
ValidationError comes back on the form."""
