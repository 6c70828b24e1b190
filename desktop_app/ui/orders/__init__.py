"""The Orders tab, its dialogs and the voucher panel."""
