"""Taxonomy terms and contact channels: phones, and attributes that are channels or terms."""

from __future__ import annotations

from typing import Any

from django.utils.text import slugify

from perhekeskus.catalog.hsds import CHANNEL_KIND_BY_TERM_ID, CHANNEL_TAXONOMY_KEY
from perhekeskus.catalog.importers.hsds.merge import merge
from perhekeskus.catalog.importers.hsds.parse_schedules import ScheduleReader
from perhekeskus.catalog.importers.hsds.reader import Json
from perhekeskus.catalog.importers.records import ChannelRecord, TaxonomyRecord, TermRecord
from perhekeskus.catalog.models import ChannelKind, PhoneCharge


class ChannelReader(ScheduleReader):
    # --- taxonomies and channels -----------------------------------------------------------

    def term(self, data: Json, at: str) -> TermRecord:
        pk = self.identifier(data, "id", at)
        detail_data = data.get("taxonomy_detail")
        detail = self.obj(detail_data, f"{at}.taxonomy_detail") if detail_data else None
        key = self.string(data, "taxonomy", at)
        if detail is not None and not key:
            key = self.string(detail, "name", f"{at}.taxonomy_detail")
        key = slugify(key)[:50] or "hsds"
        if detail is not None:
            dat = f"{at}.taxonomy_detail"
            taxonomy = TaxonomyRecord(
                key=key,
                names=self.texts(detail, "name", dat),
                descriptions=self.texts(detail, "description", dat),
                uri=self.string(detail, "uri", dat),
                id=self.optional_identifier(detail, "id", dat),
            )
            if key in self.taxonomies:
                merge(self.taxonomies[key], taxonomy)
            else:
                self.taxonomies[key] = taxonomy
        return TermRecord(
            taxonomy_key=key,
            code=self.string(data, "code", at) or str(pk),
            names=self.texts(data, "name", at),
            descriptions=self.texts(data, "description", at),
            uri=self.string(data, "term_uri", at),
            id=pk,
        )

    def _channel_fields(self, data: Json, at: str) -> dict[str, Any]:
        return {
            "names": self.texts(data, "x_name", at),
            "phone_charge": self.choice(data, "x_charge", at, [*PhoneCharge.values, ""], ""),
            "charge_descriptions": self.texts(data, "x_charge_description", at),
            "schedules": self.schedules(data, "x_schedules", at),
            "id": self.identifier(data, "id", at),
        }

    def phone(self, data: Json, at: str) -> ChannelRecord:
        codes = [
            (self.string(lang, "code", lat), lat) for lang, lat in self.items(data, "languages", at)
        ]
        return ChannelRecord(
            kind=ChannelKind.PHONE.value,
            # Quoted as the official example has it ("\"+44 1234 234567\""): the number.
            value=self.string(data, "number", at, required=True).strip("\"' "),
            descriptions=self.texts(data, "description", at),
            languages=self.language_codes([(c, a) for c, a in codes if c]),
            **self._channel_fields(data, at),
        )

    def attributes(
        self, data: Json, at: str, *, terms_allowed: bool
    ) -> tuple[list[TermRecord], list[tuple[int, ChannelRecord]]]:
        terms: list[TermRecord] = []
        channels: list[tuple[int, ChannelRecord]] = []
        for attribute, aat in self.items(data, "attributes", at):
            term_data = attribute.get("taxonomy_term")
            term = self.obj(term_data, f"{aat}.taxonomy_term") if term_data is not None else None
            tat = f"{aat}.taxonomy_term"
            term_id = self.optional_identifier(attribute, "taxonomy_term_id", aat)
            if term is not None:
                term_id = term_id or self.identifier(term, "id", tat)
            kind = CHANNEL_KIND_BY_TERM_ID.get(term_id) if term_id else None
            in_channel_taxonomy = (
                term is not None and self.string(term, "taxonomy", tat) == CHANNEL_TAXONOMY_KEY
            )
            if kind is None and term is not None and in_channel_taxonomy:
                kind = self.choice(term, "code", tat, ChannelKind.values, "")
            if kind:
                order = self.whole_number(attribute, "x_order", aat)
                codes = attribute.get("x_languages") or []
                if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
                    self.fail(f"{aat}.x_languages", "expected an array of language codes")
                channel = ChannelRecord(
                    kind=kind,
                    value=self.string(attribute, "value", aat, required=True),
                    descriptions=self.texts(attribute, "x_description", aat),
                    languages=self.language_codes([(c, f"{aat}.x_languages") for c in codes]),
                    **self._channel_fields(attribute, aat),
                )
                channels.append((order if order is not None else 10_000 + len(channels), channel))
            elif term is None:
                self.fail(aat, "an attribute needs its taxonomy_term object")
            elif terms_allowed:
                record = self.term(term, tat)
                if all(
                    (t.taxonomy_key, t.code) != (record.taxonomy_key, record.code) for t in terms
                ):
                    terms.append(record)
            else:
                self.note(aat, "a classification here has no place in our catalogue: left out")
        return terms, channels

    def channels(
        self, data: Json, at: str, *, terms_allowed: bool
    ) -> tuple[list[TermRecord], list[ChannelRecord]]:
        ordered: list[tuple[int, int, ChannelRecord]] = []
        for position, (phone, pat) in enumerate(self.items(data, "phones", at)):
            order = self.whole_number(phone, "x_order", pat)
            ordered.append(
                (
                    order if order is not None else 10_000 + position,
                    position,
                    self.phone(phone, pat),
                )
            )
        terms, others = self.attributes(data, at, terms_allowed=terms_allowed)
        ordered += [(order, 20_000 + n, channel) for n, (order, channel) in enumerate(others)]
        return terms, [
            channel for _order, _position, channel in sorted(ordered, key=lambda o: o[:2])
        ]
