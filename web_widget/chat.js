// The simple chat page: everything the user or the assistant wrote is inserted as text, never as HTML.
(function () {
  "use strict";
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("message");
  const picker = document.getElementById("language");
  let ui = {};

  function senderId() {
    let id = localStorage.getItem("af-sender-id");
    if (!id) {
      id = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
      localStorage.setItem("af-sender-id", id);
    }
    return id;
  }

  async function loadUi(language) {
    const reply = await fetch("/api/ui-strings/" + encodeURIComponent(language));
    if (!reply.ok) return;
    const data = await reply.json();
    ui = data.strings;
    document.documentElement.lang = data.language;
    document.documentElement.dir = data.dir;
    document.querySelectorAll("[data-ui]").forEach((el) => { el.textContent = ui[el.dataset.ui] || el.textContent; });
    document.querySelectorAll("[data-ui-placeholder]").forEach((el) => { el.placeholder = ui[el.dataset.uiPlaceholder] || ""; });
    localStorage.setItem("af-language", data.language);
  }

  function add(kind, text, buttons) {
    const item = document.createElement("li");
    item.className = "msg msg--" + kind;
    item.dir = "auto";
    const who = document.createElement("span");
    who.className = "msg__who";
    who.textContent = kind === "user" ? (ui.ui_you || "Du") : kind === "bot" ? (ui.ui_assistant || "Assistent") : "";
    item.appendChild(who);
    const body = document.createElement("span");
    body.textContent = text || "";
    item.appendChild(body);
    if (buttons && buttons.length) {
      const row = document.createElement("div");
      row.className = "msg__buttons";
      buttons.forEach((b) => {
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = b.title;
        button.addEventListener("click", () => send(b.payload, b.title));
        row.appendChild(button);
      });
      item.appendChild(row);
    }
    log.appendChild(item);
    item.scrollIntoView({ block: "end" });
  }

  async function send(message, shown) {
    add("user", shown === undefined ? message : shown);
    try {
      const reply = await fetch("/api/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender_id: senderId(), message: message, language: picker.value }),
      });
      if (!reply.ok) throw new Error(String(reply.status));
      const data = await reply.json();
      data.messages.forEach((m) => add("bot", m.text, m.buttons));
    } catch (error) {
      add("error", ui.ui_error || "Error");
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value;
    if (!text.trim()) return;
    input.value = "";
    send(text);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
  });
  picker.addEventListener("change", () => loadUi(picker.value));
  picker.value = localStorage.getItem("af-language") || "sv";
  loadUi(picker.value);
})();
