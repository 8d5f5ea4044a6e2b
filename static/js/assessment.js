/*
 * Live results for the 侵犯公民个人信息罪 assessment (progressive enhancement).
 *
 * Without this script the form posts to the tool page, which shows the result. With it, every
 * change posts the same form (with its CSRF token, never in a URL) to the same page with the
 * header "X-Requested-With: fetch"; the server answers with the result include alone, so the
 * page and the live update render from one template. No libraries.
 */
(function () {
  "use strict";

  var DELAY_MS = 350;

  function enhance(container) {
    var form = container.querySelector("[data-assessment-form]");
    var output = container.querySelector("[data-assessment-output]");
    var status = container.querySelector("[data-assessment-status]");
    // Already live: the embed brings this script along, so a page may load it twice.
    if (container.hasAttribute("data-assessment-live")) { return; }
    if (!form || !output || !window.fetch || !window.FormData) { return; }
    var timer = null;
    var controller = null;
    var lastSent = null; // a text field fires "input" and then "change": ask once

    function markInvalidFields(ids) {
      var wanted = {};
      ids.forEach(function (id) { wanted[id] = true; });
      Array.prototype.forEach.call(form.querySelectorAll("input"), function (input) {
        var field = input.closest(".field");
        if (wanted[input.id]) {
          input.setAttribute("aria-invalid", "true");
          if (field) { field.classList.add("has-error"); }
        } else if (input.type !== "radio" && input.type !== "hidden") {
          input.removeAttribute("aria-invalid");
          if (field) { field.classList.remove("has-error"); }
        }
      });
    }

    function show(html) {
      output.innerHTML = html;
      var result = output.querySelector("[data-assessment-result]");
      if (!result) { return; }
      var invalid = (result.getAttribute("data-invalid-fields") || "").split(" ").filter(Boolean);
      markInvalidFields(invalid);
      // Server-side errors shown beside the fields on a no-JS post are stale now.
      Array.prototype.forEach.call(form.querySelectorAll(".field .error"), function (error) {
        error.remove();
      });
      if (status) { announce(result, invalid.length > 0); }
    }

    // The status line sums the result up (level, proportional sum, provisions met); on a phone
    // it sticks to the bottom of the screen, since the result itself is far below the field
    // being typed in, and links down to it.
    function announce(result, invalid) {
      var label = result.getAttribute("data-level-label");
      var count = result.getAttribute("data-ground-count");
      var sum = result.getAttribute("data-proportional-sum");
      var region = output.closest("[id]");
      status.textContent = invalid
        ? "输入有误，请看结果处的说明。"
        : label ? "评估结果：" + label + "（按比例合计 " + sum + "，满足 " + count + " 项规定）" : "";
      if (label && !invalid && region) {
        var link = document.createElement("a");
        link.href = "#" + region.id;
        link.textContent = "查看";
        status.appendChild(document.createTextNode(" "));
        status.appendChild(link);
      }
    }

    function update() {
      var body = new URLSearchParams(new FormData(form));
      if (body.toString() === lastSent) { return; }
      lastSent = body.toString();
      if (controller) { controller.abort(); }
      controller = window.AbortController ? new AbortController() : null;
      fetch(form.action, {
        method: "POST",
        body: body,
        headers: { "X-Requested-With": "fetch" },
        credentials: "same-origin",
        cache: "no-store",
        signal: controller ? controller.signal : undefined
      }).then(function (response) {
        // 400 carries the field errors as a fragment too; anything else is a failure.
        if (!response.ok && response.status !== 400) { throw new Error(String(response.status)); }
        return response.text();
      }).then(show).catch(function (error) {
        if (error && error.name === "AbortError") { return; }
        lastSent = null;
        if (status) { status.textContent = "暂时无法自动更新，请点“评估”按钮。"; }
      });
    }

    function schedule() {
      window.clearTimeout(timer);
      timer = window.setTimeout(update, DELAY_MS);
    }

    form.addEventListener("input", schedule);
    form.addEventListener("change", schedule);
    container.setAttribute("data-assessment-live", "");
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-assessment]"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
