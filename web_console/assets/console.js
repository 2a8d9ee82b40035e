// The staff console: live queue, claim, transcript, reply, hand back, close.
// Everything a seeker wrote is inserted with textContent: shown as text, never run as HTML.
(function () {
  "use strict";
  const ui = window.consoleUi;
  const $ = (id) => document.getElementById(id);
  let me = null;
  let openCase = null;
  let lastQueue = { waiting: [], mine: [], staff_online: 0 };
  const shown = new Set();

  async function api(path, options) {
    const init = Object.assign({ credentials: "same-origin", headers: {} }, options || {});
    if (init.method && init.method !== "GET") {
      init.headers["X-CSRF-Token"] = me ? me.csrf_token : "";
      init.headers["Content-Type"] = "application/json";
    }
    const reply = await fetch(path, init);
    if (reply.status === 401) {
      window.location.assign("/console/login");
      throw new Error("logged out");
    }
    return reply;
  }

  function stageLabel(stage) {
    return ui.t("console_stage_" + (stage || "unknown"));
  }

  function caseItem(item, claimable) {
    const li = document.createElement("li");
    li.className = "case" + (item.urgent ? " case--urgent" : "") + (openCase && openCase.id === item.id ? " case--open" : "");
    li.dataset.caseId = String(item.id);
    const title = document.createElement("p");
    title.className = "case__reason";
    title.textContent = (item.urgent ? ui.t("console_urgent") + " · " : "") + ui.t("console_reason_" + item.reason);
    li.appendChild(title);
    const meta = document.createElement("p");
    meta.className = "case__meta";
    const language = item.detected_language ? item.language + " (" + item.detected_language + ")" : item.language;
    meta.textContent = ui.t("console_language") + ": " + language + " · " + ui.t("console_funnel_stage") + ": " +
      stageLabel(item.funnel_stage) + " · " + ui.t("console_waiting_time") + ": " +
      ui.t("console_minutes", { minutes: Math.floor(item.waiting_seconds / 60) });
    li.appendChild(meta);
    const summary = document.createElement("p");
    summary.className = "case__summary";
    summary.dir = "auto";
    summary.textContent = item.summary;
    li.appendChild(summary);
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = claimable ? ui.t("console_claim") : ui.t("console_transcript_heading");
    button.addEventListener("click", () => (claimable ? claim(item.id) : open(item.id)));
    li.appendChild(button);
    return li;
  }

  function renderQueue() {
    $("waiting").replaceChildren(...lastQueue.waiting.map((c) => caseItem(c, true)));
    $("mine").replaceChildren(...lastQueue.mine.map((c) => caseItem(c, false)));
    $("queue-empty").hidden = lastQueue.waiting.length > 0;
    $("online").textContent = ui.t("console_staff_online", { count: lastQueue.staff_online });
  }

  async function refreshQueue() {
    const reply = await api("/api/staff/queue");
    if (!reply.ok) return;
    lastQueue = await reply.json();
    renderQueue();
  }

  function addLine(message) {
    if (shown.has(message.id)) return;
    shown.add(message.id);
    const li = document.createElement("li");
    li.className = "line line--" + message.author;
    const who = document.createElement("span");
    who.className = "line__who";
    const authors = { seeker: "console_from_seeker", bot: "console_from_bot", staff: "console_from_staff", system: "console_from_bot" };
    who.textContent = ui.t(authors[message.author] || "console_from_bot") + (message.staff_name ? " · " + message.staff_name : "");
    li.appendChild(who);
    const body = document.createElement("span");
    body.className = "line__text";
    body.dir = "auto";  // each message reads in its own direction (Arabic, Persian: right to left)
    body.textContent = message.text;
    li.appendChild(body);
    $("transcript").appendChild(li);
    li.scrollIntoView({ block: "end" });
  }

  function renderFacts(item) {
    const facts = $("case-facts");
    const rows = [
      ["console_reason", ui.t("console_reason_" + item.reason)],
      ["console_language", item.detected_language ? item.language + " (" + item.detected_language + ")" : item.language],
      ["console_funnel_stage", stageLabel(item.funnel_stage)],
    ];
    facts.replaceChildren();
    rows.forEach(([label, value]) => {
      const dt = document.createElement("dt");
      dt.textContent = ui.t(label);
      const dd = document.createElement("dd");
      dd.textContent = value;
      facts.append(dt, dd);
    });
    facts.hidden = false;
  }

  async function open(caseId) {
    const reply = await api("/api/staff/cases/" + caseId);
    if (!reply.ok) return;
    const data = await reply.json();
    openCase = data.case;
    shown.clear();
    $("transcript").replaceChildren();
    $("no-case").hidden = true;
    $("notice").textContent = "";
    renderFacts(openCase);
    data.messages.forEach(addLine);
    $("reply-form").hidden = openCase.status !== "claimed";
    renderQueue();
    if (openCase.status === "claimed") $("reply").focus();
  }

  async function claim(caseId) {
    const reply = await api("/api/staff/cases/" + caseId + "/claim", { method: "POST" });
    if (reply.status === 409) {
      $("notice").textContent = ui.t("console_claimed_by_other");
      await refreshQueue();
      return;
    }
    if (!reply.ok) return;
    await refreshQueue();
    await open(caseId);
  }

  async function finish(path, body) {
    if (!openCase) return;
    const reply = await api("/api/staff/cases/" + openCase.id + path, { method: "POST", body: JSON.stringify(body || {}) });
    if (!reply.ok) return;
    openCase = null;
    $("reply-form").hidden = true;
    $("case-facts").hidden = true;
    $("transcript").replaceChildren();
    $("no-case").hidden = false;
    await refreshQueue();
  }

  $("reply-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = $("reply").value.trim();
    if (!text || !openCase) return;
    const reply = await api("/api/staff/cases/" + openCase.id + "/reply", { method: "POST", body: JSON.stringify({ text: text }) });
    if (reply.ok) {
      $("reply").value = "";
      addLine(await reply.json());
    }
  });
  $("hand-back").addEventListener("click", () => finish("/hand-back"));
  $("close-case").addEventListener("click", () => finish("/close", { outcome: $("outcome").value }));
  $("logout").addEventListener("click", async () => {
    await api("/api/staff/logout", { method: "POST" });
    window.location.assign("/console/login");
  });
  $("console-language").addEventListener("change", async (event) => {
    await ui.load(event.target.value);
    renderQueue();
    if (openCase) renderFacts(openCase);
  });

  function listen() {
    const events = new EventSource("/api/staff/events");
    events.onopen = () => { $("connection").textContent = ""; refreshQueue(); };
    events.onerror = () => { $("connection").textContent = ui.t("console_connection_lost"); };
    events.onmessage = (event) => {
      const data = JSON.parse(event.data);
      if (data.type === "queue") refreshQueue();
      else if (data.type === "message" && openCase && data.case_id === openCase.id) addLine(data.message);
    };
  }

  async function start() {
    const reply = await api("/api/staff/me");
    if (!reply.ok) return;
    me = await reply.json();
    $("me").textContent = me.display_name;
    $("console-language").value = ui.language();
    await ui.load(ui.language());
    await refreshQueue();
    listen();
    setInterval(renderQueue, 15000);  // waiting times move on
    setInterval(refreshQueue, 60000);
  }

  start();
})();
