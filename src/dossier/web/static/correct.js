// Send a record's correction form to POST /api/corrections with the token typed in it, then
// show the record as it now is (a merged actor's page is its new home; a rejected event has none).
(function () {
  var KEYS = {rename: "name", country: "country", type: "type", merge: "into", split: "names"};
  function send(form, event) {
    event.preventDefault();
    var f = form.elements, action = f.action.value, value = {};
    if (KEYS[action]) value[KEYS[action]] = action === "split" ? f.value.value.split(/\s*;\s*/) : f.value.value;
    var status = form.querySelector(".status");
    status.textContent = "saving…";
    fetch("/api/corrections", {
      method: "POST",
      headers: {"Content-Type": "application/json", "Authorization": "Bearer " + f.token.value},
      body: JSON.stringify({action: action, target: form.dataset.target, value: value,
                            by: f.by.value, why: f.why.value})
    }).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) throw new Error(body.error ? body.error.message : r.statusText);
        if (action === "reject") location.href = "/corrections";
        else if (action === "merge") location.href = "/actors/" + encodeURIComponent(body.value.into);
        else location.reload();
      });
    }).catch(function (e) { status.textContent = "not saved: " + e.message; });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.correct").forEach(function (form) {
      form.addEventListener("submit", function (e) { send(form, e); });
    });
  });
})();
