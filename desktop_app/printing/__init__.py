"""Printable vouchers, painted with QPainter on any paint device: PDF, printer or image.

Three layouts:

* ``a4``: one voucher large on an A4 sheet, or, for several, a 2 x 4 grid of cut-out vouchers
  with cut lines on as many sheets as needed (``sheet``; every part inside its own card, and a
  voucher whose card key is too long for a card on a page of its own after the grid);
* ``receipt58`` and ``receipt80``: one voucher per page on 58 or 80 mm receipt paper, the page
  as tall as its content (``tall``, which also draws the single A4 voucher).

The modules, from the bottom up: ``style`` (the 300 dpi reference grid, inks, fonts), ``text``
(layout and fitting), ``wording`` (what a voucher says, also used on screen), ``qr`` (the
symbol on whole device pixels), ``blocks`` (measured pieces a voucher is stacked from),
``tall`` and ``sheet`` (the layouts), ``output`` (PDF, printer, image). Core stays Qt-free;
the data comes from ``desktop_app.core.vouchers_view``.
"""

from desktop_app.printing.output import (
    LAYOUTS,
    ensure_gui_app,
    print_vouchers,
    voucher_image,
    voucher_pdf_bytes,
    write_voucher_pdf,
)

__all__ = ["LAYOUTS", "ensure_gui_app", "print_vouchers", "voucher_image", "voucher_pdf_bytes",
           "write_voucher_pdf"]
