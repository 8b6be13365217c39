// The edition site's small behaviours; every page works without them.
// Home: filter the documents by person and by year. Document pages: a "cite" link copies
// the page's full address (with its #page-N anchor) and still follows the link.
(function () {
  "use strict";
  var filters = document.querySelector(".filters");
  if (filters) {
    var person = document.getElementById("filter-person");
    var year = document.getElementById("filter-year");
    var count = document.getElementById("filter-count");
    var rows = Array.prototype.slice.call(document.querySelectorAll("table.documents tbody tr"));
    var apply = function () {
      var shown = 0;
      rows.forEach(function (row) {
        var ok = (!person.value || row.getAttribute("data-persons").indexOf(" " + person.value + " ") >= 0) &&
                 (!year.value || row.getAttribute("data-year") === year.value);
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      count.textContent = shown + " of " + rows.length + " documents";
    };
    person.addEventListener("change", apply);
    year.addEventListener("change", apply);
    filters.hidden = false;
  }
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-cite]") : null;
    if (!link || !navigator.clipboard) { return; }
    var address = location.href.split("#")[0] + link.getAttribute("href");
    navigator.clipboard.writeText(address).then(function () {
      link.classList.add("copied");
      setTimeout(function () { link.classList.remove("copied"); }, 2000);
    }, function () {});
  });
  var url = document.querySelector("[data-cite-url]");
  if (url) { url.textContent = location.href.split("#")[0]; }
})();
