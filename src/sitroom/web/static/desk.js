// The desk: map, timeline, tally and list for the filter held in the URL.
// Report text is untrusted: every string reaches the page through textContent, never innerHTML.
(function () {
  "use strict";
  var COLOURS = {
    "Battles": "#d62728", "Explosions/Remote violence": "#ff7f0e", "Violence against civilians": "#9467bd",
    "Protests": "#1f77b4", "Riots": "#8c564b", "Strategic developments": "#2ca02c"
  };
  var form = document.getElementById("filters");
  var bucket = document.getElementById("bucket");

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function colour(t) { return COLOURS[t] || "#7f7f7f"; }
  function query() {
    var params = new URLSearchParams(new FormData(form));
    Array.from(params.keys()).forEach(function (k) { if (!params.get(k)) params.delete(k); });
    return params;
  }
  function eventHref(id) { return "/events/" + encodeURIComponent(id); }

  var map = L.map("map", { worldCopyJump: true, preferCanvas: false, minZoom: 2, maxZoom: 14 }).setView([33.3, 44.0], 6);
  window.sitroomMap = map;
  map.attributionControl.addAttribution("Outlines: Natural Earth (public domain)");
  // An analyst's own tile server, where one exists; the outlines then draw as lines over it.
  var tileUrl = document.getElementById("map").getAttribute("data-tile-url") || "";
  if (/^(https?:\/\/|\/)/.test(tileUrl)) { L.tileLayer(tileUrl, { maxZoom: 19 }).addTo(map); }
  fetch("/api/basemap.geojson").then(function (r) { return r.json(); }).then(function (gj) {
    L.geoJSON(gj, {
      style: function (f) {
        var wanted = (new URLSearchParams(location.search).get("country") || "").toUpperCase();
        var focus = f.properties && wanted.length === 2 && f.properties.iso === wanted;
        return { color: "#8b8b8b", weight: focus ? 1.4 : 0.7, fillColor: focus ? "#fbf7ee" : "#efece4",
                 fillOpacity: tileUrl ? 0 : 1 };
      },
      interactive: false
    }).addTo(map).bringToBack();
    document.getElementById("map").setAttribute("data-basemap", "loaded");
  });
  var cluster = L.markerClusterGroup({ disableClusteringAtZoom: 8, maxClusterRadius: 40, showCoverageOnHover: false });
  map.addLayer(cluster);
  window.sitroomCluster = cluster;

  function popup(p) {
    var box = el("div", "popup");
    box.appendChild(el("div", "popup-type", (p.sub_event_type || p.event_type || "Event")));
    box.appendChild(el("div", "popup-where", [p.location, p.admin1, p.country].filter(Boolean).join(", ")));
    box.appendChild(el("div", "popup-date", (p.event_date || "undated") +
      (p.fatalities !== null && p.fatalities !== undefined ? " · fatalities " + p.fatalities : "")));
    if (p.claimed_by) box.appendChild(el("div", "popup-claim", "claimed by " + p.claimed_by));
    if (p.notes) box.appendChild(el("p", "popup-notes", p.notes.length > 240 ? p.notes.slice(0, 240) + "…" : p.notes));
    var a = el("a", "popup-open", "Open event →");
    a.href = eventHref(p.id);
    box.appendChild(a);
    return box;
  }

  function drawMap(gj, fit) {
    cluster.clearLayers();
    var markers = [];
    gj.features.forEach(function (f) {
      var p = f.properties;
      var c = f.geometry.coordinates;
      var m = L.circleMarker([c[1], c[0]], {
        radius: 7 + Math.min(6, Math.sqrt(p.fatalities || 0)), color: "#222", weight: 1,
        fillColor: colour(p.event_type), fillOpacity: 0.9, className: "event-marker"
      });
      m.bindPopup(function () { return popup(p); });
      m.feature = f;
      markers.push(m);
    });
    cluster.addLayers(markers);
    document.getElementById("map").setAttribute("data-markers", String(markers.length));
    if (fit && markers.length) map.fitBounds(L.featureGroup(markers).getBounds().pad(0.25), { maxZoom: 8 });
  }

  function drawTally(t) {
    document.getElementById("count").textContent = t.count;
    document.getElementById("fatalities").textContent = t.fatalities;
    document.getElementById("window").textContent = t.window.from ? "(" + t.window.from + " – " + t.window.to + ")" : "";
    var by = document.getElementById("bytype");
    by.replaceChildren();
    Object.keys(t.by_type).forEach(function (k) {
      var chip = el("span", "chip", k + " " + t.by_type[k]);
      chip.style.borderColor = colour(k);
      by.appendChild(chip);
    });
    var box = document.getElementById("timeline");
    box.replaceChildren();
    var max = Math.max.apply(null, [1].concat(t.timeline.map(function (b) { return b.count; })));
    var NS = "http://www.w3.org/2000/svg";
    var w = 360, h = 80, n = Math.max(1, t.timeline.length), bw = w / n;
    var svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 " + w + " " + (h + 14));
    svg.setAttribute("class", "bars");
    t.timeline.forEach(function (b, i) {
      var r = document.createElementNS(NS, "rect");
      var bh = b.count ? Math.max(2, h * b.count / max) : 0;
      r.setAttribute("x", (i * bw + 0.5).toFixed(2));
      r.setAttribute("width", Math.max(0.8, bw - 1).toFixed(2));
      r.setAttribute("y", (h - bh).toFixed(2));
      r.setAttribute("height", bh.toFixed(2));
      r.setAttribute("class", "bar");
      var title = document.createElementNS(NS, "title");
      title.textContent = b.start + ": " + b.count;
      r.appendChild(title);
      svg.appendChild(r);
    });
    if (t.timeline.length) {
      [[0, "start"], [t.timeline.length - 1, "end"]].forEach(function (pair) {
        var label = document.createElementNS(NS, "text");
        label.setAttribute("x", pair[1] === "start" ? 0 : w);
        label.setAttribute("y", h + 12);
        label.setAttribute("text-anchor", pair[1]);
        label.setAttribute("class", "axis");
        label.textContent = t.timeline[pair[0]].start;
        svg.appendChild(label);
      });
    }
    box.appendChild(svg);
  }

  function drawList(events) {
    var list = document.getElementById("list");
    list.replaceChildren();
    events.slice(0, 300).forEach(function (e) {
      var li = el("li", "item" + (e.false_positive ? " fp" : ""));
      li.setAttribute("data-event-id", e.id);
      var dot = el("span", "dot");
      dot.style.background = colour(e.event_type);
      li.appendChild(dot);
      var a = el("a", "title", (e.sub_event_type || e.event_type || "Event") + " — " + (e.location || "unknown place"));
      a.href = eventHref(e.id);
      li.appendChild(a);
      li.appendChild(el("div", "meta", (e.event_date || "undated") + (e.fatalities ? " · " + e.fatalities + " killed" : "") +
        (e.claimed_by ? " · claimed: " + e.claimed_by : "") + " · " + e.report_count + " report(s)"));
      list.appendChild(li);
    });
  }

  function refresh(fit) {
    var q = query();
    var qs = q.toString();
    history.replaceState(null, "", qs ? "/?" + qs : "/");
    document.getElementById("csv").href = "/api/events.csv" + (qs ? "?" + qs : "");
    document.getElementById("geojson").href = "/api/events.geojson" + (qs ? "?" + qs : "");
    var tq = new URLSearchParams(q);
    tq.set("by", bucket.value);
    document.body.setAttribute("data-loading", "1");
    Promise.all([
      fetch("/api/events.geojson?" + qs).then(function (r) { return r.json(); }),
      fetch("/api/tally?" + tq.toString()).then(function (r) { return r.json(); }),
      fetch("/api/events?" + qs).then(function (r) { return r.json(); })
    ]).then(function (res) {
      if (res[0].error) throw new Error(res[0].error);
      drawMap(res[0], fit);
      drawTally(res[1]);
      drawList(res[2].events);
      document.body.setAttribute("data-loading", "0");
    }).catch(function (err) {
      document.body.setAttribute("data-loading", "error");
      document.getElementById("count").textContent = "—";
      var list = document.getElementById("list");
      list.replaceChildren(el("li", "problem", String(err.message || err)));
    });
  }

  form.addEventListener("submit", function (ev) { ev.preventDefault(); refresh(true); });
  form.addEventListener("change", function () { refresh(true); });
  bucket.addEventListener("change", function () { refresh(false); });
  refresh(true);
})();
