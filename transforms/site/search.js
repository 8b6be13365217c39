// The edition's search, with MiniSearch (_site/minisearch.js, vendored): every paragraph of every
// document, written at batch time into _site/search-data.js and loaded as a plain script so that
// the page works from the file system too (no fetch, no modules). The index is built here, on load.
// A paragraph matches when it holds every word of the query (case and accents ignored), or a word
// that begins with it (three letters or more), or one a letter or two away from it (a typo; one
// for words of four to seven letters, two for longer ones). Exact words rank first; results link
// to the paragraph, at most 100.
(function () {
  "use strict";
  var data = window.TEI_SEARCH || [];
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("results");
  // MiniSearch's own word boundaries (spaces, punctuation), so the marks fall on its terms.
  var WORD = /[^\n\r\p{Z}\p{P}]+/gu;
  var fold = function (text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  };
  var escape = function (text) {
    return text.replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;"}[c]; });
  };
  // Paragraph i of the index is paragraphs[i]: [document, [anchor, page, text]].
  var paragraphs = [];
  data.forEach(function (doc) {
    doc[3].forEach(function (para) { paragraphs.push([doc, para]); });
  });
  // The documents indexed are the paragraphs' numbers: the text stays in `paragraphs` only.
  var index = new MiniSearch({
    fields: ["text"],
    extractField: function (i, field) { return field === "id" ? i : paragraphs[i][1][2]; },
    processTerm: function (term) { return fold(term) || null; },
    searchOptions: {
      combineWith: "AND",
      prefix: function (term) { return term.length >= 3; },
      fuzzy: function (term) { return term.length < 4 ? false : (term.length < 8 ? 1 : 2); }
    }
  });
  index.addAll(paragraphs.map(function (_, i) { return i; }));
  // About 240 characters around the first word found, the words found marked.
  var snippet = function (text, terms) {
    var found = {}, words = [], match;
    terms.forEach(function (term) { found[term] = true; });
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text)) !== null) {
      words.push({at: match.index, end: match.index + match[0].length, hit: found[fold(match[0])] === true});
    }
    var first = words.filter(function (w) { return w.hit; })[0];
    var at = first ? Math.max(0, first.at - 80) : 0;
    if (at > 0) { at = text.indexOf(" ", at) + 1 || first.at; }
    var end = Math.min(text.length, at + 240);
    if (end < text.length) { end = Math.max(text.lastIndexOf(" ", end), first ? first.end : at); }
    var html = "", last = at;
    words.forEach(function (w) {
      if (!w.hit || w.at < at || w.end > end) { return; }
      html += escape(text.slice(last, w.at)) + "<mark>" + escape(text.slice(w.at, w.end)) + "</mark>";
      last = w.end;
    });
    html += escape(text.slice(last, end));
    return (at > 0 ? "… " : "") + html + (end < text.length ? " …" : "");
  };
  var search = function (query) {
    list.textContent = "";
    if (!query.trim()) { status.textContent = ""; return; }
    var found = index.search(query);
    status.textContent = found.length + (found.length === 1 ? " paragraph" : " paragraphs") + " found";
    found.slice(0, 100).forEach(function (hit) {
      var doc = paragraphs[hit.id][0], para = paragraphs[hit.id][1];
      var item = document.createElement("li");
      var where = [doc[2], para[1] ? "p. " + para[1] : ""].filter(Boolean).join(", ");
      item.innerHTML = "<a href=\"" + escape(doc[0]) + "#" + para[0] + "\">" + escape(doc[1]) + "</a>" +
        (where ? " <span class=\"where\">" + escape(where) + "</span>" : "") + "<br>" + snippet(para[2], hit.terms);
      list.appendChild(item);
    });
  };
  var query = new URLSearchParams(location.search).get("q") || "";
  input.value = query;
  search(query);
  document.getElementById("search-form").addEventListener("submit", function (event) {
    event.preventDefault();
    history.replaceState(null, "", "?q=" + encodeURIComponent(input.value));
    search(input.value);
  });
})();
