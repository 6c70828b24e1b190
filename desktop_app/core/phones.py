"""A phone as people group its digits: "138 0000 4321", "138-0000-4321", "13800004321" are
one number. Phones are kept as typed; searches compare them without their grouping, in Python
(a server's sealed phones, opened) and in SQL (the file's) alike."""

from __future__ import annotations

from peewee import Field, Function, fn

GROUPING = (" ", "-")


def ungrouped(phone: str) -> str:
    """``phone`` without the spaces and hyphens it was grouped with."""
    for mark in GROUPING:
        phone = phone.replace(mark, "")
    return phone


def ungrouped_sql(column: Field) -> Function:
    """``ungrouped`` as the database computes it, for a search on the file."""
    expression: Function | Field = column
    for mark in GROUPING:
        expression = fn.REPLACE(expression, mark, "")
    assert isinstance(expression, Function)
    return expression
