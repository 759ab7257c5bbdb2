// ladderbook's comparison picker. The lists of links work without JavaScript; the form needs
// it (a static site cannot answer the form's query), so it is hidden until this script shows
// it. The script takes the reader straight to the chosen comparison, and shows pairs that
// have no page of their own (levels on different tracks that are not equivalent) from
// ladder.json.
(function () {
  "use strict";
  var cache = {};
  function load(url) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.json();
      });
    }
    return cache[url];
  }
  // The level's id now, for an id it had before a rename (`former` in ladder.json; a
  // ladder.json from before it has none): addresses shared before the rename still work.
  function current(data, id) {
    var now = null;
    data.levels.forEach(function (l) {
      if (l.id === id) now = id;
      else if (!now && (l.former || []).indexOf(id) >= 0) now = l.id;
    });
    return now || id;
  }
  function find(data, a, b) {
    for (var i = 0; i < data.comparisons.length; i++) {
      var c = data.comparisons[i];
      if (c.a === a && c.b === b) return c;
    }
    return null;
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text) e.textContent = text;
    return e;
  }
  // Links inside exported HTML are relative to the site root.
  function rooted(html, root) {
    var box = el("div");
    box.innerHTML = html;
    box.querySelectorAll("a[href]").forEach(function (a) {
      var h = a.getAttribute("href");
      if (!/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(h)) a.setAttribute("href", root + h);
    });
    return box;
  }
  // Each cell names its level: its rows are taller than a screen, and on a phone and on paper
  // the column heads are hidden.
  function cell(level, pillar, root, track) {
    var td = el("td", { "data-level": named(level) });
    td.appendChild(el("p", { "class": "side-level" }, named(level)));
    var c = level.cells[pillar];
    if (!c) {
      // A pillar of the other level's track only is not one the ladder still owes this level.
      var theirs = track.pillars.indexOf(pillar) >= 0;
      td.appendChild(theirs
        ? el("p", { "class": "gap" }, "not defined yet")
        : el("p", { "class": "none" }, "not a pillar of " + track.title));
      return td;
    }
    var ol = el("ol", { "class": "expectations" });
    c.expectations.forEach(function (x) {
      var li = el("li");
      var body = rooted(x.html, root);
      body.className = "expectation";
      li.appendChild(body);
      var link = el("a", { "class": "permalink", href: root + level.path + "#" + x.anchor, "aria-label": "Permalink to this expectation of " + named(level) }, "#");
      li.appendChild(link);
      ol.appendChild(li);
    });
    td.appendChild(ol);
    // The cell's notes are not shown beside the other level's, but the definitions of the
    // footnotes its expectations refer to are (they are among the notes).
    var wanted = {};
    ol.querySelectorAll("sup.footnote-reference a[href^='#']").forEach(function (a) {
      wanted[a.getAttribute("href").slice(1)] = true;
    });
    var defs = el("div", { "class": "level-footnotes" });
    if (c.notes_html && Object.keys(wanted).length) {
      var all = Array.prototype.slice.call(rooted(c.notes_html, root).querySelectorAll(".footnote-definition"));
      // And the footnotes those footnotes cite.
      for (var grew = true; grew;) {
        grew = false;
        all.forEach(function (d) {
          if (!wanted[d.id]) return;
          d.querySelectorAll("sup.footnote-reference a[href^='#']").forEach(function (a) {
            var id = a.getAttribute("href").slice(1);
            if (!wanted[id]) grew = wanted[id] = true;
          });
        });
      }
      all.forEach(function (d) { if (wanted[d.id]) defs.appendChild(d); });
    }
    if (defs.firstChild) td.appendChild(defs);
    return td;
  }
  // What lists and headings call a level: its title, with its track's when another level has
  // the same title (`name` in ladder.json; a ladder.json from before it has only `title`).
  function named(l) { return l.name || l.title; }
  // A pair that cannot be shown, said where the pair would be.
  function refuse(section, text) {
    section.textContent = "";
    section.appendChild(el("p", { "class": "picker-note", role: "status" }, text));
    section.hidden = false;
  }
  function render(section, data, a, b, root) {
    var byId = {};
    data.levels.forEach(function (l) { byId[l.id] = l; });
    var la = byId[a], lb = byId[b];
    if (!la || !lb) {
      refuse(section, "This ladder has no level " + JSON.stringify(!la ? a : b) + ": pick two levels above.");
      return;
    }
    if (a === b) {
      refuse(section, "Pick two different levels.");
      return;
    }
    var tracks = {};
    data.tracks.forEach(function (t) { tracks[t.id] = t; });
    var used = tracks[la.track].pillars.concat(tracks[lb.track].pillars);
    section.textContent = "";
    var h = el("h2", { id: "picked-heading" });
    h.appendChild(el("a", { href: root + la.path }, named(la)));
    h.appendChild(document.createTextNode(" and "));
    h.appendChild(el("a", { href: root + lb.path }, named(lb)));
    section.appendChild(h);
    // The tab, the history and a bookmark name the pair as a comparison page's title does.
    var site = document.title.indexOf(" · ");
    document.title = named(la) + " and " + named(lb) + " compared" + (site < 0 ? "" : document.title.slice(site));
    section.appendChild(el("p", { "class": "picker-note" }, "These two levels are on different tracks and are not declared equivalent, so they have no comparison page of their own. Here they are side by side, pillar by pillar."));
    var box = el("div", { "class": "scroll-box", role: "region", "aria-labelledby": "picked-heading", tabindex: "0" });
    var table = el("table", { "class": "compare" });
    var head = el("tr");
    head.appendChild(el("th", { scope: "col" }, "Pillar"));
    head.appendChild(el("th", { scope: "col" }, named(la)));
    head.appendChild(el("th", { scope: "col" }, named(lb)));
    var thead = el("thead");
    thead.appendChild(head);
    table.appendChild(thead);
    var tbody = el("tbody");
    data.pillars.forEach(function (p) {
      if (used.indexOf(p.id) < 0) return;
      var tr = el("tr");
      // `#<pillar>` lands on its row, as on a comparison page (unless the page has that id).
      if (!document.getElementById(p.id)) tr.id = p.id;
      var th = el("th", { scope: "row" });
      th.appendChild(el("a", { href: root + p.path }, p.title));
      if (tr.id) {
        th.appendChild(document.createTextNode(" "));
        th.appendChild(el("a", { "class": "permalink", href: "#" + p.id, "aria-label": "Permalink to " + p.title }, "#"));
      }
      tr.appendChild(th);
      tr.appendChild(cell(la, p.id, root, tracks[la.track]));
      tr.appendChild(cell(lb, p.id, root, tracks[lb.track]));
      tbody.appendChild(tr);
    });
    table.appendChild(tbody);
    box.appendChild(table);
    section.appendChild(box);
    section.hidden = false;
    // Built after the page loaded: the browser looked for the fragment before it existed.
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) target.scrollIntoView();
  }
  function note(form, text) {
    var n = form.querySelector(".picker-note");
    if (!n) {
      n = el("p", { "class": "picker-note", role: "status" });
      form.appendChild(n);
    }
    n.textContent = text;
  }
  var forms = document.querySelectorAll("form.picker-form");
  forms.forEach(function (form) {
    form.hidden = false;
    var root = form.getAttribute("data-root") || "";
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var a = form.elements.a.value, b = form.elements.b.value;
      if (a === b) {
        note(form, "Pick two different levels.");
        return;
      }
      load(form.getAttribute("data-ladder")).then(function (data) {
        var c = find(data, a, b) || find(data, b, a);
        location.href = c ? root + c.path : root + "compare/?a=" + encodeURIComponent(a) + "&b=" + encodeURIComponent(b);
      }).catch(function () { form.submit(); });
    });
  });
  // `/compare/?a=<level>` (the link on level pages of large ladders) preselects the level, and
  // as the other the next one up its track (or, for its top level, the one below).
  function preselect(form, id) {
    var option = form.elements.a.querySelector("option[value='" + id.replace(/[^a-z0-9-]/g, "") + "']");
    if (!option) return false;
    form.elements.a.value = id;
    var mate = form.elements.b.querySelector("option[value='" + option.value + "']");
    var next = mate && (mate.nextElementSibling || mate.previousElementSibling);
    if (next) form.elements.b.value = next.value;
    return true;
  }
  var only = new URLSearchParams(location.search).get("a");
  if (only && forms.length && !preselect(forms[0], only) && !new URLSearchParams(location.search).get("b")) {
    // Perhaps an id the level had before a rename.
    var missing = function () {
      note(forms[0], "This ladder has no level " + JSON.stringify(only) + ": pick two levels.");
    };
    load(forms[0].getAttribute("data-ladder")).then(function (data) {
      var now = current(data, only);
      if (now === only || !preselect(forms[0], now)) missing();
    }).catch(missing);
  }
  var picked = document.getElementById("picked");
  // Back to a comparison drawn here: the browser gives the form back as it was left (another
  // level picked before leaving), so it is set again to the pair the address names.
  window.addEventListener("pageshow", function (e) {
    var p = new URLSearchParams(location.search);
    if (!e.persisted || !picked || !forms.length || !p.get("a") || !p.get("b")) return;
    forms[0].elements.a.value = p.get("a");
    forms[0].elements.b.value = p.get("b");
  });
  var params = new URLSearchParams(location.search);
  var a = params.get("a"), b = params.get("b");
  if (picked && forms.length && a && b) {
    var form = forms[0], root = form.getAttribute("data-root") || "";
    form.elements.a.value = a;
    form.elements.b.value = b;
    if (a === b) {
      refuse(picked, "Pick two different levels.");
      return;
    }
    load(form.getAttribute("data-ladder")).then(function (data) {
      var na = current(data, a), nb = current(data, b);
      if (na !== a || nb !== b) {
        a = na;
        b = nb;
        form.elements.a.value = a;
        form.elements.b.value = b;
        history.replaceState(null, "", "?a=" + encodeURIComponent(a) + "&b=" + encodeURIComponent(b) + location.hash);
      }
      var c = find(data, a, b) || find(data, b, a);
      // The pillar the address named, on the pair's own page too.
      if (c) location.replace(root + c.path + location.hash);
      else render(picked, data, a, b, root);
    });
  }
})();
