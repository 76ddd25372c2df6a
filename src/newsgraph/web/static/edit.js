// Merge and split from the dossier, through the same API the CLI's commands use
// (POST /api/actors/{id}/merge|split). Only served when `newsgraph serve --allow-edits`.
(function () {
  "use strict";
  const form = document.getElementById("edit");
  const status = document.getElementById("edit-status");
  form.addEventListener("click", (event) => {
    const action = event.target.dataset.action;
    if (!action) return;
    event.preventDefault();
    const params = new URLSearchParams();
    if (action === "split-name") params.set("name", form.elements.name.value);
    else params.set("other", form.elements.other.value);
    const verb = action === "merge" ? "merge" : "split";
    fetch("/api/actors/" + form.dataset.actor + "/" + verb + "?" + params, { method: "POST" })
      .then((response) => response.json().then((body) => ({ ok: response.ok, body: body })))
      .then(({ ok, body }) => {
        if (ok) { window.location.reload(); return; }
        const detail = typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
        status.textContent = "Not done: " + detail;
      });
  });
})();
