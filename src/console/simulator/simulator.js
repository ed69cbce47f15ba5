// The WhatsApp simulator page: a customer's phone talking to the engine through the
// Cloud API sandbox (/phone API), plus the developer view of the engine's turns.
import { renderChat } from './chat-render.js';
import { linkTurns, renderTurns } from './dev-panel.js';
import { createListSheet } from './list-sheet.js';

const config = JSON.parse(document.getElementById('simulator-config').textContent);
const CSS = window.CSS;
const CUSTOMER_KEY = 'centralino.simulator.customer';
const DEV_KEY = 'centralino.simulator.dev';
const DEFAULT_CUSTOMER = { phone: '393331234567', name: 'Giulia' };
const CHAT_POLL_MS = 500;
const TURNS_POLL_MS = 1000;

const byTestId = (id) => document.querySelector(`[data-testid="${id}"]`);
const ui = {
  messages: byTestId('messages'),
  chat: byTestId('chat'),
  banner: byTestId('sandbox-banner'),
  presence: byTestId('presence'),
  input: byTestId('composer-input'),
  composer: byTestId('composer'),
  customerForm: byTestId('customer-form'),
  customerPhone: byTestId('customer-phone'),
  customerName: byTestId('customer-name'),
  devToggle: byTestId('dev-toggle'),
  devTurns: byTestId('dev-turns'),
  devState: byTestId('dev-state'),
  devConversation: byTestId('dev-conversation'),
  sheet: byTestId('list-sheet'),
  sheetBackdrop: byTestId('list-sheet-backdrop'),
};

const listSheet = createListSheet(ui.sheet, ui.sheetBackdrop, (payload) => send(payload));
const openList = (item) => listSheet.open(item);
const closeList = () => listSheet.close();

const state = {
  customer: loadCustomer(),
  chat: { messages: [], typing: false },
  chatSignature: '',
  pending: [],
  turns: [],
  turnsSignature: '',
  turnsState: 'loading',
  selectedTurnId: undefined,
  hoverTurnId: undefined,
  links: new Map(),
  readInFlight: false,
  sandboxDown: false,
  notice: '',
  pendingSeq: 0,
};

function loadCustomer() {
  try {
    const saved = JSON.parse(localStorage.getItem(CUSTOMER_KEY) ?? 'null');
    if (saved && /^\d{6,15}$/.test(saved.phone)) return { phone: saved.phone, name: String(saved.name ?? '') };
  } catch {
    // a broken entry falls back to the default customer
  }
  return { ...DEFAULT_CUSTOMER };
}

function phoneUrl(path) {
  const base = config.sandboxBasePath.replace(/\/+$/, '');
  return `${base}/phone/${encodeURIComponent(state.customer.phone)}${path}`;
}

function conversationId() {
  return `${config.phoneNumberId}:${state.customer.phone}`;
}

async function postJson(url, body) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.json();
}

// ---------- chat ----------

async function fetchChat() {
  const phone = state.customer.phone;
  try {
    const response = await fetch(phoneUrl('/messages'), { cache: 'no-store' });
    if (!response.ok) throw new Error(`sandbox answered ${response.status}`);
    const chat = await response.json();
    if (phone !== state.customer.phone) return;
    state.sandboxDown = false;
    const signature = JSON.stringify(chat);
    if (signature !== state.chatSignature) {
      state.chat = chat;
      state.chatSignature = signature;
      render();
    }
    markReadIfVisible();
  } catch {
    if (!state.sandboxDown) {
      state.sandboxDown = true;
      renderBanner();
    }
  }
}

async function pollChat() {
  await fetchChat();
  setTimeout(pollChat, CHAT_POLL_MS);
}

/** The customer looks at the chat: business messages go read (blue ticks on the business side). */
async function markReadIfVisible() {
  if (document.visibilityState !== 'visible' || state.readInFlight) return;
  const unread = state.chat.messages.some((m) => m.direction === 'out' && m.kind !== 'reaction' && m.status === 'delivered');
  if (!unread) return;
  state.readInFlight = true;
  try {
    await postJson(phoneUrl('/read'));
  } catch {
    // the next poll tries again
  } finally {
    state.readInFlight = false;
  }
}

