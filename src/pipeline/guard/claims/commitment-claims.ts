/**
 * Commitments: phrases that promise the customer something. A draft may make one only when
 * a source (in any of the three languages) makes one of the same kind. Normalised to the
 * kind:
 *
 *   refund         rimborso, ti rimborsiamo, Erstattung, zurückerstatten, refund, money back
 *   replacement    sostituiamo, sostituzione, Umtausch, ersetzen, we will replace, exchange
 *   free_shipping  spedizione gratuita, ti spediamo gratis, kostenloser Versand, free shipping
 *   free_of_charge gratis, gratuito, in omaggio, kostenlos, umsonst, free of charge, for free
 *   guarantee      garantito, garanzia, garantiert, Gewährleistung, guarantee, warranty
 *   promise        promettiamo, Le assicuro, versprechen, we promise, I assure you
 *   compensation   risarcimento, indennizzo, Entschädigung, compensation
 *   discount       sconto, a metà prezzo, Rabatt, zum halben Preis, discount, half off, buy one get one
 *   delivery       an arrival with a day or a certainty: "arriverà domani", "sicuramente
 *                  arriverà", "kommt morgen an", "will arrive tomorrow", "on time"
 *
 * A phrase negated in its clause is no promise: "non possiamo garantire", "keine
 * Erstattung", "the refund is not possible" (a source that says so grants nothing either).
 * A delivery in the past ("è stato consegnato oggi", "was delivered today") is no promise.
 */
import type { ClaimCollector } from './claim-collector.ts';
import { isLetterAt, matchAt, matchBefore, wordMatches, wordsBefore } from './scan-text.ts';

const FREE = String.raw`gratuit\p{L}*|gratis|kostenlos\p{L}*|kostenfrei\p{L}*|free`;
const SHIP = String.raw`spedizion\p{L}*|spedi\p{L}*|consegn\p{L}*|versand\p{L}*|liefer\p{L}*|shipping|delivery|ship\p{L}*|deliver\p{L}*`;
const DELIVER = String.raw`arriv\p{L}*|consegn\p{L}*|ricever\p{L}*|riceve|recapit\p{L}*|spedi\p{L}*|geliefert|liefern|zugestellt|zustellen|ankommen|ankommt|kommt|erhalten|bekommen|versendet|verschickt|deliver\p{L}*|receive\p{L}*|ship\p{L}*|dispatch\p{L}*|get\s+it`;
const WHEN = String.raw`oggi|domani|dopodomani|stasera|in\s+giornata|sicuramente|di\s+sicuro|in\s+tempo|puntuale|heute|morgen|übermorgen|bestimmt|pünktlich|rechtzeitig|today|tomorrow|tonight|definitely|for\s+sure|surely|on\s+time`;
/** Up to three words between the two halves of a phrase, in the same clause. */
const NEAR = String.raw`(?:\s+[^\s.!?;:,]+){0,3}?\s+`;

/**
 * Phrases made of two words near each other: found from the rarer word (free, a day or a
 * certainty), the partner looked for in the few words before and after.
 */
const PAIRED: readonly { kind: string; anchor: RegExp; before: RegExp; after: RegExp }[] = [
  {
    kind: 'free_shipping',
    anchor: new RegExp(String.raw`(?:${FREE})(?![\p{L}])`, 'giu'),
    before: new RegExp(String.raw`(?<![\p{L}])(?:${SHIP})${NEAR}$`, 'iu'),
    after: new RegExp(String.raw`${NEAR}(?:${SHIP})(?![\p{L}])`, 'iuy'),
  },
  {
    kind: 'delivery',
    anchor: new RegExp(String.raw`(?:${WHEN})(?![\p{L}])`, 'giu'),
    before: new RegExp(String.raw`(?<![\p{L}])(?:${DELIVER})${NEAR}$`, 'iu'),
    after: new RegExp(String.raw`${NEAR}(?:${DELIVER})(?![\p{L}])`, 'iuy'),
  },
];
const PAIR_WINDOW = 48;
const GUTEN_BEFORE = /guten\s+$/i;

