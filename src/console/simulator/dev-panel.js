// Developer view: one card per turn (GET {turnsApiPath}?conversation=…), linked to the bubbles it produced.
import { formatClock, h, list, record } from './format.js';

/**
 * Which turn each chat message belongs to: the customer's messages by turn.messageIds, the
 * business's by outbound wamid/id when the API gives them, else the turn of the latest
 * customer message before them.
 */
export function linkTurns(items, turns) {
  const byMessage = new Map();
  for (const turn of turns) {
    for (const id of list(turn.messageIds)) byMessage.set(id, turn);
    for (const outbound of list(turn.outbound).map(record)) {
      if (outbound.wamid) byMessage.set(outbound.wamid, turn);
      if (outbound.id) byMessage.set(outbound.id, turn);
    }
  }
  const links = new Map();
  let current;
  for (const item of items) {
    const direct = byMessage.get(item.id);
    if (item.direction === 'in') current = direct ?? current;
    const turn = direct ?? (item.direction === 'out' ? current : undefined);
    if (turn) links.set(item.id, turn);
  }
  return links;
}

function pct(value) {
  return typeof value === 'number' ? `${Math.round(value * 100)}%` : '–';
}

function ms(value) {
  return typeof value === 'number' ? `${value < 10 ? value.toFixed(1) : Math.round(value)} ms` : '–';
}

function verdictLine(verdict) {
  const v = record(verdict);
  const mark = { allow: '✓', rewrite: '✎', block: '✕', handoff: '⇢' }[v.action] ?? '•';
  const why = [v.rule, v.reason].filter(Boolean).join(': ');
  return h('span', { class: `verdict ${v.action ?? ''}`, 'data-testid': 'dev-verdict', 'data-action': v.action, 'data-rail': v.rail },
    `${mark} ${v.rail ?? '?'} `, h('b', {}, v.action ?? '?'),
    why ? h('span', { class: 'why' }, ` — ${why}`) : null,
    v.action === 'rewrite' && v.text ? h('span', { class: 'why' }, ` → “${v.text}”`) : null);
}

function verdicts(values) {
  const all = list(values);
  return all.length ? all.map(verdictLine) : h('span', { class: 'why' }, 'none');
}

function latencyBlock(latency) {
  const l = record(latency);
  const total = Number(l.total) || (Number(l.understand) || 0) + (Number(l.guard) || 0) + (Number(l.respond) || 0) || 1;
  const bar = ['understand', 'guard', 'respond'].map((stage) =>
    h('span', { class: stage, style: `width:${Math.max(0, ((Number(l[stage]) || 0) / total) * 100)}%`, title: `${stage} ${ms(l[stage])}` }));
  return [
    h('div', { class: 'latency' }, bar),
    h('div', { class: 'latency-legend', 'data-testid': 'dev-latency' },
      `understand ${ms(l.understand)} · guard ${ms(l.guard)} · respond ${ms(l.respond)} · total ${ms(l.total)}`),
  ];
}

function replySummary(reply) {
  const r = record(reply);
  const text = {
    text: () => r.body,
    buttons: () => `${r.body} [${list(r.buttons).map((b) => record(b).title).join(' | ')}]`,
    list: () => `${r.body} [☰ ${r.button}: ${list(r.sections).flatMap((s) => list(record(s).rows).map((row) => record(row).title)).join(', ')}]`,
    template: () => `template ${r.name} (${r.language})`,
    reaction: () => `reaction ${r.emoji}`,
  }[r.kind];
  return h('span', { class: 'reply-summary' }, `${r.kind ?? '?'}: ${text ? text() : JSON.stringify(r)}`);
}

function outboundLine(outbound) {
  const o = record(outbound);
  const error = o.errorCode ? ` · ${o.errorCode} ${o.errorTitle ?? ''}` : '';
  const pricing = o.pricingCategory ? ` · ${o.pricingCategory}` : '';
  return h('span', { class: `outbound ${o.status ?? ''}`, 'data-testid': 'dev-outbound', 'data-status': o.status },
    `${String(o.wamid ?? o.id ?? '').slice(0, 26)} · ${o.status ?? '?'}${pricing}${error}`);
}

