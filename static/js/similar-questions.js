/*
 * "已有类似的问题" under the title field of the ask page (progressive enhancement).
 *
 * As the asker types a title, a debounced GET asks /search/suggestions/ for up to five
 * existing questions like it and lists them as links, so an answered question can be read
 * instead of asked again. Without this script the form works exactly the same. No libraries.
 */
(function () {
  "use strict";

  var DELAY_MS = 300;
  var MIN_CHARS = 4;

  function enhance(box) {
    var input = document.getElementById(box.getAttribute("data-similar-for"));
    var url = box.getAttribute("data-similar-url");
    if (!input || !url || !window.fetch) { return; }
    var list = box.querySelector("ul");
    // Right under the title field, where the asker is looking while typing.
    var field = input.closest(".field");
    if (field && field.parentNode) { field.parentNode.insertBefore(box, field.nextSibling); }
    var timer = null;
    var controller = null;
    var lastAsked = null;

    function show(results) {
      while (list.firstChild) { list.removeChild(list.firstChild); }
      results.forEach(function (result) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = result.url;
        link.textContent = result.title; // text, never HTML
        link.target = "_blank";
        link.rel = "noopener";
        item.appendChild(link);
        var meta = document.createElement("span");
        meta.className = "meta";
        meta.textContent = result.answer_count ? "（" + result.answer_count + " 个回答）" : "（待回答）";
        item.appendChild(meta);
        list.appendChild(item);
      });
      box.hidden = results.length === 0;
    }

    function ask() {
      var text = input.value.trim();
      if (text === lastAsked) { return; }
      lastAsked = text;
      if (text.length < MIN_CHARS) { show([]); return; }
      if (controller) { controller.abort(); }
      controller = window.AbortController ? new AbortController() : null;
      fetch(url + "?q=" + encodeURIComponent(text), {
        headers: { "Accept": "application/json" },
        signal: controller ? controller.signal : undefined
      })
        .then(function (response) { return response.ok ? response.json() : { results: [] }; })
        .then(function (data) { show(data.results || []); })
        .catch(function () { /* aborted or offline: keep what is shown */ });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, DELAY_MS);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-similar-for]"), enhance);
})();
