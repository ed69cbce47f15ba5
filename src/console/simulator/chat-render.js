// Renders the chat (sandbox GET /phone/:user/messages) as WhatsApp bubbles.
// in = from the customer (right, green, with ticks); out = from the business (left, white).
import { LIST_ICON, REPLY_ICON, dayKey, formatDay, formatTime, formatWhatsApp, h, list, record, tickSvg } from './format.js';

/** A one-line preview of any chat item (quotes), without formatting markers. */
export function preview(item) {
  return plain(rawPreview(item));
}

function plain(text) {
  return String(text).replace(/```/g, '').replace(/(^|\s)[*_~]+(?=\S)|(?<=\S)[*_~]+(?=\s|$|[.,;:!?])/g, '$1').replace(/\s+/g, ' ');
}

function rawPreview(item) {
  if (item.text) return item.text;
  const interactive = record(item.interactive);
  if (item.kind === 'interactive') return record(interactive.body).text ?? 'Interactive message';
  if (item.kind === 'template') return `Template ${record(item.template).name ?? ''}`;
  if (item.kind === 'reaction') return `Reaction ${record(item.reaction).emoji ?? ''}`;
  return `${item.kind} message`;
}

function meta(item) {
  const status = item.direction === 'in' ? item.status : undefined;
  return h(
    'span',
    { class: 'meta' },
    h('span', { class: 'time' }, formatTime(item.at)),
    status ? h('span', { class: 'tick', 'data-testid': 'tick', 'data-status': status, html: tickSvg(status) }) : null,
  );
}

function quote(item, byId, ctx) {
  const quoted = item.contextId ? byId.get(item.contextId) : undefined;
  if (!quoted) return null;
  const from = quoted.direction === 'out' ? ctx.businessName : 'You';
  return h('span', { class: 'quote', onclick: () => ctx.reveal(quoted.id) },
    h('span', { class: 'quote-from' }, from),
    h('span', { class: 'quote-text' }, preview(quoted)));
}

function textBlock(text) {
  return h('div', { class: 'text', html: formatWhatsApp(text ?? '') });
}

function headerBlock(header) {
  const value = record(header);
  if (value.type === 'text') return h('div', { class: 'msg-header text', html: formatWhatsApp(value.text ?? '') });
  if (value.type) {
    const icons = { image: '📷 Image', video: '🎬 Video', document: '📄 Document' };
    return h('div', { class: 'msg-media' }, icons[value.type] ?? value.type);
  }
  return null;
}

function footerBlock(footer) {
  const text = record(footer).text;
  return text ? h('div', { class: 'msg-footer' }, text) : null;
}

function interactiveContent(item, ctx) {
  const interactive = record(item.interactive);
  const type = String(interactive.type ?? '').toLowerCase();
  const action = record(interactive.action);
  const parts = [headerBlock(interactive.header), textBlock(record(interactive.body).text), footerBlock(interactive.footer), meta(item)];
  let after = null;
  if (type === 'button') {
    after = h('div', { class: 'buttons' }, list(action.buttons).map((button) => {
      const reply = record(record(button).reply);
      return h('button', {
        type: 'button', class: 'reply-button', 'data-testid': 'reply-button', 'data-id': reply.id, 'data-title': reply.title,
        onclick: () => ctx.send({ button_reply: { id: String(reply.id), title: String(reply.title) }, context_id: item.id }),
      }, h('span', { html: REPLY_ICON }), String(reply.title ?? ''));
    }));
  } else if (type === 'list') {
    parts.push(h('button', {
      type: 'button', class: 'list-open', 'data-testid': 'list-open', onclick: () => ctx.openList(item),
    }, h('span', { html: LIST_ICON }), String(action.button ?? 'Menu')));
  }
  return { parts, after };
}

function templateContent(item, ctx) {
  const template = record(item.template);
  const components = list(template.components).map(record);
  const params = components.flatMap((component) =>
    list(component.parameters).map((parameter, index) => ({ component, parameter: record(parameter), index })));
  const shown = params.filter((p) => p.component.type !== 'button');
  const quickReplies = components.filter((c) => c.type === 'button' && c.sub_type === 'quick_reply');
  const parts = [
    h('span', { class: 'template-label' }, '📋 Template · ', h('b', {}, String(template.name ?? '')), ` · ${record(template.language).code ?? ''}`),
    shown.length
      ? h('ul', { class: 'template-params' }, shown.map(({ component, parameter, index }) =>
        h('li', {}, `${component.type} {{${parameter.parameter_name ?? index + 1}}} = `, h('b', {}, parameterText(parameter)))))
      : null,
    meta(item),
  ];
  const after = quickReplies.length
    ? h('div', { class: 'buttons' }, quickReplies.map((component) => {
      const payload = String(record(list(component.parameters)[0]).payload ?? `button ${component.index}`);
      return h('button', {
        type: 'button', class: 'reply-button', 'data-testid': 'template-button', 'data-payload': payload,
        onclick: () => ctx.send({ template_button: { payload, text: payload }, context_id: item.id }),
      }, h('span', { html: REPLY_ICON }), payload);
    }))
    : null;
  return { parts, after };
}

function parameterText(parameter) {
  const value = parameter[parameter.type];
  if (typeof value === 'string') return value;
  const object = record(value);
  return object.fallback_value ?? object.link ?? object.id ?? JSON.stringify(value);
}

function otherContent(item) {
  const payload = record(record(item.body)[item.kind]);
  const icons = { image: '📷 Photo', video: '🎬 Video', audio: '🎤 Audio', document: '📄 Document', sticker: '🏷 Sticker', location: '📍 Location', contacts: '👤 Contact' };
  const label = icons[item.kind] ?? `${item.kind} message`;
  const detail = payload.caption ?? payload.name ?? payload.filename ?? payload.address ?? '';
  return { parts: [h('div', { class: 'msg-media' }, label), detail ? textBlock(detail) : null, meta(item)], after: null };
}

function content(item, ctx) {
  if (item.direction === 'in' || item.kind === 'text') return { parts: [textBlock(item.text ?? preview(item)), meta(item)], after: null };
  if (item.kind === 'interactive') return interactiveContent(item, ctx);
  if (item.kind === 'template') return templateContent(item, ctx);
  return otherContent(item);
}

/** The latest reaction of the business to each message (an empty emoji removes it). */
function reactionsById(items) {
  const reactions = new Map();
  for (const item of items.filter((i) => i.kind === 'reaction' && i.direction === 'out')) {
    const reaction = record(item.reaction);
    if (reaction.emoji) reactions.set(reaction.message_id, reaction.emoji);
    else reactions.delete(reaction.message_id);
  }
  return reactions;
}

function messageRow(item, previous, reactions, byId, ctx) {
  const { parts, after } = content(item, ctx);
  const reaction = reactions.get(item.id);
  const route = ctx.routeFor(item);
  const classes = ['row', item.direction];
  if (!previous || previous.direction !== item.direction || dayKey(previous.at) !== dayKey(item.at)) classes.push('group-start');
  if (reaction) classes.push('has-reaction');
  const bubble = h('div', {
    class: `bubble${item.status === 'pending' || item.status === 'failed' ? ' pending' : ''}`,
    'data-testid': item.direction === 'in' ? 'message-in' : 'message-out',
    'data-id': item.id, 'data-kind': item.kind, 'data-status': item.status,
    onclick: (event) => { if (!event.target.closest('button, a')) ctx.select(item); },
  }, quote(item, byId, ctx), parts, reaction ? h('span', { class: 'reaction', 'data-testid': 'reaction' }, reaction) : null);
  return h('div', { class: classes.join(' '), 'data-id': item.id }, bubble, after,
    route ? h('span', { class: 'route-chip', title: 'route of the turn that produced this reply', onclick: () => ctx.select(item) }, route) : null);
}

/**
 * ctx: { businessName, send(payload), openList(item), routeFor(item) → string|undefined, select(item), reveal(id) }.
 * `items` are the chat messages plus the customer's pending ones (status `pending` or `failed`).
 */
export function renderChat(container, items, typing, ctx) {
  const byId = new Map(items.map((item) => [item.id, item]));
  const reactions = reactionsById(items);
  const visible = items.filter((item) => item.kind !== 'reaction');
  const rows = [];
  let previous;
  for (const item of visible) {
    if (!previous || dayKey(previous.at) !== dayKey(item.at)) rows.push(h('div', { class: 'day-chip' }, formatDay(item.at, ctx.now)));
    rows.push(messageRow(item, previous, reactions, byId, ctx));
    previous = item;
  }
  if (typing) {
    rows.push(h('div', { class: 'row out group-start', 'data-testid': 'typing' },
      h('div', { class: 'bubble typing-bubble' }, h('i'), h('i'), h('i'))));
  }
  container.replaceChildren(...rows);
}
