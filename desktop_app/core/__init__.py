"""The shop itself: storage, operators, inventory, orders, vouchers, redemption.

Nothing in this package imports Qt, so the command line, the GUI and the tests share it.
"""
