// Merge and split from the dossier, through the same API the CLI's commands use
// (POST /api/actors/{id}/merge|split with a JSON body). Only served with --allow-edits.
// A merge is asked first, naming both actors, and warns when their types differ.
(function () {
  "use strict";
  const form = document.getElementById("edit");
  const status = document.getElementById("edit-status");
  const confirmBox = document.getElementById("edit-confirm");
  const question = document.getElementById("edit-question");
  const warning = document.getElementById("edit-warning");
  const here = { id: form.dataset.actor, name: form.dataset.name, type: form.dataset.type };
  let pending = null;

  function detail(body) {
    return typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail);
  }

  function send(verb, body) {
    status.textContent = "Working…";
    return fetch("/api/actors/" + here.id + "/" + verb, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    })
      .then((response) => response.json().catch(() => ({})).then((answer) => ({ ok: response.ok, answer: answer })))
      .then(({ ok, answer }) => {
        if (ok) { window.location.reload(); return; }
        status.textContent = "Not done: " + detail(answer);
      })
      .catch((problem) => { status.textContent = "Not done: " + problem.message; });
  }

  function ask(other) {
    pending = other;
    question.textContent = "Merge " + other.name + " (#" + other.id + ", " + other.type + ", in " +
      other.articles + " article(s)) into " + here.name + " (" + here.type + ")? Every mention of it " +
      "will count as " + here.name + ". The merge is recorded and can be undone.";
    warning.textContent = other.type !== here.type
      ? "Their types differ: " + other.type + " is not " + here.type + ". Merge only if they are one actor."
      : "";
    confirmBox.classList.remove("hidden");
    document.getElementById("edit-yes").focus();
  }

  document.getElementById("edit-yes").addEventListener("click", () => {
    if (!pending) return;
    confirmBox.classList.add("hidden");
    send("merge", { other: "#" + pending.id, different_types: pending.type !== here.type });
    pending = null;
  });
  document.getElementById("edit-no").addEventListener("click", () => {
    pending = null;
    confirmBox.classList.add("hidden");
    status.textContent = "Not merged.";
  });

  form.addEventListener("click", (event) => {
    const action = event.target.dataset.action;
    if (!action) return;
    event.preventDefault();
    const other = form.elements.other.value.trim();
    if (action === "split-name") { send("split", { name: form.elements.name.value }); return; }
    if (!other) { status.textContent = "Name the other actor first."; return; }
    if (action === "split") { send("split", { other: other }); return; }
    fetch("/api/actors/find?" + new URLSearchParams({ name: other }), { headers: { Accept: "application/json" } })
      .then((response) => response.json().then((body) => ({ ok: response.ok, body: body })))
      .then(({ ok, body }) => {
        if (!ok) { status.textContent = "Not found: " + detail(body); return; }
        if (String(body.id) === here.id) { status.textContent = "That is this actor."; return; }
        ask(body);
      })
      .catch((problem) => { status.textContent = "Lookup failed: " + problem.message; });
  });
})();
