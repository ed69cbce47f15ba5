/**
 * A small language guess for it/en/de from function words, used to pick the reply
 * language until the trained detector lands (issue 3). Unknown → undefined, and the
 * caller keeps the conversation's language or the business default.
 */
import { tokenize } from './normalize-text.ts';

const FUNCTION_WORDS: Record<string, readonly string[]> = {
  it: ['il', 'lo', 'la', 'le', 'gli', 'un', 'una', 'di', 'da', 'per', 'con', 'che', 'non', 'sono', 'mi', 'ti', 'ci', 'si', 'come', 'quanto', 'costa', 'vorrei', 'posso', 'avete', 'siete', 'fate', 'grazie', 'ciao', 'buongiorno', 'buonasera', 'quando', 'dove', 'anche', 'io', 'del', 'della', 'al', 'alla', 'nel', 'e', 'ho', 'devo', 'domani', 'oggi', 'sabato', 'prenotare', 'appuntamento'],
  en: ['the', 'a', 'an', 'is', 'are', 'you', 'your', 'i', 'my', 'me', 'do', 'does', 'can', 'could', 'would', 'to', 'for', 'of', 'and', 'what', 'how', 'much', 'when', 'where', 'open', 'please', 'thanks', 'thank', 'hello', 'hi', 'want', 'need', 'have', 'book', 'appointment', 'tomorrow', 'today', 'it', 'with', 'on', 'at', 'cost', 'price'],
  de: ['der', 'die', 'das', 'ein', 'eine', 'ich', 'sie', 'du', 'ist', 'sind', 'und', 'mit', 'fur', 'nicht', 'wie', 'viel', 'kostet', 'wann', 'wo', 'haben', 'habe', 'mochte', 'kann', 'konnen', 'bitte', 'danke', 'hallo', 'guten', 'tag', 'termin', 'morgen', 'heute', 'auf', 'zu', 'mein', 'meine', 'was', 'gibt', 'es'],
};

export function detectLanguage(text: string, candidates: readonly string[]): string | undefined {
  const tokens = tokenize(text);
  let best: string | undefined;
  let bestScore = 0;
  for (const language of candidates) {
    const words = FUNCTION_WORDS[language];
    if (!words) continue;
    const score = tokens.filter((t) => words.includes(t)).length;
    if (score > bestScore) {
      best = language;
      bestScore = score;
    }
  }
  return best;
}
