/**
 * OriginalMessages in process memory: unredacted messages for at most `ttlMs` (default one
 * hour) and at most `max` of them (the oldest go first). Nothing is ever written to disk; after
 * a restart the placeholders of older messages simply cannot be restored.
 */
import type { InboundMessage } from '../core/message.ts';
import type { Clock, OriginalMessages } from '../core/ports.ts';

export interface MemoryOriginalsOptions {
  clock: Clock;
  ttlMs?: number;
  max?: number;
}

export function createMemoryOriginals(options: MemoryOriginalsOptions): OriginalMessages {
  const ttlMs = options.ttlMs ?? 60 * 60 * 1000;
  const max = options.max ?? 10_000;
  // A Map keeps insertion order: the first entries are the oldest.
  const kept = new Map<string, { message: InboundMessage; until: number }>();
  const evict = () => {
    const now = options.clock.now();
    for (const [id, entry] of kept) {
      if (entry.until > now && kept.size <= max) break;
      kept.delete(id);
    }
  };
  return {
    keep(message) {
      kept.delete(message.id);
      kept.set(message.id, { message, until: options.clock.now() + ttlMs });
      evict();
    },
    get(messageId) {
      evict();
      return kept.get(messageId)?.message;
    },
    forget(messageId) {
      kept.delete(messageId);
    },
  };
}
