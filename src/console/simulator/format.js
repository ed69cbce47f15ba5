// Small DOM and text helpers of the simulator: element builder, safe readers of API values, WhatsApp text formatting, times, tick icons.

/** Builds an element: h('div', {class: 'x', 'data-testid': 'y', onclick: fn}, child, 'text', [more]). */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') element.className = value;
    else if (key === 'html') element.innerHTML = value;
    else if (key.startsWith('on') && typeof value === 'function') element.addEventListener(key.slice(2), value);
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child !== undefined && child !== null && child !== false) element.append(child);
  }
  return element;
}

/** An object from the APIs as a plain object ({} when it is not one), to read optional fields safely. */
export function record(value) {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/** An array from the APIs, or [] when it is not one. */
export function list(value) {
  return Array.isArray(value) ? value : [];
}

export function escapeHtml(text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** WhatsApp markers: the opening one after a start/space/punctuation, the closing one before an end/space/punctuation. */
function styleMarker(html, marker, tag) {
  const m = marker.replace(/[*~]/g, '\\$&');
  const pattern = new RegExp(`(^|[\\s([{>"'])${m}(\\S(?:[^\\n]*?\\S)?)${m}(?=$|[\\s)\\]}.,;:!?<"'])`, 'gm');
  return html.replace(pattern, (_, before, inner) => `${before}<${tag}>${inner}</${tag}>`);
}

/** WhatsApp text formatting as safe HTML: ```mono```, `code`, *bold*, _italic_, ~strike~, links. */
export function formatWhatsApp(text) {
  const code = [];
  const keep = (html) => `\uE000${code.push(html) - 1}\uE000`;
  let html = escapeHtml(text)
    .replace(/```([\s\S]+?)```/g, (_, inner) => keep(`<code class="mono">${inner}</code>`))
    .replace(/`([^`\n]+)`/g, (_, inner) => keep(`<code class="mono">${inner}</code>`))
    .replace(/\bhttps?:\/\/[^\s<]+[^\s<.,;:!?)'"]/g, (url) => keep(`<a href="${url}" target="_blank" rel="noopener noreferrer">${url}</a>`));
  html = styleMarker(html, '*', 'strong');
  html = styleMarker(html, '_', 'em');
  html = styleMarker(html, '~', 'del');
  return html.replace(/\uE000(\d+)\uE000/g, (_, index) => code[Number(index)] ?? '');
}

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
const clockFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function formatTime(ms) {
  return timeFormat.format(new Date(ms));
}

export function formatClock(ms) {
  return clockFormat.format(new Date(ms));
}

export function dayKey(ms) {
  const date = new Date(ms);
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

/** "Today", "Yesterday" or the date, as WhatsApp's day chips. */
export function formatDay(ms, now = Date.now()) {
  if (dayKey(ms) === dayKey(now)) return 'Today';
  if (dayKey(ms) === dayKey(now - 86_400_000)) return 'Yesterday';
  return dayFormat.format(new Date(ms));
}

const CHECK = 'M1.5 6.6l3.2 3.2 7-7.3';
const CHECK_2 = 'M7.2 9.3l.5.5 7-7.3';

/** ✓ sent, ✓✓ delivered, blue ✓✓ read, a clock while the phone is still sending. */
export function tickSvg(status) {
  if (status === 'pending') {
    return '<svg viewBox="0 0 16 16" width="14" height="14"><circle cx="8" cy="8" r="6" fill="none" stroke="currentColor" stroke-width="1.4"/><path d="M8 4.6V8l2.3 1.5" fill="none" stroke="currentColor" stroke-width="1.4" stroke-linecap="round"/></svg>';
  }
  if (status === 'failed') {
    return '<svg viewBox="0 0 16 16" width="14" height="14"><circle cx="8" cy="8" r="7" fill="#f15c6d"/><path d="M8 4v5M8 11v1" stroke="#fff" stroke-width="1.8" stroke-linecap="round"/></svg>';
  }
  const paths = status === 'sent' ? [CHECK] : [CHECK, CHECK_2];
  const strokes = paths.map((d) => `<path d="${d}" fill="none" stroke="currentColor" stroke-width="1.55" stroke-linecap="round" stroke-linejoin="round"/>`);
  return `<svg viewBox="0 0 16 11" width="17" height="12">${strokes.join('')}</svg>`;
}

export const REPLY_ICON =
  '<svg viewBox="0 0 24 24" width="17" height="17" aria-hidden="true"><path fill="currentColor" d="M10 9V5l-7 7 7 7v-4.1c5 0 8.5 1.6 11 5.1-1-5-4-10-11-11z"/></svg>';

export const LIST_ICON =
  '<svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true"><path fill="currentColor" d="M3 6h2v2H3zm4 0h14v2H7zm-4 5h2v2H3zm4 0h14v2H7zm-4 5h2v2H3zm4 0h14v2H7z"/></svg>';
