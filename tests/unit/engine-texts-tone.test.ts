/**
 * The engine's own texts of tier 3 (the free-slot list, the confirmation question, what a
 * tap answers) speak in the business's form of address: the tone rail finds nothing in them,
 * in it, de and en, formal and informal.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BookingsPort } from '../../src/core/integrations.ts';
import { replyText } from '../../src/core/reply.ts';
import type { ProposedAction } from '../../src/core/turn.ts';
import { checkTone } from '../../src/pipeline/guard/tone/check-tone.ts';
import { actionReplies } from '../../src/pipeline/respond/confirm-action.ts';
import { confirmationReply } from '../../src/pipeline/respond/model/draft-reply.ts';
import { freeSlotsAnswer } from '../../src/pipeline/respond/tools/booking-slots.ts';

const action: ProposedAction = { id: 'turn:x:1', kind: 'book_appointment', args: {}, summary: 'Manicure, 28.11. 10:00' };
const NOW = Date.UTC(2026, 10, 25, 9);
const bookings = {
  listServices: () => Promise.resolve({ ok: true as const, value: [{ id: 'manicure', name: 'Manicure', durationMinutes: 30, price: { cents: 2000, currency: 'EUR' } }] }),
  freeSlots: () => Promise.resolve({ ok: true as const, value: [{ start: NOW + 86_400_000, end: NOW + 86_400_000 + 1_800_000, staffIds: ['a'] }] }),
} as unknown as BookingsPort;

describe("tier 3's engine texts keep the business's form of address", () => {
  for (const tone of ['formal', 'informal'] as const) {
    for (const language of ['it', 'de', 'en']) {
      it(`${tone} ${language}`, async () => {
        const texts = [
          replyText(confirmationReply(action, language, tone)),
          ...(['confirmed', 'declined', 'expired', 'already_done'] as const).flatMap((decision) => (actionReplies({ decision, action, done: true }, language, tone) ?? []).map(replyText)),
          ...((await freeSlotsAnswer('manicure', bookings, { language, timeZone: 'Europe/Rome', now: NOW, tone }))?.replies ?? []).map(replyText),
        ];
        assert.equal(texts.length, 6);
        for (const text of texts) assert.deepEqual(checkTone(text, { language, formality: tone }), [], `${text}`);
      });
    }
  }
});
