/* Leafpress offline search. Progressive enhancement: without JavaScript the A–Z and
   category lists still lead to every leaflet. The index is loaded as a script
   (search-index.<lang>.js) so search also works when the site is opened from disk. */
(function () {
  "use strict";
  var index = window.LEAFPRESS_SEARCH;
  var box = document.querySelector("[data-search]");
  if (!index || !box) { return; }
  var input = box.querySelector("input");
  var status = box.querySelector("[role=status]");
  var list = box.querySelector("ul");
  var root = box.getAttribute("data-root") || "";

  function fold(text) {
    return (text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  var entries = index.map(function (entry) {
    return {
      entry: entry,
      title: fold(entry.t),
      rest: fold([entry.s, (entry.k || []).join(" "), (entry.h || []).join(" "), entry.c || ""].join(" "))
    };
  });

  function message(count) {
    if (count === 0) { return box.getAttribute("data-no-results"); }
    if (count === 1 && box.getAttribute("data-result-one")) { return box.getAttribute("data-result-one"); }
    return box.getAttribute("data-results").replace("{count}", String(count));
  }

  function render(matches) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    matches.forEach(function (match) {
      var item = document.createElement("li");
      item.className = "leaflet-card";
      var link = document.createElement("a");
      link.className = "leaflet-card__title";
      link.href = root + match.entry.u;
      link.textContent = match.entry.t;
      item.appendChild(link);
      var summary = document.createElement("p");
      summary.className = "leaflet-card__summary";
      summary.textContent = match.entry.s;
      item.appendChild(summary);
      list.appendChild(item);
    });
  }

  function search() {
    var terms = fold(input.value).split(/\s+/).filter(Boolean);
    if (terms.length === 0) {
      render([]);
      status.textContent = "";
      return;
    }
    var matches = entries.filter(function (candidate) {
      return terms.every(function (term) {
        return candidate.title.indexOf(term) !== -1 || candidate.rest.indexOf(term) !== -1;
      });
    }).map(function (candidate) {
      var score = terms.reduce(function (sum, term) { return sum + (candidate.title.indexOf(term) !== -1 ? 2 : 1); }, 0);
      return { entry: candidate.entry, score: score };
    }).sort(function (a, b) { return b.score - a.score || a.entry.t.localeCompare(b.entry.t); });
    render(matches);
    status.textContent = message(matches.length);
  }

  box.hidden = false;
  input.addEventListener("input", search);
  box.querySelector("form").addEventListener("submit", function (event) { event.preventDefault(); search(); });
})();
