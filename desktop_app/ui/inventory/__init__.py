"""The Inventory tab and its dialogs."""
