// Ask for the graph's data at once, before Cytoscape.js is even parsed: graph.js draws it
// when both are there. The page's URL holds the filters; empty ones are no filters.
(function () {
  "use strict";
  const query = new URLSearchParams();
  for (const [name, value] of new URLSearchParams(window.location.search)) if (value) query.append(name, value);
  window.newsgraphGraphData = fetch("/api/graph?" + query.toString(), { headers: { Accept: "application/json" } });
})();
