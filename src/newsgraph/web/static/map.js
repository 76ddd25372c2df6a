// The map: a Natural Earth 110m outline (world-atlas, vendored) in an equirectangular
// projection, and the events with coordinates from /api/events. No tile server.
(function () {
  "use strict";
  const svg = document.getElementById("map");
  const detail = document.getElementById("event-detail");
  const status = document.getElementById("map-status");
  const NS = "http://www.w3.org/2000/svg";
  const project = ([lon, lat]) => [(lon + 180) * (960 / 360), (90 - lat) * (480 / 180)];

  // A ring that crosses the antimeridian (Russia, Fiji) jumps from +180 to -180: drawn as it
  // is, it would cut a line across the whole map. Unwrapped, it runs on past the edge, and a
  // copy shifted by 360 degrees draws the part that shows on the other side; the SVG clips.
  function unwrap(ring) {
    let shift = 0;
    return ring.map(([lon, lat], i) => {
      if (i) {
        const previous = ring[i - 1][0];
        if (lon - previous > 180) shift -= 360;
        else if (lon - previous < -180) shift += 360;
      }
      return [lon + shift, lat];
    });
  }

  function ringPath(ring) {
    return ring.map((point, i) => (i ? "L" : "M") + project(point).map((v) => v.toFixed(1)).join(",")).join("") + "Z";
  }

  function path(rings) {
    const parts = [];
    for (const ring of rings.map(unwrap)) {
      parts.push(ringPath(ring));
      const lons = ring.map((point) => point[0]);
      if (Math.max(...lons) > 180) parts.push(ringPath(ring.map(([lon, lat]) => [lon - 360, lat])));
      if (Math.min(...lons) < -180) parts.push(ringPath(ring.map(([lon, lat]) => [lon + 360, lat])));
    }
    return parts.join("");
  }

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  fetch("/static/vendor/countries-110m.json").then((r) => {
    if (!r.ok) throw new Error("HTTP " + r.status);
    return r.json();
  }).then((world) => {
    const land = topojson.feature(world, world.objects.countries);
    for (const country of land.features) {
      const geometry = country.geometry;
      if (!geometry) continue;
      const polygons = geometry.type === "Polygon" ? [geometry.coordinates] : geometry.coordinates;
      const shape = document.createElementNS(NS, "path");
      shape.setAttribute("d", polygons.map(path).join(""));
      shape.setAttribute("class", "land");
      svg.appendChild(shape);
    }
    return loadEvents();
  }).catch((problem) => { status.textContent = "Could not load the map: " + problem.message; });

  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } }).then((response) => {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    });
  }

  // why some events are not on the map: no place named, or a place with no coordinates
  function unplaced(events) {
    const unnamed = events.filter((e) => e.lat === null && !e.place).length;
    const unknown = events.filter((e) => e.lat === null && e.place);
    const parts = [];
    if (unnamed) parts.push(unnamed + " name no place");
    if (unknown.length) {
      const names = [...new Set(unknown.map((e) => e.place))].slice(0, 5);
      parts.push(unknown.length + " name a place the gazetteer cannot locate (" + names.join(", ") +
        (unknown.length > names.length ? ", …" : "") + ")");
    }
    return parts.length ? " Not placed: " + parts.join("; ") + "." : "";
  }

  function loadEvents() {
    const query = new URLSearchParams({ located: "true", limit: "500" });
    for (const [name, value] of new URLSearchParams(window.location.search)) if (value) query.set(name, value);
    const every = new URLSearchParams(query);
    every.delete("located");
    return Promise.all([getJSON("/api/events?" + query), getJSON("/api/events?" + every)]).then(([events, all]) => {
      for (const event of events) {
        const [x, y] = project([event.lon, event.lat]);
        const dot = document.createElementNS(NS, "circle");
        dot.setAttribute("cx", x.toFixed(1));
        dot.setAttribute("cy", y.toFixed(1));
        dot.setAttribute("r", String(3 + Math.min(6, event.reports.length)));
        dot.setAttribute("class", "event");
        const title = document.createElementNS(NS, "title");
        title.textContent = event.type + " · " + (event.place || "") + " · " + (event.date || "undated");
        dot.appendChild(title);
        dot.addEventListener("click", () => show(event));
        svg.appendChild(dot);
      }
      status.textContent = events.length + " located event(s) shown" +
        (all.length >= 500 ? " (of the first 500 events)." : " of " + all.length + ".") + unplaced(all);
      document.body.dataset.mapReady = "yes";
    }).catch((problem) => { status.textContent = "Could not load the events: " + problem.message; });
  }

  function show(event) {
    const items = [element("h2", event.type + " · " + (event.date || "undated")), element("p", event.place || "", "muted")];
    const who = element("p");
    who.append("actors: " + event.actors.map((a) => a.name).join(", "));
    who.append(element("br"), "targets: " + event.targets.map((a) => a.name).join(", "));
    items.push(who);
    for (const report of event.reports) {
      items.push(element("blockquote", report.provenance.sentence, "evidence"));
      for (const c of report.fatalities) items.push(element("div", c.kind + " " + c.count + " (" + c.source + ")"));
    }
    const link = element("a", "in the timeline");
    link.href = "/timeline?since=" + (event.date || "") + "&until=" + (event.date || "") + "&type=" + event.type;
    items.push(link);
    detail.replaceChildren(...items);
  }
})();
