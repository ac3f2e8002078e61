"""Tables of three or more columns carry their column names into every cell, so a phone can stack
their rows (overrides/hooks/tables.py, extra.css); narrower tables are left as they are."""

from __future__ import annotations

import re

from overrides.hooks.tables import stack_tables

WIDE = (
    "<table>\n<thead>\n<tr>\n<th>Aspect</th>\n<th><code>EC2</code> launch type</th>\n<th>Fargate</th>\n</tr>\n"
    "</thead>\n"
    "<tbody>\n<tr>\n<td>Servers</td>\n<td>You</td>\n<td>AWS</td>\n</tr>\n"
    '<tr>\n<td>Price</td>\n<td align="left">Instances</td>\n<td>Tasks</td>\n</tr>\n</tbody>\n</table>'
)
NARROW = (
    "<table>\n<thead>\n<tr>\n<th>Term</th>\n<th>Meaning</th>\n</tr>\n</thead>\n"
    "<tbody>\n<tr>\n<td>a</td>\n<td>b</td>\n</tr>\n</tbody>\n</table>"
)


def test_each_cell_of_a_wide_table_names_its_column_in_plain_text():
    html = stack_tables(WIDE)
    assert re.findall(r'data-label="([^"]*)"', html) == ["Aspect", "EC2 launch type", "Fargate"] * 2
    assert '<td role="cell" data-label="EC2 launch type" align="left">Instances</td>' in html
    assert html.startswith('<table role="table" data-stack>')
    assert html.count('role="row"') == 3 and html.count('role="columnheader"') == 3


def test_a_two_column_table_is_left_as_it_is():
    assert stack_tables(NARROW) == NARROW


def test_tables_are_stacked_one_by_one_on_a_page():
    html = stack_tables(f"<p>before</p>{WIDE}<p>between</p>{NARROW}")
    assert html.count("data-stack") == 1 and "<p>between</p>" in html
