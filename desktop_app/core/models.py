"""The shop's tables, as peewee models bound late to whichever database is opened.

Money is integer minor units (cents/fen); times are UTC. Nothing with history is deleted:
products are archived, orders refunded, redemptions undone by a new record.
"""

from __future__ import annotations

import datetime as dt

from peewee import (
    BigIntegerField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateTimeField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

from desktop_app.core.dates import utc_now
from desktop_app.core.sealed import SealedLookupField, SealedScanField, SealedTextField

database_proxy = DatabaseProxy()


class UTCDateTimeField(DateTimeField):
    """Stores naive UTC (portable, sortable text in SQLite); hands back aware UTC datetimes."""

    def db_value(self, value: dt.datetime | None) -> object:
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return super().db_value(value)

    def python_value(self, value: object) -> dt.datetime | None:
        result = super().python_value(value)
        if isinstance(result, dt.datetime) and result.tzinfo is None:
            result = result.replace(tzinfo=dt.UTC)
        return result


class BaseModel(Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class SchemaVersion(BaseModel):
    version = IntegerField()
    applied_at = UTCDateTimeField(default=utc_now)


class Setting(BaseModel):
    key = CharField(primary_key=True, max_length=64)
    value = SealedTextField()  # sealed on a server (see core/sealed.py): the voucher MAC key


class Operator(BaseModel):
    name = CharField(max_length=64)
    slot_name = CharField(max_length=64, unique=True)
    role = CharField(max_length=16)  # owner | clerk
    active = BooleanField(default=True)
    created_at = UTCDateTimeField(default=utc_now)


class Product(BaseModel):
    name = CharField(max_length=200)
    kind = CharField(max_length=16)  # service | cardkey | goods | giftcard
    price_cents = BigIntegerField()
    value_cents = BigIntegerField(null=True)  # gift cards: the balance a new card carries
    uses_per_voucher = IntegerField(default=1)
    valid_days = IntegerField(null=True)
    valid_from = UTCDateTimeField(null=True)
    valid_until = UTCDateTimeField(null=True)
    stock = IntegerField(null=True)  # goods and services: None means unlimited
    reusable_key = SealedTextField(null=True)  # card-key products that hand every buyer one code
    # Card-key products: what a key of this product looks like (None: anything goes).
    key_min_length = IntegerField(null=True)
    key_max_length = IntegerField(null=True)
    key_alphabet = CharField(max_length=16, null=True)  # a name from cardkeys.KEY_ALPHABETS
    low_stock_threshold = IntegerField(null=True)  # warn at this many unsold keys or fewer
    active = BooleanField(default=True)
    created_at = UTCDateTimeField(default=utc_now)
    updated_at = UTCDateTimeField(default=utc_now)


class Order(BaseModel):
    status = CharField(max_length=16, default="unpaid", index=True)
    customer_name = CharField(max_length=200, default="")
    customer_phone = SealedTextField(default="")  # at most 64 characters (orders.py)
    note = TextField(default="")
    total_cents = BigIntegerField(default=0)
    payment_method = CharField(max_length=16, null=True)
    payment_ref = CharField(max_length=200, default="")
    is_batch = BooleanField(default=False)
    created_by = ForeignKeyField(Operator, backref="orders")
    created_at = UTCDateTimeField(default=utc_now)
    paid_at = UTCDateTimeField(null=True)
    closed_at = UTCDateTimeField(null=True)
    # Who took the payment and at which counter (schema step add_payment_places): None on
    # orders paid before, unless the step could read it from their payment's own record.
    paid_by = ForeignKeyField(Operator, null=True, backref="paid_orders", index=False)
    paid_station = CharField(max_length=64, null=True)

    class Meta:
        # The sales reports' orders taken in a window: paid or refunded, a range of paid_at
        # each (schema step add_paid_orders_index; QA s14a F9: every day read all of them).
        indexes = ((("status", "paid_at"), False),)


class OrderLine(BaseModel):
    order = ForeignKeyField(Order, backref="lines")
    product = ForeignKeyField(Product, backref="order_lines")
    quantity = IntegerField()
    unit_price_cents = BigIntegerField()
    refunded_quantity = IntegerField(default=0)
    # The money its refunds paid back (gift cards: see their ledger). Not units × price: a
    # pass refunded after some uses pays back the uses left.
    refunded_cents = BigIntegerField(default=0)
    # A gift card's value as ordered, like its price: an edit of the product before the order
    # is paid changes neither (schema 11; None on older lines: the product's value at payment).
    unit_value_cents = BigIntegerField(null=True)
    # A pass's uses and days of validity as ordered, for the same reason (schema 12; unit_uses
    # None on older lines: the product's at payment). A window of fixed dates stays the
    # product's: it is the season the pass is for, and paying after it ended is refused.
    unit_uses = IntegerField(null=True)
    unit_valid_days = IntegerField(null=True)

    @property
    def card_value_cents(self) -> int | None:
        return (self.unit_value_cents if self.unit_value_cents is not None
                else self.product.value_cents)

    @property
    def uses_per_voucher(self) -> int:
        return self.unit_uses if self.unit_uses is not None else self.product.uses_per_voucher

    @property
    def valid_days(self) -> int | None:
        return self.unit_valid_days if self.unit_uses is not None else self.product.valid_days


class CardKey(BaseModel):
    product = ForeignKeyField(Product, backref="card_keys")
    secret = SealedTextField()
    fingerprint = CharField(max_length=64)  # keyed hash, for finding duplicates without the secret
    state = CharField(max_length=16, default="unsold", index=True)  # unsold | sold | faulty
    order_line = ForeignKeyField(OrderLine, null=True, backref="card_keys")
    imported_at = UTCDateTimeField(default=utc_now)
    sold_at = UTCDateTimeField(null=True)

    class Meta:
        indexes = ((("product", "fingerprint"), True),)


class Voucher(BaseModel):
    # The 80-bit random code, canonical base32 (32 characters); sealed for lookup on a server.
    code = SealedLookupField(max_length=64, unique=True)
    order = ForeignKeyField(Order, backref="vouchers")
    order_line = ForeignKeyField(OrderLine, backref="vouchers")
    product = ForeignKeyField(Product, backref="vouchers")
    # Only card-key vouchers have one: its index is partial (below), so a batch never writes it.
    card_key = ForeignKeyField(CardKey, null=True, backref="vouchers", index=False)
    uses_total = IntegerField()
    uses_left = IntegerField()
    state = CharField(max_length=16, default="valid")  # valid | void; searched with others
    valid_from = UTCDateTimeField(null=True)
    valid_until = UTCDateTimeField(null=True)
    issued_at = UTCDateTimeField(default=utc_now)
    balance_cents = BigIntegerField(null=True)  # gift cards: money left; None for the others


# Which voucher hands over a key (a key's replacement, a refund). Schema step 8.
Voucher.add_index(Voucher.index(Voucher.card_key, name="voucher_card_key_id",
                                where=Voucher.card_key.is_null(False)))


# Per station and per voucher, their attempts in time order with what the report adds up
# (schema step 6; step 9 dropped the operator's: see core.report_redemptions; the reason
# tells a gift card asked for its amount from a refusal: migrations.add_reason_to_reports).
REPORT_KEY_INDEXES = tuple(((key, "created_at", "ok", "undo_of", "reason"), False)
                           for key in ("station", "voucher"))


class RedemptionAttempt(BaseModel):
    # voucher, operator and created_at lead covering indexes (Meta), which serve their lookups
    voucher = ForeignKeyField(Voucher, null=True, backref="attempts", index=False)
    operator = ForeignKeyField(Operator, backref="attempts", index=False)
    station = CharField(max_length=64)
    scanned_text = SealedScanField()  # at most 128 characters (redemption.MAX_SCANNED)
    reason = CharField(max_length=32)
    ok = BooleanField()
    uses_left_after = IntegerField(null=True)
    undo_of = ForeignKeyField("self", null=True, index=False, backref="undone_by")
    note = TextField(default="")
    created_at = UTCDateTimeField(default=utc_now)

    class Meta:
        # Cover the owner's reports: a month of attempts is read from these indexes alone,
        # without a lookup per row into the table (which thrashes the page cache), and per
        # station or product without sorting (see core.report_redemptions). Every index
        # here is written by every redemption: none is kept that nothing searches.
        indexes = (
            (("created_at", "ok", "undo_of", "operator", "station", "voucher", "reason"), False),
            *REPORT_KEY_INDEXES,
        )


# One undo per redemption; only undo records are in it, so a redemption never writes it.
UNDO_ONCE = RedemptionAttempt.index(
    RedemptionAttempt.undo_of, unique=True, name="redemption_attempt_undo_of_id",
    where=RedemptionAttempt.undo_of.is_null(False))
RedemptionAttempt.add_index(UNDO_ONCE)


class GiftCardEntry(BaseModel):
    """One change of a gift card's balance; append-only, so the balance is the sum of these."""

    voucher = ForeignKeyField(Voucher, backref="ledger")
    kind = CharField(max_length=16, index=True)  # see giftcards.ENTRY_KINDS
    amount_cents = BigIntegerField()  # signed: what the change added to the balance
    balance_after_cents = BigIntegerField()
    operator = ForeignKeyField(Operator, backref="giftcard_entries")
    station = CharField(max_length=64, default="")
    attempt = ForeignKeyField(RedemptionAttempt, null=True, backref="giftcard_entries")
    order = ForeignKeyField(Order, null=True, backref="giftcard_entries")  # issue, reload
    method = CharField(max_length=16, null=True)  # how money moved: reload, refund, cash-out
    money_cents = BigIntegerField(default=0)  # money taken (+) or paid out (-) at the till
    undo_of = ForeignKeyField("self", null=True, unique=True, backref="undone_by")
    note = TextField(default="")
    created_at = UTCDateTimeField(default=utc_now, index=True)


class Refund(BaseModel):
    """Money a refund paid back, dated the moment it left the till (schema step
    add_refund_records): the sales report counts it on that local day, by its own method, so
    a day already closed never changes. A gift card's refund is one per order its balance was
    paid in by (the card's own, each reload: see core/giftcard_refunds.py)."""

    order = ForeignKeyField(Order, backref="refunds")  # whose money it was
    order_line = ForeignKeyField(OrderLine, null=True, backref="refunds", index=False)
    product = ForeignKeyField(Product, backref="refunds", index=False)
    method = CharField(max_length=16)  # how it was paid back: the order's payment method
    quantity = IntegerField(default=0)  # units refunded (a reload's part: none)
    amount_cents = BigIntegerField(default=0)
    closes_order = BooleanField(default=False)  # the refund that made its order refunded
    operator = ForeignKeyField(Operator, null=True, backref="refunds", index=False)
    station = CharField(max_length=64, null=True)  # where it was paid back (None: before
    # schema step add_payment_places, not known)
    refunded_at = UTCDateTimeField(default=utc_now, index=True)  # the reports' days


class GiftCardPin(BaseModel):
    """An optional PIN, needed only to look a card up without it in hand."""

    voucher = ForeignKeyField(Voucher, unique=True, backref="pin")
    pin_hash = CharField(max_length=64)
    failures = IntegerField(default=0)
    locked_until = UTCDateTimeField(null=True)


class AuditEvent(BaseModel):
    at = UTCDateTimeField(default=utc_now)
    operator = ForeignKeyField(Operator, null=True, backref="events")
    kind = CharField(max_length=48, index=False)  # partial index below
    subject = CharField(max_length=64, default="")
    detail = TextField(default="{}")
    prev_hash = CharField(max_length=64)
    hash = CharField(max_length=64)  # looked up by id: an index of hashes is only written


# The audit log's kind filter: every kind but redemptions, which are most of the log and are
# found walking back from the newest event; so a redemption never writes this index.
REDEEM_KIND = "redeem"
EVENTS_BY_KIND = AuditEvent.index(AuditEvent.kind, name="audit_event_kind",
                                  where=AuditEvent.kind != REDEEM_KIND)
AuditEvent.add_index(EVENTS_BY_KIND)


ALL_MODELS: list[type[BaseModel]] = [
    SchemaVersion, Setting, Operator, Product, Order, OrderLine, CardKey, Voucher,
    RedemptionAttempt, GiftCardEntry, GiftCardPin, AuditEvent, Refund,
]
