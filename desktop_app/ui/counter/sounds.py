"""The counter's two sounds: a bright double tone for "redeemed", a low buzz for a refusal.

There is no QtMultimedia in PySide6-Essentials, so a sound is a short WAV file handed to what
the platform has: ``winsound`` on Windows, ``afplay`` on macOS, ``paplay`` or ``aplay`` on
Linux, else the system beep. Playing never blocks and never fails loudly: a cashier must not
wait for a speaker, and a missing player is logged, not shown.

The WAV files in ``resources/sounds`` are generated; ``python -m desktop_app.ui.counter.sounds``
writes them again.
"""

from __future__ import annotations

import logging
import math
import shutil
import struct
import sys
import wave
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QProcess
from PySide6.QtWidgets import QApplication

from desktop_app.resources import resource_path

log = logging.getLogger(__name__)

SUCCESS = "success"
REFUSAL = "refusal"
KINDS = (SUCCESS, REFUSAL)
SAMPLE_RATE = 22_050

WINSOUND, COMMAND, BEEP = "winsound", "command", "beep"

# (frequency Hz, duration s) per note; 0 Hz is a pause. Rising and short means "done";
# low, rough and longer means "look at the screen".
_NOTES: dict[str, list[tuple[float, float]]] = {
    SUCCESS: [(880.0, 0.09), (0.0, 0.02), (1318.5, 0.14)],
    REFUSAL: [(196.0, 0.16), (0.0, 0.05), (185.0, 0.22)],
}


@dataclass(frozen=True)
class Player:
    """How this machine plays a WAV file: ``kind`` and, for a command, its argument list."""

    kind: str
    command: tuple[str, ...] = ()


def choose_player(platform: str = sys.platform,
                  which: Callable[[str], str | None] = shutil.which) -> Player:
    """The way to play a sound here; the system beep when nothing better is installed."""
    if platform == "win32":
        return Player(WINSOUND)
    # PulseAudio (or PipeWire's pulse) first: it mixes; bare ALSA may find the device taken.
    candidates: Sequence[tuple[str, ...]] = (
        (("afplay",),) if platform == "darwin" else (("paplay",), ("aplay", "-q")))
    for program, *options in candidates:
        found = which(program)
        if found:
            return Player(COMMAND, (found, *options))
    return Player(BEEP)


def sound_path(kind: str) -> Path:
    return resource_path("sounds", f"{kind}.wav")


def _play_winsound(path: Path) -> None:
    if sys.platform != "win32":  # chosen only on Windows; the check also tells the type checker
        raise OSError("winsound exists only on Windows")
    import winsound

    winsound.PlaySound(str(path), winsound.SND_FILENAME | winsound.SND_ASYNC
                       | winsound.SND_NODEFAULT)


def play_file(path: Path, player: Player) -> bool:
    """Starts playing ``path`` and returns at once; False (logged) when it could not."""
    try:
        if player.kind == BEEP or not path.is_file():
            QApplication.beep()
        elif player.kind == WINSOUND:
            _play_winsound(path)
        else:
            started, _pid = QProcess.startDetached(player.command[0],
                                                   [*player.command[1:], str(path)])
            if not started:
                log.warning("could not start %s for a sound", player.command[0])
                return False
        return True
    except Exception:  # a sound is never worth an error on screen
        log.exception("playing a sound failed")
        return False


class Sounds:
    """Plays the success or refusal sound, unless switched off. ``last`` is what was asked
    for most recently, played or not: tests and the status line look at it."""

    def __init__(self, enabled: bool = True, player: Player | None = None) -> None:
        self.enabled = enabled
        self._player = player
        self.last: str | None = None

    @property
    def player(self) -> Player:
        if self._player is None:
            self._player = choose_player()  # looked up once: `which` walks the PATH
        return self._player

    def play(self, kind: str) -> bool:
        self.last = kind
        if not self.enabled:
            return False
        return play_file(sound_path(kind), self.player)


# --- making the files -----------------------------------------------------------------------


def _note_samples(frequency: float, seconds: float, volume: float) -> list[int]:
    count = int(SAMPLE_RATE * seconds)
    fade = max(1, int(SAMPLE_RATE * 0.008))  # no clicks at the edges
    samples = []
    for i in range(count):
        if frequency <= 0:
            samples.append(0)
            continue
        t = i / SAMPLE_RATE
        # A touch of the third harmonic makes a small laptop speaker audible.
        wave_value = math.sin(2 * math.pi * frequency * t) + 0.3 * math.sin(
            6 * math.pi * frequency * t)
        envelope = min(1.0, i / fade, (count - i) / fade)
        samples.append(int(32767 * volume * envelope * wave_value / 1.3))
    return samples


def write_tone(path: Path, kind: str, volume: float = 0.6) -> Path:
    """Writes the ``kind`` sound as 16-bit mono PCM WAV."""
    samples: list[int] = []
    for frequency, seconds in _NOTES[kind]:
        samples.extend(_note_samples(frequency, seconds, volume))
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(struct.pack(f"<{len(samples)}h", *samples))
    return path


def write_all(folder: Path | None = None) -> list[Path]:
    target = folder or resource_path("sounds")
    return [write_tone(target / f"{kind}.wav", kind) for kind in KINDS]


if __name__ == "__main__":
    for written in write_all():
        print(written)
