/**
 * Discount and voucher codes. A code is either
 * - a token of capital letters and digits (and - or _) with at least two letters and one
 *   digit, four characters or more: "SCONTO20", "WELCOME-10", "BF2026"; or
 * - the token right after a code word ("codice", "coupon", "voucher", "Gutschein", "Code",
 *   "promo code"…) when it has a digit or is written in capitals: "codice BLACKFRIDAY",
 *   "Code: welcome10". Words such as "IBAN", "PIN", "OTP" after "codice" are not codes.
 * "OK", "IBAN", "WhatsApp", "SEPA" and brand names alone are not codes (no digit, no code
 * word), and neither are measures such as "SPF50". Normalised to upper case, hyphens kept ("WELCOME-10" is not "WELCOME10").
 */
import type { ClaimCollector } from './claim-collector.ts';
import { isDigitAt, isLetterAt, matchesWhere, wordMatches } from './scan-text.ts';

/** A run of capitals, digits, - and _; boundaries, digit and letters are checked in code. */
const PLAIN_CODE = /[A-Z0-9][A-Z0-9_-]{2,}[A-Z0-9]/g;
const HAS_DIGIT = /\d/;
const TWO_LETTERS = /[A-Z][^A-Z]*[A-Z]/;
const CODE_WORD = String.raw`codice(?:\s+(?:sconto|promo(?:zionale)?|coupon|voucher))?|coupon(?:\s+code)?|voucher(?:\s+code)?|buono(?:\s+sconto)?|promo\s?code|discount\s+code|gutschein(?:code)?|rabattcode|aktionscode|promocode|code`;
const CONTEXT_CODE = new RegExp(
  String.raw`(?:${CODE_WORD})(?![\p{L}])\s*[:=]?\s*["'“”«»„‘’*_]?(?<code>[A-Za-z0-9][A-Za-z0-9_-]{2,})(?![\p{L}\d_-])`,
  'giu',
);
const CODE_GATE = /\d|codi|coupon|voucher|buono|code|gutschein/i;
const NOT_CODES: ReadonlySet<string> = new Set(['IBAN', 'BIC', 'SWIFT', 'PIN', 'PUK', 'OTP', 'CVV', 'CVC', 'QR', 'CAP', 'ZIP', 'SEPA', 'PDF',
  'SMS', 'URL', 'EAN', 'SKU', 'IVA', 'TAN', 'UST', 'NFC', 'SPID', 'CIE', 'ATM', 'POS', 'CRO', 'TRN']);

/** Measures written like codes: "SPF50", "UVA400", "PH55", "MP3" is too short anyway. */
const MEASURE = /^(?:SPF|UVA|UVB|UV|PH|ML|MG|KG|CM|MM|GB|TB|MB|KW|HZ|MHZ|GHZ)-?\d+$/;

function isCodeBoundary(text: string, at: number): boolean {
  const ch = text.charAt(at);
  return !isLetterAt(text, at) && !isDigitAt(text, at) && ch !== '_' && ch !== '-';
}

function isPlainCode(text: string, m: RegExpExecArray): boolean {
  const code = m[0];
  return isCodeBoundary(text, m.index - 1) && isCodeBoundary(text, m.index + code.length) && HAS_DIGIT.test(code) && TWO_LETTERS.test(code) && !MEASURE.test(code);
}

export function extractCodes(c: ClaimCollector): void {
  const text = c.text;
  if (!CODE_GATE.test(text)) return;
  for (const m of matchesWhere(PLAIN_CODE, text, (match) => isPlainCode(text, match))) c.add(m.index, m.index + m[0].length, 'code', [m[0]]);
  for (const m of wordMatches(CONTEXT_CODE, text)) {
    const code = m.groups?.code ?? '';
    const upper = code.toUpperCase();
    if (NOT_CODES.has(upper)) continue;
    if (!/\d/.test(code) && (code !== upper || code.length < 3)) continue;
    const start = m.index + m[0].length - code.length;
    c.add(start, start + code.length, 'code', [upper]);
  }
}
