"""The sides pass, alone: groups the text does not name are named from their members' affiliations."""

from __future__ import annotations

import pytest
from passkit import run_pass

from tei import convert

HEADER = "1. Memorandum of Conversation\n\nWashington, May 1, 1986\n\n"
SOVIET = "    • Ambassador Able, Soviet Ambassador to the U.S.\n    • Mr. Baker, Counselor, Soviet Embassy\n" \
         "    • Mr. Carr, interpreter\n\n"
AMERICAN = "    • Secretary Dorn, U.S. Secretary of State\n    • Mr. Eck\n\n"


def test_groups_whose_members_name_one_country_are_named_by_it() -> None:
    run = run_pass("sides", HEADER + SOVIET + AMERICAN + "Able said yes.\n")
    assert run.document.affiliated_sides == ["Soviet Side", "U.S. Side"]
    assert run.decisions == ["5: sides.affiliation: group 1: 'Soviet Side'", "9: sides.affiliation: group 2: 'U.S. Side'"]


@pytest.mark.parametrize(("groups", "why"), [
    ("    • Ambassador Able, Soviet Ambassador\n    • Mr. Baker, French Embassy\n\n" + AMERICAN,
     "members of two countries"),
    ("    • Ambassador Able, Soviet Ambassador\n    • Mr. Baker\n    • Mr. Carr\n\n" + AMERICAN,
     "fewer than half say where they are from"),
    ("    • Ambassador Able, Soviet Ambassador\n\n    • Mr. Dorn, Soviet Embassy\n\n", "two groups of one country"),
])
def test_where_the_affiliation_is_not_clear_the_group_keeps_no_name(groups: str, why: str) -> None:
    run = run_pass("sides", HEADER + groups + "Able said yes.\n")
    assert run.document.affiliated_sides[0] == "", why


def test_a_country_of_posting_is_not_the_members_own() -> None:
    run = run_pass("sides", HEADER + "    • Ambassador Able, Ambassador to France\n\n" + AMERICAN + "Able said yes.\n")
    assert run.document.affiliated_sides == ["", "U.S. Side"]


def test_a_name_the_text_gives_is_kept() -> None:
    run = run_pass("sides", HEADER + "    • Soviet Delegation\n" + SOVIET + AMERICAN + "Able said yes.\n")
    assert run.document.sides[0] == "Soviet Delegation" and run.document.affiliated_sides == ["", "U.S. Side"]


def test_the_name_is_in_the_header_and_the_edition_not_in_the_texts_own_list() -> None:
    from lxml import etree

    from tei.render import render

    result = convert(HEADER + SOVIET + AMERICAN + "Able said yes.\n", validate=True)
    assert result.valid, result.validation
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    tree = etree.fromstring(result.xml)
    assert tree.xpath("//t:particDesc//t:listPerson[@type='group']/t:head/text()", namespaces=ns) == [
        "Soviet Side", "U.S. Side"]
    assert tree.xpath("//t:body//t:list[@type='group']/t:head", namespaces=ns) == []
    html = render(tree, "html").decode()
    assert "Soviet Side" in html and "U.S. Side" in html and "Side 1" not in html
