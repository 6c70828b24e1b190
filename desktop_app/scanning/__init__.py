"""Input devices: QR decoders, the camera worker and the keyboard-wedge scanner filter.

Nothing here touches the database: a device turns into text, and ``core.counter`` decides.
Problems are reported as short codes (``camera_missing``...) for the UI to translate.
"""
