"""Roles of professional users. Every app's policies speak of these.

A user may hold several roles; a role is granted and revoked only through
`perhekeskus.accounts.services`, which records it in the audit log.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    # Runs the network: sees the audit log, manages professionals and the whole catalogue.
    COORDINATOR = "coordinator", _("Network coordinator")
    # Keeps their own organisation's service descriptions current.
    ORGANIZATION_EDITOR = "organization_editor", _("Organisation editor")
    # Approves the changes and publications of their own organisation's service descriptions
    # when the organisation requires review (catalog.Organization.requires_review).
    ORGANIZATION_APPROVER = "organization_approver", _("Organisation approver")
    # Works with families: appointments, chat duty, family coordination.
    PROFESSIONAL = "professional", _("Professional")
    # Member of a low-threshold early-support team (VATU): triages help requests.
    EARLY_SUPPORT_TEAM = "early_support_team", _("Early-support team member")
    # Manages the appointment calendars of their own organisation's professionals.
    SCHEDULER = "scheduler", _("Appointment scheduler")
