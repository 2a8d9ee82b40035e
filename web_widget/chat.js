// The simple chat page: everything the user, the assistant or staff wrote is inserted as text, never as HTML.
(function () {
  "use strict";
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("message");
  const picker = document.getElementById("language");
  const status = document.getElementById("handoff-status");
  const shown = new Set();
  let ui = {};
  let lastId = 0;
  let state = { mode: "bot" };

  async function conversation() {
    const saved = JSON.parse(localStorage.getItem("af-conversation") || "null");
    if (saved && saved.sender_id && saved.token) return saved;
    const reply = await fetch("/api/conversations", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ language: picker.value }),
    });
    const ticket = await reply.json();
    localStorage.setItem("af-conversation", JSON.stringify(ticket));
    return ticket;
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
    showState(state);
  }

  function showState(next) {
    state = Object.assign({}, state, next);
    status.hidden = state.mode === "bot";
    status.textContent = state.mode === "staff" ? (ui.ui_handoff_active || "")
      : state.mode === "waiting" ? (ui.ui_handoff_waiting || "") : "";
  }

  const WHO = { user: "ui_you", bot: "ui_assistant", system: "ui_assistant", staff: "ui_staff_label" };

  function add(kind, text, buttons, id) {
    if (id) {
      if (shown.has(id)) return;
      shown.add(id);
      lastId = Math.max(lastId, id);
    }
    const item = document.createElement("li");
    item.className = "msg msg--" + kind;
    item.dir = "auto";
    const who = document.createElement("span");
    who.className = "msg__who";
    who.textContent = WHO[kind] ? (ui[WHO[kind]] || "") : "";
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

  function addMessage(m) {
    add(m.author === "seeker" ? "user" : m.author, m.text, m.buttons, m.id);
  }

  async function send(message, shownText) {
    add("user", shownText === undefined ? message : shownText);
    try {
      const ticket = await conversation();
      const reply = await fetch("/api/chat", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ sender_id: ticket.sender_id, token: ticket.token, message: message, language: picker.value }),
      });
      if (!reply.ok) throw new Error(String(reply.status));
      const data = await reply.json();
      data.messages.forEach(addMessage);
      showState(data.state);
    } catch (error) {
      add("error", ui.ui_error || "Error");
    }
  }

  async function restore(ticket) {
    const query = "?token=" + encodeURIComponent(ticket.token) + "&after=" + lastId;
    const reply = await fetch("/api/conversations/" + ticket.sender_id + "/messages" + query);
    if (reply.status === 403) { localStorage.removeItem("af-conversation"); return; }
    if (!reply.ok) return;
    const data = await reply.json();
    data.messages.forEach(addMessage);
    showState(data.state);
  }

  async function listen() {
    const ticket = await conversation();
    await restore(ticket);
    const events = new EventSource("/api/conversations/" + ticket.sender_id + "/events?token=" + encodeURIComponent(ticket.token));
    events.onopen = () => restore(ticket);  // after a reconnect: whatever arrived meanwhile
    events.onmessage = (event) => {
      const data = JSON.parse(event.data);
      if (data.type === "message") addMessage(data.message);
      else if (data.type === "state") showState(data.state);
    };
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
  loadUi(picker.value).then(listen);
})();
