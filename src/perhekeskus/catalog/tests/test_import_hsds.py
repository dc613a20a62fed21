"""HSDS 3.0 data as others publish it: the official example service (copied unchanged into
`data/hsds/`, see its README), list pages, folders with a file per object. Nothing of a valid
service is lost for one bad value; a service that cannot be saved leaves nothing behind."""

from __future__ import annotations

import copy
import io
import json
import uuid
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command

from perhekeskus.catalog.models import (
    ContactChannel,
    Location,
    Organization,
    Schedule,
    Service,
    ServiceAtLocation,
)

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data" / "hsds"
EXAMPLE = DATA / "service_full.json"
EXAMPLE_ID = uuid.UUID("ac148810-d857-441c-9679-408f346de14b")
EXAMPLE_LOCATION = uuid.UUID("3a19ff88-4620-4d17-9830-ac1d859eb5d5")


def example() -> dict[str, Any]:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def run(path: Path, monkeypatch: pytest.MonkeyPatch, *args: str, lang: str = "en") -> str:
    monkeypatch.setenv("LANGUAGE", lang)
    out = io.StringIO()
    call_command("import_hsds", str(path), *args, "--language=en", stdout=out, verbosity=2)
    return out.getvalue()


def write(path: Path, data: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_the_official_example_service_imports(monkeypatch: pytest.MonkeyPatch) -> None:
    output = run(EXAMPLE, monkeypatch)

    service = Service.objects.get(pk=EXAMPLE_ID)
    assert service.name_en == "Community Counselling"
    # HSDS eligibility is about any person: 12 to 100 is stored as it is.
    assert (service.minimum_age, service.maximum_age) == (12, 100)
    assert Organization.objects.count() == 1
    location = Location.objects.get(pk=EXAMPLE_LOCATION)
    # The bad values alone are left out: a latitude of 100 and a foreign postal code.
    assert location.latitude is None and location.longitude is None
    assert location.postal_code == ""
    assert location.street_address_en == "1-30 Main Street"
    assert ServiceAtLocation.objects.filter(service=service, location=location).count() == 1
    # The phone appears under the service and under its place: kept once.
    phones = ContactChannel.objects.filter(kind="phone")
    assert [p.value for p in phones] == ["+44 1234 234567"]
    # Thursday and Friday 10-18, once; the place's own hours.
    assert Schedule.objects.filter(service=service).count() == 2
    assert "services            1 created" in output
    assert "latitude" in output and "postal_code" in output
    assert "appears again" in output


def test_the_official_example_again_changes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    run(EXAMPLE, monkeypatch)
    output = run(EXAMPLE, monkeypatch)
    assert "services            0 created       0 updated       1 unchanged" in output


def test_the_messages_are_in_the_users_language(monkeypatch: pytest.MonkeyPatch) -> None:
    finnish = run(EXAMPLE, monkeypatch, lang="fi")
    swedish = run(EXAMPLE, monkeypatch, "--dry-run", lang="sv")
    assert "Tuotiin" in finnish and "Imported" not in finnish
    assert "Importerat:" in swedish and "Torrkörning" in swedish


def test_a_list_page_and_a_folder_of_files_import(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = json.loads((DATA / "service_list.json").read_text(encoding="utf-8"))
    run(write(tmp_path / "list" / "page-1.json", page), monkeypatch)
    assert Service.objects.filter(pk=page["contents"][0]["id"]).exists()

    second = example()
    second["id"] = str(uuid.uuid4())
    second["name"] = "Family counselling"
    folder = tmp_path / "objects"
    write(folder / "a.json", example())
    write(folder / "b.json", [second])
    run(folder, monkeypatch)
    assert Service.objects.filter(pk__in=[EXAMPLE_ID, second["id"]]).count() == 2


def test_a_skipped_service_leaves_nothing_of_it_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = copy.deepcopy(example())
    broken["languages"] = [{"id": str(uuid.uuid4()), "name": "?", "code": "x" * 40}]
    broken["name"] = "N" * 300  # longer than a name may be: the service cannot be saved
    output = run(write(tmp_path / "broken.json", broken), monkeypatch)

    assert "skipped" in output
    assert not Service.objects.exists()
    assert not Location.objects.exists()
    assert not Organization.objects.exists()
    assert not Schedule.objects.exists()
    assert not ContactChannel.objects.exists()


def test_what_the_input_leaves_out_stays_unless_pruned(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(EXAMPLE, monkeypatch)
    without_phones = example()
    without_phones["phones"] = []
    for sal in without_phones["service_at_locations"]:
        sal["phones"] = []
    path = write(tmp_path / "without-phones.json", without_phones)

    kept = run(path, monkeypatch)
    assert ContactChannel.objects.filter(kind="phone").count() == 1
    assert "--prune would remove them" in kept

    dry = run(path, monkeypatch, "--prune", "--dry-run")
    assert "Would remove" in dry and ContactChannel.objects.filter(kind="phone").count() == 1

    run(path, monkeypatch, "--prune")
    assert not ContactChannel.objects.filter(kind="phone").exists()
    assert Service.objects.filter(pk=EXAMPLE_ID).exists()
