/**
 * The report of `centralino simulate`: what the traffic cost on the router against the
 * same traffic sent entirely to the premium model, per 1,000 conversations, with the route
 * of every intent and the guard checks (locked intents answered by approved text only,
 * no draft blocked by the output rails).
 */
import type { Route, TurnResult } from '../../core/turn.ts';

export interface SimulatedTurn {
  conversation: string;
  text: string;
  /** The intent the router acted on (tier 1's understanding). */
  intent: string;
  /** The label of the traffic line, when it has one. */
  label?: string;
  route: Route;
  cost: number;
  baseline: number;
  /** The understood intent, or the line's label, is a locked topic. */
  locked: boolean;
  /** Output verdicts that blocked or handed over a draft (the sent one and those a cascade replaced). */
  blockedDrafts: number;
  /** A model was asked to write a reply. */
  modelCalled: boolean;
  /** Which of the routes' models were asked. */
  economyCalled: boolean;
  premiumCalled: boolean;
  /** The input rails flagged a prompt injection. */
  injection: boolean;
}

export interface TurnContext {
  isLocked(intent: string): boolean;
  economyModel: string | undefined;
  premiumModel: string | undefined;
}

export interface IntentRow {
  turns: number;
  cost: number;
  routes: Partial<Record<Route, number>>;
}

export interface SimulationReport {
  turn_count: number;
  conversations: number;
  cost: number;
  baseline_cost: number;
  saving: number;
  premium_share: number;
  economy_share: number;
  human_share: number;
  model_free_share: number;
  cost_per_1000_conversations: number;
  baseline_cost_per_1000_conversations: number;
  /** Lines whose label matches tier 1's intent, of the labelled lines. */
  label_agreement?: number;
  guard: {
    locked_turns: number;
    locked_answered_by_model: number;
    injection_turns: number;
    injection_reached_model: number;
    /** Customer messages a model received with personal data not replaced by a placeholder. */
    personal_data_in_prompts: number;
    drafts_blocked: number;
  };
  by_intent: Record<string, IntentRow>;
  /** One per traffic line, in order. */
  turns: Array<{ text: string; intent: string; route: Route; cost: number }>;
}

export function toSimulatedTurn(line: { conversation: string; text: string; intent?: string | undefined }, result: TurnResult, context: TurnContext): SimulatedTurn {
  const blocking = (v: { action: string }) => v.action === 'block' || v.action === 'handoff';
  const rejected = result.routing?.rejectedDrafts ?? [];
  const blockedDrafts = result.outputVerdicts.filter(blocking).length + rejected.reduce((n, d) => n + d.verdicts.filter(blocking).length, 0);
  const responds = (result.modelCalls ?? []).filter((c) => c.purpose === 'respond');
  const locked = context.isLocked(result.understanding.intent) || (line.intent !== undefined && context.isLocked(line.intent));
  return {
    conversation: line.conversation,
    text: line.text,
    intent: result.understanding.intent,
    ...(line.intent === undefined ? {} : { label: line.intent }),
    route: result.route,
    cost: result.costUsd,
    baseline: result.premiumBaselineUsd ?? 0,
    locked,
    blockedDrafts,
    modelCalled: responds.length > 0,
    economyCalled: responds.some((c) => c.model === context.economyModel),
    premiumCalled: responds.some((c) => c.model === context.premiumModel),
    injection: result.inputVerdicts.some((v) => v.rail === 'injection' && v.action !== 'allow'),
  };
}

