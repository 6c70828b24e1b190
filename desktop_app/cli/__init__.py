"""The command line of CONTRACT.md, on top of ``desktop_app.core``.

``frame`` runs a command and turns every failure into a message and an exit status,
``commands`` holds one function per command, ``parser`` the arguments. Nothing is imported
here: a command loads what it uses, in the order it needs it (see ``frame.derive_key_ahead``).
"""
