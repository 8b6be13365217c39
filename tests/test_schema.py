"""schemas/: memo.xsd is a strict subset of TEI (tei_all.rng), and memo.odd documents exactly it.

tei_all.rng compiles once per session (the ``tei_all`` fixture in conftest.py).
"""

from __future__ import annotations

import copy
import importlib.util
import os
import random
import re
import shutil
from pathlib import Path

import pytest
import xmlschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree
from teimutate import SEEDS, mutate, xsd_accepts

from tei.errors import UnsafeXmlError
from tei.validate import (
    TEI_NS,
    format_diagnostic,
    libxml2_schema,
    validate_bytes,
    validate_tree,
    xmlschema_schema,
)
from tei.xmlsafe import parse

ROOT = Path(__file__).resolve().parent.parent
XSD = ROOT / "schemas" / "memo.xsd"
ODD = ROOT / "schemas" / "memo.odd"
VALID = sorted((ROOT / "tests" / "valid").glob("*.xml"))
GOLDEN = sorted((ROOT / "tests" / "golden").glob("*/expected.tei.xml"))
TEXTS = [ROOT / "seeds" / "frus1981-88v05-d256.txt", *sorted((ROOT / "tests" / "samples").glob("*.txt"))]
NS = {"tei": TEI_NS}


def odd() -> etree._ElementTree:
    return parse(ODD)


def xsd() -> xmlschema.XMLSchema10:
    return xmlschema_schema(XSD.resolve())


def xsd_elements() -> set[str]:
    return {name.rpartition("}")[2].rpartition(":")[2] for name in xsd().elements}


def odd_elements() -> set[str]:
    """The element set a TEI ODD processor would build: moduleRef includes, plus added, minus deleted specs."""
    tree = odd()
    names = {name for ref in tree.iterfind(".//tei:schemaSpec/tei:moduleRef", NS)
             for name in (ref.get("include") or "").split()}
    for spec in tree.iterfind(".//tei:schemaSpec/tei:elementSpec", NS):
        if spec.get("mode") == "add":
            names.add(spec.get("ident", ""))
        elif spec.get("mode") == "delete":
            names.discard(spec.get("ident", ""))
    return names


# ---------------------------------------------------------------------------- the schema files


def test_xsd_compiles_with_both_engines() -> None:
    assert libxml2_schema(XSD.resolve()) is not None
    assert len(xsd().elements) == len(xsd_elements())
    assert xsd().target_namespace == TEI_NS


def test_xsd_never_reaches_for_the_network() -> None:
    """Every import or include of memo.xsd is a local file beside it."""
    locations = [e.get("schemaLocation") for e in parse(XSD).iter("{http://www.w3.org/2001/XMLSchema}import",
                                                                  "{http://www.w3.org/2001/XMLSchema}include")]
    assert locations == ["xml.xsd"]
    assert (XSD.parent / "xml.xsd").is_file()


def test_odd_and_xsd_declare_the_same_elements() -> None:
    ours, theirs = xsd_elements(), odd_elements()
    assert ours == theirs, f"only in the XSD: {sorted(ours - theirs)}; only in the ODD: {sorted(theirs - ours)}"


def test_odd_says_why_each_element_is_used() -> None:
    described = {gi.text for gi in odd().iterfind(".//tei:list[@type='gloss']/tei:label/tei:gi", NS)}
    assert described == odd_elements()
    for item in odd().iterfind(".//tei:list[@type='gloss']/tei:item", NS):
        assert "".join(item.itertext()).strip(), "an element without its reason"


def _closed_values(simple_type: object) -> set[str] | None:
    """An XSD simple type → its closed list of values (enumeration, list of one, or "a|b" pattern)."""
    current = simple_type
    while current is not None:
        if getattr(current, "enumeration", None):
            return set(current.enumeration)  # type: ignore[attr-defined]
        if getattr(current, "item_type", None) is not None:
            current = current.item_type  # type: ignore[attr-defined]
            continue
        patterns = getattr(current, "patterns", None)
        if patterns is not None and re.fullmatch(r"[\w-]+(\|[\w-]+)*", patterns.regexps[0]):
            return set(patterns.regexps[0].split("|"))
        current = getattr(current, "base_type", None)
    return None


def _odd_value_lists() -> dict[tuple[str, str], set[str]]:
    lists = {}
    for spec in odd().iterfind(".//tei:schemaSpec/tei:elementSpec", NS):
        for att in spec.iterfind(".//tei:attDef", NS):
            values = att.find("tei:valList[@type='closed']", NS)
            if values is not None:
                lists[(spec.get("ident", ""), att.get("ident", ""))] = {
                    v.get("ident", "") for v in values.iterfind("tei:valItem", NS)}
    return lists


