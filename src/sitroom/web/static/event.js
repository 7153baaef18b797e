// Review actions on the event page: every call sends the write token; the page reloads to show the revision.
(function () {
  "use strict";
  var main = document.querySelector("main.event");
  var eventId = main.getAttribute("data-event-id");
  var status = document.getElementById("review-status");
  var token = document.getElementById("token");
  var author = document.getElementById("author");
  token.value = sessionStorage.getItem("sitroom-token") || "";
  author.value = localStorage.getItem("sitroom-author") || "";

  function post(url, body) {
    sessionStorage.setItem("sitroom-token", token.value);
    localStorage.setItem("sitroom-author", author.value);
    status.textContent = "saving…";
    return fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token.value,
                 "X-Sitroom-Author": author.value || "analyst" },
      body: JSON.stringify(body || {})
    }).then(function (r) {
      return r.json().then(function (data) {
        if (!r.ok) throw new Error(data.error || ("HTTP " + r.status));
        return data;
      });
    }).then(function (data) {
      status.textContent = "saved revision " + data.id;
      var target = data.field === "merge" || data.field === "split" ? data.event_id : eventId;
      window.location.assign("/events/" + encodeURIComponent(target));
    }).catch(function (err) { status.textContent = "error: " + err.message; });
  }
  var base = "/api/events/" + encodeURIComponent(eventId);

  document.getElementById("correct-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var f = new FormData(ev.target);
    post(base + "/corrections", { field: f.get("field"), value: f.get("value"), reason: f.get("reason") });
  });
  document.getElementById("fp-toggle").addEventListener("click", function (ev) {
    post(base + "/false-positive", { flag: ev.target.getAttribute("data-flag") === "true" });
  });
  document.getElementById("split").addEventListener("click", function () {
    var ids = Array.from(document.querySelectorAll(".split-pick:checked")).map(function (c) { return c.value; });
    if (!ids.length) { status.textContent = "tick the reports to split out first"; return; }
    post("/api/split", { mention_ids: ids });
  });
  document.getElementById("merge-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var other = new FormData(ev.target).get("other");
    post("/api/merge", { event_ids: [eventId, other] });
  });
  document.querySelectorAll("button.undo").forEach(function (b) {
    b.addEventListener("click", function () { post("/api/revisions/" + b.getAttribute("data-revision") + "/undo", {}); });
  });
})();
