"""The network's organisations and the municipalities they serve (shaped after Open Referral
HSDS 3.0 `organization`). Ids are UUIDs so that ids from Suomi.fi PTV and HSDS are kept as ours."""

from __future__ import annotations

import uuid

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from perhekeskus.catalog.validators import validate_business_id


class Municipality(models.Model):
    """A Finnish municipality, by its official three-digit code (Tilastokeskus), e.g. 018 Askola."""

    code = models.CharField(
        _("municipality code"),
        max_length=3,
        primary_key=True,
        validators=[RegexValidator(r"^\d{3}$", _("A municipality code has three digits."))],
    )
    name = models.CharField(_("name"), max_length=100)

    objects: models.Manager[Municipality] = models.Manager()

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class OrganizationType(models.TextChoices):
    WELLBEING_COUNTY = "wellbeing_county", _("Wellbeing services county")
    MUNICIPALITY = "municipality", _("Municipality")
    NGO = "ngo", _("NGO")
    PARISH = "parish", _("Parish")
    PRIVATE = "private", _("Private provider")
    STATE = "state", _("State agency")


# modeltranslation installs its own multilingual manager at run time; the mypy plugin cannot see it.
class Organization(models.Model):  # type: ignore[django-manager-missing]
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    type = models.CharField(_("type"), max_length=32, choices=OrganizationType.choices)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    business_id = models.CharField(
        _("business id (Y-tunnus)"),
        max_length=9,
        blank=True,
        validators=[validate_business_id],
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    municipalities = models.ManyToManyField(
        Municipality,
        verbose_name=_("municipalities served"),
        blank=True,
        related_name="organizations",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects: models.Manager[Organization] = models.Manager()

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
