/**
 * The built-in CRM port: contacts keyed by phone digits, tags, consent per topic (the
 * latest by time wins; every change is also kept in the append-only `crm_consent_events`)
 * and notes. Tag, consent and note calls create the contact when it is missing, so an
 * opt-out can always be recorded.
 */
import { compact } from '../../../core/json.ts';
import type { Consent, ConsentTopic, CrmContact, CrmNote, CrmPort } from '../../../core/integrations.ts';
import { CONSENT_TOPICS, fail, phoneDigits, refuse, succeed } from '../../../core/integrations.ts';
import type { Clock } from '../../../core/ports.ts';
import type { Connection, Row } from '../connection.ts';
import { num, optText, text } from '../rows.ts';
import { mutatingCall, readCall } from './builtin-call.ts';

const UPSERT_CONSENT = `INSERT INTO crm_consents (phone, topic, granted, at, source) VALUES (?, ?, ?, ?, ?)
  ON CONFLICT (phone, topic) DO UPDATE SET granted = excluded.granted, at = excluded.at, source = excluded.source
  WHERE excluded.at >= crm_consents.at`;

function toNote(row: Row): CrmNote {
  return compact({ id: String(num(row, 'id')), text: text(row, 'text'), author: optText(row, 'author'), at: num(row, 'at') });
}

function consentsOf(db: Connection, phone: string): CrmContact['consents'] {
  const consents: CrmContact['consents'] = {};
  for (const row of db.all('SELECT * FROM crm_consents WHERE phone = ? ORDER BY topic', phone)) {
    const consent: Consent = compact({ granted: num(row, 'granted') === 1, at: num(row, 'at'), source: optText(row, 'source') });
    consents[text(row, 'topic') as ConsentTopic] = consent;
  }
  return consents;
}

function readContact(db: Connection, phone: string): CrmContact | undefined {
  const row = db.get('SELECT * FROM crm_contacts WHERE phone = ?', phone);
  if (row === undefined) return undefined;
  return compact({
    phone,
    name: optText(row, 'name'),
    email: optText(row, 'email'),
    language: optText(row, 'language'),
    tags: db.all('SELECT tag FROM crm_tags WHERE phone = ? ORDER BY tag', phone).map((tag) => text(tag, 'tag')),
    consents: consentsOf(db, phone),
    notes: db.all('SELECT * FROM crm_notes WHERE phone = ? ORDER BY at, id', phone).map(toNote),
  });
}

function ensureContact(db: Connection, phone: string, now: number): void {
  db.run('INSERT INTO crm_contacts (phone, created_at, updated_at) VALUES (?, ?, ?) ON CONFLICT (phone) DO NOTHING', phone, now, now);
}

function badPhone(operation: string, phone: string) {
  return fail('INTEGRATION_REJECTED', `${operation}: "${phone}" is not a phone number`, false);
}

function cleanTags(tags: readonly string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((tag) => tag.trim()).filter((tag) => tag !== ''))];
}

export function createBuiltinCrm(db: Connection, clock: Clock): CrmPort {
  /** Runs a mutating CRM call for a valid phone, with the contact created first. */
  function onContact<T>(operation: string, request: { idempotencyKey: string; phone: string }, work: (phone: string, now: number) => T) {
    const phone = phoneDigits(request.phone);
    return mutatingCall(db, clock, operation, request, () => {
      if (phone.length < 6) return badPhone(operation, request.phone);
      const now = clock.now();
      ensureContact(db, phone, now);
      return succeed(work(phone, now));
    });
  }

  return {
    getContact: (query) =>
      readCall('read a contact', () => {
        const contact = readContact(db, phoneDigits(query.phone));
        return contact === undefined ? refuse('CONTACT_NOT_FOUND', `no contact for ${query.phone}`) : succeed(contact);
      }),
    upsertContact: (request) =>
      onContact('crm.upsert_contact', request, (phone, now) => {
        db.run(
          'UPDATE crm_contacts SET name = coalesce(?, name), email = coalesce(?, email), language = coalesce(?, language), updated_at = ? WHERE phone = ?',
          request.name ?? null, request.email ?? null, request.language ?? null, now, phone,
        );
        return readContact(db, phone) as CrmContact;
      }),
    updateTags: (request) =>
      onContact('crm.update_tags', request, (phone, now) => {
        for (const tag of cleanTags(request.add)) db.run('INSERT INTO crm_tags (phone, tag) VALUES (?, ?) ON CONFLICT DO NOTHING', phone, tag);
        for (const tag of cleanTags(request.remove)) db.run('DELETE FROM crm_tags WHERE phone = ? AND tag = ?', phone, tag);
        db.run('UPDATE crm_contacts SET updated_at = ? WHERE phone = ?', now, phone);
        return readContact(db, phone) as CrmContact;
      }),
    setConsent: (request) => {
      if (!(CONSENT_TOPICS as readonly string[]).includes(request.topic) || !Number.isFinite(request.at)) {
        return Promise.resolve(fail('INTEGRATION_REJECTED', `crm.set_consent: unknown topic "${request.topic}" or invalid time`, false));
      }
      return onContact('crm.set_consent', request, (phone, now) => {
        const granted = request.granted ? 1 : 0;
        const source = request.source ?? null;
        db.run('INSERT INTO crm_consent_events (phone, topic, granted, at, source, recorded_at) VALUES (?, ?, ?, ?, ?, ?)', phone, request.topic, granted, request.at, source, now);
        db.run(UPSERT_CONSENT, phone, request.topic, granted, request.at, source);
        return readContact(db, phone) as CrmContact;
      });
    },
    addNote: (request) => {
      if (request.text.trim() === '') return Promise.resolve(fail('INTEGRATION_REJECTED', 'crm.add_note: the note is empty', false));
      return onContact('crm.add_note', request, (phone, now) => {
        const { lastRowid } = db.run('INSERT INTO crm_notes (phone, text, author, at) VALUES (?, ?, ?, ?)', phone, request.text, request.author ?? null, now);
        return toNote(db.get('SELECT * FROM crm_notes WHERE id = ?', lastRowid) as Row);
      });
    },
  };
}