def test_odd_and_xsd_agree_on_every_closed_value_list() -> None:
    lists = _odd_value_lists()
    assert ("div", "type") in lists and ("note", "place") in lists and ("listPerson", "type") in lists
    for (element, attribute), values in lists.items():
        declared = xsd().elements[element].attributes[attribute].type
        assert _closed_values(declared) == values, f"{element}/@{attribute}"
    # and every closed list of the XSD (except the global @rend) is in the ODD
    for name, element in xsd().elements.items():
        for attribute, declaration in element.attributes.items():
            closed = _closed_values(declaration.type)
            if closed and attribute != "rend":
                assert (name, attribute) in lists, f"{name}/@{attribute} is closed in the XSD only"


def test_odd_and_xsd_agree_on_rend() -> None:
    values = odd().find(".//tei:classSpec[@ident='att.global.rendition']//tei:valList", NS)
    assert values is not None
    assert {v.get("ident") for v in values} == _closed_values(xsd().elements["p"].attributes["rend"].type)


def test_odd_is_itself_tei(tei_all: etree.RelaxNG) -> None:
    assert tei_all.validate(odd()), str(tei_all.error_log)


# ---------------------------------------------------------------------------- subset of TEI


@pytest.mark.parametrize("path", VALID, ids=[p.stem for p in VALID])
def test_hand_made_edge_case_is_valid_against_xsd_and_tei_all(path: Path, tei_all: etree.RelaxNG) -> None:
    tree = parse(path)
    assert libxml2_schema(XSD.resolve()).validate(tree)
    assert xsd().is_valid(tree)
    assert tei_all.validate(tree), str(tei_all.error_log)


def test_every_element_of_the_xsd_is_exercised_by_a_valid_file() -> None:
    used = {etree.QName(e).localname for path in VALID for e in parse(path).iter() if isinstance(e.tag, str)}
    assert xsd_elements() - used == set()


def _converted() -> list[tuple[str, bytes]]:
    try:
        from tei import convert_bytes
    except ImportError as error:  # the converter is being written
        pytest.skip(f"the converter does not import: {error}")
    outputs = []
    for path in TEXTS:
        result = convert_bytes(path.read_bytes(), path.name)
        outputs.append((path.name, result.xml))
    return outputs


def test_converter_output_for_the_seed_and_the_samples_is_valid(tei_all: etree.RelaxNG) -> None:
    """The bundled memo's TEI and the samples' TEI, as tei convert writes them now."""
    outputs = _converted()
    assert len(outputs) == len(TEXTS) >= 4
    for name, xml in outputs:
        diagnostics = validate_bytes(xml, name, engine="xmlschema")
        assert diagnostics == [], "\n".join(map(format_diagnostic, diagnostics))
        assert tei_all.validate(parse(xml, name)), f"{name}: {tei_all.error_log}"


@pytest.mark.parametrize("path", GOLDEN, ids=[p.parent.name for p in GOLDEN])
def test_golden_tei_is_valid(path: Path, tei_all: etree.RelaxNG) -> None:
    diagnostics = validate_bytes(path.read_bytes(), str(path))
    assert diagnostics == [], "\n".join(map(format_diagnostic, diagnostics))
    assert tei_all.validate(parse(path)), str(tei_all.error_log)




@settings(max_examples=300, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(data=st.data())
def test_whatever_our_xsd_accepts_tei_all_accepts(tei_all: etree.RelaxNG, data: st.DataObject) -> None:
    """Random edits of valid documents: when memo.xsd still accepts the result, so must tei_all."""
    tree = copy.deepcopy(data.draw(st.sampled_from(SEEDS)))
    for _ in range(data.draw(st.integers(1, 3))):
        mutate(tree, data)
    if libxml2_schema(XSD.resolve()).validate(tree):
        assert tei_all.validate(tree), f"{tei_all.error_log}\n{etree.tostring(tree, encoding='unicode')[:3000]}"


# ---------------------------------------------------------------------------- the ODD's own schema


STYLESHEETS = next((path for path in (ROOT.parent / "shared" / "tei-stylesheets", Path("/work/shared/tei-stylesheets"))
                    if (path / "odds" / "odd2relax.xsl").is_file()), None)
VARIANTS = 300


def _needs(condition: bool, reason: str) -> None:
    """Skip when a tool is missing, except in CI, which installs them all (.ci/run)."""
    if not condition:
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} (CI installs it: see .ci/run)")
        pytest.skip(reason)