export function simulationReport(turns: readonly SimulatedTurn[], personalDataInPrompts = 0): SimulationReport {
  const conversations = new Set(turns.map((t) => t.conversation)).size;
  const cost = sum(turns.map((t) => t.cost));
  const baseline = sum(turns.map((t) => t.baseline));
  const share = (route: Route | Route[]) => ratio(turns.filter((t) => ([] as Route[]).concat(route).includes(t.route)).length, turns.length);
  const labelled = turns.filter((t) => t.label !== undefined);
  return {
    turn_count: turns.length,
    conversations,
    cost,
    baseline_cost: baseline,
    saving: baseline > 0 ? 1 - cost / baseline : 0,
    premium_share: ratio(turns.filter((t) => t.premiumCalled).length, turns.length),
    economy_share: ratio(turns.filter((t) => t.economyCalled).length, turns.length),
    human_share: share('human'),
    model_free_share: ratio(turns.filter((t) => !t.modelCalled).length, turns.length),
    cost_per_1000_conversations: conversations > 0 ? (cost / conversations) * 1000 : 0,
    baseline_cost_per_1000_conversations: conversations > 0 ? (baseline / conversations) * 1000 : 0,
    ...(labelled.length > 0 ? { label_agreement: ratio(labelled.filter((t) => t.label === t.intent).length, labelled.length) } : {}),
    guard: {
      locked_turns: turns.filter((t) => t.locked).length,
      locked_answered_by_model: turns.filter((t) => t.locked && t.modelCalled).length,
      injection_turns: turns.filter((t) => t.injection).length,
      injection_reached_model: turns.filter((t) => t.injection && t.modelCalled).length,
      personal_data_in_prompts: personalDataInPrompts,
      drafts_blocked: sum(turns.map((t) => t.blockedDrafts)),
    },
    by_intent: byIntent(turns),
    turns: turns.map((t) => ({ text: t.text, intent: t.intent, route: t.route, cost: t.cost })),
  };
}

function byIntent(turns: readonly SimulatedTurn[]): Record<string, IntentRow> {
  const rows: Record<string, IntentRow> = {};
  for (const turn of turns) {
    const row = (rows[turn.intent] ??= { turns: 0, cost: 0, routes: {} });
    row.turns += 1;
    row.cost += turn.cost;
    row.routes[turn.route] = (row.routes[turn.route] ?? 0) + 1;
  }
  return Object.fromEntries(Object.entries(rows).sort((a, b) => b[1].turns - a[1].turns));
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function ratio(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

export function formatSimulation(report: SimulationReport, context: { traffic: string; config: string; economy: string; premium: string; assumed: boolean }): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
  const usd = (x: number) => `$${x.toFixed(x < 1 ? 4 : 2)}`;
  const lines = [
    `${context.traffic} on ${context.config}: ${report.turn_count} turns in ${report.conversations} conversations`,
    `models (simulated, usage estimated from the real prompts${context.assumed ? '; assumed, the config names none' : ''}): economy ${context.economy}, premium ${context.premium}`,
    '',
    `cost per 1,000 conversations   ${usd(report.cost_per_1000_conversations)}   (all-premium: ${usd(report.baseline_cost_per_1000_conversations)})`,
    `saving against all-premium     ${pct(report.saving)}`,
    `premium share ${pct(report.premium_share)} · economy ${pct(report.economy_share)} · person ${pct(report.human_share)} · model-free ${pct(report.model_free_share)}`,
    ...(report.label_agreement === undefined ? [] : [`tier 1 agrees with the labels on ${pct(report.label_agreement)} of the lines`]),
    `guard: ${report.guard.locked_turns} locked-topic turns (by tier 1 or by label), ${report.guard.locked_answered_by_model} reached a model; ${report.guard.injection_turns} injection attempts, ${report.guard.injection_reached_model} reached a model; ${report.guard.personal_data_in_prompts} messages reached a model with personal data unmasked; ${report.guard.drafts_blocked} drafts blocked by the output rails`,
    '(premium and economy shares: turns whose reply that model was asked to write; the simulated models answer with their sources, so the drafts check counts plumbing, not model honesty)',
    '',
    `${'intent'.padEnd(22)} turns   cost        routes`,
  ];
  for (const [intent, row] of Object.entries(report.by_intent)) {
    const routes = Object.entries(row.routes).map(([route, n]) => `${route} ${n}`).join(', ');
    lines.push(`${intent.padEnd(22)} ${String(row.turns).padStart(5)}   ${usd(row.cost).padEnd(10)}  ${routes}`);
  }
  return lines.join('\n');
}
