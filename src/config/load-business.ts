/**
 * Reads a business YAML file and validates it. Every problem names the file, the
 * path inside it (with the line when known) and what is wrong; all problems are
 * reported at once.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isNode, type Document } from 'yaml';
import { AppError } from '../core/errors.ts';
import { businessSchema, type BusinessConfig } from './business-schema.ts';

type PathKey = string | number;

interface Problem {
  path: PathKey[];
  message: string;
}

export function loadBusinessConfig(file: string): BusinessConfig {
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new AppError('CONFIG_INVALID', `${file}: cannot read the business configuration (${(cause as Error).message})`, { cause });
  }
  return parseBusinessConfig(source, file);
}

export function parseBusinessConfig(source: string, file: string): BusinessConfig {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: true });
  if (doc.errors.length > 0) {
    const messages = doc.errors.map((e) => {
      const pos = e.linePos?.[0];
      return `${file}${pos ? `:${pos.line}:${pos.col}` : ''}: YAML syntax error: ${e.message.split('\n')[0]}`;
    });
    throw configError(file, messages);
  }
  const parsed = businessSchema.safeParse(doc.toJS());
  const problems: Problem[] = parsed.success
    ? crossCheck(parsed.data)
    : parsed.error.issues.map((issue) => ({ path: issue.path.map(toPathKey), message: issue.message }));
  if (problems.length > 0 || !parsed.success) {
    throw configError(file, problems.map((p) => formatProblem(file, doc, lines, p)));
  }
  return parsed.data;
}

function toPathKey(key: PropertyKey): PathKey {
  return typeof key === 'number' ? key : String(key);
}

/** Checks the schema cannot express: references between intents, menus and languages. */
function crossCheck(config: BusinessConfig): Problem[] {
  const problems: Problem[] = [];
  const { languages, default_language } = config.profile;
  const intentIds = new Set(Object.keys(config.intents));
  if (!languages.includes(default_language)) {
    problems.push({ path: ['profile', 'default_language'], message: `"${default_language}" is not one of profile.languages (${languages.join(', ')})` });
  }
  const needEveryLanguage = (path: PathKey[], texts: Record<string, string> | undefined) => {
    for (const lang of languages) {
      if (texts && texts[lang] === undefined) problems.push({ path: [...path, lang], message: `is missing: every text needs each language in profile.languages` });
    }
  };
  for (const [name, texts] of Object.entries(config.texts)) needEveryLanguage(['texts', name], texts);
  for (const [id, intent] of Object.entries(config.intents)) {
    needEveryLanguage(['intents', id, 'title'], intent.title);
    needEveryLanguage(['intents', id, 'answer'], intent.answer);
    if (intent.route === 'approved_text' && !intent.answer) {
      problems.push({ path: ['intents', id, 'answer'], message: 'is required when route is approved_text' });
    }
    intent.follow_up.forEach((ref, i) => {
      if (!intentIds.has(ref)) problems.push({ path: ['intents', id, 'follow_up', i], message: `names an unknown intent "${ref}"` });
    });
    if (intent.menu !== undefined && !(intent.menu in config.menus)) {
      problems.push({ path: ['intents', id, 'menu'], message: `names an unknown menu "${intent.menu}"` });
    }
  }
  for (const [name, menu] of Object.entries(config.menus)) {
    needEveryLanguage(['menus', name, 'body'], menu.body);
    needEveryLanguage(['menus', name, 'button'], menu.button);
    menu.items.forEach((ref, i) => {
      if (!intentIds.has(ref)) problems.push({ path: ['menus', name, 'items', i], message: `names an unknown intent "${ref}"` });
    });
  }
  for (const [kind, ref] of Object.entries(config.small_talk)) {
    if (ref !== undefined && !intentIds.has(ref)) problems.push({ path: ['small_talk', kind], message: `names an unknown intent "${ref}"` });
  }
  if (!('main' in config.menus)) problems.push({ path: ['menus'], message: 'must define a "main" menu (shown with the fallback text)' });
  return problems;
}

function formatProblem(file: string, doc: Document, lines: LineCounter, problem: Problem): string {
  const where = problem.path.length > 0 ? problem.path.join('.') : '(top level)';
  const line = lineOf(doc, lines, problem.path);
  return `${file}${line ? `:${line}` : ''}: ${where}: ${problem.message}`;
}

/** The line of the deepest existing node on the path. */
function lineOf(doc: Document, lines: LineCounter, path: PathKey[]): number | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return undefined;
}

function configError(file: string, messages: string[]): AppError {
  return new AppError('CONFIG_INVALID', `Invalid business configuration ${file}:\n  - ${messages.join('\n  - ')}`, {
    details: { file, problems: messages },
  });
}
