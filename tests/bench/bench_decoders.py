"""zxing-cpp against pyzbar on webcam-like 720p frames, measured in the same run.

    python tests/bench/bench_decoders.py [--frames 12] [--json]

Each case is a set of synthetic 1280x720 frames (tests/synthetic.py) with a real voucher
symbol, plus frames with no symbol at all, which is what a camera mostly sees and so what
the capture loop mostly pays for. Every decoder runs on the same frames twice: raw (one call
of the library on the grayscale frame) and through ``decode_image``'s retries. Ratios are
zxing-cpp over pyzbar: time below 1 means zxing-cpp is faster, hits above 1 means it reads more.
For frames with no symbol a "hit" is correctly finding nothing. The last column is the app's
default (``decode_image`` with every decoder, best first, and the retries).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from synthetic import HARD_CASES, counter_background, random_payload, webcam_frame

from desktop_app.scanning.decoders import (
    PYZBAR,
    ZXING,
    available_decoders,
    decode_image,
)

HARDER = {
    "blur 3.0": {"blur_sigma": 3.0},
    "glare 1.2": {"glare": 1.2},
    "tilt 0.45": {"tilt": 0.45, "angle_deg": 10},
    "tiny 1.6px": {"module_px": 1.6},
    "small+blur": {"module_px": 3.0, "blur_sigma": 1.3, "jpeg_quality": 30},
}
EMPTY = "no symbol"


@dataclass
class Score:
    hits: int = 0
    seconds: list[float] | None = None

    def add(self, hit: bool, seconds: float) -> None:
        self.hits += hit
        self.seconds = [*(self.seconds or []), seconds]

    @property
    def ms(self) -> float:
        return statistics.median(self.seconds or [0.0]) * 1000


def frames_for(case: str, count: int) -> list[tuple[str | None, np.ndarray]]:
    if case == EMPTY:
        return [(None, counter_background(1280, 720, np.random.default_rng(seed)))
                for seed in range(count)]
    settings = dict({**HARD_CASES, **HARDER}[case])
    quality = settings.pop("jpeg_quality", None)
    out = []
    for seed in range(count):
        text = random_payload()
        frame = webcam_frame(text, seed=seed, jpeg_quality=None if quality is None
                             else int(quality), **settings)
        out.append((text, frame.image))
    return out


def measure(frames: list[tuple[str | None, np.ndarray]], decoder: str | None,
            retries: bool) -> Score:
    score = Score()
    chosen = None if decoder is None else (decoder,)
    decode_image(frames[0][1], chosen, retries=retries)  # warm caches before timing
    for text, image in frames:
        started = time.perf_counter()
        found = decode_image(image, chosen, retries=retries)
        elapsed = time.perf_counter() - started
        hit = [d.text for d in found] == [text] if text else not found
        score.add(hit, elapsed)
    return score


def ratio(a: float, b: float) -> float | None:
    return round(a / b, 2) if b else None


def run(count: int) -> dict[str, object]:
    names = [label.split()[0] for label in available_decoders()]
    if ZXING not in names or PYZBAR not in names:
        raise SystemExit(f"both decoders are needed; this install has {available_decoders()}")
    rows = []
    for case in [*HARD_CASES, *HARDER, EMPTY]:
        frames = frames_for(case, count)
        row: dict[str, object] = {"case": case, "frames": count}
        for mode, retries in (("raw", False), ("retries", True)):
            zx, pz = measure(frames, ZXING, retries), measure(frames, PYZBAR, retries)
            row[mode] = {
                "zxing_hits": zx.hits, "pyzbar_hits": pz.hits,
                "zxing_ms": round(zx.ms, 2), "pyzbar_ms": round(pz.ms, 2),
                "time_ratio": ratio(zx.ms, pz.ms), "hit_ratio": ratio(zx.hits, pz.hits),
            }
        default = measure(frames, None, True)
        row["default"] = {"hits": default.hits, "ms": round(default.ms, 2)}
        rows.append(row)
    return {"decoders": available_decoders(), "rows": rows, "summary": summary(rows)}


def summary(rows: list[dict[str, object]]) -> dict[str, object]:
    out: dict[str, object] = {}
    for mode in ("raw", "retries"):
        cells = [row[mode] for row in rows]
        zx_ms = sum(c["zxing_ms"] for c in cells)  # type: ignore[index]
        pz_ms = sum(c["pyzbar_ms"] for c in cells)  # type: ignore[index]
        symbol = [c for row, c in zip(rows, cells, strict=True) if row["case"] != EMPTY]
        zx_hits = sum(c["zxing_hits"] for c in symbol)  # type: ignore[index]
        pz_hits = sum(c["pyzbar_hits"] for c in symbol)  # type: ignore[index]
        out[mode] = {"time_ratio": ratio(zx_ms, pz_ms), "zxing_hits": zx_hits,
                     "pyzbar_hits": pz_hits, "hit_ratio": ratio(zx_hits, pz_hits)}
    return out


def print_table(report: dict[str, object]) -> None:
    print("decoders:", ", ".join(report["decoders"]))  # type: ignore[arg-type]
    header = (f"{'case':<12} {'mode':<8} {'zxing hits':>10} {'pyzbar hits':>11} "
              f"{'zxing ms':>9} {'pyzbar ms':>9} {'time zx/pz':>10} {'default':>15}")
    print(header)
    print("-" * len(header))
    for row in report["rows"]:  # type: ignore[attr-defined]
        for mode in ("raw", "retries"):
            c, d = row[mode], row["default"]
            frames = row["frames"]
            default = f"{d['hits']}/{frames} {d['ms']:.1f}ms" if mode == "retries" else ""
            print(f"{row['case']:<12} {mode:<8} {c['zxing_hits']:>5}/{frames:<4} "
                  f"{c['pyzbar_hits']:>6}/{frames:<4} {c['zxing_ms']:>9.1f} "
                  f"{c['pyzbar_ms']:>9.1f} {c['time_ratio']!s:>10} {default:>15}")
    for mode, s in report["summary"].items():  # type: ignore[attr-defined]
        print(f"overall {mode}: zxing-cpp/pyzbar time ratio {s['time_ratio']} (sum of medians), "
              f"hits {s['zxing_hits']} vs {s['pyzbar_hits']} (ratio {s['hit_ratio']})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--frames", type=int, default=12, help="frames per case")
    parser.add_argument("--json", action="store_true", help="one JSON object on stdout")
    args = parser.parse_args()
    report = run(args.frames)
    if args.json:
        print(json.dumps(report))
    else:
        print_table(report)


if __name__ == "__main__":
    main()
