// The console's labels come from locales/ (console_* entries) through /api/ui-strings; Swedish by default.
(function () {
  "use strict";
  const consoleUi = { strings: {} };

  consoleUi.language = function () {
    return localStorage.getItem("af-console-language") || "sv";
  };

  consoleUi.t = function (key, values) {
    let text = consoleUi.strings[key] || key;
    Object.keys(values || {}).forEach((name) => { text = text.split("{" + name + "}").join(String(values[name])); });
    return text;
  };

  consoleUi.load = async function (language) {
    const reply = await fetch("/api/ui-strings/" + encodeURIComponent(language) + "?surface=console");
    if (!reply.ok) return;
    const data = await reply.json();
    consoleUi.strings = data.strings;
    document.documentElement.lang = data.language;
    document.documentElement.dir = data.dir;
    document.querySelectorAll("[data-ui]").forEach((el) => { el.textContent = consoleUi.t(el.dataset.ui); });
    localStorage.setItem("af-console-language", data.language);
  };

  window.consoleUi = consoleUi;
})();
