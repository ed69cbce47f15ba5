/**
 * A YAML or JSON file to draft entries: a list of records, or a mapping with file-wide
 * defaults and one or more lists named after their kind:
 *
 *   language: it                # defaults: language, kind, approved, valid_from, valid_until, tags
 *   faq:                        # faq / domande / fragen, policies, products / catalog / listino / services
 *     - question: Posso fare il reso?
 *       answer: Sì, entro 30 giorni dalla consegna.
 *
 * JSON is read by the same YAML parser (JSON is YAML), so every record and field keeps its line.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';
import type { KnowledgeKind } from '../../core/knowledge.ts';
import { foldText } from '../../text/normalize-text.ts';
import type { FileDefaults, FileReading } from './drafts.ts';
import { parseDefaults, recordEntries, type RawRecord, type RecordValue } from './record-entries.ts';

const LIST_KINDS: ReadonlyMap<string, KnowledgeKind | undefined> = new Map([
  ...['entries', 'voci', 'eintrage', 'items'].map((key) => [key, undefined] as const),
  ...['faq', 'faqs', 'domande', 'fragen', 'questions'].map((key) => [key, 'faq'] as const),
  ...['policies', 'policy', 'condizioni', 'regole', 'richtlinien', 'bedingungen'].map((key) => [key, 'policy'] as const),
  ...['products', 'prodotti', 'produkte', 'catalog', 'catalogue', 'catalogo', 'katalog', 'services', 'servizi', 'listino', 'leistungen', 'preisliste'].map(
    (key) => [key, 'product'] as const,
  ),
  ...['documents', 'documenti', 'dokumente'].map((key) => [key, 'document'] as const),
]);

/** The parsed document and where its nodes start. */
interface Source {
  doc: Document;
  lines: LineCounter;
}

function lineOf(node: Node | null | undefined, lines: LineCounter, fallback = 1): number {
  return node?.range ? lines.linePos(node.range[0]).line : fallback;
}

function pairValues(pairs: ReadonlyArray<Pair>, source: Source): RecordValue[] {
  return pairs.map((pair) => {
    const key = pair.key as Node | null;
    const value = pair.value as Node | null;
    return { name: isScalar(key) ? String(key.value) : String(key), value: value === null ? null : (value.toJS(source.doc) as unknown), line: lineOf(key, source.lines) };
  });
}

function readList(list: Node, hint: FileDefaults, source: Source, languages: readonly string[], reading: FileReading): void {
  const { lines } = source;
  if (!isSeq(list)) {
    reading.problems.push({ line: lineOf(list, lines), reason: 'must be a list of entries' });
    return;
  }
  list.items.forEach((item, index) => {
    const node = item as Node;
    if (!isMap(node)) {
      reading.problems.push({ line: lineOf(node, lines), reason: `item ${index + 1} is not a mapping of fields (question: …, answer: …)` });
      return;
    }
    const record: RawRecord = { line: lineOf(node, lines), values: pairValues(node.items as Pair[], source) };
    const { drafts, problems } = recordEntries(record, hint, languages);
    reading.drafts.push(...drafts);
    reading.problems.push(...problems);
  });
}

function readMapping(root: Node, defaults: FileDefaults, source: Source, languages: readonly string[]): FileReading {
  const reading: FileReading = { drafts: [], problems: [], defaults };
  if (!isMap(root)) return reading;
  const settings: RecordValue[] = [];
  const lists: Array<[Node, KnowledgeKind | undefined]> = [];
  for (const pair of root.items as Pair[]) {
    const key = isScalar(pair.key) ? foldText(String(pair.key.value)) : '';
    if (LIST_KINDS.has(key)) lists.push([pair.value as Node, LIST_KINDS.get(key)]);
    else settings.push(...pairValues([pair], source));
  }
  const parsed = parseDefaults(settings, languages, defaults);
  reading.defaults = parsed.defaults;
  reading.problems.push(...parsed.problems);
  if (lists.length === 0) reading.problems.push({ line: 1, reason: `has no list of entries (a key such as faq, policies, products or entries)` });
  // a wrong file-wide setting would be wrong for every entry: nothing is imported until it is fixed
  if (reading.problems.length > 0) return reading;
  for (const [list, kind] of lists) readList(list, kind === undefined ? reading.defaults : { ...reading.defaults, kind }, source, languages, reading);
  return reading;
}

const JSON_POSITION = /\s*(?:in JSON )?at position \d+(?: \(line (\d+) column \d+\))?/;

/** JSON's own error, with its line: the YAML parser's words for broken JSON would puzzle. */
function jsonProblem(text: string): { line: number; reason: string } | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const message = (error as Error).message;
    const line = Number(JSON_POSITION.exec(message)?.[1] ?? 1);
    return { line, reason: `not valid JSON: ${message.replace(JSON_POSITION, '')}` };
  }
}

export function readYamlEntries(text: string, defaults: FileDefaults, languages: readonly string[], json = false): FileReading {
  const broken = json ? jsonProblem(text) : undefined;
  if (broken !== undefined) return { drafts: [], problems: [broken], defaults };
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const [error] = doc.errors;
  if (error !== undefined) {
    const line = error.linePos?.[0]?.line ?? 1;
    return { drafts: [], problems: [{ line, reason: `not valid YAML/JSON: ${error.message.split('\n')[0]}` }], defaults };
  }
  const root = doc.contents as Node | null;
  if (root === null) return { drafts: [], problems: [{ line: 1, reason: 'the file is empty' }], defaults };
  if (isSeq(root)) {
    const reading: FileReading = { drafts: [], problems: [], defaults };
    readList(root, defaults, { doc, lines }, languages, reading);
    return reading;
  }
  if (isMap(root)) return readMapping(root, defaults, { doc, lines }, languages);
  return { drafts: [], problems: [{ line: lineOf(root, lines), reason: 'must be a list of entries or a mapping with one (faq:, products:, …)' }], defaults };
}
