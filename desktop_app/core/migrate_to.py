"""``migrate-to``: copy an embedded shop into an empty database on the shop's server.

Every table (the audit chain and the key slots too) is copied row for row with its ids, in one
transaction on the server, then checked there before the commit: the same count in every table,
the chain intact and ending at the file's head, every voucher in step with its redemptions.
Anything wrong rolls the whole copy back, so the server database stays empty, and the folder
as it was. Once the server has committed the copy, the folder records the move and keeps the
shop for reading only (see ``moved_shop``): the same voucher cannot be redeemed on both. The
folder is marked before the server commits, so a folder whose own last commit fails is
read-only all the same.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, replace

from peewee import DatabaseError, InterfaceError

from desktop_app.core import audit, moved_shop, pg, pg_connection
from desktop_app.core.errors import DatabaseCorrupt, ServerNotEmpty, ShopError
from desktop_app.core.models import ALL_MODELS, AuditEvent, BaseModel, Setting
from desktop_app.core.roles import require_owner
from desktop_app.core.sealed import ColumnCipher
from desktop_app.core.store import Shop, put_setting

log = logging.getLogger(__name__)

CHUNK = 500


@dataclass(frozen=True)
class CopyReport:
    url: str
    rows: dict[str, int]  # table name -> rows copied
    chain_head: str
    # Why the folder could not save its own record of the move (its ``shop_moved`` event)
    # after the server committed the copy; None when it did. The shop lives on the server
    # either way, and the mark written before the copy keeps the folder read-only.
    folder_error: ShopError | None = None


def _table(model: type[BaseModel]) -> str:
    return str(model._meta.table_name)


def _read_all(model: type[BaseModel]) -> list[dict[str, object]]:
    return list(model.select().order_by(*model._meta.get_primary_keys()).dicts())


def migrate_to_server(shop: Shop, url: str) -> CopyReport:
    """Copy ``shop`` (open on its file) into the empty database at ``url``, then keep the
    folder's shop for reading only; owners only. Refused on a held or moved shop."""
    require_owner(shop, "migrate_to")
    moved_shop.hold_alone(shop)
    facts = pg_connection.server_facts(url)
    moved = {"host": facts["host"], "database": facts["database"], "url": url}
    with shop.write():  # committed before the server's: see moved_shop
        put_setting(moved_shop.MOVED_SETTING, moved_shop.facts_json(moved, pending=True))
    copied: list[CopyReport] = []
    try:
        with shop.write():  # no other counter writes to the file from here to the move
            audit.record(shop, "shop_moved", server=moved["host"], database=moved["database"])
            copied.append(_copy(shop, url))
            put_setting(moved_shop.MOVED_SETTING, moved_shop.facts_json(moved))
    except BaseException as exc:
        if not copied:  # the server holds nothing: the folder is the shop, as it was
            _unmark(shop)
            raise
        shop.moved_to = moved
        if not isinstance(exc, ShopError):
            raise
        # The server committed: the shop lives there. Only the folder's own chain lacks the
        # move (a full disk at that instant); its pending mark keeps it read-only.
        log.error("the shop moved to the server %s, but this folder could not record it (%s):"
                  " its mark keeps it read-only", moved["host"], exc.code)
        return replace(copied[0], folder_error=exc)
    shop.moved_to = moved
    log.warning("the shop moved to the server %s (database %s): this folder is read-only now",
                moved["host"], moved["database"])
    return copied[0]


def _unmark(shop: Shop) -> None:
    """The copy failed before the server committed it: the folder's pending mark goes. If
    even that cannot be saved, the folder stays read-only: never a shop in two places."""
    try:
        with shop.write():
            Setting.delete().where(Setting.key == moved_shop.MOVED_SETTING).execute()
    except ShopError as exc:
        log.error("the copy failed and the folder's mark of the move could not be removed "
                  "(%s): the folder stays read-only", exc.code)


def _copy(shop: Shop, url: str) -> CopyReport:
    """Every row of the bound file into the empty database at ``url``, checked, committed."""
    source_rows = {model: _read_all(model) for model in ALL_MODELS}
    source_rows[Setting] = [row for row in source_rows[Setting]  # the folder's, not the shop's
                            if row["key"] != moved_shop.MOVED_SETTING]
    source_head = audit.latest_hash()
    slots = shop.reload_slots()
    target = pg_connection.connect(url)
    target.column_cipher = ColumnCipher(shop.database_key)  # the secrets go in sealed
    try:
        if target.get_tables():
            raise ServerNotEmpty(url=url)
        models = [*ALL_MODELS, *pg.SERVER_MODELS]
        with target.bind_ctx(models), target.atomic():
            target.create_tables(models)
            for model, rows in source_rows.items():
                for start in range(0, len(rows), CHUNK):
                    model.insert_many(rows[start:start + CHUNK]).execute()
                pg_connection.advance_id_sequence(target, model)
            pg.KeySlotTable(url, slots.shop_id, dict(slots.slots), slots.recovery).save()
            problems = _check_copy(source_rows, source_head)
            if problems:
                log.error("the copy on the server does not check out: %s", problems)
                raise DatabaseCorrupt(path=url, detail="; ".join(problems))
            counts = {_table(model): len(rows) for model, rows in source_rows.items()}
    except (DatabaseError, InterfaceError) as exc:
        raise pg_connection.server_error(exc, url) from exc
    finally:
        target.close_all()
    log.info("copied the shop to the server: %s", counts)
    return CopyReport(url, counts, source_head)


def _check_copy(source_rows: dict[type[BaseModel], list[dict[str, object]]],
                source_head: str) -> list[str]:
    """What differs between the copy (the bound server) and the file's rows."""
    problems = [f"{_table(model)}: {model.select().count()} rows, expected {len(rows)}"
                for model, rows in source_rows.items() if model.select().count() != len(rows)]
    problems += [f"audit_chain: event {p.event_id} {p.problem}" for p in audit.verify_chain()]
    if audit.latest_hash() != source_head:
        problems.append("audit_chain: head differs")
    problems += [f"voucher {v} uses_mismatch" for v in audit.vouchers_out_of_step()]
    if AuditEvent.select().count() and not problems:
        log.info("audit chain of %s events copied intact", AuditEvent.select().count())
    return problems
