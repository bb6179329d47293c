// The search page: asks the Pagefind index that the build wrote into pagefind/ and shows
// each agenda item as its own result, with its meeting, date and an excerpt. Record text
// reaches the page only as text nodes (and <mark> for the matched words), never as HTML.
"use strict";

(function () {
  var form = document.getElementById("kkr-search-form");
  if (form === null) {
    return;
  }
  var input = document.getElementById("kkr-search-q");
  var status = document.getElementById("kkr-search-status");
  var list = document.getElementById("kkr-search-results");
  var filterBox = document.getElementById("kkr-search-filters");
  var FILTERS = [
    ["type", "Type"],
    ["år", "År"],
    ["emne", "Emne"],
  ];
  var MAX_PAGES = 60;
  var selects = {};
  var pagefind = null;
  var serial = 0;

  function say(text) {
    status.textContent = text;
  }

  // Danish letters folded as kkr/site/search_fold.py folds the index: æ = ae, ø = o = oe,
  // å = aa. Each indexed block also holds its folded words, hidden, between ⟦ and ⟧.
  var OPEN = "\u27e6";
  var CLOSE = "\u27e7";

  function fold(text) {
    return text
      .toLowerCase()
      .replace(/æ/g, "ae")
      .replace(/ø/g, "o")
      .replace(/å/g, "aa")
      .replace(/oe/g, "o");
  }

  // Pagefind's excerpt is HTML with <mark>; keep the marks and turn everything else into text.
  // The hidden folded words are dropped; a match on one of them marks the word it folds.
  function excerptNodes(html) {
    var parsed = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
    var kept = [];
    var wanted = new Set();
    var hidden = false;
    function hide(segment) {
      if (segment.mark) {
        segment.text.split(/\s+/).forEach(function (word) {
          if (word) {
            wanted.add(fold(word));
          }
        });
      }
    }
    parsed.body.firstChild.childNodes.forEach(function (node) {
      var mark = node.nodeName === "MARK";
      node.textContent.split(/([\u27e6\u27e7])/).forEach(function (part) {
        if (part === OPEN) {
          hidden = true;
        } else if (part === CLOSE) {
          // An excerpt may start inside a hidden run: what came before its end was hidden.
          if (!hidden) {
            kept.forEach(hide);
            kept = [];
          }
          hidden = false;
        } else if (part) {
          (hidden ? hide : function (s) { kept.push(s); })({ text: part, mark: mark });
        }
      });
    });
    var out = document.createDocumentFragment();
    kept.forEach(function (segment) {
      var pieces = segment.mark ? [segment.text] : segment.text.split(/([\p{L}\p{N}]+)/u);
      pieces.forEach(function (piece, index) {
        if (!piece) {
          return;
        }
        var text = piece.replace(/\s+/g, " ");
        if (segment.mark || (index % 2 === 1 && wanted.has(fold(piece)))) {
          var marked = document.createElement("mark");
          marked.textContent = text;
          out.appendChild(marked);
        } else {
          out.appendChild(document.createTextNode(text));
        }
      });
    });
    return out;
  }

  function clean(text) {
    return (text || "")
      .replace(/\u27e6[^\u27e7]*(\u27e7|$)/g, "")
      .replace(/¶/g, "")
      .replace(/\s+/g, " ")
      .trim();
  }

  // Headings carry their section's id plus ".h" (see kkr/site/search.py): land on the section.
  function sectionUrl(url) {
    return url.replace(/\.h$/, "");
  }

  // How strongly an item matched: the summed weight of the query words found in it.
  function weight(sub) {
    return (sub.weighted_locations || []).reduce(function (sum, place) {
      return sum + place.weight;
    }, 0);
  }

  function words(text) {
    return fold(text)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
  }

  // A page named by the query comes first: its whole title, then a title holding every word
  // of the query (as a word or the start of one); otherwise Pagefind's order is kept.
  function byTitle(pages, query) {
    var wanted = words(query);
    if (wanted.length === 0) {
      return pages;
    }
    function score(page) {
      var title = words(clean(page.meta.title));
      if (title.join(" ") === wanted.join(" ")) {
        return 2;
      }
      var all = wanted.every(function (word) {
        return title.some(function (own) {
          return own.startsWith(word);
        });
      });
      return all ? 1 : 0;
    }
    return pages
      .map(function (page, index) {
        return { page: page, index: index, score: score(page) };
      })
      .sort(function (a, b) {
        return b.score - a.score || a.index - b.index;
      })
      .map(function (entry) {
        return entry.page;
      });
  }

  function hits(page) {
    // A meeting page matches through its items: each item is a result of its own.
    var items = page.sub_results
      .filter(function (sub) {
        return sub.url.indexOf("#punkt-") !== -1;
      })
      .sort(function (a, b) {
        return weight(b) - weight(a);
      });
    var meta = clean(page.meta.title);
    if (items.length > 0) {
      return items.map(function (sub) {
        return { url: sectionUrl(sub.url), title: clean(sub.title), meta: meta, excerpt: sub.excerpt };
      });
    }
    var kind = (page.filters && page.filters.type && page.filters.type[0]) || "Side";
    return [{ url: page.url, title: meta, meta: kind, excerpt: page.excerpt }];
  }

  function describe(query, filters) {
    var parts = FILTERS.filter(function (pair) {
      return filters[pair[0]];
    }).map(function (pair) {
      return pair[1] + ": " + filters[pair[0]];
    });
    var text = query ? " for »" + query + "«" : "";
    return text + (parts.length ? " (" + parts.join(", ") + ")" : "") + ".";
  }

  function show(query, filters, found) {
    list.replaceChildren();
    var seen = new Set();
    found.forEach(function (hit) {
      if (seen.has(hit.url)) {
        return;
      }
      seen.add(hit.url);
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = hit.url;
      link.textContent = hit.title;
      var meta = document.createElement("p");
      meta.className = "kkr-meta";
      meta.textContent = hit.meta;
      var excerpt = document.createElement("p");
      excerpt.className = "kkr-excerpt";
      excerpt.appendChild(excerptNodes(hit.excerpt || ""));
      li.append(link, meta, excerpt);
      list.appendChild(li);
    });
    var count = seen.size;
    var label = count === 0 ? "Ingen resultater" : count === 1 ? "1 resultat" : count + " resultater";
    say(label + describe(query, filters));
  }

  function chosenFilters() {
    var chosen = {};
    FILTERS.forEach(function (pair) {
      var value = selects[pair[0]] && selects[pair[0]].value;
      if (value) {
        chosen[pair[0]] = value;
      }
    });
    return chosen;
  }

  async function run() {
    var query = input.value.trim();
    var filters = chosenFilters();
    var mine = ++serial;
    if (!query && Object.keys(filters).length === 0) {
      list.replaceChildren();
      say("Skriv et søgeord, eller vælg et filter.");
      return;
    }
    say("Søger …");
    var search = await pagefind.search(fold(query) || null, { filters: filters });
    var pages = await Promise.all(
      search.results.slice(0, MAX_PAGES).map(function (result) {
        return result.data();
      }),
    );
    if (mine === serial) {
      show(query, filters, byTitle(pages, query).flatMap(hits));
    }
  }

  async function buildFilters(params) {
    var available = await pagefind.filters();
    FILTERS.forEach(function (pair) {
      var values = Object.keys(available[pair[0]] || {});
      if (values.length === 0) {
        return;
      }
      values.sort(function (a, b) {
        return pair[0] === "år" ? b.localeCompare(a) : a.localeCompare(b, "da");
      });
      var label = document.createElement("label");
      label.textContent = pair[1];
      var select = document.createElement("select");
      select.name = pair[0];
      var all = document.createElement("option");
      all.value = "";
      all.textContent = "Alle";
      select.appendChild(all);
      values.forEach(function (value) {
        var option = document.createElement("option");
        option.value = value;
        option.textContent = value;
        select.appendChild(option);
      });
      select.value = params.get(pair[0]) || "";
      select.addEventListener("change", run);
      label.appendChild(select);
      filterBox.appendChild(label);
      selects[pair[0]] = select;
    });
  }

  async function start() {
    var params = new URLSearchParams(window.location.search);
    input.value = params.get("q") || "";
    say("Indlæser søgningen …");
    pagefind = await import(new URL(form.dataset.bundle, window.location.href).href);
    // The site may live in a sub-folder; this page lies at its root.
    // A meeting page holds every item of the meeting; a low page-length penalty keeps a
    // long meeting page from ranking below the short pages that only link to its items.
    await pagefind.options({
      baseUrl: new URL(".", window.location.href).pathname,
      excerptLength: 24,
      ranking: { pageLength: 0.1 },
    });
    await buildFilters(params);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var url = new URL(window.location.href);
      url.searchParams.set("q", input.value.trim());
      window.history.replaceState(null, "", url);
      run();
    });
    await run();
  }

  start().catch(function (error) {
    say("Søgningen kunne ikke indlæses: " + error.message);
  });
})();
