"""Words for stored codes that the app and the command line both show (context ``labels``).
No Qt."""

from __future__ import annotations

from desktop_app.i18n import QT_TRANSLATE_NOOP, label

METHOD_LABELS = {
    "cash": QT_TRANSLATE_NOOP("labels", "Cash"),
    "card": QT_TRANSLATE_NOOP("labels", "Bank card"),
    "wechat": QT_TRANSLATE_NOOP("labels", "WeChat Pay"),
    "alipay": QT_TRANSLATE_NOOP("labels", "Alipay"),
    "other": QT_TRANSLATE_NOOP("labels", "Other"),
}


def method_label(method: str | None) -> str:
    """A payment method in the user's language (QA: the Chinese refund said "cash 支付")."""
    return label("labels", METHOD_LABELS, method or "other")
