"""The words for the shop's own disk being full, by what the shop was doing (``DiskFull``'s
``during``), in context ``errors``: each names the disk, and only a change says that the
change was not saved (QA s19a F6: a login and a backup to a roomy stick said "the last change
was not saved", and named no disk, so the owner checked the stick). No Qt."""

from __future__ import annotations

from desktop_app.i18n import QT_TRANSLATE_NOOP

DISK_FULL_SHOP_TEXTS: dict[str, str] = {
    "change": QT_TRANSLATE_NOOP(
        "errors", "The disk that holds the shop ({shop_folder}) is full. Nothing already saved "
        "was lost, but the last change was not saved. Free some space on that disk, then do it "
        "again."),
    "open": QT_TRANSLATE_NOOP(
        "errors", "The disk that holds the shop ({shop_folder}) is full, so the shop could not "
        "be opened: even reading it needs a little free room on that disk. Nothing was changed "
        "and nothing was lost. Free some space there (a few MB), then try again."),
    "record": QT_TRANSLATE_NOOP(
        "errors", "The disk that holds the shop ({shop_folder}) is full: the shop notes this in "
        "its records first and has no room for that, so it was not done. Nothing was changed "
        "and nothing was lost. Free some space on that disk, then do it again."),
    "backup": QT_TRANSLATE_NOOP(
        "errors", "The disk that holds the shop ({shop_folder}) is full, so the backup was not "
        "written: the shop notes each backup in its records first and has no room for that. "
        "Nothing was lost, and the backup's folder is not the problem. Free some space on the "
        "shop's disk, then back up again."),
    "create": QT_TRANSLATE_NOOP(
        "errors", "The shop could not be created: the disk that holds {shop_folder} is full. "
        "Nothing was made there. Free some space on that disk, then try again."),
}
