"""The desktop app's screens, grouped by screen; shared widgets are in ``widgets.py``."""