async function send(payload) {
  const name = state.customer.name.trim();
  const pending = {
    id: `pending-${(state.pendingSeq += 1)}`, direction: 'in', kind: 'text', status: 'pending', at: Date.now(),
    text: payload.text ?? payload.button_reply?.title ?? payload.list_reply?.title ?? payload.template_button?.text ?? '',
    ...(payload.context_id ? { contextId: payload.context_id } : {}),
  };
  state.pending.push(pending);
  render(true);
  try {
    const result = await postJson(phoneUrl('/messages'), { ...payload, ...(name ? { name } : {}) });
    pending.wamid = result.wamid;
    state.notice = result.engineStatus === 200 ? ''
      : result.engineStatus === 0 ? 'The engine did not answer the webhook (Meta would retry it).'
        : `The engine answered HTTP ${result.engineStatus} to the webhook (Meta would retry it).`;
    await fetchChat();
    state.pending = state.pending.filter((p) => p !== pending);
  } catch {
    pending.status = 'failed';
    state.notice = 'The sandbox did not accept the message.';
  }
  render(true);
}

/** The chat plus the customer's messages not yet in it (a poll may already show a pending one: never both). */
function allItems() {
  const messages = state.chat.messages ?? [];
  const ids = new Set(messages.map((m) => m.id));
  const arrived = (p) =>
    (p.wamid && ids.has(p.wamid)) || messages.some((m) => m.direction === 'in' && m.text === p.text && m.at >= p.at - 2000);
  return [...messages, ...state.pending.filter((p) => p.status === 'failed' || !arrived(p))];
}

function nearBottom() {
  const chat = ui.chat;
  return chat.scrollHeight - chat.scrollTop - chat.clientHeight < 140;
}

function render(forceScroll = false) {
  const stick = forceScroll || nearBottom();
  const items = allItems();
  state.links = linkTurns(items, state.turns);
  renderChat(ui.messages, items, Boolean(state.chat.typing), {
    businessName: config.businessName,
    now: Date.now(),
    send,
    openList,
    routeFor: (item) => (item.direction === 'out' ? state.links.get(item.id)?.route : undefined),
    select: (item) => selectTurn(state.links.get(item.id)?.id, true),
    reveal: (id) => ui.messages.querySelector(`.row[data-id="${CSS.escape(id)}"]`)?.scrollIntoView({ block: 'center' }),
  });
  ui.presence.textContent = state.chat.typing ? 'typing…' : 'online';
  ui.presence.classList.toggle('typing', Boolean(state.chat.typing));
  renderBanner();
  highlight();
  if (stick) ui.chat.scrollTop = ui.chat.scrollHeight;
}

function renderBanner() {
  const text = state.sandboxDown ? `Sandbox not reachable at ${config.sandboxBasePath}` : state.notice;
  ui.banner.hidden = !text;
  ui.banner.textContent = text;
}

// ---------- developer view ----------

function devOn() {
  return document.body.classList.contains('dev-on');
}

async function fetchTurns() {
  const phone = state.customer.phone;
  const separator = config.turnsApiPath.includes('?') ? '&' : '?';
  try {
    const response = await fetch(`${config.turnsApiPath}${separator}${new URLSearchParams({ conversation: conversationId() })}`, { cache: 'no-store' });
    if (!response.ok) throw new Error(`turns API answered ${response.status}`);
    const body = await response.json();
    if (phone !== state.customer.phone) return;
    const turns = Array.isArray(body.turns) ? [...body.turns].sort((a, b) => (a.createdAt ?? 0) - (b.createdAt ?? 0)) : [];
    const signature = JSON.stringify(turns);
    const changed = signature !== state.turnsSignature || state.turnsState !== 'ok';
    state.turns = turns;
    state.turnsSignature = signature;
    state.turnsState = 'ok';
    if (changed) renderDev(true);
  } catch {
    if (state.turnsState !== 'down') {
      state.turnsState = 'down';
      renderDev(false);
    }
  }
}

async function pollTurns() {
  if (devOn()) await fetchTurns();
  setTimeout(pollTurns, TURNS_POLL_MS);
}