/** The router's decision: planned route and why, the route taken, and why it differs (no model, budget, cascade). */
function routingBlock(routing, calls) {
  const r = record(routing);
  if (!r.planned) return h('span', { class: 'why' }, '–');
  const models = list(calls).filter((c) => record(c).purpose !== 'classify').map((c) => {
    const m = record(c);
    return `${m.model}${m.error ? ' ✗' : ''} ${m.inputTokens ?? 0}→${m.outputTokens ?? 0} tok`;
  });
  return h('span', { 'data-testid': 'dev-routing' },
    h('b', {}, r.planned), r.taken && r.taken !== r.planned ? ` → ${r.taken}` : '', ` · ${r.because ?? ''}`,
    r.escalated ? h('span', { class: 'why' }, ' · escalated') : '',
    r.fallbackReason ? h('div', { class: 'why', 'data-testid': 'dev-route-reason' }, r.fallbackReason) : '',
    models.length ? h('div', { class: 'mono' }, models.join(' · ')) : '');
}

function row(label, ...value) {
  return [h('dt', {}, label), h('dd', {}, ...value)];
}

function turnCard(turn, index, ctx) {
  const u = record(turn.understanding);
  const candidates = list(u.candidates).slice(0, 3).map((c) => `${record(c).intent} ${pct(record(c).score)}`).join(', ');
  const cost = typeof turn.costUsd === 'number' ? `$${turn.costUsd.toFixed(turn.costUsd === 0 ? 2 : 6)}` : '–';
  return h('article', {
    class: 'dev-turn', 'data-testid': 'dev-turn', 'data-turn-id': turn.id, 'data-route': turn.route, 'data-answered-by': turn.answeredBy,
    onclick: () => ctx.select(turn), onmouseenter: () => ctx.hover(turn), onmouseleave: () => ctx.hover(undefined),
  },
  h('div', { class: 'turn-top' },
    h('span', { class: 'turn-no' }, `#${index + 1}`),
    h('span', { class: `badge tier-${turn.answeredBy}`, 'data-testid': 'dev-tier', title: 'tier that decided the reply' }, turn.answeredBy ?? '?'),
    h('span', { class: 'badge route', 'data-testid': 'dev-route', title: 'route' }, turn.route ?? '?'),
    h('span', { class: 'turn-time' }, turn.createdAt ? formatClock(turn.createdAt) : '')),
  h('div', { class: 'turn-text' }, `“${turn.storedText ?? ''}”`),
  h('dl', { class: 'turn-grid' },
    row('intent', h('span', { 'data-testid': 'dev-intent' }, h('b', {}, u.intent ?? '?'), ` ${pct(u.confidence)} · ${u.source ?? '?'} · ${u.language ?? '?'}`)),
    candidates ? row('candidates', h('span', { class: 'mono' }, candidates)) : [],
    row('input rails', verdicts(turn.inputVerdicts)),
    row('output rails', verdicts(turn.outputVerdicts)),
    row('router', routingBlock(turn.routing, turn.modelCalls)),
    row('replies', list(turn.replies).length ? list(turn.replies).map(replySummary) : h('span', { class: 'why' }, 'none')),
    row('latency', latencyBlock(turn.latencyMs)),
    row('cost', h('span', { class: 'mono', 'data-testid': 'dev-cost' }, cost)),
    list(turn.outbound).length ? row('outbound', list(turn.outbound).map(outboundLine)) : []));
}

/** ctx: { select(turn), hover(turn|undefined) }. `state`: 'ok' | 'down' | 'loading'. */
export function renderTurns(container, turns, state, ctx) {
  if (state === 'down' && turns.length === 0) {
    container.replaceChildren(h('div', { class: 'dev-empty', 'data-testid': 'dev-unreachable' }, 'engine not reachable', h('br'), 'The turns API did not answer; the chat still works through the sandbox.'));
    return;
  }
  if (turns.length === 0) {
    container.replaceChildren(h('div', { class: 'dev-empty' }, 'No turns yet.', h('br'), 'Send a message: every reply shows here with the tier, route, intent, rails, latency and cost that produced it.'));
    return;
  }
  container.replaceChildren(...turns.map((turn, index) => turnCard(turn, index, ctx)));
}
