(function () {
  "use strict";
  const ui = window.consoleUi;
  const form = document.getElementById("login-form");
  const error = document.getElementById("login-error");

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.textContent = "";
    const reply = await fetch("/api/staff/login", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      credentials: "same-origin",
      body: JSON.stringify({ username: form.username.value, password: form.password.value }),
    });
    if (reply.ok) {
      window.location.assign("/console");
      return;
    }
    const body = await reply.json().catch(() => ({}));
    const detail = body.detail || {};
    error.textContent = detail.code === "locked"
      ? ui.t("console_login_locked", { minutes: detail.minutes })
      : ui.t("console_login_failed");
    form.password.value = "";
    form.password.focus();
  });

  ui.load(ui.language());
})();
