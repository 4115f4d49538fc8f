"""Migration 0015 (known certificates): up, down and up again on SQLite and PostgreSQL; the
table starts with the certificates the audit trail says sheets were signed with here."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select

from mentordesk.core.database import alembic_config
from mentordesk.core.known_certificates import list_certificates, record_signed_here
from mentordesk.core.models import AuditEvent, Base
from mentordesk.core.store import Store

SCHEMAS = Path(__file__).parent / "data" / "schemas"
MENTOR = ":".join(["AB"] * 32)
RENEWED = ":".join(["CD"] * 32)


def _signer_event(s, signed_by: str, fingerprint: str, at: datetime) -> None:
    s.add(
        AuditEvent(
            at=at,
            actor="Liu Jianguo",
            entity="assessment",
            entity_uid="00000000-0000-4000-8000-000000000001",
            action="signer",
            changes={"signed_by": signed_by, "certificate_sha256": fingerprint},
        )
    )


def test_down_and_up_again_seeds_the_certificates_signed_here(any_store: Store) -> None:
    store = any_store
    with store.write() as s:
        record_signed_here(store, s, "Liu Jianguo", MENTOR)
    config = alembic_config(store.engine)
    command.downgrade(config, "0014")
    assert "known_certificate" not in inspect(store.engine).get_table_names()
    with store.write() as s:
        _signer_event(s, "Liu Jianguo", MENTOR, datetime(2026, 6, 1, tzinfo=UTC))
        _signer_event(s, "Liu Jianguo", MENTOR, datetime(2026, 7, 1, tzinfo=UTC))
        _signer_event(s, "liu  JIANGUO", RENEWED.lower(), datetime(2026, 8, 1, tzinfo=UTC))
        _signer_event(s, "Nobody", "not a fingerprint", datetime(2026, 8, 1, tzinfo=UTC))
    command.upgrade(config, "head")
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn)
        assert [
            d for d in compare_metadata(context, Base.metadata) if "known_cert" in repr(d)
        ] == []
    known = list_certificates(store)
    assert [(c.signer, c.fingerprint, c.how) for c in known] == [
        ("Liu Jianguo", MENTOR, "signed here"),
        ("liu  JIANGUO", RENEWED, "signed here"),
    ]
    assert known[0].first_seen_at == datetime(2026, 6, 1, tzinfo=UTC)
    with store.read() as s:
        assert s.scalar(select(AuditEvent.id).where(AuditEvent.action == "signer")) is not None


def test_a_0014_database_opens_with_its_signers_known(tmp_path: Path) -> None:
    db = tmp_path / "mentordesk.db"
    shutil.copy(SCHEMAS / "schema-0014.db", db)
    store = Store.open(db)
    try:
        # The snapshot's signed stand-in records no certificate: nothing to learn from it.
        assert list_certificates(store) == []
        with store.write() as s:
            record_signed_here(store, s, "Zhang Wei 张伟", MENTOR)
            record_signed_here(store, s, "Zhang Wei 张伟", MENTOR)
        assert [c.fingerprint for c in list_certificates(store)] == [MENTOR]
    finally:
        store.close()


def test_the_0015_snapshot_upgrades_and_downgrades(tmp_path: Path) -> None:
    db = tmp_path / "mentordesk.db"
    shutil.copy(SCHEMAS / "schema-0015.db", db)
    store = Store.open(db)
    try:
        command.downgrade(alembic_config(store.engine), "0014")
        command.upgrade(alembic_config(store.engine), "head")
        assert list_certificates(store) == []
    finally:
        store.close()


def test_the_check_refuses_and_learns_on_either_database(any_store: Store) -> None:
    import pytest

    from mentordesk.core import known_certificates as K
    from mentordesk.core.import_report import NEW, ImportReport, Outcome
    from mentordesk.core.merge_records import SheetSigner

    store = any_store
    with store.write() as s:
        record_signed_here(store, s, "Liu Jianguo", MENTOR)
    forged = [SheetSigner("sheets/a-r1.pdf", "LIU JIANGUO", RENEWED)]
    with store.write() as s, pytest.raises(K.CertificateRefused) as refused:
        K.checked(s, "in.zip", forged, frozenset(), "me")
    assert refused.value.known == [MENTOR]
    teacher = [SheetSigner("sheets/a-r2.pdf", "Wang Fang", RENEWED)]
    with store.write() as s:
        learned = K.checked(s, "in.zip", [*forged, *teacher], frozenset({RENEWED}), "me")
        K.record(s, learned, ImportReport("in.zip", "bundle", [Outcome("s", 1, NEW, "r", ())]))
    assert {(c.signer, c.how, c.accepted_by) for c in list_certificates(store)} == {
        ("Liu Jianguo", "signed here", store.actor.name),
        ("LIU JIANGUO", "accepted", "me"),
        ("Wang Fang", "accepted", "me"),
    }
