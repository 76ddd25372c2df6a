// The actor graph: Cytoscape.js over /api/graph. The server picks the actors worth drawing
// and computes their positions (a preset layout: nothing heavy runs in the page). A click on
// an actor opens its dossier in the side panel and adds its neighbours; a click on a
// relation shows its evidence. Every text from the corpus goes into the page through
// textContent (never innerHTML); node labels are drawn on a canvas.
(function () {
  "use strict";
  const TYPE_COLOURS = {
    person: "#1f5fbf", armed_group: "#b02a2a", government: "#1d7a46", organization: "#7a4bb0",
    state: "#8a6d00", location: "#777777", other: "#999999",
  };
  const TYPE_SHAPES = {
    person: "ellipse", armed_group: "diamond", government: "round-rectangle",
    organization: "rectangle", state: "hexagon", location: "triangle", other: "ellipse",
  };
  const PREDICATE_COLOURS = {
    fighting: "#c0392b", opposes: "#e67e22", allied_with: "#27ae60", supports: "#2ecc71",
    member_of: "#2980b9", leader_of: "#8e44ad", founder_of: "#9b59b6", affiliate_of: "#16a085",
    splinter_of: "#d35400", pledged_allegiance_to: "#2c3e50", negotiates_with: "#7f8c8d",
  };
  const EXPAND_LIMIT = 15;
  const BATCH = 150;  // elements added per task while drawing
  const form = document.getElementById("filters");
  const panel = document.getElementById("evidence");
  const status = document.getElementById("graph-status");
  const container = document.getElementById("graph");
  const params = new URLSearchParams(window.location.search);
  const expanded = new Set();

  // the form shows the filters of the URL, so every view of the graph is a link
  for (const [name, value] of params) {
    for (const field of form.elements) {
      if (field.name !== name || field.type === "hidden") continue;
      if (field.type === "checkbox") { if (field.value === value) field.checked = true; }
      else field.value = value;
    }
  }
  const query = new URLSearchParams();
  for (const [name, value] of params) if (value) query.append(name, value);

  function element(tag, text, className) {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function link(text, href) {
    const anchor = element("a", text);
    anchor.href = href;
    return anchor;
  }

  function getJSON(url, started) {
    const answer = started || fetch(url, { headers: { Accept: "application/json" } });
    return answer.then((response) => {
      if (response.ok) return response.json();
      return response.json().catch(() => ({})).then((body) => {
        const detail = typeof body.detail === "string" ? body.detail : "";
        throw new Error("HTTP " + response.status + (detail ? ": " + detail : ""));
      });
    });
  }

  function failed(what, problem) {
    panel.replaceChildren(element("p", "Could not load " + what + ": " + problem.message, "error"));
  }

  drawLegend();
  getJSON("/api/graph?" + query.toString(), window.newsgraphGraphData).then(draw).catch((problem) => {
    status.textContent = "";
    failed("the graph", problem);
  });

  function drawLegend() {
    const legend = document.getElementById("legend");
    const rows = [["actor types", TYPE_COLOURS, "node"], ["relations", PREDICATE_COLOURS, "edge"]];
    for (const [title, colours, kind] of rows) {
      const row = element("div", undefined, "legend-row");
      row.append(element("b", title + ":"));
      for (const [name, colour] of Object.entries(colours)) {
        const key = element("span", undefined, "legend-key");
        const swatch = element("span", undefined, "swatch swatch-" + kind);
        swatch.style.backgroundColor = colour;  // CSSOM, allowed by the CSP
        key.append(swatch, name.replace(/_/g, " "));
        row.append(key);
      }
      legend.append(row);
    }
  }

  function nodeData(actor) {
    // colours and shapes as data, so Cytoscape maps them without calling back into a function
    return { id: "a" + actor.id, actor: actor.id, label: actor.name, type: actor.type,
      articles: actor.articles, size: 14 + 6 * Math.sqrt(actor.articles),
      colour: TYPE_COLOURS[actor.type] || "#999", shape: TYPE_SHAPES[actor.type] || "ellipse" };
  }

  function edgeData(edge) {
    return { id: "e" + edge.source + "-" + edge.predicate + "-" + edge.target,
      source: "a" + edge.source, target: "a" + edge.target, predicate: edge.predicate,
      hedged: edge.not_asserted > 0, width: 1 + Math.log2(1 + edge.assertions),
      colour: PREDICATE_COLOURS[edge.predicate] || "#999",
      line: edge.not_asserted > 0 ? "dashed" : "solid",
      subject: edge.source, object: edge.target };
  }

  function describe(graph) {
    const left = graph.left_out || {};
    const parts = [];
    if (left.beyond_limit) parts.push(left.beyond_limit + " beyond the limit");
    if (left.unconnected) parts.push(left.unconnected + " without relations");
    if (left.generic_folded) parts.push(left.generic_folded + " generic (\"the army\") folded into their owner");
    if (left.generic_hidden) parts.push(left.generic_hidden + " generic hidden");
    if (left.weak_relations) parts.push(left.weak_relations + " weaker relations (click an actor for all of its own)");
    return graph.nodes.length + " actors, " + graph.edges.length + " relations" +
      (parts.length ? "; not drawn: " + parts.join(", ") : "") + ".";
  }

  function draw(graph) {
    performance.mark("graph-data");
    const many = graph.edges.length > 300;  // then the cheapest edges: straight, no bundling
    const elements = [];
    for (const actor of graph.nodes) {
      const at = graph.positions[actor.id] || [0, 0];
      elements.push({ group: "nodes", data: nodeData(actor), position: { x: at[0], y: at[1] } });
    }
    for (const edge of graph.edges) elements.push({ group: "edges", data: edgeData(edge) });
    const cy = cytoscape({
      container: container,
      elements: [],
      wheelSensitivity: 0.3,
      hideEdgesOnViewport: many,
      textureOnViewport: many,
      pixelRatio: many ? 1 : "auto",
      style: [
        { selector: "node", style: {
          label: "data(label)", "font-size": 10, "min-zoomed-font-size": 8,
          width: "data(size)", height: "data(size)",
          "background-color": "data(colour)", shape: "data(shape)",
          "text-valign": "bottom", "text-margin-y": 3 } },
        { selector: "node.centre", style: { "border-width": 4, "border-color": "#111", "font-weight": "bold" } },
        { selector: "node:selected", style: { "border-width": 3, "border-color": "#f1c40f" } },
        { selector: "edge", style: {
          width: "data(width)", "curve-style": many ? "haystack" : "bezier",
          "target-arrow-shape": many ? "none" : "triangle", opacity: many ? 0.6 : 1,
          "line-color": "data(colour)", "target-arrow-color": "data(colour)",
          "line-style": "data(line)" } },
      ],
      layout: { name: "preset" },
    });
    window.newsgraphCy = cy; // for the browser tests
    cy.on("tap", "node", (event) => {
      const id = event.target.data("actor");
      showActor(id);
      if (graph.centre !== null) expand(cy, id);
    });
    cy.on("tap", "edge", (event) => showEvidence(event.target.data()));
    // the elements go in a few at a time, each batch its own short task, so the page
    // answers clicks and scrolling while a large graph is drawn
    const nodes = graph.nodes.length;
    let done = 0;
    function addSome() {
      const batch = elements.slice(done, done + BATCH);
      cy.add(batch);
      done += batch.length;
      if (done <= nodes || done - batch.length < nodes) cy.fit(undefined, 30);
      if (done < elements.length) { setTimeout(addSome, 0); return; }
      if (graph.centre !== null) {
        cy.getElementById("a" + graph.centre).addClass("centre");
        expanded.add(graph.centre);
      }
      status.textContent = describe(graph);
      performance.mark("graph-drawn");
      document.body.dataset.graphReady = "yes";
    }
    addSome();
  }

  // add the neighbours of an actor around it, placed as the server lays them out
  function expand(cy, id) {
    if (expanded.has(id)) return Promise.resolve();
    expanded.add(id);
    const more = new URLSearchParams(query);
    more.set("actor", "#" + id);
    more.set("limit", String(EXPAND_LIMIT));
    return getJSON("/api/graph?" + more.toString()).then((graph) => {
      const origin = cy.getElementById("a" + id).position();
      const added = [];
      for (const actor of graph.nodes) {
        if (cy.getElementById("a" + actor.id).nonempty()) continue;
        const at = graph.positions[actor.id] || [0, 0];
        added.push({ group: "nodes", data: nodeData(actor),
          position: { x: origin.x + at[0] * 0.6, y: origin.y + at[1] * 0.6 } });
      }
      for (const edge of graph.edges) {
        const data = edgeData(edge);
        if (cy.getElementById(data.id).empty()) added.push({ group: "edges", data: data });
      }
      cy.add(added);
      document.body.dataset.expanded = String(expanded.size);
    }).catch((problem) => failed("the neighbours", problem));
  }

  function showActor(id) {
    panel.replaceChildren(element("p", "Loading…", "muted"));
    getJSON("/api/actors/" + id + "?limit=10").then((dossier) => {
      const actor = dossier.actor;
      const items = [element("h2", actor.name)];
      const lead = element("p", actor.type + " · in " + actor.articles + " article(s)", "muted");
      items.push(lead);
      if (actor.aliases.length) items.push(element("p", "also: " + actor.aliases.slice(0, 6).join(", ")));
      const links = element("p", undefined, "panel-links");
      links.append(link("Open the dossier", "/actors/" + actor.id), " · ",
        link("Graph around " + actor.name, "/graph?actor=%23" + actor.id));
      const more = element("button", "Expand neighbours");
      more.type = "button";
      more.addEventListener("click", () => expand(window.newsgraphCy, actor.id));
      items.push(links, more);
      const totals = dossier.totals;
      items.push(element("p", totals.relations + " relation report(s), " +
        (totals.events_as_actor + totals.events_as_target) + " event(s), " +
        totals.quotes_by + " quote(s) by, " + totals.quotes_about + " about", "muted"));
      if (dossier.relations.length) {
        items.push(element("h3", "Newest relations"));
        const list = element("ul");
        for (const r of dossier.relations) {
          list.append(element("li", r.subject.name + " " + r.predicate.replace(/_/g, " ") + " " + r.object.name +
            (r.provenance.article.published ? " (" + r.provenance.article.published + ")" : "")));
        }
        items.push(list);
      }
      panel.replaceChildren(...items);
      panel.dataset.actor = String(actor.id);
    }).catch((problem) => failed("the dossier", problem));
  }

  function showEvidence(edge) {
    const url = "/api/relations?" + new URLSearchParams({
      subject: "#" + edge.subject, object: "#" + edge.object, predicate: edge.predicate, limit: "100" });
    panel.replaceChildren(element("p", "Loading…", "muted"));
    getJSON(url).then((assertions) => {
      const items = [element("h2", edge.predicate)];
      for (const assertion of assertions) {
        const item = element("div", undefined, "report");
        const line = element("p");
        line.append(element("b", assertion.subject.name), " " + assertion.predicate + " ",
          element("b", assertion.object.name));
        if (assertion.since) line.append(element("span", " since " + assertion.since, "muted"));
        item.append(line, element("blockquote", assertion.provenance.sentence, "evidence"));
        const source = assertion.provenance;
        const who = source.asserted_by ? "asserted by " + source.asserted_by : "asserted by the article";
        const meta = element("div", who + (source.modality !== "asserted" ? " · " + source.modality : "") + " · ", "muted");
        meta.append(link(source.article.title || "article #" + source.article.id, "/articles/" + source.article.id));
        item.append(meta);
        items.push(item);
      }
      if (!assertions.length) items.push(element("p", "No report of this relation under these filters.", "muted"));
      panel.replaceChildren(...items);
    }).catch((problem) => failed("the evidence", problem));
  }
})();
