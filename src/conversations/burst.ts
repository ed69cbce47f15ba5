/**
 * Message bursts: people write "ciao" / "volevo chiedere" / "quanto costa una manicure?" as
 * three messages a few seconds apart. The worker answers them as one turn.
 *
 *   firstBurst(pending, 4000)        the earliest pending text messages, each at most 4 s
 *                                    (WhatsApp timestamps) after the one before it
 *   looksUnfinished('volevo chiedere')   → true: more is probably on its way
 *   looksUnfinished('quanto costa?')     → false: answer at once
 *   waitBeforeAnswering(…)           how long to wait for the rest of an unfinished burst
 *
 * Only plain text merges: a tapped button or list row, media or anything else is a turn
 * of its own and ends the burst before it.
 */
import type { StoredInbound } from '../core/store.ts';
import { detectSmallTalk } from '../text/small-talk.ts';
import { foldText, foldTokens } from '../text/normalize-text.ts';

/** At most this many messages make one turn; a longer flood is answered in parts, without waiting. */
export const MAX_BURST_MESSAGES = 10;

/** Openers that promise a question ("volevo chiedere", "ich hätte eine Frage", "quick question"): the text ends with one. */
const OPENERS: readonly string[] = [
  'volevo chiedere', 'volevo sapere', 'vorrei chiedere', 'vorrei sapere', 'posso chiedere', 'potrei chiedere',
  'domanda', 'domandina', 'un\'informazione', 'una informazione', 'un info', 'una info', 'una curiosità', 'una cosa',
  'frage', 'wollte fragen', 'wollte mal fragen', 'möchte fragen', 'wollte wissen', 'möchte wissen',
  'question', 'wanted to ask', 'i was wondering', 'can i ask', 'could i ask', 'i would like to know', 'i\'d like to know',
].map(foldText);

/** A text ending on one of these words stops mid-sentence ("vorrei prenotare per", "and"). */
const DANGLING_WORDS: ReadonlySet<string> = new Set([
  'ma', 'per', 'di', 'che', 'con', 'pero', 'quindi', 'poi',
  'und', 'aber', 'oder', 'fur', 'mit', 'dass', 'weil',
  'and', 'but', 'or', 'for', 'with', 'because', 'to', 'about',
]);

/** A fragment this short, with no question mark, full stop or number, is probably not the whole message. */
const FRAGMENT_MAX_WORDS = 3;
const TRAILS_OFF = /(?::|…|\.{2,}|,)$/u;
const ENDS_A_SENTENCE = /[.!]$/u;
const DIGIT = /\d/u;

const textOf = (stored: StoredInbound): string | undefined => (stored.message.content.kind === 'text' ? stored.message.content.body : undefined);

function endsWithOpener(folded: string): boolean {
  return OPENERS.some((opener) => folded === opener || folded.endsWith(` ${opener}`));
}

/**
 * True when a text message looks like the start of something more: a bare greeting, an
 * opener ("una domanda", "ich hätte eine Frage", "quick question"), a text trailing off with
 * ":", "…", "..." or ",", ending on "per"/"und"/"and", or a fragment of at most three words
 * without a question. Questions, thanks, yes/no and other complete small talk are not.
 */
export function looksUnfinished(text: string): boolean {
  const trimmed = text.trim();
  if (TRAILS_OFF.test(trimmed)) return true;
  if (trimmed.includes('?')) return false;
  const tokens = foldTokens(trimmed);
  if (tokens.length === 0) return false;
  const smallTalk = detectSmallTalk(trimmed);
  if (smallTalk) return smallTalk.kind === 'greeting';
  if (endsWithOpener(tokens.join(' ')) || DANGLING_WORDS.has(tokens.at(-1) ?? '')) return true;
  return tokens.length <= FRAGMENT_MAX_WORDS && !ENDS_A_SENTENCE.test(trimmed) && !tokens.some((t) => DIGIT.test(t));
}

/**
 * The messages of the next turn, from the pending messages in order: the first one, and while
 * it and the next are plain text at most `windowMs` apart (WhatsApp timestamps), the next.
 * A window of 0 never merges.
 */
export function firstBurst(pending: readonly StoredInbound[], windowMs: number, max = MAX_BURST_MESSAGES): StoredInbound[] {
  const [first] = pending;
  if (!first) return [];
  const burst = [first];
  if (windowMs <= 0 || textOf(first) === undefined) return burst;
  for (const next of pending.slice(1, max)) {
    const previous = burst[burst.length - 1] as StoredInbound;
    if (textOf(next) === undefined || (next.timestamp - previous.timestamp) * 1000 > windowMs) break;
    burst.push(next);
  }
  return burst;
}

/**
 * Milliseconds to wait before answering `burst` (0: answer now). The worker waits only when
 * the burst's last message is the newest pending one, looks unfinished and came in less than
 * `windowMs` ago (its `receivedAt`, by the worker's clock): until `windowMs` after it came in.
 */
export function waitBeforeAnswering(burst: readonly StoredInbound[], pending: readonly StoredInbound[], windowMs: number, now: number, max = MAX_BURST_MESSAGES): number {
  const last = burst[burst.length - 1];
  if (windowMs <= 0 || !last || burst.length >= max || pending.length > burst.length) return 0;
  const text = textOf(last);
  if (text === undefined || !looksUnfinished(text)) return 0;
  return Math.min(windowMs, Math.max(0, last.receivedAt + windowMs - now));
}
