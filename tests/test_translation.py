"""Translation without Qt: the command line reads the compiled catalogues itself, and reads
them exactly as Qt does; commands that draw nothing load neither Qt nor OpenCV (nor the QR
renderer), and commands on the embedded file load no PostgreSQL driver."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from desktop_app.i18n import QmCatalog
from desktop_app.resources import translations_dir

ROOT = Path(__file__).resolve().parents[1]
ZH_QM = translations_dir() / "voucher_shop_zh_CN.qm"

SAMPLES = [
    ("cli", "Operator: "),
    ("errors", "Something went wrong. The details were written to the log file."),
    ("errors", "Required."),
    ("roles", "Owner"),
    ("AddOperatorDialog", "Add operator"),
]


def test_the_catalogue_reader_agrees_with_qt(qapp: QCoreApplication) -> None:
    catalog = QmCatalog.load(ZH_QM)
    translator = QTranslator()
    assert translator.load(str(ZH_QM))
    assert len(catalog.messages) > 500
    for context, text in SAMPLES:
        ours = catalog.lookup(context, text)
        assert ours, (context, text)
        assert ours == translator.translate(context, text)
    # Every message, not only the samples.
    for (context, text), translation in catalog.messages.items():
        assert translator.translate(context, text) == translation, (context, text)
    assert catalog.lookup("cli", "not a string anyone wrote") is None


def test_a_file_that_is_not_a_catalogue_is_refused(tmp_path: Path) -> None:
    fake = tmp_path / "fake.qm"
    fake.write_bytes(b"not a catalogue")
    with pytest.raises(ValueError):
        QmCatalog.load(fake)


CHECK_MODULES = (
    "import runpy, sys, json\n"
    "sys.argv = ['desktop_app', *sys.argv[1:]]\n"
    "code = 0\n"
    "try:\n"
    "    runpy.run_module('desktop_app', run_name='__main__')\n"
    "except SystemExit as exit_:\n"
    "    code = exit_.code\n"
    "heavy = sorted({m.split('.')[0] for m in sys.modules}\n"
    "               & {'PySide6', 'shiboken6', 'cv2', 'numpy', 'qrcode', 'PIL', 'psycopg'})\n"
    "print(json.dumps(heavy), file=sys.stderr)\n"
    "sys.exit(code)\n"
)


def _run(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("SHOP_") or k == "SHOP_WITNESS_DIR"}
    env.update({"SHOP_OPERATOR": "Owner", "SHOP_PASSWORD": "owner-pass-123",
                "QT_QPA_PLATFORM": "offscreen"})
    return subprocess.run([sys.executable, "-c", CHECK_MODULES, "--data-dir", str(data_dir),
                           *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          encoding="utf-8", stdin=subprocess.DEVNULL, timeout=120)


def _heavy_modules(result: subprocess.CompletedProcess[str]) -> list[str]:
    loaded: list[str] = json.loads(result.stderr.strip().splitlines()[-1])
    return loaded


def test_commands_load_neither_qt_nor_opencv(tmp_path: Path) -> None:
    shop = tmp_path / "shop"
    init = _run(shop, "init", "--shop-name", "Light", "--json")
    assert json.loads(init.stdout)["ok"] is True
    assert _heavy_modules(init) == []
    listed = _run(shop, "product", "list", "--json")
    assert json.loads(listed.stdout)["ok"] is True
    assert _heavy_modules(listed) == []
    refused = _run(shop, "--lang", "zh_CN", "order", "pay", "99")
    assert refused.returncode == 1
    assert "找不到该订单" in refused.stderr  # the error message, in Chinese, without Qt
    assert _heavy_modules(refused) == []
    helped = _run(shop, "--lang", "zh_CN", "--help")
    assert _heavy_modules(helped) == []


def test_redeem_and_a_csv_batch_load_nothing_they_do_not_use(tmp_path: Path) -> None:
    shop = tmp_path / "shop"
    assert _run(shop, "init", "--json").returncode == 0
    added = _run(shop, "product", "add", "--name", "Pass", "--price", "5", "--uses", "2",
                 "--json")
    product = str(json.loads(added.stdout)["id"])
    batch = _run(shop, "voucher", "batch", product, "--count", "3", "--out",
                 str(tmp_path / "codes.csv"), "--json")
    assert json.loads(batch.stdout)["count"] == 3
    assert _heavy_modules(batch) == []
    payload = (tmp_path / "codes.csv").read_text(encoding="utf-8-sig").splitlines()[1].split(",")[1]
    redeemed = _run(shop, "redeem", payload, "--json")
    assert json.loads(redeemed.stdout)["reason"] == "redeemed"
    assert _heavy_modules(redeemed) == []
    shown = _run(shop, "voucher", "show", payload, "--json")
    assert json.loads(shown.stdout)["uses_left"] == 1
    assert _heavy_modules(shown) == []
