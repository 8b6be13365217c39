"""The teiHeader: file description, encoding description, participants and setting, revisions."""

from __future__ import annotations

from lxml import etree

from tei import __version__
from tei.encode.common import (
    CORRESP_ACTIONS,
    conversion_date,
    field_dateline,
    field_value,
    header_side,
    page_range,
    sub,
)
from tei.model import Document, Person
from tei.namespaces import xml


def encode_header(root: etree._Element, document: Document) -> None:
    """Add the teiHeader to ``root``."""
    header = sub(root, "teiHeader")
    encode_file_desc(header, document)
    encoding_desc = sub(header, "encodingDesc")
    sub(sub(encoding_desc, "editorialDecl"), "quotation", marks="all")
    application = sub(sub(encoding_desc, "appInfo"), "application", ident="tei", version=__version__,
                      when=conversion_date().isoformat())
    sub(application, "label", "tei: plain-text memoranda of conversation to TEI")
    encode_profile_desc(header, document)
    revision = sub(header, "revisionDesc")
    sub(revision, "change", f"Converted from plain text by tei {__version__}.",
        when=conversion_date().isoformat())


def encode_file_desc(header: etree._Element, document: Document) -> None:
    setting_line = document.dateline or field_dateline(document)
    file_desc = sub(header, "fileDesc")
    title_stmt = sub(file_desc, "titleStmt")
    date_text = f", {setting_line.text}" if setting_line else ""
    sub(title_stmt, "title", f"{document.title}{date_text}")
    # Nothing is known of the file's publication; its text is the document's, which the
    # source description names (the source note, in the text, says where it is kept).
    sub(sub(file_desc, "publicationStmt"), "p",
        "Not published. The text is that of the document described below, and is available as that "
        "document is.")
    source_desc = sub(file_desc, "sourceDesc")
    bibl = sub(source_desc, "bibl")
    sub(bibl, "title", document.title)
    if document.number:
        sub(bibl, "idno", document.number, type="document")
    pages = page_range([page.n for page in document.page_breaks()])
    if pages:
        first, last = pages
        sub(bibl, "biblScope", f"{first}–{last}" if first != last else first, unit="page",
            **{"from": first, "to": last})
    # Persons the document names without their taking part: described with the source that
    # names them, since particDesc holds only those who took part.
    if document.mentioned:
        mentioned = sub(source_desc, "listPerson", type="mentioned")
        for person in document.mentioned:
            encode_person(mentioned, person, None)


def encode_profile_desc(header: etree._Element, document: Document) -> None:
    """Participants (by group), the address, and the setting; nothing when none is known."""
    setting_line = document.dateline or field_dateline(document)
    profile = sub(header, "profileDesc")
    if document.groups:
        participants = sub(sub(profile, "particDesc"), "listPerson", type="participants")
        for number, group in enumerate(document.groups, start=1):
            group_list = sub(participants, "listPerson", type="group", n=str(number))
            if header_side(document, number):
                sub(group_list, "head", header_side(document, number))
            for person in group:
                encode_person(group_list, person, "participant")
    address = [field for field in document.fields if field.kind in CORRESP_ACTIONS and field_value(field)]
    if address:
        # TO:, FROM:, THROUGH: lines say who sent the memorandum, and to whom: its correspondence.
        corresp = sub(profile, "correspDesc")
        for header_field in address:
            sub(sub(corresp, "correspAction", type=CORRESP_ACTIONS[header_field.kind]), "name",
                field_value(header_field))
    if setting_line and setting_line.when:
        setting = sub(sub(profile, "settingDesc"), "setting")
        if setting_line.place:
            sub(setting, "placeName", setting_line.place)
        sub(setting, "date", setting_line.text, when=setting_line.when)
    if not len(profile):
        header.remove(profile)


def encode_person(parent: etree._Element, person: Person, role: str | None) -> None:
    element = sub(parent, "person")
    element.set(xml("id"), person.id)
    if role:
        element.set("role", role)
    if person.corresp:
        element.set("corresp", person.corresp)
    pers_name = sub(element, "persName")
    parts: list[tuple[str, str]] = [("roleName", " ".join(person.role_names))] if person.role_names else []
    parts += [("forename", name) for name in person.forenames]
    if person.surname:
        parts.append(("surname", person.surname))
    if person.generation:
        parts.append(("genName", person.generation))
    for index, (name, value) in enumerate(parts):
        child = sub(pers_name, name, value)
        if index < len(parts) - 1:
            child.tail = " "
    for affiliation in person.affiliations:
        sub(element, "affiliation", affiliation)
    for occupation in person.occupations:
        sub(element, "occupation", occupation)
