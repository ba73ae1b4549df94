// marsad desk: the only script, loaded from the server itself (the CSP
// forbids inline script). It toggles the highlight layers of an article.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  var body = document.getElementById("article-body");
  if (!body) return;
  var boxes = document.querySelectorAll("#legend input[data-toggle]");
  boxes.forEach(function (box) {
    box.addEventListener("change", function () {
      body.classList.toggle("hide-" + box.dataset.toggle, !box.checked);
    });
  });
});
