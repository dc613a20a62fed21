from __future__ import annotations

from typing import Any

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from perhekeskus.core.roles import Role


class Profession(models.TextChoices):
    PUBLIC_HEALTH_NURSE = "public_health_nurse", _("Public health nurse")
    MIDWIFE = "midwife", _("Midwife")
    SOCIAL_WORKER = "social_worker", _("Social worker")
    SOCIAL_COUNSELLOR = "social_counsellor", _("Social counsellor")
    FAMILY_WORKER = "family_worker", _("Family worker")
    HOME_HELP_WORKER = "home_help_worker", _("Home help worker")
    PSYCHOLOGIST = "psychologist", _("Psychologist")
    PSYCHIATRIC_NURSE = "psychiatric_nurse", _("Psychiatric nurse")
    SCHOOL_SOCIAL_WORKER = "school_social_worker", _("School social worker")
    SCHOOL_NURSE = "school_nurse", _("School nurse")
    YOUTH_WORKER = "youth_worker", _("Youth worker")
    CHILD_CUSTODY_OFFICER = "child_custody_officer", _("Child custody officer")
    FAMILY_MEDIATOR = "family_mediator", _("Family mediator")
    DOCTOR = "doctor", _("Doctor")
    SPEECH_THERAPIST = "speech_therapist", _("Speech therapist")
    PHYSIOTHERAPIST = "physiotherapist", _("Physiotherapist")
    OCCUPATIONAL_THERAPIST = "occupational_therapist", _("Occupational therapist")
    THERAPIST = "therapist", _("Therapist")
    EARLY_EDUCATION_TEACHER = "early_education_teacher", _("Early education teacher")
    SERVICE_COUNSELLOR = "service_counsellor", _("Service counsellor")
    DEACON = "deacon", _("Deacon or parish worker")
    NGO_WORKER = "ngo_worker", _("NGO worker")
    COORDINATOR = "coordinator", _("Family center coordinator")
    OTHER = "other", _("Other")


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def get_by_natural_key(self, username: str | None) -> User:
        return self.get(email__iexact=(username or "").strip())

    def _create(self, email: str, password: str | None, **extra: Any) -> User:
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra["is_staff"] = True
        extra["is_superuser"] = True
        return self._create(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A professional of the network. Families never need an account."""

    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    organization = models.ForeignKey(
        "catalog.Organization",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="members",
    )
    profession = models.CharField(
        _("profession"), max_length=40, choices=Profession.choices, blank=True
    )
    title = models.CharField(_("job title"), max_length=150, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("staff status"),
        default=False,
        help_text=_("Can log into the technical administration site."),
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    # Part of every session's authentication hash: raising it ends all of the user's sessions,
    # for good (deactivation, a removed authenticator). A reactivated account needs a new login.
    session_generation = models.PositiveIntegerField(_("session generation"), default=0)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["full_name", "email"]

    def __str__(self) -> str:
        return self.full_name or self.email

    def _get_session_auth_hash(self, secret: str | None = None) -> str:
        # Django signs each session with an HMAC of the password hash, so a new password ends the
        # other sessions. The generation is added so that ending them needs no new password;
        # generation 0 keeps the hash Django made before the field existed.
        key_salt = "django.contrib.auth.models.AbstractBaseUser.get_session_auth_hash"
        value = (
            self.password
            if not self.session_generation
            else (f"{self.password}:{self.session_generation}")
        )
        return salted_hmac(key_salt, value, secret=secret, algorithm="sha256").hexdigest()

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    def role_set(self) -> frozenset[str]:
        cached: frozenset[str] | None = getattr(self, "_role_cache", None)
        if cached is None:
            cached = frozenset(self.role_grants.values_list("role", flat=True))
            self._role_cache = cached
        return cached

    def has_role(self, role: Role | str) -> bool:
        return str(role) in self.role_set()

    def forget_roles(self) -> None:
        self.__dict__.pop("_role_cache", None)

    def has_totp_device(self) -> bool:
        from django_otp.plugins.otp_totp.models import TOTPDevice

        return TOTPDevice.objects.filter(user=self, confirmed=True).exists()


class RoleGrant(models.Model):
    """A role held by a user. Granted and revoked only by `accounts.services`, which audits it."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="role_grants")
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    granted_at = models.DateTimeField(_("granted at"), default=timezone.now)
    granted_by = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [
            models.UniqueConstraint(fields=["user", "role"], name="accounts_rolegrant_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.get_role_display()}"
