"""The words beside a form's field: why a typed value was refused, and the field's name as a
form labels it (context ``errors``, like the error texts they fill in)."""

from __future__ import annotations

from desktop_app.i18n import QT_TRANSLATE_NOOP

# Why a typed value was refused; short enough to stand beside the field.
PROBLEM_TEXTS: dict[str, str] = {
    "required": QT_TRANSLATE_NOOP("errors", "Required."),
    "too_short": QT_TRANSLATE_NOOP("errors", "Too short: use at least {minimum} characters."),
    "too_long": QT_TRANSLATE_NOOP("errors", "Too long: use at most {maximum} characters."),
    "control_characters": QT_TRANSLATE_NOOP(
        "errors", "Remove the line breaks, tabs or control characters."),
    "inside_shop": QT_TRANSLATE_NOOP(
        "errors", "Choose a file outside the shop's folder: a backup there would overwrite "
        "the shop or be replaced with it."),
    "folder_inside_shop": QT_TRANSLATE_NOOP(
        "errors", "This is the shop's own folder: backups cannot be kept there (a restore "
        "replaces that folder, backups and all). Choose a USB stick or another disk."),
    "is_a_folder": QT_TRANSLATE_NOOP(
        "errors", "{path} is a folder: give the name of a file in it."),
    # A recovery key's one check symbol tells that a character is wrong, never which one.
    "mistyped": QT_TRANSLATE_NOOP(
        "errors", "One character of this key has a typo: compare each of its 7 groups with "
        "the paper. Its last character only tells that a character is wrong, not which one."),
    "mistyped_length": QT_TRANSLATE_NOOP(
        "errors", "A recovery key has 28 characters (7 groups of 4); this has {symbols}: "
        "check for a group missed or typed twice."),
    "mistyped_in_group": QT_TRANSLATE_NOOP(
        "errors", "Group {group} holds “{character}”, which no recovery key has: check that "
        "group against the paper."),
    "mistyped_character": QT_TRANSLATE_NOOP(
        "errors", "“{character}” is no part of a recovery key (it has digits and letters only, "
        "7 groups of 4): check what was typed."),
    "bad_name": QT_TRANSLATE_NOOP(
        "errors", "Use at most 64 characters, without line breaks or control characters."),
    "taken": QT_TRANSLATE_NOOP("errors", "Already taken. Choose another name."),
    "duplicate_name": QT_TRANSLATE_NOOP(
        "errors", "A product called “{name}” already exists. Choose another name."),
    "duplicate_archived_name": QT_TRANSLATE_NOOP(
        "errors", "An archived product is called “{name}”. Restore it, or choose another name."),
    "choice": QT_TRANSLATE_NOOP("errors", "Choose one of: {choices}."),
    "not_a_number": QT_TRANSLATE_NOOP("errors", "Not a number."),
    "not_a_number_comma": QT_TRANSLATE_NOOP(
        "errors", "Not a number: write the decimals after a point, {with_point}."),
    "negative": QT_TRANSLATE_NOOP("errors", "Cannot be negative."),
    "too_many_decimals": QT_TRANSLATE_NOOP("errors", "Use at most two decimal places."),
    "too_large": QT_TRANSLATE_NOOP("errors", "Too large."),
    "too_large_file": QT_TRANSLATE_NOOP(
        "errors", "The file is larger than {megabytes} MB, more than a list of card keys "
        "holds. Check that it is the right file, or split it into smaller ones."),
    "no_keys": QT_TRANSLATE_NOOP("errors", "The file holds no card keys."),
    "out_of_range": QT_TRANSLATE_NOOP("errors", "Must be between {low} and {high}."),
    "not_the_vouchers_chosen": QT_TRANSLATE_NOOP(
        "errors", "Does not match the vouchers chosen. Choose them again."),
    "cardkey_stock": QT_TRANSLATE_NOOP(
        "errors", "Card-key products count their stock from imported keys; leave it empty."),
    "before_start": QT_TRANSLATE_NOOP("errors", "Must be later than the start."),
    "in_past": QT_TRANSLATE_NOOP(
        "errors", "Must be today or later: vouchers sold now would be expired already."),
    "below_minimum": QT_TRANSLATE_NOOP("errors", "Must not be shorter than the shortest."),
    "not_cardkey": QT_TRANSLATE_NOOP("errors", "This product does not sell card keys."),
    "archived": QT_TRANSLATE_NOOP("errors", "This product is archived and no longer sold."),
    "ended": QT_TRANSLATE_NOOP(
        "errors", "The validity of “{product}” has ended, so it is no longer sold. Give it new "
        "dates in Inventory, or archive it."),
    "mismatch": QT_TRANSLATE_NOOP("errors", "The two passwords do not match."),
    "pin_mismatch": QT_TRANSLATE_NOOP("errors", "The two PINs do not match."),
    "bad_currency": QT_TRANSLATE_NOOP("errors", "Use a three-letter currency code, like CNY."),
    "format": QT_TRANSLATE_NOOP("errors", "Use a file name ending in {allowed}."),
    "no_folder": QT_TRANSLATE_NOOP("errors", "The folder {path} does not exist."),
    "not_service": QT_TRANSLATE_NOOP(
        "errors", "Only service products and gift cards can be issued in a batch."),
    "unreadable": QT_TRANSLATE_NOOP("errors", "The file cannot be read."),
    "unreadable_path": QT_TRANSLATE_NOOP("errors", "The file {path} cannot be read."),
    "not_an_image": QT_TRANSLATE_NOOP("errors", "The file is not an image (PNG, JPG…)."),
    "not_an_image_path": QT_TRANSLATE_NOOP(
        "errors", "The file {path} is not an image (PNG, JPG…)."),
    "not_utf8": QT_TRANSLATE_NOOP(
        "errors", "The file is not text in UTF-8 or GBK. Save it as UTF-8 (for a spreadsheet: "
        "CSV UTF-8) and try again."),
    "excel_workbook": QT_TRANSLATE_NOOP(
        "errors", "This is an Excel workbook, which is not read. In Excel, choose File → Save "
        "As → “CSV UTF-8 (Comma delimited)”, then choose that file."),
    "excel_scientific": QT_TRANSLATE_NOOP(
        "errors", "Excel turned {count} card numbers into numbers like 1.10024E+15: their digits "
        "are lost, so nothing was imported. Use the supplier's original file, or format the "
        "column as Text in Excel before pasting the numbers, and save it as CSV UTF-8."),
    "giftcard_only": QT_TRANSLATE_NOOP("errors", "Only gift cards carry a value."),
    "not_positive": QT_TRANSLATE_NOOP("errors", "Must be more than zero."),
    "folder_missing": QT_TRANSLATE_NOOP(
        "errors", "The folder {path} is not there. Is the USB stick or backup disk plugged in?"),
}
UNKNOWN_PROBLEM_TEXT = QT_TRANSLATE_NOOP("errors", "Not accepted.")

