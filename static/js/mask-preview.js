/*
 * "发布时将隐去：…" on the ask and edit pages (progressive enhancement).
 *
 * As the asker types, a debounced POST sends the title and body to /questions/mask-preview/,
 * which answers with the personal identifiers publishing would mask (kind and masked form
 * only), and this lists them under the form. The text goes in the request body, never in a URL,
 * and the answer is never cached. Without this script the help text under the fields says the
 * same in general, and the question page lists what was masked after publishing. No libraries.
 */
(function () {
  "use strict";

  var DELAY_MS = 600;

  function enhance(box) {
    var ids = box.getAttribute("data-mask-preview").split(" ");
    var url = box.getAttribute("data-mask-url");
    var form = box.closest("form");
    var fields = ids.map(function (id) { return document.getElementById(id); });
    var token = form && form.querySelector("[name=csrfmiddlewaretoken]");
    if (!url || !form || !token || !window.fetch || !window.URLSearchParams) { return; }
    if (fields.some(function (field) { return !field; })) { return; }
    var line = box.querySelector("p");
    var timer = null;
    var controller = null;
    var lastSent = null;

    function show(masked) {
      line.textContent = masked.length
        ? "发布时将隐去：" + masked.map(function (item) {
            return item.kind + " " + item.masked;
          }).join("、")
        : "";
      box.hidden = masked.length === 0;
    }

    function ask() {
      var body = new URLSearchParams();
      body.append("csrfmiddlewaretoken", token.value);
      fields.forEach(function (field) { body.append(field.name, field.value); });
      if (body.toString() === lastSent) { return; }
      lastSent = body.toString();
      if (controller) { controller.abort(); }
      controller = window.AbortController ? new AbortController() : null;
      fetch(url, {
        method: "POST",
        body: body,
        headers: { "Accept": "application/json" },
        credentials: "same-origin",
        cache: "no-store",
        signal: controller ? controller.signal : undefined
      })
        .then(function (response) { return response.ok ? response.json() : { masked: [] }; })
        .then(function (data) { show(data.masked || []); })
        .catch(function () { lastSent = null; /* aborted or offline: keep what is shown */ });
    }

    fields.forEach(function (field) {
      field.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(ask, DELAY_MS);
      });
    });
    // An edit form, or a form sent back with errors, may hold identifiers already.
    if (fields.some(function (field) { return field.value; })) { ask(); }
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-mask-preview]"), enhance);
})();