const KINDS: readonly [string, string][] = [
  ['free_shipping', String.raw`versandkostenfrei|gratisversand|senza\s+spese\s+di\s+spedizione`],
  ['refund', String.raw`rimbors\p{L}*|riaccredit\p{L}*|(?:zu)?(?:rück)?erstatt\p{L}*|rückzahlung\p{L}*|gutschrift\p{L}*|gutschreiben|gutgeschrieben|refund\p{L}*|reimburs\p{L}*|money\s+back|geld\s+zurück|soldi\s+indietro`],
  ['replacement', String.raw`sostitu\p{L}*|rimpiazz\p{L}*|ersetz\p{L}*|ersatz\p{L}*|umtausch\p{L}*|umzutauschen|replac\p{L}*|exchang\p{L}*(?![\p{L}])(?!\s+rates?)`],
  ['guarantee', String.raw`garant\p{L}*|guarant\p{L}*|warrant(?:y|ies)|gewährleist\p{L}*`],
  ['promise', String.raw`promett\p{L}*|promess\p{L}*|versprech\p{L}*|versprich\p{L}*|versproch\p{L}*|promis\p{L}*|(?:le|vi|ti|la)\s+assicur(?:o|iamo)|assicuriamo|versicher(?:e|n)\s+(?:ihnen|dir|euch)|assure\s+you`],
  ['compensation', String.raw`risarc\p{L}*|indennizz\p{L}*|entschädig\p{L}*|schadens?ersatz|compensat\p{L}*`],
  ['discount', String.raw`half\s+(?:off|price)|(?:a\s+)?metà\s+prezzo|(?:zum\s+)?halben\s+preis|halber\s+preis|buy\s+one,?\s+get\s+one(?:\s+free)?|prendi\s+(?:2|due)\s+paghi\s+(?:1|uno)|sconto|sconti|scontat\p{L}*|discount(?:s|ed)?|rabatt\p{L}*|preisnachlass\p{L}*|ermäßig\p{L}*`],
  ['free_of_charge', String.raw`gratuit\p{L}*|gratis|in\s+omaggio|omaggio|a\s+costo\s+zero|senza\s+(?:alcun\s+)?cost[oi](?:\s+aggiuntiv[oi])?|senza\s+spese|kostenlos\p{L}*|kostenfrei\p{L}*|gebührenfrei\p{L}*|umsonst|ohne\s+(?:zusätzliche\s+)?(?:kosten|aufpreis|gebühren?)|free\s+of\s+charge|for\s+free|at\s+no\s+(?:extra\s+|additional\s+)?(?:cost|charge)|no\s+charge|complimentary|free\s+(?:returns?|exchanges?|consultations?|gifts?|samples?|upgrades?|repairs?|cancellation|trial)`],
];

/** Sticky: tried at the start of the word with a stem and of the two words before it ("in omaggio"). */
const COMMITMENT_AT = new RegExp(
  `(?:${KINDS.map(([kind, source]) => `(?<${kind}>${source})`).join('|')})(?![\\p{L}])`,
  'iuy',
);
const STEMS = /rimbors|riaccredit|erstatt|rückzahl|gutschr|gutgeschr|refund|reimburs|back|zurück|indietro|sostitu|rimpiazz|ersetz|ersatz|umtausch|umzutausch|replac|exchang|garant|guarant|warrant|gewährleist|promet|promes|versprech|versprich|versproch|promis|assicur|versicher|assure|risarc|indennizz|entschädig|compensat|gratu|gratis|kosten|free|omaggio|cost|spese|gebühr|umsonst|charge|complimentary|versand|half|metà|halbe|buy one|prendi|scont|discount|rabatt|preisnachlass|ermäßig/gi;
const PAIRED_GATE = /gratu|gratis|kosten|free|oggi|domani|stasera|giornata|sicur|tempo|puntuale|heute|morgen|bestimmt|pünktlich|rechtzeitig|today|tomorrow|tonight|definitely|sure|on time/i;

/** Negation in the four words before, in the same clause. */
const NEGATIONS: ReadonlySet<string> = new Set(['non', 'nessun', 'nessuno', 'nessuna', 'né', 'nicht', 'kein', 'keine', 'keinen', 'keinem', 'keiner',
  'keines', 'not', 'no', 'cannot', "can't", 'can’t', "won't", 'won’t', "don't", 'don’t', "doesn't", 'doesn’t', 'unable', 'never', 'nie',
  'niemals', 'mai']);
const NEGATION_WORDS_LOOKED_AT = 4;
/**
 * Negation after the phrase, right away or after a verb such as "è", "ist", "is" and up to
 * four words ("il rimborso non è previsto", "Erstattung ist leider nicht möglich"), but
 * not "non appena" (as soon as) or "non oltre" (no later than).
 */
