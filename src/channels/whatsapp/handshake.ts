/**
 * The GET verification handshake (API digest §1.1): Meta calls the callback URL with
 * `hub.mode=subscribe`, `hub.verify_token` and `hub.challenge`; the endpoint answers 200
 * with the raw challenge only when the token matches.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export type HandshakeCheck = { ok: true; challenge: string } | { ok: false; reason: string };

/** Constant-time string equality that does not leak the length (both sides are hashed first). */
function sameSecret(a: string, b: string): boolean {
  const digestA = createHash('sha256').update(a, 'utf8').digest();
  const digestB = createHash('sha256').update(b, 'utf8').digest();
  return timingSafeEqual(digestA, digestB) && a.length === b.length;
}

export function verifyHandshake(query: Record<string, string | undefined>, verifyToken: string): HandshakeCheck {
  const mode = query['hub.mode'];
  const token = query['hub.verify_token'];
  const challenge = query['hub.challenge'];
  if (mode !== 'subscribe') {
    return { ok: false, reason: `hub.mode must be "subscribe" (got ${mode === undefined ? 'nothing' : JSON.stringify(mode)})` };
  }
  if (verifyToken === '') {
    return { ok: false, reason: 'no verify token is configured' };
  }
  if (token === undefined || !sameSecret(token, verifyToken)) {
    return { ok: false, reason: token === undefined ? 'hub.verify_token is missing' : 'hub.verify_token does not match' };
  }
  if (challenge === undefined || challenge === '') {
    return { ok: false, reason: 'hub.challenge is missing' };
  }
  return { ok: true, challenge };
}
