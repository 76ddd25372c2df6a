"""The analyst's workbench in the browser: a JSON API and server-rendered pages over the
corpus store (`newsgraph serve`). Read-only unless started with --allow-edits."""
