/*! Arbetsförmedlingen's assistant: the embeddable chat widget. MIT licence.
 *
 * On any page: <script src="https://SERVICE/widget/widget.js" defer></script> and one configuration
 * object, either window.AFAssistantConfig = {...} or, under a strict Content-Security-Policy,
 * <script type="application/json" id="af-assistant-config">{"serviceUrl": "...", "language": "sv",
 * "colors": {"primary": "#00005a", "onPrimary": "#ffffff"}}</script>.
 *
 * No framework, no inline script or style, no eval, no request to anyone but the service.
 * Everything a person wrote is inserted as text; only the assistant's own answers get links,
 * and only to the domains below.
 */
(function () {
  "use strict";
  if (window.__afAssistantLoaded) return;
  window.__afAssistantLoaded = true;

  const LANGUAGES = [["sv", "svenska"], ["en", "English"], ["ar", "العربية"], ["fa", "فارسی"], ["so", "Soomaali"], ["ti", "ትግርኛ"]];
  const LINK_DOMAINS = ["arbetsformedlingen.se", "1177.se", "kvinnofridslinjen.se", "mind.se", "112.se", "skatteverket.se"];
  const LINK = new RegExp(
    "\\b(?:https?:\\/\\/)?(?:www\\.)?((?:[a-z0-9-]+\\.)*(?:" + LINK_DOMAINS.map((d) => d.replace(/\./g, "\\.")).join("|") + "))(\\/[^\\s<>\"')\\]]*)?",
    "gi",
  );
  const script = document.currentScript;
  // Right-to-left and left-to-right letters, to give each message the direction of most of its
  // words: "F2. لماذا…" or "Kiruna …" in an Arabic answer starts with Latin, so dir=auto would get it wrong.
  const RTL_LETTERS = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/g;
  const LTR_LETTERS = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u1200-\u137f]/g;

  function directionOf(text) {
    const rtl = (text.match(RTL_LETTERS) || []).length;
    const ltr = (text.match(LTR_LETTERS) || []).length;
    return rtl === 0 && ltr === 0 ? "auto" : rtl > ltr ? "rtl" : "ltr";
  }

  function readConfig() {
    let config = window.AFAssistantConfig;
    const block = document.getElementById("af-assistant-config");
    if (!config && block) {
      try { config = JSON.parse(block.textContent); } catch (error) { config = {}; }
    }
    config = Object.assign({}, config || {});
    config.serviceUrl = String(config.serviceUrl || (script && script.src ? new URL(script.src).origin : location.origin)).replace(/\/+$/, "");
    return config;
  }

  const config = readConfig();
  const base = config.serviceUrl;
  const key = (name) => "af-assistant:" + base + ":" + name;
  const load = (name, fallback) => {
    try { const value = localStorage.getItem(key(name)); return value === null ? fallback : JSON.parse(value); } catch (error) { return fallback; }
  };
  const save = (name, value) => { try { localStorage.setItem(key(name), JSON.stringify(value)); } catch (error) { /* private mode */ } };
  const tabs = "BroadcastChannel" in window ? new BroadcastChannel("af-assistant:" + base) : null;

  const supported = (code) => LANGUAGES.some(([c]) => c === code);
  const pageLanguage = (document.documentElement.lang || "").slice(0, 2);
  let language = load("language", null) || (supported(config.language) ? config.language : supported(pageLanguage) ? pageLanguage : "sv");
  let strings = {};
  let ticket = load("ticket", null);
  let pending = load("pending", []);
  let lastId = 0;
  let state = { mode: "bot" };
  let sending = false;
  let retryDelay = 1000;
  let retryTimer = null;
  let events = null;
  const shown = new Set();

  // --- the elements -------------------------------------------------------------------------
  const host = document.createElement("div");
  host.id = "af-assistant";
  const root = host.attachShadow({ mode: "open" });
  const el = (tag, attrs, text) => {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([name, value]) => node.setAttribute(name, value));
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const sheet = el("link", { rel: "stylesheet", href: base + "/widget/widget.css" });
  // A landmark of its own, so the widget is never "content outside any region" on the host page.
  const frame = el("aside", { class: "af", part: "widget" });
  const launcher = el("button", { type: "button", class: "af-launcher", "aria-expanded": "false", "aria-controls": "af-panel" });
  const launcherLabel = el("span", { class: "af-launcher__label" });
  const badge = el("span", { class: "af-launcher__badge", "aria-hidden": "true", hidden: "" });
  const badgeLabel = el("span", { class: "af-visually-hidden" });
  launcher.append(el("span", { class: "af-launcher__icon", "aria-hidden": "true" }, "💬"), launcherLabel, badge, badgeLabel);
  let unread = 0;
  const panel = el("section", { id: "af-panel", class: "af-panel", role: "dialog", "aria-modal": "true", "aria-labelledby": "af-title", hidden: "" });
  const header = el("header", { class: "af-header" });
  const title = el("h2", { id: "af-title", class: "af-title" });
  const pickerLabel = el("label", { for: "af-language", class: "af-visually-hidden" });
  const picker = el("select", { id: "af-language", class: "af-language" });
  LANGUAGES.forEach(([code, name]) => picker.append(el("option", { value: code, lang: code }, name)));
  const close = el("button", { type: "button", class: "af-close" });
  close.append(el("span", { "aria-hidden": "true" }, "×"));
  const closeLabel = el("span", { class: "af-visually-hidden" });
  close.append(closeLabel);
  header.append(title, pickerLabel, picker, close);
  const privacy = el("p", { class: "af-privacy" });
  const status = el("p", { class: "af-status", role: "status", hidden: "" });
  const offline = el("p", { class: "af-offline", role: "status", hidden: "" });
  const log = el("div", { class: "af-log", role: "log", "aria-live": "polite", "aria-relevant": "additions", tabindex: "0", "aria-labelledby": "af-title" });
  const list = el("ol", { class: "af-list" });
  log.append(list);
  const typing = el("p", { class: "af-typing", role: "status", hidden: "" });
  const form = el("form", { class: "af-composer" });
  const inputLabel = el("label", { for: "af-message", class: "af-visually-hidden" });
  const input = el("textarea", { id: "af-message", rows: "2", maxlength: "5000", dir: "auto" });
  const send = el("button", { type: "submit", class: "af-send" });
  form.append(inputLabel, input, send);
  panel.append(header, privacy, status, offline, log, typing, form);
  frame.append(launcher, panel);
  root.append(sheet, frame);

  const colors = config.colors || {};
  if (colors.primary) frame.style.setProperty("--af-primary", colors.primary);
  if (colors.onPrimary) frame.style.setProperty("--af-on-primary", colors.onPrimary);

  // --- language -----------------------------------------------------------------------------
  const t = (name, values) => {
    let text = strings[name] || "";
    Object.keys(values || {}).forEach((k) => { text = text.split("{" + k + "}").join(values[k]); });
    return text;
  };

  async function useLanguage(code) {
    if (!supported(code)) return;
    const reply = await fetch(base + "/api/ui-strings/" + code);
    if (!reply.ok) return;
    const data = await reply.json();
    strings = data.strings;
    language = code;
    save("language", code);
    frame.setAttribute("lang", code);
    frame.setAttribute("dir", data.dir);
    picker.value = code;
    launcherLabel.textContent = t("ui_open");
    frame.setAttribute("aria-label", t("ui_title"));
    title.textContent = t("ui_title");
    pickerLabel.textContent = t("ui_language");
    closeLabel.textContent = t("ui_close");
    privacy.textContent = t("ui_privacy");
    inputLabel.textContent = t("ui_placeholder");
    input.placeholder = t("ui_placeholder");
    send.textContent = t("ui_send");
    typing.textContent = t("ui_typing");
    offline.textContent = t("ui_offline");
    log.querySelectorAll("[data-who]").forEach((who) => { who.textContent = t(who.dataset.who); });
    log.querySelectorAll(".af-msg__pending").forEach((note) => { note.textContent = t("ui_pending"); });
    showState(state);
  }

  // --- messages -----------------------------------------------------------------------------
  const WHO = { seeker: "ui_you", bot: "ui_assistant", system: "ui_assistant", staff: "ui_staff_label" };

  function linked(text) {
    const fragment = document.createDocumentFragment();
    let last = 0;
    text.replace(LINK, (match, domain, path, offset) => {
      fragment.append(text.slice(last, offset));
      const anchor = el("a", { href: "https://" + domain.toLowerCase() + (path || ""), target: "_blank", rel: "noopener noreferrer" }, match);
      fragment.append(anchor);
      last = offset + match.length;
      return match;
    });
    fragment.append(text.slice(last));
    return fragment;
  }

  function timeOf(iso) {
    const when = iso ? new Date(iso) : new Date();
    const stamp = el("time", { datetime: when.toISOString(), class: "af-msg__time" });
    stamp.textContent = t("ui_sent_at", { time: new Intl.DateTimeFormat(language, { hour: "2-digit", minute: "2-digit" }).format(when) });
    return stamp;
  }

  function render(message) {
    if (message.id) {
      if (shown.has(message.id)) return;
      shown.add(message.id);
      lastId = Math.max(lastId, message.id);
    }
    const item = el("li", { class: "af-msg af-msg--" + message.author });
    const who = el("span", { class: "af-msg__who", "data-who": WHO[message.author] || "ui_assistant" }, t(WHO[message.author] || "ui_assistant"));
    const body = el("span", { class: "af-msg__text", dir: directionOf(message.text || "") });
    if (message.author === "bot" || message.author === "system") body.append(linked(message.text || ""));
    else body.textContent = message.text || "";
    item.append(who, body, timeOf(message.created_at));
    if (message.buttons && message.buttons.length) {
      const row = el("div", { class: "af-msg__buttons" });
      message.buttons.forEach((button) => {
        const choice = el("button", { type: "button" }, button.title);
        choice.addEventListener("click", () => submit(button.payload, button.title));
        row.append(choice);
      });
      item.append(row);
    }
    if (message.local) {
      item.classList.add("af-msg--pending");
      item.dataset.local = message.local;
      item.append(el("span", { class: "af-msg__pending" }, t("ui_pending")));
    }
    list.append(item);
    item.scrollIntoView({ block: "nearest" });
    return item;
  }

  function showState(next) {
    state = Object.assign({}, state, next || {});
    const text = state.mode === "staff" ? t("ui_handoff_active") : state.mode === "waiting" ? t("ui_handoff_waiting") : "";
    status.textContent = text;
    status.hidden = !text;
  }

  // --- talking to the service ---------------------------------------------------------------
  async function conversation() {
    if (ticket) return ticket;
    const reply = await fetch(base + "/api/conversations", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ language: language }),
    });
    if (!reply.ok) throw new Error("no conversation");
    ticket = await reply.json();
    save("ticket", ticket);
    listen();
    return ticket;
  }

  function uid() {
    if (crypto.randomUUID) return crypto.randomUUID().replace(/-/g, "");
    return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
  }

  function submit(text, shownText) {
    if (!text.trim()) return;
    const message = { id: uid(), text: text, shown: shownText === undefined ? text : shownText, at: new Date().toISOString() };
    pending.push(message);
    save("pending", pending);
    render({ author: "seeker", text: message.shown, created_at: message.at, local: message.id });
    if (tabs) tabs.postMessage("pending");
    flush();
  }

  function delivered(localId, serverId) {
    const item = log.querySelector('[data-local="' + localId + '"]');
    if (!item) return;
    if (serverId && shown.has(serverId)) { item.remove(); return; }  // already on screen from the record
    if (serverId) { shown.add(serverId); lastId = Math.max(lastId, serverId); }
    item.classList.remove("af-msg--pending");
    const note = item.querySelector(".af-msg__pending");
    if (note) note.remove();
    delete item.dataset.local;
  }

  async function flush() {
    if (sending || !pending.length) return;
    sending = true;
    typing.hidden = false;
    try {
      while (pending.length) {
        const message = pending[0];
        const current = await conversation();
        const reply = await fetch(base + "/api/chat", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            sender_id: current.sender_id, token: current.token, message: message.text, language: language, client_message_id: message.id,
          }),
        });
        if (reply.status === 403) { reset(); setTimeout(flush, 0); return; }  // a new conversation, same messages
        if (!reply.ok && reply.status < 500) {
          pending.shift();
          save("pending", pending);
          delivered(message.id);
          render({ author: "system", text: t("ui_error") });
          continue;
        }
        if (!reply.ok) throw new Error(String(reply.status));
        const data = await reply.json();
        pending.shift();
        save("pending", pending);
        delivered(message.id, data.received && data.received.id);
        data.messages.forEach(render);
        showState(data.state);
        if (data.state.language && data.state.language !== language) await useLanguage(data.state.language);
        if (tabs) tabs.postMessage("refresh");
      }
      retryDelay = 1000;
      offline.hidden = true;
    } catch (error) {
      offline.hidden = false;
      clearTimeout(retryTimer);
      retryTimer = setTimeout(flush, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 10000);
    } finally {
      sending = false;
      typing.hidden = true;
    }
  }

  async function restore() {
    if (!ticket) return;
    const query = "?token=" + encodeURIComponent(ticket.token) + "&after=" + lastId;
    let reply;
    try { reply = await fetch(base + "/api/conversations/" + ticket.sender_id + "/messages" + query); } catch (error) { return; }
    if (reply.status === 403) { reset(); return; }
    if (!reply.ok) return;
    const data = await reply.json();
    data.messages.forEach(render);
    showState(data.state);
  }

  function listen() {
    if (!ticket || events || !("EventSource" in window)) return;
    events = new EventSource(base + "/api/conversations/" + ticket.sender_id + "/events?token=" + encodeURIComponent(ticket.token));
    events.onopen = () => { restore(); flush(); };
    events.onmessage = (event) => {
      const data = JSON.parse(event.data);
      if (data.type === "message" && !shown.has(data.message.id) && panel.hidden) showUnread(unread + 1);
      if (data.type === "message") render(data.message);
      else if (data.type === "state") showState(data.state);
    };
  }

  // A person answered while the widget was closed: the launcher says so.
  function showUnread(count) {
    unread = count;
    badge.textContent = String(count);
    badge.hidden = count === 0;
    badgeLabel.textContent = count ? " (" + t("ui_unread", { count: count }) + ")" : "";
  }

  function reset() {
    ticket = null;
    save("ticket", null);
    if (events) { events.close(); events = null; }
  }

  // --- opening, closing, keyboard -----------------------------------------------------------
  function focusable() {
    return Array.from(panel.querySelectorAll("button, select, textarea, a[href], [tabindex='0']")).filter((node) => !node.disabled && !node.closest("[hidden]"));
  }

  function open(focus) {
    panel.hidden = false;
    launcher.setAttribute("aria-expanded", "true");
    launcher.hidden = true;
    showUnread(0);
    save("open", true);
    if (focus !== false) input.focus();
    if (list.lastElementChild) list.lastElementChild.scrollIntoView({ block: "nearest" });
  }

  function shut() {
    panel.hidden = true;
    launcher.hidden = false;
    launcher.setAttribute("aria-expanded", "false");
    save("open", false);
    launcher.focus();
  }

  launcher.addEventListener("click", () => open());
  close.addEventListener("click", shut);
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") { event.preventDefault(); shut(); return; }
    if (event.key !== "Tab") return;
    const nodes = focusable();
    const first = nodes[0];
    const last = nodes[nodes.length - 1];
    const active = root.activeElement;
    if (event.shiftKey && active === first) { event.preventDefault(); last.focus(); }
    else if (!event.shiftKey && active === last) { event.preventDefault(); first.focus(); }
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value;
    input.value = "";
    submit(text);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
  });
  picker.addEventListener("change", () => useLanguage(picker.value));
  window.addEventListener("online", () => { retryDelay = 1000; flush(); });
  window.addEventListener("offline", () => { offline.hidden = false; });
  if (tabs) tabs.onmessage = () => { pending = load("pending", []); restore(); };

  async function start() {
    document.body.append(host);
    await useLanguage(language);
    if (ticket) {
      await restore();
      listen();
    }
    pending.forEach((message) => render({ author: "seeker", text: message.shown, created_at: message.at, local: message.id }));
    if (load("open", false)) open(false);
    flush();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
