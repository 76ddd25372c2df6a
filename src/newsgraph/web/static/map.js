// The map: a Natural Earth 110m outline (world-atlas, vendored) in an equirectangular
// projection, and the events with coordinates from /api/events. No tile server.
(function () {
  "use strict";
  const svg = document.getElementById("map");
  const detail = document.getElementById("event-detail");
  const status = document.getElementById("map-status");
  const NS = "http://www.w3.org/2000/svg";
  const project = ([lon, lat]) => [(lon + 180) * (960 / 360), (90 - lat) * (480 / 180)];

  function path(rings) {
    return rings.map((ring) => ring.map((point, i) => (i ? "L" : "M") + project(point).map((v) => v.toFixed(1)).join(",")).join("") + "Z").join("");
  }

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  fetch("/static/vendor/countries-110m.json").then((r) => r.json()).then((world) => {
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
  });

  function loadEvents() {
    const query = new URLSearchParams({ located: "true", limit: "500" });
    for (const [name, value] of new URLSearchParams(window.location.search)) if (value) query.set(name, value);
    return fetch("/api/events?" + query).then((r) => r.json()).then((events) => {
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
      status.textContent = events.length + " located event(s) shown";
      document.body.dataset.mapReady = "yes";
    });
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