# The ``field`` of an ``InvalidInput``, as a form labels it.
FIELD_LABELS: dict[str, str] = {
    "name": QT_TRANSLATE_NOOP("errors", "Name"),
    "password": QT_TRANSLATE_NOOP("errors", "Password"),
    "role": QT_TRANSLATE_NOOP("errors", "Role"),
    "shop_name": QT_TRANSLATE_NOOP("errors", "Shop name"),
    "currency": QT_TRANSLATE_NOOP("errors", "Currency"),
    "kind": QT_TRANSLATE_NOOP("errors", "Kind"),
    "price": QT_TRANSLATE_NOOP("errors", "Price"),
    "uses": QT_TRANSLATE_NOOP("errors", "Uses per voucher"),
    "valid_days": QT_TRANSLATE_NOOP("errors", "Valid for (days)"),
    "cashout_max": QT_TRANSLATE_NOOP("errors", "Gift card cash-out up to"),
    "valid_from": QT_TRANSLATE_NOOP("errors", "Valid from"),
    "valid_until": QT_TRANSLATE_NOOP("errors", "Valid until"),
    "stock": QT_TRANSLATE_NOOP("errors", "Stock"),
    "reusable_key": QT_TRANSLATE_NOOP("errors", "Reusable key"),
    "key_min_length": QT_TRANSLATE_NOOP("errors", "Shortest key"),
    "key_max_length": QT_TRANSLATE_NOOP("errors", "Longest key"),
    "key_alphabet": QT_TRANSLATE_NOOP("errors", "Key characters"),
    "product": QT_TRANSLATE_NOOP("errors", "Product"),
    "items": QT_TRANSLATE_NOOP("errors", "Items"),
    "quantity": QT_TRANSLATE_NOOP("errors", "Quantity"),
    "count": QT_TRANSLATE_NOOP("errors", "Count"),
    "method": QT_TRANSLATE_NOOP("errors", "Payment method"),
    "status": QT_TRANSLATE_NOOP("errors", "Status"),
    "customer": QT_TRANSLATE_NOOP("errors", "Customer"),
    "code": QT_TRANSLATE_NOOP("errors", "Voucher code"),
    "file": QT_TRANSLATE_NOOP("errors", "File"),
    "out": QT_TRANSLATE_NOOP("errors", "Output file"),
    "layout": QT_TRANSLATE_NOOP("errors", "Layout"),
    "to": QT_TRANSLATE_NOOP("errors", "Last day"),
    "backup_folder": QT_TRANSLATE_NOOP("errors", "Backup folder"),
    "value": QT_TRANSLATE_NOOP("errors", "Value"),
    "amount": QT_TRANSLATE_NOOP("errors", "Amount"),
    "expect": QT_TRANSLATE_NOOP("errors", "Expected refund"),
    "pin": QT_TRANSLATE_NOOP("errors", "PIN"),
    "recovery_key": QT_TRANSLATE_NOOP("errors", "Recovery key"),
    "phone": QT_TRANSLATE_NOOP("errors", "Phone"),
    "note": QT_TRANSLATE_NOOP("errors", "Note"),
    "station": QT_TRANSLATE_NOOP("errors", "Station"),
    "address_line": QT_TRANSLATE_NOOP("errors", "Address / phone"),
    "voucher_note": QT_TRANSLATE_NOOP("errors", "Note on vouchers"),
    "threshold": QT_TRANSLATE_NOOP("errors", "Low-stock warning"),
    "report": QT_TRANSLATE_NOOP("errors", "Report"),
    "by": QT_TRANSLATE_NOOP("errors", "Group by"),
    "reason": QT_TRANSLATE_NOOP("errors", "Reason"),
    "image": QT_TRANSLATE_NOOP("errors", "Image"),
    "vouchers": QT_TRANSLATE_NOOP("errors", "Vouchers"),
}
