"""The whole import: every file's items read, then services and channels joined."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext, gettext_noop, ngettext

from perhekeskus.catalog.importers.ptv.channels import _channel
from perhekeskus.catalog.importers.ptv.constants import CHANNEL_KINDS, TAXONOMIES
from perhekeskus.catalog.importers.ptv.drafts import _ChannelDraft, _Connection, _ServiceDraft
from perhekeskus.catalog.importers.ptv.organizations import _organization
from perhekeskus.catalog.importers.ptv.reader import _Doc, _list, _obj, _str
from perhekeskus.catalog.importers.ptv.services import _service
from perhekeskus.catalog.importers.ptv.texts import _join
from perhekeskus.catalog.importers.ptv.versions import as_v11
from perhekeskus.catalog.importers.records import (
    ChannelRecord,
    ImportBatch,
    OrganizationRecord,
    ServiceAtLocationRecord,
    ServiceRecord,
    child_id,
)

# --- the whole import ---------------------------------------------------------------------------


@dataclass
class PtvParse:
    """What the files say, ready to write once resolved against the catalogue."""

    batch: ImportBatch
    notes: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str, str]] = field(default_factory=list)
    files: int = 0
    # Organisation id → its name as given where a service refers to it.
    organization_refs: dict[uuid.UUID, str] = field(default_factory=dict)
    # Services that PTV says are deleted or archived: made defunct if they exist, else skipped.
    ended_services: set[uuid.UUID] = field(default_factory=set)
    # Channels for services that are not in the import: added to them if they exist.
    patches: list[ServiceRecord] = field(default_factory=list)
    # Every channel's document as read, and the services it is linked with (either side).
    channel_documents: dict[uuid.UUID, dict[str, Any]] = field(default_factory=dict)
    channel_services: dict[uuid.UUID, set[uuid.UUID]] = field(default_factory=dict)
    unusable_channels: set[uuid.UUID] = field(default_factory=set)
    # Set by `_resolve`: places left out because their organisation is unknown.
    dropped_locations: set[uuid.UUID] = field(default_factory=set)


class _Parser:
    def __init__(self) -> None:
        self.notes: list[str] = []
        self.batch = ImportBatch(taxonomies=list(TAXONOMIES))
        self.organizations: dict[uuid.UUID, OrganizationRecord] = {}
        self.services: dict[uuid.UUID, _ServiceDraft] = {}
        self.channels: dict[uuid.UUID, _ChannelDraft] = {}
        self.skipped: list[tuple[str, str, str]] = []
        self.files = 0
        self.channel_documents: dict[uuid.UUID, dict[str, Any]] = {}
        self.pending: set[uuid.UUID] = set()

    def document(self, name: str, data: Any, *, pending: bool = False) -> None:
        """Read one document. `pending`: a channel kept from an earlier import (read before
        the input, so that the input's copy of the same channel wins)."""
        doc = _Doc(name, [] if pending else self.notes)  # a kept channel's notes were told
        if pending:
            channel = _channel(doc, as_v11(_obj(doc, data, "$")), "$", self.batch)
            self.channels[channel.id] = channel
            self.channel_documents[channel.id] = data
            self.pending.add(channel.id)
            return
        self.files += 1
        if isinstance(data, list):
            items = [(f"$[{index}]", item) for index, item in enumerate(data)]
        elif isinstance(data, dict) and "itemList" in data:
            items = [
                (f"$.itemList[{i}]", item)
                for i, item in enumerate(_list(doc, data, "itemList", "$"))
            ]
        elif isinstance(data, dict):
            items = [("$", data)]
        else:
            doc.fail("$", "expected an object, an array or a page with itemList")
        for path, value in items:
            self.item(doc, path, _obj(doc, value, path))

    def item(self, doc: _Doc, path: str, item: dict[str, Any]) -> None:
        item = as_v11(item)
        if "serviceChannelType" in item:
            channel = _channel(doc, item, path, self.batch)
            if channel.id in self.pending:
                self.pending.discard(channel.id)  # the newer copy replaces the kept one
            else:
                self._once(doc, path, gettext_noop("channel"), channel.id, self.channels)
            self.channels[channel.id] = channel
            self.channel_documents[channel.id] = item
        elif "serviceNames" in item:
            service = _service(doc, item, path, self.batch)
            self._once(doc, path, gettext_noop("service"), service.record.id, self.services)
            self.services[service.record.id] = service
        elif "organizationNames" in item or "organizationType" in item:
            status = _str(doc, item, "publishingStatus", path)
            organization = _organization(doc, item, path, self.batch)
            if status in ("Deleted", "Archived", "OldPublished"):
                reason = gettext("%(status)s in PTV (%(file)s)") % {
                    "status": status,
                    "file": doc.name,
                }
                self.skipped.append(("organization", str(organization.id), reason))
                return
            self._once(doc, path, gettext_noop("organisation"), organization.id, self.organizations)
            self.organizations[organization.id] = organization
        else:
            doc.fail(path, "not a PTV organisation, service or service channel")

    def _once(self, doc: _Doc, path: str, kind: str, pk: uuid.UUID, seen: dict[Any, Any]) -> None:
        if pk in seen:
            doc.note(
                path,
                gettext_noop("%(kind)s %(id)s appears again; this later copy is used"),
                kind=gettext(kind),
                id=pk,
            )

    def result(self) -> PtvParse:
        batch = self.batch
        refs: dict[uuid.UUID, str] = {}
        for draft in self.services.values():
            refs.update(draft.organization_refs)
        ended: set[uuid.UUID] = set()
        for service_id, draft in self.services.items():
            if draft.ptv_status == "OldPublished":
                reason = gettext("an outdated copy in PTV")
                self.skipped.append(("service", str(service_id), reason))
                continue
            if draft.ptv_status in ("Deleted", "Archived"):
                ended.add(service_id)
            batch.services.append(draft.record)
        services = {record.id: record for record in batch.services}

        # Join services and channels: a connection may be told by either side, or both.
        links: dict[tuple[uuid.UUID, uuid.UUID], _Connection] = {}
        for service_id, draft in self.services.items():
            for channel_id, connection in draft.links.items():
                links[(service_id, channel_id)] = connection
        for channel_id, channel in self.channels.items():
            for service_id, connection in channel.links.items():
                known = links.setdefault((service_id, channel_id), connection)
                if known is not connection:
                    known.merge(connection)
        # A service's places and channels from the channels in the import replace what those
        # channels gave it before; what came from channels not in the import stays.
        for record in batch.services:
            record.sources = set()
        patches: dict[uuid.UUID, ServiceRecord] = {}
        channel_services: dict[uuid.UUID, set[uuid.UUID]] = {}
        missing_channels = 0
        for (service_id, channel_id), connection in links.items():
            linked_service = services.get(service_id)
            linked_channel = self.channels.get(channel_id)
            if linked_channel is not None:
                channel_services.setdefault(channel_id, set()).add(service_id)
            if linked_service is None:
                if linked_channel is None or service_id in self.services:
                    continue  # an outdated copy's link, or neither side here
                # A channel for a service outside the import: added to it if it exists.
                linked_service = patches.get(service_id)
                if linked_service is None:
                    linked_service = ServiceRecord(
                        id=service_id,
                        organization_id=uuid.UUID(int=0),
                        names={},
                        patch=True,
                        sources=set(),
                    )
                    patches[service_id] = linked_service
            if linked_channel is None:
                missing_channels += 1
                continue
            if linked_service.sources is None:
                linked_service.sources = set()
            linked_service.sources.add(channel_id)
            if linked_channel.usable:
                self._attach(linked_service, linked_channel, connection)
        if missing_channels:
            self.notes.append(
                ngettext(
                    "%(count)d service-channel connection names a channel that is neither in "
                    "this import nor kept from an earlier one: what the service has from that "
                    "channel stays as it is; import the channel to add or update it",
                    "%(count)d service-channel connections name a channel that is neither in "
                    "this import nor kept from an earlier one: what the service has from those "
                    "channels stays as it is; import the channels to add or update them",
                    missing_channels,
                )
                % {"count": missing_channels}
            )
        for channel in self.channels.values():
            if channel.usable and channel.location is not None:
                channel.location.complete = True
                batch.locations.append(channel.location)
        batch.organizations = _parents_first(list(self.organizations.values()))
        return PtvParse(
            batch=batch,
            notes=self.notes,
            skipped=self.skipped,
            files=self.files,
            organization_refs=refs,
            ended_services=ended,
            patches=list(patches.values()),
            channel_documents=self.channel_documents,
            channel_services=channel_services,
            unusable_channels={c for c, draft in self.channels.items() if not draft.usable},
        )

    def _attach(self, service: ServiceRecord, channel: _ChannelDraft, link: _Connection) -> None:
        schedules = link.schedules or channel.schedules
        if channel.location is not None:
            service.at_locations.append(
                ServiceAtLocationRecord(
                    location_id=channel.id,
                    descriptions=link.descriptions,
                    channels=[*channel.phones, *channel.emails, *link.phones, *link.emails],
                    schedules=link.schedules,
                    id=child_id(service.id, "at", channel.id),
                )
            )
            return
        descriptions = _join(channel.descriptions, link.descriptions)
        variants: list[tuple[str, list[str], ChannelRecord | None]]
        if channel.type == "Phone":
            variants = [(phone.value, phone.languages, phone) for phone in channel.phones]
        else:
            urls: dict[str, list[str]] = {}
            for url, lang in channel.values:
                languages = urls.setdefault(url, [])
                if lang is not None:
                    languages.append(lang)
            variants = [(url, languages, None) for url, languages in urls.items()]
        for index, (value, languages, phone) in enumerate(variants):
            # One value: the channel's languages; several (one per language): each its own.
            langs = channel.languages if len(variants) == 1 or not languages else languages
            service.channels.append(
                ChannelRecord(
                    kind=CHANNEL_KINDS[channel.type],
                    value=value,
                    names=channel.names,
                    descriptions=_join(descriptions, phone.descriptions) if phone else descriptions,
                    phone_charge=phone.phone_charge if phone else "",
                    charge_descriptions=phone.charge_descriptions if phone else {},
                    languages=list(dict.fromkeys(langs)),
                    schedules=schedules,
                    id=child_id(service.id, channel.id)
                    if index == 0
                    else child_id(service.id, channel.id, index),
                )
            )


def _parents_first(organizations: list[OrganizationRecord]) -> list[OrganizationRecord]:
    """Parents before their children, so that a child's parent exists when it is written."""
    by_id = {org.id: org for org in organizations}
    ordered: list[OrganizationRecord] = []
    placed: set[uuid.UUID] = set()

    def place(org: OrganizationRecord, trail: set[uuid.UUID]) -> None:
        if org.id in placed:
            return
        parent = by_id.get(org.parent_id) if org.parent_id else None
        if parent is not None and parent.id not in trail:
            place(parent, trail | {org.id})
        placed.add(org.id)
        ordered.append(org)

    for org in organizations:
        place(org, set())
    return ordered