@pytest.fixture(scope="module")
def odd_rng(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """memo.odd compiled to RELAX NG by the TEI Stylesheets (saxonche), once for these tests."""
    _needs(shutil.which("jing") is not None, "jing is not installed (Debian: apt-get install jing)")
    _needs(importlib.util.find_spec("saxonche") is not None, "saxonche is not installed (pip install '.[test]')")
    _needs(STYLESHEETS is not None, "the TEI Stylesheets (shared/tei-stylesheets) are not beside the checkout")
    from tei.validate.odd import compile_odd

    os.environ["TEI_STYLESHEETS"] = str(STYLESHEETS)
    return compile_odd(ODD, tmp_path_factory.mktemp("odd") / "memo.rng")


def _jing_errors(rng: Path, trees: list[etree._ElementTree], folder: Path) -> list[list[str]]:
    """Each tree against the RELAX NG, all in one run of jing → jing's messages for each (empty: valid)."""
    from tei.validate.jing import run_jing

    files = []
    for number, tree in enumerate(trees):
        files.append(folder / f"{number:05d}.xml")
        files[-1].write_bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8"))
    errors: dict[str, list[str]] = {}
    for line in run_jing(rng, files).stdout.splitlines():
        match = re.match(r"(.*?):\d+:\d+: (?:error|fatal): (.*)", line)
        if match:
            errors.setdefault(match.group(1), []).append(match.group(2))
    return [errors.get(str(path), []) for path in files]


def _what_to_change(tree: etree._ElementTree, jing: list[str]) -> str:
    """A disagreement → what to add to or change in memo.odd so that it says what memo.xsd says."""
    if jing:
        return (f"memo.xsd accepts it, memo.odd refuses it: {jing[0]} — add to memo.odd what memo.xsd allows "
                "(the element to a moduleRef include, an attribute as attDef mode='add', a value to its valList)")
    [problem, *_] = [d.message for d in validate_tree(tree, engine="xmlschema") if d.rule == "schema"]
    where, _, reason = problem.partition(": ")
    element = re.sub(r"\[\d+\]$", "", where.rsplit("/", 1)[-1])
    attribute = re.match(r"'([^']+)' attribute not allowed", reason) or re.match(r"attribute ([\w:]+)=", reason)
    if attribute:
        change = (f"in memo.odd, <elementSpec ident=\"{element}\" mode=\"change\"> give @{attribute.group(1)} "
                  "what memo.xsd gives it (attDef mode='delete' if memo.xsd has none)")
    else:
        change = (f"in memo.odd, give <{element}> memo.xsd's content model "
                  f"(<elementSpec ident=\"{element}\" mode=\"change\"><content>…)")
    return f"memo.xsd refuses it ({problem}), memo.odd accepts it: {change}"


def _disagreements(rng: Path, trees: list[etree._ElementTree], names: list[str], folder: Path) -> list[str]:
    fast = libxml2_schema(XSD.resolve())
    return [f"{name}: {_what_to_change(tree, jing)}"
            for name, tree, jing in zip(names, trees, _jing_errors(rng, trees, folder), strict=True)
            if xsd_accepts(fast, tree) == bool(jing)]


def test_odd_accepts_exactly_what_memo_xsd_accepts_on_every_fixture(odd_rng: Path, tmp_path: Path) -> None:
    paths = [*VALID, *GOLDEN, *sorted((ROOT / "tests" / "invalid").glob("*.xml"))]
    trees, names = [], []
    for path in paths:
        try:
            trees.append(parse(path, collect_ids=False))
        except UnsafeXmlError:
            continue  # not XML, or refused before any schema
        names.append(path.relative_to(ROOT).as_posix())
    assert len(trees) >= 30
    assert _disagreements(odd_rng, trees, names, tmp_path) == []


def test_odd_accepts_exactly_what_memo_xsd_accepts_on_generated_variants(odd_rng: Path, tmp_path: Path) -> None:
    draws = random.Random(20261204)  # the same variants in every run
    trees: list[etree._ElementTree] = []
    for _ in range(VARIANTS):
        tree = copy.deepcopy(draws.choice(SEEDS))
        for _ in range(draws.randint(1, 3)):
            mutate(tree, draws)
        trees.append(tree)
    names = [f"variant {number}" for number in range(len(trees))]
    problems = _disagreements(odd_rng, trees, names, tmp_path)
    assert problems == [], "\n".join(problems)


def test_odd_describes_every_rule_of_the_validator() -> None:
    """Each rule tei validate runs after the grammar is named in memo.odd, and nothing else is."""
    from tei.validate.rules import CHECKS

    text = "".join(odd().getroot().itertext())
    described = {str(ident.text) for ident in odd().xpath("//tei:div[@xml:id='rules']//tei:label/tei:ident",
                                                          namespaces=NS)}
    assert described == {name for name, _ in CHECKS.items()}
    assert "tei/validate/rules.py" in text
