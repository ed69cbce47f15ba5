/**
 * X-Hub-Signature-256: an HMAC-SHA256 of the raw POST body keyed with the app secret
 * (API digest §1.2). Always verify the bytes exactly as received, before any JSON parse:
 * re-serialised JSON (or a string re-decoded from bytes) may hash differently.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type SignatureCheck =
  | { ok: true }
  | { ok: false; code: 'WEBHOOK_SIGNATURE_MISSING' | 'WEBHOOK_SIGNATURE_INVALID'; reason: string };

const PREFIX = 'sha256=';
const HEX_DIGEST = /^[0-9a-fA-F]{64}$/;

function toBytes(rawBody: string | Uint8Array): Uint8Array {
  return typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
}

function hmacDigest(rawBody: string | Uint8Array, appSecret: string): Buffer {
  return createHmac('sha256', appSecret).update(toBytes(rawBody)).digest();
}

/** The header value Meta would send for this body: `sha256=<64 lowercase hex>`. */
export function signBody(rawBody: string | Uint8Array, appSecret: string): string {
  return PREFIX + hmacDigest(rawBody, appSecret).toString('hex');
}

/** Checks the X-Hub-Signature-256 header against the raw body, in constant time. */
export function verifySignature(
  rawBody: string | Uint8Array,
  header: string | undefined | null,
  appSecret: string,
): SignatureCheck {
  if (header === undefined || header === null || header.trim() === '') {
    return { ok: false, code: 'WEBHOOK_SIGNATURE_MISSING', reason: 'the X-Hub-Signature-256 header is missing' };
  }
  if (appSecret === '') {
    return invalid('no app secret is configured, so no signature can be trusted');
  }
  const value = header.trim();
  if (!value.startsWith(PREFIX)) {
    return invalid('the X-Hub-Signature-256 header must start with "sha256="');
  }
  const hex = value.slice(PREFIX.length);
  if (!HEX_DIGEST.test(hex)) {
    const got = hex.length === 64 ? 'characters that are not hex' : `${hex.length} characters`;
    return invalid(`the X-Hub-Signature-256 digest must be 64 hex characters (got ${got})`);
  }
  const expected = hmacDigest(rawBody, appSecret);
  const received = Buffer.from(hex, 'hex');
  if (!timingSafeEqual(expected, received)) {
    return invalid('the X-Hub-Signature-256 header does not match the body');
  }
  return { ok: true };
}

function invalid(reason: string): SignatureCheck {
  return { ok: false, code: 'WEBHOOK_SIGNATURE_INVALID', reason };
}
