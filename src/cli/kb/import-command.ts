/**
 * `centralino kb import <path> [--config business.yaml] [--data-dir dir] [--json]`: imports
 * a file or a folder into the knowledge base, with a progress bar, and prints what was
 * added, changed, removed and rejected (each rejection with `file:line` and the reason).
 * With `knowledge.embeddings` configured, new and changed entries are embedded after.
 */
import { embedMissing } from '../../knowledge/embeddings.ts';
import { importKnowledge, type ImportReport } from '../../knowledge/import/import-knowledge.ts';
import { createProgressBar } from '../progress-bar.ts';
import { openKbContext, type KbFlags } from './kb-context.ts';

export interface ImportSummary extends ImportReport {
  embedded?: number;
  embeddingError?: string;
}

export async function kbImportCommand(path: string, flags: KbFlags & { strict?: boolean }): Promise<void> {
  const context = openKbContext(flags);
  try {
    const progress = flags.json ? undefined : createProgressBar('importing');
    const report: ImportSummary = await importKnowledge(context.store, path, {
      languages: context.business.profile.languages,
      defaultLanguage: context.business.profile.default_language,
      ...(progress ? { onProgress: ({ done, total, file }) => progress.update({ phase: file, done, total }) } : {}),
    });
    progress?.done(`${report.files.length} file${report.files.length === 1 ? '' : 's'} read`);
    if (context.embedder !== undefined) {
      try {
        const bar = flags.json ? undefined : createProgressBar('embedding');
        report.embedded = await embedMissing(context.store, context.embedder, bar ? ({ done, total }) => bar.update({ phase: 'entries', done, total }) : undefined);
        bar?.done(`${report.embedded} entries embedded`);
      } catch (error) {
        report.embeddingError = (error as Error).message;
      }
    }
    console.log(flags.json ? JSON.stringify(report) : formatImportReport(path, report));
    // The good rows are imported either way; --strict makes rejected rows fail a script.
    if (flags.strict && report.rejected.length > 0) process.exitCode = 2;
  } finally {
    await context.close();
  }
}

export function formatImportReport(path: string, report: ImportSummary): string {
  const lines = [
    `${path}: ${report.added.length} added, ${report.changed.length} changed, ${report.unchanged.length} unchanged, ${report.removed.length} removed, ${report.rejected.length} rejected`,
    '',
  ];
  const width = Math.max(4, ...report.files.map((file) => file.file.length));
  lines.push(`${'file'.padEnd(width)}  added  changed  unchanged  removed  rejected`);
  for (const file of report.files) {
    const counts = [file.added, file.changed, file.unchanged, file.removed, file.rejected].map((n, i) => String(n).padStart([5, 7, 9, 7, 8][i] ?? 5));
    lines.push(`${file.file.padEnd(width)}  ${counts.join('  ')}${file.kept ? '  (not applied: its earlier entries are kept)' : ''}`);
  }
  if (report.rejected.length > 0) {
    lines.push('', 'rejected:');
    for (const rejection of report.rejected) lines.push(`  ${rejection.file}:${rejection.line}: ${rejection.reason}`);
  }
  if (report.skipped.length > 0) lines.push('', `skipped (not Markdown, YAML, JSON or CSV): ${report.skipped.join(', ')}`);
  if (report.embedded !== undefined) lines.push('', `embeddings: ${report.embedded} entries embedded`);
  if (report.embeddingError !== undefined) lines.push('', `embeddings failed (full-text search still works; the next import retries): ${report.embeddingError}`);
  return lines.join('\n');
}
