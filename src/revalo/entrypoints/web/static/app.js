// Small progressive enhancements: every page works without this script.
(function () {
  "use strict";

  // Hovering or focusing a legend entry highlights its series in the chart next to it.
  function highlight(root, name) {
    root.querySelectorAll("[data-series]").forEach(function (el) {
      if (el.closest(".legend") || el.closest(".legend-table")) return;
      el.classList.toggle("dimmed", name !== null && el.getAttribute("data-series") !== name);
    });
  }
  document.querySelectorAll("[data-highlight]").forEach(function (root) {
    root.querySelectorAll(".legend [data-series], .legend-table [data-series]").forEach(function (item) {
      var name = item.getAttribute("data-series");
      ["mouseenter", "focus"].forEach(function (ev) { item.addEventListener(ev, function () { highlight(root, name); }); });
      ["mouseleave", "blur"].forEach(function (ev) { item.addEventListener(ev, function () { highlight(root, null); }); });
    });
  });

  // Selecting a filter submits its form at once where the form asks for it.
  document.querySelectorAll("form[data-autosubmit] select").forEach(function (sel) {
    sel.addEventListener("change", function () { sel.form.submit(); });
  });

  // The queue's "select all" box.
  var all = document.getElementById("select-all");
  if (all) {
    all.addEventListener("change", function () {
      document.querySelectorAll("input[name=lpn]").forEach(function (box) { box.checked = all.checked; });
    });
  }

  // Station: keyboard first.
  var scan = document.getElementById("code");
  var grade = document.getElementById("grade-form");
  function typing(target) {
    var tag = target.tagName;
    return (tag === "INPUT" && !["radio", "checkbox"].includes(target.type)) || tag === "TEXTAREA" || tag === "SELECT";
  }
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "/" && scan && !typing(ev.target)) { ev.preventDefault(); scan.focus(); scan.select(); return; }
    if (!grade) return;
    if (ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)) { ev.preventDefault(); grade.requestSubmit(); return; }
    if (typing(ev.target) || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    var m = /^Digit([1-4])$/.exec(ev.code || "");
    if (!m) return;
    var letter = "ABCD"[Number(m[1]) - 1];
    var box = grade.querySelector("input[name=" + (ev.shiftKey ? "cosmetic_grade" : "functional_grade") + "][value=" + letter + "]");
    if (box) { ev.preventDefault(); box.checked = true; box.focus(); }
  });
  // The inspection time counts from when the grading form was shown.
  if (grade) {
    var started = Date.now();
    grade.addEventListener("submit", function () {
      var d = grade.querySelector("input[name=duration_s]");
      if (d && !d.dataset.touched) d.value = String(Math.max(1, Math.round((Date.now() - started) / 1000)));
    });
    var dur = grade.querySelector("input[name=duration_s]");
    if (dur) dur.addEventListener("input", function () { dur.dataset.touched = "1"; });
  }
  var print = document.getElementById("print-label");
  if (print) print.addEventListener("click", function () { window.print(); });
})();
