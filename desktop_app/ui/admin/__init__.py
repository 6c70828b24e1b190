"""The owner's Admin menu: operators, audit log, backups, verify."""
