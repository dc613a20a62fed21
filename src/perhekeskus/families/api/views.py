"""`GET /api/v1/families` and `GET /api/v1/families/{id}`: family coordination for a
professional's own tools, through the same consent gate as the pages.

Session-authenticated (the professional's login, with the second factor where required);
anyone else gets 403. The list is `selectors.family_list` (the families the reader may read,
newest first, 50 to a page, each row's BASIC read logged with place API); one family is
`selectors.access_family` asking for every category (each granted one logged, place API), and
the answer holds only the categories read. A family that does not exist and one the reader may
not read are the same 404. A parameter the endpoint does not take is a 400 naming it, like the
other APIs. Answers are never stored by a cache.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import exceptions, permissions
from rest_framework.authentication import SessionAuthentication
from rest_framework.request import Request
from rest_framework.response import Response

from perhekeskus.accounts.models import User
from perhekeskus.catalog.api import ACCEPT_LANGUAGE, ERRORS_400, ID, LanguageParams, page_body
from perhekeskus.catalog.api.base import HsdsView
from perhekeskus.catalog.api.shapes import page_of, shape
from perhekeskus.core.errors import NotFound
from perhekeskus.families import selectors, selectors_plan, selectors_referrals
from perhekeskus.families.api.serializers import (
    STATUS_ALL,
    FamilyListParams,
    Sections,
    family_json,
    family_row_json,
)
from perhekeskus.families.models import AccessPlace, DataCategory
from perhekeskus.families.policies import can_work_with_families
from perhekeskus.families.selectors import FamilyAccess

# The categories one family's answer reads (and so logs), each only where granted: all.
API_CATEGORIES = tuple(DataCategory)


class WorksWithFamilies(permissions.BasePermission):
    def has_permission(self, request: Request, view: Any) -> bool:
        return can_work_with_families(request.user)


class FamiliesApiView(HsdsView):
    """The catalogue API's parameters, language and errors, for a logged-in professional."""

    authentication_classes = [SessionAuthentication]
    permission_classes = [WorksWithFamilies]

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        response = super().finalize_response(request, response, *args, **kwargs)
        # A family's data: no shared or browser cache keeps it.
        response["Cache-Control"] = "no-store, private"
        return response

    @property
    def reader(self) -> User:
        user = self.request.user
        assert isinstance(user, User)  # WorksWithFamilies let only a professional in
        return user


LIST_DESCRIPTION = (
    "The families the logged-in professional may read, the newest first, 50 to a page: those "
    "they are the responsible worker of, those whose team they are on while a consent in force "
    "names their organisation, and those they read under a law. `search` is a family's exact "
    "name or a child's or guardian's personal identity code. Each family listed is logged in "
    "the family's access log (the basic data, read through the API). `basis` says on what the "
    "read rests: responsible, consent or law."
)

DETAIL_DESCRIPTION = (
    "One family as the logged-in professional may read it. `categories` are the data "
    "categories read (and logged in the family's access log); the others are left out of the "
    "answer: `contact`, `plan`, `meetings`, `notes` and `referrals` are there only with their "
    "category "
    "(`plan` is null while the family has no plan). A non-disclosed address is "
    "given to the family's responsible worker only; anyone else gets `address` empty and "
    "`address_hidden` true, and such an address typed into a text (a note, the minutes, the "
    "plan) is given as [non-disclosed address]. A family that does not exist and one the "
    "professional may not "
    "read are the same 404."
)


class FamilyListView(FamiliesApiView):
    params_class = FamilyListParams

    @extend_schema(
        operation_id="listFamilies",
        summary="Families",
        description=LIST_DESCRIPTION,
        parameters=[FamilyListParams, ACCEPT_LANGUAGE],
        responses={200: page_of("FamilyListItem"), 400: ERRORS_400},
    )
    def get(self, request: Request) -> Response:
        params = self.params(request)
        status = params["status"]
        page = selectors.family_list(
            actor=self.reader,
            status="" if status == STATUS_ALL else status,
            search=params["search"],
            page=params["page"],
            place=AccessPlace.API,
        )
        return Response(
            page_body(
                total=page.paginator.count,
                page=page.number,
                per_page=selectors.PAGE_SIZE,
                contents=[family_row_json(row) for row in page.object_list],
            )
        )


class FamilyDetailView(FamiliesApiView):
    params_class = LanguageParams

    @extend_schema(
        operation_id="getFamily",
        summary="A family",
        description=DETAIL_DESCRIPTION,
        parameters=[ID, LanguageParams, ACCEPT_LANGUAGE],
        responses={200: shape("Family"), 400: ERRORS_400},
    )
    def get(self, request: Request, id: str) -> Response:
        self.params(request)
        try:
            family_access = selectors.access_family(
                actor=self.reader,
                family_id=id,
                categories=API_CATEGORIES,
                place=AccessPlace.API,
            )
        except NotFound:
            raise exceptions.NotFound() from None
        return Response(family_json(family_access, _sections(family_access)))


def _sections(family_access: FamilyAccess) -> Sections:
    """Each category read by its section selector; one not granted is not read at all."""
    children = selectors.family_children(family_access)
    guardians = selectors.family_guardians(family_access)
    sections = Sections(
        children=children,
        guardians=guardians,
        team=selectors.family_team(family_access),
        # What anyone typed may hold a non-disclosed address: blanked for all but the
        # responsible worker, in every text of the answer.
        blank=selectors.address_blanker(family_access),
    )
    if family_access.can(DataCategory.CONTACT):
        sections.contact = selectors.contact_details(family_access)
    if family_access.can(DataCategory.PLAN):
        sections.plan = (
            selectors_plan.support_plan(family_access),
            selectors_plan.plan_actions(family_access),
        )
    if family_access.can(DataCategory.MEETINGS):
        sections.meetings = selectors_plan.family_meetings(family_access)
    if family_access.can(DataCategory.NOTES):
        sections.notes = selectors_plan.family_notes(family_access)
    if family_access.can(DataCategory.REFERRALS):
        sections.referrals = selectors_referrals.referrals_of_family(family_access)
    return sections
