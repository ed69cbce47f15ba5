/** The cost report as `centralino costs` prints it on a terminal: a few summary lines and compact tables. */
import type { CostGroup, CostReport, ModelGroup, Share } from '../metrics/cost-report.ts';

export type PrintedReport = CostReport & { business: string | null };

const money = (usd: number | null): string => (usd === null ? '—' : `$${usd.toFixed(6)}`);
const percent = (share: number | null): string => (share === null ? '—' : `${(share * 100).toFixed(1)} %`);
const shareOf = (share: Share, of: string): string => `${share.turns} of ${share.of} ${of} (${percent(share.share)})`;
const counts = (values: Record<string, number>): string => Object.entries(values).map(([key, n]) => `${key} ${n}`).join(', ');

/** Columns padded to their widest cell; `right[i]` aligns column i to the right (numbers). */
export function table(rows: readonly (readonly string[])[], right: readonly boolean[]): string {
  const widths = right.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  return rows
    .map((row) => row.map((cell, column) => (right[column] ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd())
    .join('\n');
}

function groupTable(title: string, groups: readonly CostGroup[]): string {
  const header = [title, 'turns', 'conv', 'LLM $', 'WhatsApp $', 'total $', '$/turn', 'routes'];
  const rows = groups.map((g) => [g.key, String(g.turns), String(g.conversations), g.llmUsd.toFixed(6), g.whatsappUsd.toFixed(6), g.totalUsd.toFixed(6), g.meanUsdPerTurn === null ? '—' : g.meanUsdPerTurn.toFixed(6), counts(g.routes)]);
  return table([header, ...rows], [false, true, true, true, true, true, true, false]);
}

function modelTable(groups: readonly ModelGroup[]): string {
  const header = ['by model', 'calls', 'failed', 'turns', 'input tok', 'cached tok', 'output tok', 'LLM $', 'purposes'];
  const rows = groups.map((g) => [g.key, String(g.calls), String(g.failedCalls), String(g.turns), String(g.inputTokens), String(g.cachedInputTokens), String(g.outputTokens), g.llmUsd.toFixed(6), counts(g.purposes)]);
  return table([header, ...rows], [false, true, true, true, true, true, true, true, false]);
}

function baselineLine(report: CostReport): string {
  const b = report.baseline;
  const without = b.turnsWithoutBaseline === 0 ? '' : `; ${b.turnsWithoutBaseline} turn(s) without a premium estimate left out`;
  if (b.turnsWithBaseline === 0) return `no premium estimate recorded (no premium model configured?)${without}`;
  return `${money(b.premiumUsd)} for ${b.turnsWithBaseline} turn(s), actual LLM ${money(b.llmUsd)}: saving ${money(b.savingUsd)} (${percent(b.saving)})${without}`;
}

function whatsappLines(report: CostReport): string[] {
  const w = report.whatsapp;
  const lines = [`${w.messages} messages: ${w.billed} billed (${money(w.feesUsd)}), ${w.free} free, ${w.unsent} not sent, ${w.unpriced} awaiting pricing, ${w.unknown} unknown`];
  if (w.billed > 0) lines.push(`by category: ${Object.entries(w.byCategory).map(([key, c]) => `${key} ${c.messages} (${money(c.usd)})`).join(', ')}`);
  if (w.unknown > 0) lines.push(`not priced, not counted: ${counts(w.unknownReasons)}`);
  return lines;
}

export function formatCostReport(report: PrintedReport): string {
  const t = report.totals;
  const pc = report.perConversation;
  const head = `cost ledger${report.business === null ? '' : ` of ${report.business}`}, ${report.since === null ? 'everything recorded' : `since ${report.since}`}`;
  const summary = table(
    [
      ['turns', `${t.turns} (${t.answeredTurns} answered) in ${t.conversations} conversation(s), ${t.modelCalls} model call(s)`],
      ['cost', `LLM ${money(t.llmUsd)} + WhatsApp ${money(t.whatsappUsd)} = ${money(t.totalUsd)}`],
      ['per conversation', `${money(pc.meanUsd)} (LLM ${money(pc.meanLlmUsd)}, WhatsApp ${money(pc.meanWhatsappUsd)}, ${pc.meanTurns ?? '—'} turns)`],
      ['premium', shareOf(report.premium, 'answered turns')],
      ['human', shareOf(report.human, 'answered turns')],
      ['escalation', shareOf(report.escalation, 'economy turns')],
      ['all-premium', baselineLine(report)],
      ...whatsappLines(report).map((line, index) => [index === 0 ? 'WhatsApp' : '', line]),
    ],
    [false, false],
  );
  const sections = [head, summary, groupTable('by intent', report.intents)];
  if (report.by === 'model') sections.push(modelTable(report.groups as ModelGroup[]));
  else if (report.by !== 'intent') sections.push(groupTable(`by ${report.by}`, report.groups as CostGroup[]));
  return sections.join('\n\n');
}
