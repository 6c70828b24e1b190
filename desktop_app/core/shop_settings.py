"""The shop's own settings, kept in the encrypted database and audited: its name, the
address/phone line and the note printed on vouchers, the currency and the default validity.

Per-computer choices (station name, scanner, sounds, language...) are not here: they live in
the GUI's Qt settings and name neither the shop nor a customer.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields, replace

from desktop_app.core import audit, shop_identity
from desktop_app.core.errors import InvalidInput
from desktop_app.core.money import currency_code
from desktop_app.core.roles import require_owner
from desktop_app.core.store import Shop, put_setting

MAX_NAME = 100
MAX_LINE = 200
MAX_NOTE = 300
MAX_VALID_DAYS = 3660
MAX_CASHOUT_CENTS = 100_000_00  # a cash-out is for a small remainder, never a whole card


@dataclass(frozen=True)
class ShopSettings:
    shop_name: str
    address_line: str = ""  # address and phone, one line under the name on a voucher
    voucher_note: str = ""  # a short note at the foot of every voucher
    currency: str = "CNY"
    default_valid_days: int | None = None  # proposed for new products; None: no end
    # Gift cards: the largest remainder paid out in cash (0: never), and whether clerks may
    # take money for cards (reloads, cash-outs); names as giftcards' settings keys.
    giftcard_cashout_max_cents: int = 0
    giftcard_clerk_money: bool = False


def get_shop_settings(shop: Shop) -> ShopSettings:
    """The settings stored now; the name and currency are kept for the screens too (another
    counter may have changed them, see ``shop_identity``)."""
    name, currency = shop_identity.reread(shop)
    days = shop.setting("default_valid_days")
    cashout = shop.setting("giftcard_cashout_max_cents", "0")
    return ShopSettings(shop_name=name, address_line=shop.setting("address_line"),
                        voucher_note=shop.setting("voucher_note"), currency=currency,
                        default_valid_days=int(days) if days.isdigit() and int(days) else None,
                        giftcard_cashout_max_cents=int(cashout) if cashout.isdigit() else 0,
                        giftcard_clerk_money=shop.setting("giftcard_clerk_money") == "1")


def _checked(settings: ShopSettings) -> ShopSettings:
    name = settings.shop_name.strip()
    if not name:
        raise InvalidInput(field="shop_name", problem="required")
    if len(name) > MAX_NAME:
        raise InvalidInput(field="shop_name", problem="too_long", maximum=MAX_NAME)
    currency = currency_code(settings.currency)
    if len(settings.address_line.strip()) > MAX_LINE:
        raise InvalidInput(field="address_line", problem="too_long", maximum=MAX_LINE)
    if len(settings.voucher_note.strip()) > MAX_NOTE:
        raise InvalidInput(field="voucher_note", problem="too_long", maximum=MAX_NOTE)
    days = settings.default_valid_days
    if days is not None and not 1 <= days <= MAX_VALID_DAYS:
        raise InvalidInput(field="valid_days", problem="out_of_range", low=1, high=MAX_VALID_DAYS)
    if not 0 <= settings.giftcard_cashout_max_cents <= MAX_CASHOUT_CENTS:
        raise InvalidInput(field="cashout_max", problem="out_of_range", low="0",
                           high=f"{MAX_CASHOUT_CENTS // 100:,}")
    return replace(settings, shop_name=name, currency=currency,
                   address_line=" ".join(settings.address_line.split()),
                   voucher_note=settings.voucher_note.strip())


def _stored(value: object) -> str:
    if isinstance(value, bool):
        return "1" if value else ""
    return "" if value is None else str(value)


def update_shop_settings(shop: Shop, new: ShopSettings) -> ShopSettings:
    """Save what changed (owner only), audited with its before and after; returns the saved."""
    require_owner(shop, "settings_change")
    checked = _checked(new)
    with shop.write():
        before = asdict(get_shop_settings(shop))
        after = asdict(checked)
        changed = [f.name for f in fields(ShopSettings) if before[f.name] != after[f.name]]
        for name in changed:
            put_setting(name, _stored(after[name]))
        if changed:
            audit.record(shop, "settings_change", "shop",
                         before={k: before[k] for k in changed},
                         after={k: after[k] for k in changed})
    return checked
