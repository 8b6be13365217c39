// The edition's search: every paragraph of every document (written at batch time into
// _site/search-data.js, loaded as a script so that it works from the file system too).
// A paragraph matches when it holds every word of the query (case and accents ignored);
// results link to the paragraph, best (most occurrences) first, at most 100.
(function () {
  "use strict";
  var data = window.TEI_SEARCH || [];
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("results");
  var fold = function (text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  };
  var escape = function (text) {
    return text.replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;"}[c]; });
  };
  // About 240 characters around the first word found, the words marked.
  var snippet = function (text, words) {
    var folded = fold(text);
    var at = Math.max(0, folded.indexOf(words[0]) - 80);
    var end = Math.min(text.length, at + 240);
    var html = "", last = at;
    var pattern = new RegExp(words.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); })
      .join("|"), "g");
    var found;
    // Folding keeps the length of these texts' letters in all but rare cases; marks follow it.
    var part = folded.slice(at, end);
    while ((found = pattern.exec(part)) !== null) {
      html += escape(text.slice(last, at + found.index)) + "<mark>" +
        escape(text.slice(at + found.index, at + found.index + found[0].length)) + "</mark>";
      last = at + found.index + found[0].length;
    }
    html += escape(text.slice(last, end));
    return (at > 0 ? "… " : "") + html + (end < text.length ? " …" : "");
  };
  var search = function (query) {
    var words = fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    list.textContent = "";
    if (!words.length) { status.textContent = ""; return; }
    var found = [];
    data.forEach(function (doc) {
      doc[3].forEach(function (para) {
        var text = fold(para[2]);
        var score = 0;
        for (var i = 0; i < words.length; i += 1) {
          var hits = text.split(words[i]).length - 1;
          if (!hits) { return; }
          score += hits;
        }
        found.push({doc: doc, para: para, score: score});
      });
    });
    found.sort(function (a, b) { return b.score - a.score; });
    status.textContent = found.length + (found.length === 1 ? " paragraph" : " paragraphs") + " found";
    found.slice(0, 100).forEach(function (hit) {
      var item = document.createElement("li");
      var where = [hit.doc[2], hit.para[1] ? "p. " + hit.para[1] : ""].filter(Boolean).join(", ");
      item.innerHTML = "<a href=\"" + escape(hit.doc[0]) + "#" + hit.para[0] + "\">" + escape(hit.doc[1]) + "</a>" +
        (where ? " <span class=\"where\">" + escape(where) + "</span>" : "") + "<br>" + snippet(hit.para[2], words);
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
