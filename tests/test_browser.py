"""The HTML page in a real browser: headless Chromium, driven over the DevTools protocol.

No test dependency: Chromium is started with ``--remote-debugging-pipe`` and spoken to over
two pipes (file descriptors 3 and 4, NUL-separated JSON), with the standard library only.
Clicks are real mouse events at the link's position, not ``element.click()``.

Checks: a footnote reference, clicked, lands on its note (in view, ``:target``), and the
note's back link lands on the reference; every ``#page-N`` anchor exists and scrolls into
view; on a phone-width screen nothing overflows sideways. Screenshots go to ``out/browser/``.
Skipped, with the reason, only when no Chromium is installed (CI installs Debian's).
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from tei import convert_file
from tei.render import render

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "out" / "browser"
TEI_NS = "http://www.tei-c.org/ns/1.0"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--mute-audio"]
DESKTOP = {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}
PHONE = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}
TIMEOUT = 15.0


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


class DevTools:
    """A minimal DevTools-protocol client over ``--remote-debugging-pipe``: one page, one session."""

    def __init__(self, executable: str) -> None:
        self.profile = tempfile.mkdtemp(prefix="tei-chromium-")
        to_chrome_r, to_chrome_w = os.pipe()
        from_chrome_r, from_chrome_w = os.pipe()

        def fds_3_and_4() -> None:
            # Move both ends out of the way first: a pipe may already sit on 3 or 4.
            read_end = fcntl.fcntl(to_chrome_r, fcntl.F_DUPFD, 10)
            write_end = fcntl.fcntl(from_chrome_w, fcntl.F_DUPFD, 10)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self.process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={self.profile}", "--remote-debugging-pipe", "about:blank"],
            # The tests run in one thread, so preexec_fn is safe here.
            preexec_fn=fds_3_and_4, close_fds=False,  # noqa: PLW1509 stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.write_fd, self.read_fd = to_chrome_w, from_chrome_r
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict[str, Any]] = []
        self.session: str | None = None

    # -- protocol --

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([self.read_fd], [], [], remaining)[0]:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self.read_fd, 1 << 16)
            if not chunk:
                raise ConnectionError("Chromium closed the DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)  # type: ignore[no-any-return]

    def send(self, method: str, params: dict[str, Any] | None = None, *, browser: bool = False) -> dict[str, Any]:
        """Send one command; wait for its answer (events meanwhile are kept)."""
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if self.session and not browser:
            message["sessionId"] = self.session
        os.write(self.write_fd, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT
        while True:
            answer = self._receive(deadline)
            if answer.get("id") == self.next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                return answer.get("result", {})  # type: ignore[no-any-return]
            self.events.append(answer)

    def wait_for(self, event: str) -> dict[str, Any]:
        deadline = time.monotonic() + TIMEOUT
        while True:
            for index, seen in enumerate(self.events):
                if seen.get("method") == event:
                    return self.events.pop(index)
            self.events.append(self._receive(deadline))

    # -- page --

    def open_page(self) -> None:
        target = self.send("Target.createTarget", {"url": "about:blank"}, browser=True)["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True},
                                 browser=True)["sessionId"]
        self.send("Page.enable")

    def viewport(self, metrics: dict[str, Any]) -> None:
        self.send("Emulation.setDeviceMetricsOverride", metrics)

    def navigate(self, url: str) -> None:
        self.events.clear()
        self.send("Page.navigate", {"url": url})
        self.wait_for("Page.loadEventFired")

    def evaluate(self, expression: str) -> Any:
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True,
                                                "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"script failed: {result['exceptionDetails']}")
        return result["result"].get("value")

    def settle(self) -> None:
        """Wait two frames: a fragment navigation scrolls and restyles before the next one."""
        self.evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")

    def click(self, selector: str) -> None:
        """Scroll the element into view and click its centre with the mouse."""
        box = self.evaluate(f"""(() => {{
            const e = document.querySelector({json.dumps(selector)});
            e.scrollIntoView({{block: 'center'}});
            const r = e.getClientRects()[0];
            return {{x: r.left + r.width / 2, y: r.top + r.height / 2}};
        }})()""")
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent", {"type": kind, "x": box["x"], "y": box["y"],
                                                   "button": "left", "clickCount": 1})
        self.settle()

    def target(self) -> dict[str, Any]:
        """The element the URL fragment points at, and whether it is in the viewport."""
        return self.evaluate("""(() => {
            const t = document.querySelector(':target');
            if (!t) return {hash: location.hash, id: null, visible: false};
            const r = t.getBoundingClientRect();
            return {hash: location.hash, id: t.id, visible: r.bottom > 0 && r.top < innerHeight};
        })()""")

    def screenshot(self, path: Path) -> None:
        metrics = self.send("Page.getLayoutMetrics")["cssContentSize"]
        shot = self.send("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": metrics["width"], "height": metrics["height"], "scale": 1}})
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(shot["data"]))

    def close(self) -> None:
        try:
            self.send("Browser.close", browser=True)
        except (OSError, RuntimeError, TimeoutError, ConnectionError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        os.close(self.write_fd)
        os.close(self.read_fd)
        shutil.rmtree(self.profile, ignore_errors=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[DevTools]:
    executable = _chromium()
    if executable is None:
        reason = "Chromium is not installed (Debian: apt-get install chromium); the browser tests need it"
        print(f"SKIPPED: {reason}")
        pytest.skip(reason)
    client = DevTools(executable)
    try:
        client.open_page()
        yield client
    finally:
        client.close()


PAGES = {
    "memo": lambda: etree.parse(str(ROOT / "tests" / "render" / "memo.tei.xml")),
    "frus1981-88v05-d256": lambda: etree.ElementTree(convert_file(ROOT / "seeds" / "frus1981-88v05-d256.txt").tree),
    "frus1981-88v05_d257-oh": lambda: etree.parse(str(ROOT / "tests" / "samples" / "frus1981-88v05_d257.xml")),
}


@pytest.fixture(scope="module", params=sorted(PAGES))
def page(request: pytest.FixtureRequest) -> tuple[str, etree._ElementTree, Path]:
    """(name, TEI tree, HTML file under out/browser/)."""
    name = request.param
    tree = PAGES[name]()
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.html"
    path.write_bytes(render(tree, "html"))
    return name, tree, path


def test_footnote_reference_leads_to_the_note_and_back(browser: DevTools, page: tuple[str, Any, Path]) -> None:
    name, _, path = page
    browser.viewport(DESKTOP)
    browser.navigate(path.as_uri())
    refs = browser.evaluate("[...document.querySelectorAll('a[role=doc-noteref]')].map(a => [a.id, a.hash])")
    assert refs, f"{name}: no footnote references on the page"
    for ref_id, note_hash in refs:
        browser.click(f"#{ref_id}")
        landed = browser.target()
        assert landed["hash"] == note_hash and landed["id"] == note_hash[1:], landed
        assert landed["visible"], f"{name}: note {note_hash} is not in view after the click"
        browser.click(f"{note_hash} a.backref")
        back = browser.target()
        assert back["id"] == ref_id and back["visible"], back


def test_every_page_anchor_exists_and_scrolls_into_view(browser: DevTools, page: tuple[str, Any, Path]) -> None:
    name, tree, path = page
    browser.viewport(DESKTOP)
    browser.navigate(path.as_uri())
    numbers = [pb.get("n") for pb in tree.iter(f"{{{TEI_NS}}}pb")]
    assert numbers, f"{name}: the TEI has no page breaks"
    for n in numbers:
        # Following a link within the page: the fragment changes, the document stays.
        browser.evaluate(f"location.hash = {json.dumps('page-' + str(n))}")
        browser.settle()
        landed = browser.target()
        assert landed["id"] == f"page-{n}" and landed["visible"], landed
    # Opening a citation from outside: a fresh load of the page at a page anchor.
    browser.navigate("about:blank")
    browser.navigate(f"{path.as_uri()}#page-{numbers[-1]}")
    browser.settle()
    landed = browser.target()
    assert landed["id"] == f"page-{numbers[-1]}" and landed["visible"], landed
    # Every link to a page from the title block's list lands on an anchor.
    dangling = browser.evaluate("""[...document.querySelectorAll('a[href^="#page-"]')]
        .map(a => a.hash.slice(1)).filter(id => !document.getElementById(id))""")
    assert dangling == []


def test_page_labels_sit_in_the_margin_on_desktop_and_inline_on_a_phone(
        browser: DevTools, page: tuple[str, Any, Path]) -> None:
    name, _, path = page
    probe = """(() => {
        const text = document.querySelector('.text').getBoundingClientRect();
        const label = document.querySelector('.text .pb-label').getBoundingClientRect();
        return {labelRight: label.right, labelLeft: label.left, textLeft: text.left,
                overflow: document.documentElement.scrollWidth - innerWidth};
    })()"""
    browser.viewport(DESKTOP)
    browser.navigate(path.as_uri())
    desktop = browser.evaluate(probe)
    assert desktop["labelRight"] <= desktop["textLeft"] and desktop["labelLeft"] >= 0, desktop
    browser.screenshot(OUT / f"{name}-desktop.png")
    browser.viewport(PHONE)
    browser.navigate(path.as_uri())
    phone = browser.evaluate(probe)
    assert phone["labelLeft"] >= phone["textLeft"], phone
    assert phone["overflow"] <= 0, f"{name}: the page is wider than a phone screen by {phone['overflow']}px"
    browser.screenshot(OUT / f"{name}-phone.png")
    assert (OUT / f"{name}-phone.png").stat().st_size > 10_000


# ---------------------------------------------------------------- the edition site (tei batch)

SITE = OUT / "site"


@pytest.fixture(scope="module")
def site() -> Path:
    """The bundled memorandum and the samples, as ``tei batch`` makes them into a site."""
    from tei.apps.batch import plan_batch, run_batch

    source = OUT / "site-input"
    shutil.rmtree(source, ignore_errors=True)
    (source / "samples").mkdir(parents=True)
    for path in (ROOT / "seeds").glob("*.txt"):
        shutil.copy(path, source / path.name)
    for path in (ROOT / "tests" / "samples").glob("*.txt"):
        shutil.copy(path, source / "samples" / path.name)
    shutil.rmtree(SITE, ignore_errors=True)
    summary = run_batch(plan_batch(source, SITE), jobs=1)
    assert summary.failed == 0
    return SITE


def type_and_enter(browser: DevTools, selector: str, text: str) -> None:
    """Focus a field, type into it and press Enter, as a reader would (the form may lead to
    another page: wait for it with ``browser.wait_for("Page.loadEventFired")``)."""
    browser.evaluate(f"document.querySelector({json.dumps(selector)}).focus()")
    browser.send("Input.insertText", {"text": text})
    browser.events.clear()
    for kind in ("keyDown", "keyUp"):
        browser.send("Input.dispatchKeyEvent", {"type": kind, "key": "Enter", "code": "Enter",
                                                "windowsVirtualKeyCode": 13, "text": "\r" if kind == "keyDown" else ""})


def screenshot_view(browser: DevTools, path: Path) -> None:
    """What the reader sees: the viewport only (a landing point, not the whole page)."""
    shot = browser.send("Page.captureScreenshot", {"format": "png"})
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64decode(shot["data"]))


def wait_until(browser: DevTools, expression: str) -> Any:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        value = browser.evaluate(expression)
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"never true: {expression}")


def click_and_load(browser: DevTools, selector: str, settle: bool = True) -> None:
    """Click a link to another page with the mouse and wait for that page (and two frames,
    unless scripts are off: then no frame callback runs)."""
    box = browser.evaluate(f"""(() => {{
        const e = document.querySelector({json.dumps(selector)});
        e.scrollIntoView({{block: 'center'}});
        const r = e.getClientRects()[0];
        return {{x: r.left + r.width / 2, y: r.top + r.height / 2}};
    }})()""")
    browser.events.clear()
    for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
        browser.send("Input.dispatchMouseEvent", {"type": kind, "x": box["x"], "y": box["y"], "button": "left",
                                                  "clickCount": 1})
    browser.wait_for("Page.loadEventFired")
    if settle:
        browser.settle()


def body_only_word(site: Path) -> tuple[str, str]:
    """A word of one document's paragraphs that is in no other document and not on the home page
    → (word, the document's page)."""
    import re

    data = (site / "_site" / "search-data.js").read_text(encoding="utf-8")
    documents = json.loads(data[data.index("["):data.rindex("]") + 1])
    home = (site / "index.html").read_text(encoding="utf-8").lower()
    words: dict[str, set[str]] = {}
    for href, _title, _date, paragraphs in documents:
        for _anchor, _page, text in paragraphs:
            for word in re.findall(r"[a-z]{9,}", text.lower()):
                words.setdefault(word, set()).add(href)
    word = next(w for w, found in sorted(words.items()) if len(found) == 1 and w not in home)
    return word, next(iter(words[word]))


def test_site_search_finds_a_document_by_a_word_of_its_body(browser: DevTools, site: Path) -> None:
    word, page = body_only_word(site)
    browser.viewport(DESKTOP)
    browser.navigate((site / "index.html").as_uri())
    type_and_enter(browser, "#q", word)  # the home page's search form leads to the search page
    browser.wait_for("Page.loadEventFired")
    wait_until(browser, "document.querySelectorAll('#results li').length > 0")
    results = browser.evaluate("[...document.querySelectorAll('#results li a')].map(a => a.getAttribute('href'))")
    assert results and all(href.startswith(page + "#p-") for href in results), results
    browser.screenshot(OUT / "site-search.png")
    click_and_load(browser, "#results li a")
    landed = browser.target()
    assert landed["id"].startswith("p-") and landed["visible"], landed
    assert word in browser.evaluate("document.querySelector(':target').textContent.toLowerCase()")
    screenshot_view(browser, OUT / "site-search-result.png")


def search_results(browser: DevTools, site: Path, query: str) -> list[dict[str, Any]]:
    """Open the search page for ``query`` → its results: link and marked words, best first."""
    browser.navigate((site / "search.html").as_uri() + "?q=" + query)
    wait_until(browser, "document.getElementById('search-status').textContent !== ''")
    return list(browser.evaluate("""[...document.querySelectorAll('#results li')].map(li => ({
        href: li.querySelector('a').getAttribute('href'),
        marked: [...li.querySelectorAll('mark')].map(m => m.textContent.toLowerCase())}))"""))


def test_site_search_finds_a_word_by_its_beginning_and_despite_a_typo(browser: DevTools, site: Path) -> None:
    word, page = body_only_word(site)
    browser.viewport(DESKTOP)
    beginning = search_results(browser, site, word[:6])
    assert any(hit["href"].startswith(page + "#p-") and word in hit["marked"] for hit in beginning), beginning
    middle = len(word) // 2
    typo = word[:middle] + ("x" if word[middle] != "x" else "y") + word[middle + 1:]
    misspelt = search_results(browser, site, typo)
    assert misspelt and misspelt[0]["href"].startswith(page + "#p-"), misspelt
    assert word in misspelt[0]["marked"], misspelt[0]
    browser.screenshot(OUT / "site-search-typo.png")
    assert search_results(browser, site, word[:middle] + "qqq") == []


def test_site_person_page_links_to_a_mention(browser: DevTools, site: Path) -> None:
    browser.viewport(DESKTOP)
    browser.navigate((site / "persons.html").as_uri())
    browser.screenshot(OUT / "site-persons.png")
    # The person in most documents.
    person = browser.evaluate("""(() => {
        const rows = [...document.querySelectorAll('table.persons tbody tr')];
        rows.sort((a, b) => b.cells[2].textContent - a.cells[2].textContent);
        return rows[0].querySelector('a').getAttribute('href');
    })()""")
    click_and_load(browser, f"a[href='{person}']")
    surname = browser.evaluate("document.querySelector('h1').textContent.trim().split(' ').pop()")
    assert browser.evaluate("document.querySelectorAll('td.mentions a').length") > 0
    browser.screenshot(OUT / "site-person.png")
    click_and_load(browser, "td.mentions a")
    landed = browser.target()
    assert landed["id"].startswith("m-") and landed["visible"], landed
    assert surname in browser.evaluate("document.querySelector(':target').textContent")
    screenshot_view(browser, OUT / "site-mention.png")


def test_site_home_sorts_by_date_and_filters(browser: DevTools, site: Path) -> None:
    browser.viewport(DESKTOP)
    browser.navigate((site / "index.html").as_uri())
    browser.screenshot(OUT / "site-home.png")
    click_and_load(browser, "#sort-date")
    dates = browser.evaluate("[...document.querySelectorAll('table.documents tbody tr')]"
                             ".map(r => (r.querySelector('time') || {}).dateTime || '')")
    known = [d for d in dates if d]
    assert known == sorted(known) and dates[:len(known)] == known, dates  # undated documents last
    # Filters (script): a person's documents only.
    person = browser.evaluate("document.querySelector('#filter-person option:nth-child(2)').value")
    browser.evaluate(f"""(() => {{ const s = document.querySelector('#filter-person');
        s.value = {json.dumps(person)}; s.dispatchEvent(new Event('change')); }})()""")
    shown = browser.evaluate("[...document.querySelectorAll('table.documents tbody tr')]"
                             ".filter(r => !r.hidden).map(r => r.dataset.persons)")
    assert shown and all(f" {person} " in persons for persons in shown)
    browser.viewport(PHONE)
    browser.navigate((site / "index.html").as_uri())
    browser.screenshot(OUT / "site-home-phone.png")


def test_site_cite_this_page_leads_to_the_page_break(browser: DevTools, site: Path) -> None:
    browser.viewport(DESKTOP)
    page = site / "frus1981-88v05-d256.html"
    browser.navigate(page.as_uri())
    links = browser.evaluate("[...document.querySelectorAll('a.cite-page')].map(a => a.hash)")
    assert len(links) >= 2
    browser.click(f"a.cite-page[href='{links[1]}']")
    landed = browser.target()
    assert landed["hash"] == links[1] and landed["id"] == links[1][1:] and landed["visible"], landed
    assert "pb" in browser.evaluate("document.querySelector(':target').className")
    screenshot_view(browser, OUT / "site-cite.png")
    # The previous and next documents are linked; keyboard: the first Tab reaches the skip link.
    assert browser.evaluate("!!document.querySelector('a[rel=next]')")
    browser.navigate(page.as_uri())
    browser.send("Input.dispatchKeyEvent", {"type": "keyDown", "key": "Tab", "code": "Tab",
                                            "windowsVirtualKeyCode": 9})
    browser.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": "Tab", "code": "Tab", "windowsVirtualKeyCode": 9})
    assert browser.evaluate("document.activeElement.className") == "skip"


def test_site_pages_work_without_script(browser: DevTools, site: Path) -> None:
    browser.send("Emulation.setScriptExecutionDisabled", {"value": True})
    try:
        browser.viewport(DESKTOP)
        browser.navigate((site / "index.html").as_uri())
        assert browser.evaluate("document.querySelectorAll('table.documents tbody tr').length") == 4
        click_and_load(browser, "table.documents tbody tr a", settle=False)
        assert browser.evaluate("!!document.querySelector('.cite-box')")
    finally:
        browser.send("Emulation.setScriptExecutionDisabled", {"value": False})
