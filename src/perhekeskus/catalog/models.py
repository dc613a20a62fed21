"""The network's service catalogue, shaped after Open Referral HSDS 3.0.

Ids are UUIDs so that ids from Suomi.fi PTV and HSDS are kept as ours (ADR 0010). Texts are in
Finnish, Swedish and English through django-modeltranslation (`translation.py`): a field `name`
has the columns `name_fi`, `name_sv`, `name_en`.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from perhekeskus.catalog.validators import validate_business_id, validate_language_codes

# The finder's age filter asks about children up to this age (the help form agrees).
from perhekeskus.core.ages import MAX_CHILD_AGE as MAX_CHILD_AGE

# A service's own age range is about whoever it serves (HSDS eligibility is about any person,
# e.g. 12-100) and is stored as the source says; the finder asks only about MAX_CHILD_AGE.
MAX_PERSON_AGE = 130


class Municipality(models.Model):  # type: ignore[django-manager-missing]
    """A Finnish municipality, by its official three-digit code (Tilastokeskus), e.g. 018 Askola."""

    code = models.CharField(
        _("municipality code"),
        max_length=3,
        primary_key=True,
        validators=[RegexValidator(r"^\d{3}$", _("A municipality code has three digits."))],
    )
    name = models.CharField(_("name"), max_length=100)
    # The municipality's official languages (Language Act 423/2003 §5; the Sámi Language Act
    # for the Sámi homeland): a bilingual municipality's services are described in both.
    languages = models.JSONField(
        _("official languages"),
        default=list,
        # Also in the database, so that code of an older migration state can still insert.
        db_default=models.Value([], output_field=models.JSONField()),
        blank=True,
        validators=[validate_language_codes],
        help_text=_("ISO 639-1 codes, e.g. fi, sv. Empty means Finnish only."),
    )

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    @property
    def is_bilingual(self) -> bool:
        """Finnish and Swedish are both official languages here."""
        return {"fi", "sv"} <= set(self.languages or [])


class OrganizationType(models.TextChoices):
    WELLBEING_COUNTY = "wellbeing_county", _("Wellbeing services county")
    MUNICIPALITY = "municipality", _("Municipality")
    NGO = "ngo", _("NGO")
    PARISH = "parish", _("Parish")
    PRIVATE = "private", _("Private provider")
    STATE = "state", _("State agency")
    # An organisation known only by reference (e.g. a PTV service's producer outside the import).
    OTHER = "other", _("Other organisation")


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
    requires_review = models.BooleanField(
        _("changes need approval"),
        default=False,
        db_default=False,
        help_text=_(
            "A published service's changes and new publications wait for the approval of the "
            "organisation's approver or a network coordinator."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


# --- Taxonomies ---------------------------------------------------------------------------------


class Taxonomy(models.Model):  # type: ignore[django-manager-missing]
    """A classification: the eight family-center tasks, PTV service classes, target groups,
    life events, ontology terms (YSO)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    key = models.SlugField(_("key"), max_length=50, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    uri = models.URLField(_("URI"), blank=True)
    version = models.CharField(_("version"), max_length=20, blank=True)

    class Meta:
        verbose_name = _("taxonomy")
        verbose_name_plural = _("taxonomies")
        ordering = ["key"]

    def __str__(self) -> str:
        return self.name


class TaxonomyTerm(models.Model):  # type: ignore[django-manager-missing]
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    taxonomy = models.ForeignKey(Taxonomy, on_delete=models.PROTECT, related_name="terms")
    code = models.CharField(_("code"), max_length=100)
    name = models.CharField(_("name"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="children"
    )
    term_uri = models.URLField(_("URI"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("taxonomy term")
        verbose_name_plural = _("taxonomy terms")
        ordering = ["taxonomy__key", "code"]
        constraints = [
            models.UniqueConstraint(fields=["taxonomy", "code"], name="catalog_term_unique_code")
        ]

    def __str__(self) -> str:
        return self.name


# --- Services -----------------------------------------------------------------------------------


class ServiceStatus(models.TextChoices):
    # The values are HSDS's own (status enum), so that they export as they are.
    ACTIVE = "active", _("Active")
    INACTIVE = "inactive", _("Inactive")
    TEMPORARILY_CLOSED = "temporarily closed", _("Temporarily closed")
    DEFUNCT = "defunct", _("Defunct")


class PublicationState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class AreaType(models.TextChoices):
    MUNICIPALITIES = "municipalities", _("Listed municipalities")
    COUNTY = "county", _("The whole wellbeing services county")
    NATIONWIDE = "nationwide", _("The whole country")


class ServiceSource(models.TextChoices):
    MANUAL = "manual", _("Entered here")
    PTV = "ptv", _("Suomi.fi service catalogue (PTV)")
    HSDS = "hsds", _("HSDS import")


class ServiceQuerySet(models.QuerySet["Service"]):
    def public(self) -> ServiceQuerySet:
        """What families and the open API see: published and active."""
        return self.filter(
            publication_state=PublicationState.PUBLISHED, status=ServiceStatus.ACTIVE
        )


class Service(models.Model):  # type: ignore[django-manager-missing]
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("provider"),
        on_delete=models.PROTECT,
        related_name="services",
    )
    producers = models.ManyToManyField(
        Organization,
        verbose_name=_("producers"),
        blank=True,
        related_name="produced_services",
        help_text=_("Organisations that produce the service on behalf of the provider."),
    )
    name = models.CharField(_("name"), max_length=200)
    alternate_name = models.CharField(_("alternate name"), max_length=200, blank=True)
    summary = models.CharField(_("summary"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)
    description_plain = models.TextField(
        _("description in plain language"),
        blank=True,
        help_text=_("Selkokieli / lättläst: short sentences and everyday words."),
    )
    application_process = models.TextField(_("how to get the service"), blank=True)
    eligibility_description = models.TextField(_("who can get the service"), blank=True)
    fees_description = models.TextField(_("fees"), blank=True)
    keywords = models.CharField(
        _("keywords"),
        max_length=500,
        blank=True,
        help_text=_("Words people use when they look for this service, separated by commas."),
    )
    url = models.URLField(_("web page"), max_length=500, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    free_of_charge = models.BooleanField(_("free of charge"), default=True)
    by_appointment = models.BooleanField(
        _("by appointment"),
        default=False,
        db_default=False,
        help_text=_("The service has no opening hours: a time is agreed with each family."),
    )
    # Texts in languages the catalogue has no columns for (the Sámi languages se, smn, sms from
    # PTV): {"se": {"name": "...", "summary": "...", "description": "..."}} (ADR 0032).
    extra_texts = models.JSONField(
        _("texts in other languages"),
        default=dict,
        db_default=models.Value({}, output_field=models.JSONField()),
        blank=True,
    )
    minimum_age = models.PositiveSmallIntegerField(
        _("minimum age of the child"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_PERSON_AGE)],
    )
    maximum_age = models.PositiveSmallIntegerField(
        _("maximum age of the child"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_PERSON_AGE)],
    )
    languages = models.JSONField(
        _("languages the service is given in"),
        default=list,
        blank=True,
        validators=[validate_language_codes],
        help_text=_("ISO 639-1 codes, e.g. fi, sv, en."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ServiceStatus.choices, default=ServiceStatus.ACTIVE
    )
    publication_state = models.CharField(
        _("publication"),
        max_length=10,
        choices=PublicationState.choices,
        default=PublicationState.DRAFT,
    )
    area_type = models.CharField(
        _("area served"),
        max_length=20,
        choices=AreaType.choices,
        default=AreaType.MUNICIPALITIES,
    )
    area_municipalities = models.ManyToManyField(
        Municipality,
        verbose_name=_("municipalities served"),
        blank=True,
        related_name="services",
    )
    terms = models.ManyToManyField(
        TaxonomyTerm,
        verbose_name=_("classifications"),
        blank=True,
        related_name="services",
        help_text=_("Family-center tasks, PTV service classes, target groups and life events."),
    )
    source = models.CharField(
        _("source"), max_length=10, choices=ServiceSource.choices, default=ServiceSource.MANUAL
    )
    last_verified_at = models.DateTimeField(_("last verified"), null=True, blank=True)
    last_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verified by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True, db_index=True)

    objects = ServiceQuerySet.as_manager()  # type: ignore[django-manager-missing]

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(minimum_age__isnull=True)
                | Q(maximum_age__isnull=True)
                | Q(minimum_age__lte=models.F("maximum_age")),
                name="catalog_service_age_range",
            )
        ]
        indexes = [models.Index(fields=["publication_state", "status"], name="catalog_svc_pub")]

    def __str__(self) -> str:
        return self.name

    @property
    def is_public(self) -> bool:
        return (
            self.publication_state == PublicationState.PUBLISHED
            and self.status == ServiceStatus.ACTIVE
        )


# --- Locations ----------------------------------------------------------------------------------


class LocationType(models.TextChoices):
    PHYSICAL = "physical", _("Physical place")
    VIRTUAL = "virtual", _("Online")
    POSTAL = "postal", _("Postal address")


class Location(models.Model):  # type: ignore[django-manager-missing]
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="locations",
    )
    location_type = models.CharField(
        _("type"), max_length=10, choices=LocationType.choices, default=LocationType.PHYSICAL
    )
    name = models.CharField(_("name"), max_length=200)
    alternate_name = models.CharField(_("alternate name"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    transportation = models.TextField(_("how to get there"), blank=True)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    postal_code = models.CharField(
        _("postal code"),
        max_length=5,
        blank=True,
        validators=[RegexValidator(r"^\d{5}$", _("A postal code has five digits."))],
    )
    post_office = models.CharField(_("post office"), max_length=100, blank=True)
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="locations",
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    url = models.URLField(_("web address"), max_length=500, blank=True)
    accessibility = models.TextField(_("accessibility"), blank=True)
    # Structured accessibility, as in the Service Map (Palvelukartta): yes, no or not known.
    step_free_entrance = models.BooleanField(_("step-free entrance"), null=True, blank=True)
    accessible_parking = models.BooleanField(_("accessible parking space"), null=True, blank=True)
    accessible_toilet = models.BooleanField(_("accessible toilet"), null=True, blank=True)
    induction_loop = models.BooleanField(_("induction loop"), null=True, blank=True)
    lift = models.BooleanField(_("lift"), null=True, blank=True)
    is_meeting_place = models.BooleanField(
        _("open meeting place"),
        default=False,
        help_text=_("An open meeting place (kohtaamispaikka) where families can drop in."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("location")
        verbose_name_plural = _("locations")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(latitude__isnull=True) & Q(longitude__isnull=True))
                | (Q(latitude__isnull=False) & Q(longitude__isnull=False)),
                name="catalog_location_coordinates_pair",
            )
        ]

    def __str__(self) -> str:
        return self.name


class ServiceAtLocation(models.Model):  # type: ignore[django-manager-missing]
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="at_locations")
    location = models.ForeignKey(
        Location, on_delete=models.PROTECT, related_name="service_at_locations"
    )
    description = models.TextField(_("description"), blank=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        verbose_name = _("service at a location")
        verbose_name_plural = _("services at locations")
        constraints = [
            models.UniqueConstraint(fields=["service", "location"], name="catalog_sal_unique")
        ]

    def __str__(self) -> str:
        return f"{self.service} @ {self.location}"


# --- Contact channels ---------------------------------------------------------------------------


class ChannelKind(models.TextChoices):
    PHONE = "phone", _("Phone")
    EMAIL = "email", _("E-mail")
    WEB = "web", _("Web page")
    ESERVICE = "eservice", _("E-service")
    CHAT = "chat", _("Chat")
    REMOTE = "remote", _("Remote (video) appointment")
    FORM = "form", _("Printable form")


class PhoneCharge(models.TextChoices):
    FREE = "free", _("Free of charge")
    LOCAL = "local", _("Local network charge or mobile call charge")
    OTHER = "other", _("Other charge")


class ContactChannel(models.Model):  # type: ignore[django-manager-missing]
    """One way to reach a service: phone, e-mail, web page, e-service, chat, video, form.
    Belongs to a service, or to a service at one location."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="channels"
    )
    service_at_location = models.ForeignKey(
        ServiceAtLocation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="channels",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ChannelKind.choices)
    name = models.CharField(_("name"), max_length=200, blank=True)
    value = models.CharField(
        _("number or address"),
        max_length=500,
        help_text=_("Phone number, e-mail address or web address."),
    )
    description = models.TextField(_("description"), blank=True)
    phone_charge = models.CharField(
        _("call charge"), max_length=10, choices=PhoneCharge.choices, blank=True
    )
    charge_description = models.CharField(_("charge details"), max_length=300, blank=True)
    languages = models.JSONField(
        _("languages"), default=list, blank=True, validators=[validate_language_codes]
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("contact channel")
        verbose_name_plural = _("contact channels")
        ordering = ["order", "kind"]
        constraints = [
            models.CheckConstraint(
                condition=Q(service__isnull=False) | Q(service_at_location__isnull=False),
                name="catalog_channel_has_owner",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.value}"


# --- Schedules ----------------------------------------------------------------------------------


class ScheduleKind(models.TextChoices):
    REGULAR = "regular", _("Regular weekly hours")
    EXCEPTION = "exception", _("Exception (holiday, closed day, special hours)")


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


class Schedule(models.Model):  # type: ignore[django-manager-missing]
    """Opening hours shaped like an HSDS/iCal weekly rule: a row is one opening interval on one
    weekday, valid between two dates; an exception row overrides the weekly hours on the dates it
    covers (closed, or open only at its own hours). Belongs to a service, a service at a location,
    a location or a contact channel (phone hours)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    service = models.ForeignKey(
        Service, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules"
    )
    service_at_location = models.ForeignKey(
        ServiceAtLocation,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="schedules",
    )
    location = models.ForeignKey(
        Location, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules"
    )
    channel = models.ForeignKey(
        ContactChannel, null=True, blank=True, on_delete=models.CASCADE, related_name="schedules"
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=ScheduleKind.choices, default=ScheduleKind.REGULAR
    )
    weekday = models.PositiveSmallIntegerField(
        _("weekday"), choices=Weekday.choices, null=True, blank=True
    )
    opens_at = models.TimeField(_("opens at"), null=True, blank=True)
    closes_at = models.TimeField(_("closes at"), null=True, blank=True)
    closed = models.BooleanField(_("closed"), default=False)
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    description = models.CharField(_("description"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["kind", "weekday", "opens_at", "valid_from"]
        constraints = [
            models.CheckConstraint(
                condition=Q(service__isnull=False)
                | Q(service_at_location__isnull=False)
                | Q(location__isnull=False)
                | Q(channel__isnull=False),
                name="catalog_schedule_has_owner",
            ),
            models.CheckConstraint(
                condition=~Q(kind="regular") | Q(weekday__isnull=False),
                name="catalog_schedule_regular_has_weekday",
            ),
            models.CheckConstraint(
                condition=~Q(kind="exception") | Q(valid_from__isnull=False),
                name="catalog_schedule_exception_has_date",
            ),
            models.CheckConstraint(
                condition=Q(closed=True) | (Q(opens_at__isnull=False) & Q(closes_at__isnull=False)),
                name="catalog_schedule_hours_or_closed",
            ),
        ]

    def __str__(self) -> str:
        if self.kind == ScheduleKind.EXCEPTION:
            return f"{self.valid_from}–{self.valid_to or self.valid_from}: {self.description}"
        return f"{self.get_weekday_display()} {self.opens_at}–{self.closes_at}"


# --- Versions -----------------------------------------------------------------------------------


class ServiceVersion(models.Model):
    """Every saved change of a service: who, when, what changed, and the whole description as it
    was after the change (so any version can be read back)."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    created_at = models.DateTimeField(_("time"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    via = models.CharField(_("changed with"), max_length=50, blank=True)
    action = models.CharField(_("action"), max_length=30)
    changes = models.JSONField(_("changes"), default=dict)
    snapshot = models.JSONField(_("content"), default=dict)

    class Meta:
        verbose_name = _("service version")
        verbose_name_plural = _("service versions")
        ordering = ["service", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["service", "number"], name="catalog_version_unique")
        ]

    def __str__(self) -> str:
        return f"{self.service_id} v{self.number}"


class DraftState(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PENDING_REVIEW = "pending_review", _("Waiting for approval")
    RETURNED = "returned", _("Returned for changes")


class ServiceDraft(models.Model):
    """Changes to a published service of an organisation whose changes need approval: the whole
    description as its editors want it, kept beside the live rows, which families keep seeing
    until an approver or coordinator approves the draft (then it is written to them)."""

    service = models.OneToOneField(Service, on_delete=models.CASCADE, related_name="draft")
    state = models.CharField(
        _("state"), max_length=20, choices=DraftState.choices, default=DraftState.DRAFT
    )
    snapshot = models.JSONField(_("content"), default=dict)
    # Whether the service is to be published when this is approved (a first publication).
    publish = models.BooleanField(_("publish when approved"), default=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField(_("sent for approval"), null=True, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    updated_at = models.DateTimeField(_("last modified"), auto_now=True)

    class Meta:
        verbose_name = _("service draft")
        verbose_name_plural = _("service drafts")
        ordering = ["submitted_at", "updated_at"]
        indexes = [models.Index(fields=["state", "submitted_at"], name="catalog_draft_state")]

    def __str__(self) -> str:
        return f"{self.service_id} ({self.state})"


class PendingImport(models.Model):
    """A source document an import could not link yet: a PTV service channel whose services or
    organisation have not arrived. Kept, and read again by every later import of the same
    source, until what it waits for is there (ADR 0030)."""

    class Waiting(models.TextChoices):
        SERVICES = "services", _("its services")
        ORGANIZATION = "organization", _("its organisation")

    source = models.CharField(_("source"), max_length=20)
    object_id = models.UUIDField(_("id in the source"))
    document = models.JSONField(_("document"))
    # What it waits for as codes (`PendingImport.Waiting`), said in the reader's language where
    # it is shown; the ids of the services it waits for apart.
    waiting_for = models.JSONField(_("waiting for"), default=list, blank=True)
    waiting_services = models.JSONField(_("services waited for"), default=list, blank=True)
    received_at = models.DateTimeField(_("received"), auto_now=True)

    class Meta:
        verbose_name = _("document waiting for an import")
        verbose_name_plural = _("documents waiting for an import")
        ordering = ["source", "received_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["source", "object_id"], name="catalog_pending_import_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.object_id}"
