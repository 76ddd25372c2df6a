// The actor graph: Cytoscape.js over /api/graph. Every text from the corpus goes into the
// page through textContent (never innerHTML), and node labels are drawn on a canvas.
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
  const form = document.getElementById("filters");
  const panel = document.getElementById("evidence");
  const params = new URLSearchParams(window.location.search);

  // the form shows the filters of the URL, so every view of the graph is a link
  for (const [name, value] of params) {
    for (const field of form.elements) {
      if (field.name !== name) continue;
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

  fetch("/api/graph?" + query.toString())
    .then((response) => response.ok ? response.json() : Promise.reject(response.status))
    .then(draw)
    .catch((problem) => { panel.replaceChildren(element("p", "Could not load the graph: " + problem, "error")); });

  function draw(graph) {
    const elements = [];
    for (const actor of graph.nodes) {
      elements.push({ data: { id: "a" + actor.id, actor: actor.id, label: actor.name, type: actor.type,
        size: 14 + 6 * Math.sqrt(actor.articles) } });
    }
    graph.edges.forEach((edge, index) => {
      elements.push({ data: { id: "e" + index, source: "a" + edge.source, target: "a" + edge.target,
        predicate: edge.predicate, hedged: edge.not_asserted > 0, width: 1 + Math.log2(1 + edge.assertions),
        subject: edge.source, object: edge.target } });
    });
    const cy = cytoscape({
      container: document.getElementById("graph"),
      elements: elements,
      wheelSensitivity: 0.3,
      style: [
        { selector: "node", style: {
          label: "data(label)", "font-size": 10, width: "data(size)", height: "data(size)",
          "background-color": (n) => TYPE_COLOURS[n.data("type")] || "#999",
          shape: (n) => TYPE_SHAPES[n.data("type")] || "ellipse", "text-valign": "bottom", "text-margin-y": 3 } },
        { selector: "edge", style: {
          width: "data(width)", "curve-style": "bezier", "target-arrow-shape": "triangle",
          "line-color": (e) => PREDICATE_COLOURS[e.data("predicate")] || "#999",
          "target-arrow-color": (e) => PREDICATE_COLOURS[e.data("predicate")] || "#999",
          "line-style": (e) => e.data("hedged") ? "dashed" : "solid" } },
      ],
      layout: { name: "cose", animate: false, nodeRepulsion: 9000, idealEdgeLength: 90 },
    });
    window.newsgraphCy = cy; // for the browser tests
    cy.on("tap", "node", (event) => { window.location.href = "/actors/" + event.target.data("actor"); });
    cy.on("tap", "edge", (event) => showEvidence(event.target.data()));
    document.body.dataset.graphReady = "yes";
  }

  function showEvidence(edge) {
    const url = "/api/relations?" + new URLSearchParams({
      subject: "#" + edge.subject, object: "#" + edge.object, predicate: edge.predicate, limit: "100" });
    panel.replaceChildren(element("p", "Loading…", "muted"));
    fetch(url).then((r) => r.json()).then((assertions) => {
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
        const link = element("a", source.article.title || "article #" + source.article.id);
        link.href = "/articles/" + source.article.id;
        meta.append(link);
        item.append(meta);
        items.push(item);
      }
      panel.replaceChildren(...items);
    });
  }
})();