function renderDev(changed) {
  const list = ui.devTurns;
  const stick = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
  ui.devState.textContent = { ok: 'engine connected', down: 'engine not reachable', loading: 'connecting…' }[state.turnsState];
  ui.devState.className = `dev-state ${state.turnsState}`;
  ui.devConversation.textContent = conversationId();
  renderTurns(list, state.turns, state.turnsState, {
    select: (turn) => selectTurn(turn.id, false),
    hover: (turn) => { state.hoverTurnId = turn?.id; highlight(); },
  });
  if (changed) render();
  if (stick) list.scrollTop = list.scrollHeight;
  highlight();
}

/** Links a turn card and its bubbles; scrolls the other side into view. */
function selectTurn(turnId, fromChat) {
  state.selectedTurnId = state.selectedTurnId === turnId ? undefined : turnId;
  highlight();
  if (!state.selectedTurnId) return;
  if (fromChat) {
    ui.devTurns.querySelector(`[data-turn-id="${CSS.escape(turnId)}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  } else {
    const first = [...state.links].find(([, turn]) => turn.id === turnId);
    if (first) ui.messages.querySelector(`.row[data-id="${CSS.escape(first[0])}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }
}

function highlight() {
  const active = state.hoverTurnId ?? state.selectedTurnId;
  for (const bubble of ui.messages.querySelectorAll('.bubble[data-id]')) {
    bubble.classList.toggle('linked', Boolean(active) && state.links.get(bubble.dataset.id)?.id === active);
  }
  for (const card of ui.devTurns.querySelectorAll('[data-testid="dev-turn"]')) {
    card.classList.toggle('linked', Boolean(active) && card.dataset.turnId === active);
  }
}

function setDev(on) {
  document.body.classList.toggle('dev-on', on);
  ui.devToggle.setAttribute('aria-pressed', String(on));
  localStorage.setItem(DEV_KEY, on ? '1' : '0');
  if (on) fetchTurns();
}

// ---------- wiring ----------

function applyCustomer(phone, name) {
  state.customer = { phone, name };
  localStorage.setItem(CUSTOMER_KEY, JSON.stringify(state.customer));
  Object.assign(state, { chat: { messages: [], typing: false }, chatSignature: '', pending: [], turns: [], turnsSignature: '', turnsState: 'loading', selectedTurnId: undefined, notice: '' });
  ui.customerPhone.value = phone;
  ui.customerName.value = name;
  render(true);
  renderDev(false);
  fetchChat();
  if (devOn()) fetchTurns();
}

function submitComposer(event) {
  event.preventDefault();
  const text = ui.input.value.trim();
  if (!text) return;
  ui.input.value = '';
  autoGrow();
  send({ text });
  ui.input.focus();
}

function autoGrow() {
  ui.input.style.height = 'auto';
  ui.input.style.height = `${Math.min(ui.input.scrollHeight, 120)}px`;
}

function start() {
  const initials = config.businessName.split(/\s+/).filter(Boolean).slice(0, 2).map((w) => w[0].toUpperCase()).join('');
  byTestId('business-avatar').textContent = initials || 'W';
  ui.composer.addEventListener('submit', submitComposer);
  ui.input.addEventListener('input', autoGrow);
  ui.input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) submitComposer(event);
  });
  ui.customerForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const phone = ui.customerPhone.value.replace(/[\s()+\-.]/g, '');
    if (!/^\d{6,15}$/.test(phone)) return ui.customerPhone.setCustomValidity('Digits with the country code, e.g. 393331234567');
    ui.customerPhone.setCustomValidity('');
    applyCustomer(phone, ui.customerName.value.trim());
  });
  ui.customerPhone.addEventListener('input', () => ui.customerPhone.setCustomValidity(''));
  ui.devToggle.addEventListener('click', () => setDev(!devOn()));
  ui.sheetBackdrop.addEventListener('click', closeList);
  byTestId('list-close').addEventListener('click', closeList);
  document.addEventListener('keydown', (event) => { if (event.key === 'Escape') closeList(); });
  document.addEventListener('visibilitychange', markReadIfVisible);
  ui.customerPhone.value = state.customer.phone;
  ui.customerName.value = state.customer.name;
  setDev(localStorage.getItem(DEV_KEY) !== '0');
  renderDev(false);
  render(true);
  pollChat();
  pollTurns();
  ui.input.focus();
}

start();
