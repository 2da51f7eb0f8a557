// Outline every piece of the evidence span named in the URL's #ev-<start>-<end>: a span cut
// by overlapping ones is several <mark>s, and CSS :target reaches only the first.
(function () {
  function outline() {
    document.querySelectorAll("mark.hit").forEach(function (m) { m.classList.remove("hit"); });
    var id = decodeURIComponent(location.hash.slice(1));
    if (!/^ev-\d+-\d+$/.test(id)) return;
    document.querySelectorAll("mark[data-ev]").forEach(function (m) {
      if (m.dataset.ev.split(" ").indexOf(id) >= 0) m.classList.add("hit");
    });
  }
  window.addEventListener("hashchange", outline);
  document.addEventListener("DOMContentLoaded", outline);
})();