const NEGATION_AFTER = /^[^\S\n]+(?:(?:è|sono|viene|vengono|avviene|può|possono|ist|sind|wird|werden|erfolgt|kann|können|is|are|was|were|will|can|cannot)(?:[^\S\n]+[^\s.!?;:,]+){0,4}?[^\S\n]+)?(?:non(?!\s+(?:appena|oltre|solo))|nicht(?!\s+(?:später|nur))|not(?!\s+(?:later|only))|isn['’]t|kein\p{L}*)(?![\p{L}])/iu;
/** An auxiliary or adverb of the past near an arrival verb in a participle: no promise. */
const PAST = /(?<![\p{L}])(?:è|sono|siamo|abbiamo|ho|ha|hanno|già|was|were|has|have|had|already|wurde|wurden|worden|hat|haben|habe|bereits|schon|ist)(?![\p{L}])/iu;
const FUTURE = /(?<![\p{L}])(?:sarà|saranno|will|wird|werden)(?![\p{L}])/iu;
const PARTICIPLE = /(?<![\p{L}])(?:\p{L}+(?:at|ut|it)[oaie]|\p{L}+ed|geliefert|zugestellt|erhalten|bekommen|versendet|verschickt|angekommen)(?![\p{L}])/iu;
const WINDOW = 40;
/** A figure next to a discount word. */
const FIGURE_NEAR = /\d/;
/**
 * "10 % Rabatt", "sconto del 20%": the figure is the claim (a percentage or an amount, checked
 * on its own), so in a draft this discount needs no source of its own; in a source it still
 * grants a discount (check-claims.ts).
 */
export const DISCOUNT_WITH_FIGURE = 'discount_with_figure';

function discountWithFigure(text: string, kind: string, start: number, end: number): boolean {
  return kind === 'discount' && FIGURE_NEAR.test(text.slice(Math.max(0, start - 25), end + 25));
}
/** "Anzeige erstatten" is filing a police report, not a refund. */
const NOT_A_REFUND = /anzeige/i;
/** Changing a password or PIN is no replacement of goods. */
const NOT_A_REPLACEMENT = /password|passwort|kennwort|(?<![\p{L}])pin(?![\p{L}])/iu;

function isNegated(text: string, start: number, end: number): boolean {
  const before = wordsBefore(text, start, NEGATION_WORDS_LOOKED_AT);
  return before.some((w) => NEGATIONS.has(w.word)) || NEGATION_AFTER.test(text.slice(end, end + WINDOW));
}

/** "è stato consegnato oggi", "was delivered today", "wurde heute geliefert"; not "sarà consegnato domani". */
function isPast(window: string): boolean {
  return PARTICIPLE.test(window) && PAST.test(window) && !FUTURE.test(window);
}

/** Whether a phrase of this kind between start and end is no promise (negated, past, look-alike). */
function isExcluded(text: string, kind: string, start: number, end: number): boolean {
  if (isNegated(text, start, end)) return true;
  if (kind === 'replacement') return NOT_A_REPLACEMENT.test(text.slice(start, end + 30));
  if (kind === 'refund') return NOT_A_REFUND.test(text.slice(Math.max(0, start - 20), end + 20));
  if (kind === 'delivery') return isPast(text.slice(Math.max(0, start - 20), end));
  return false;
}

/** "spedizione gratuita", "ti spediamo gratis", "arriverà domani", "sicuramente arriverà". */
function extractPaired(c: ClaimCollector): void {
  const text = c.text;
  for (const pair of PAIRED) {
    for (const anchor of wordMatches(pair.anchor, text)) {
      if (pair.kind === 'delivery' && GUTEN_BEFORE.test(text.slice(Math.max(0, anchor.index - 7), anchor.index))) continue;
      const anchorEnd = anchor.index + anchor[0].length;
      const before = matchBefore(pair.before, text, anchor.index, PAIR_WINDOW);
      const after = before === null ? matchAt(pair.after, text, anchorEnd) : null;
      if (before === null && after === null) continue;
      const start = before?.index ?? anchor.index;
      const end = after === null ? anchorEnd : anchorEnd + after[0].length;
      if (!isExcluded(text, pair.kind, start, end)) c.add(start, end, 'commitment', [pair.kind]);
    }
  }
}

/** The commitment phrase that contains the stem found at `at`, if any. */
function phraseAt(text: string, at: number): RegExpExecArray | null {
  let wordStart = at;
  while (wordStart > 0 && isLetterAt(text, wordStart - 1)) wordStart--;
  const starts = wordsBefore(text, wordStart, 2).map((w) => w.start).reverse();
  starts.push(wordStart);
  for (const start of starts) {
    const m = matchAt(COMMITMENT_AT, text, start);
    if (m !== null && m.index + m[0].length > at) return m;
  }
  return null;
}

export function extractCommitments(c: ClaimCollector): void {
  const text = c.text;
  if (PAIRED_GATE.test(text)) extractPaired(c);
  STEMS.lastIndex = 0;
  for (let stem = STEMS.exec(text); stem !== null; stem = STEMS.exec(text)) {
    const m = phraseAt(text, stem.index);
    if (m === null) continue;
    const groups = m.groups ?? {};
    const kind = KINDS.find(([name]) => groups[name] !== undefined)?.[0];
    const end = m.index + m[0].length;
    STEMS.lastIndex = Math.max(STEMS.lastIndex, end);
    if (kind !== undefined && !isExcluded(text, kind, m.index, end)) c.add(m.index, end, 'commitment', [discountWithFigure(text, kind, m.index, end) ? DISCOUNT_WITH_FIGURE : kind]);
  }
}
