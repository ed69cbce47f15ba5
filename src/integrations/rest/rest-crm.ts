/**
 * The REST CRM adapter: contact read and upsert, tags, marketing consent and notes, each a
 * configured operation. The contact's consent is read from flat fields
 * (`marketing_granted`, `marketing_at`, `marketing_source`), which a mapping may point anywhere.
 */
import type { CrmContact, CrmNote, CrmPort } from '../../core/integrations.ts';
import { compact } from '../../core/json.ts';
import type { RestPortConfig } from '../integrations-config.ts';
import { PHONE_VARS, list, num, optNum, optText, phoneVars, strings, text, timeVarNames, timeVars, toResult } from './mapped-values.ts';
import { createRestOperation } from './rest-operation.ts';
import type { OperationSpec, RestDeps } from './rest-operation.ts';
import type { Mapped, Shape } from './response-mapping.ts';
import { opt, req } from './response-mapping.ts';

const NOTE: Shape = { id: req('string'), text: req('string'), author: opt('string'), at: req('time') };
const CONTACT: Shape = {
  phone: req('string'),
  name: opt('string'),
  email: opt('string'),
  language: opt('string'),
  tags: opt('strings'),
  marketing_granted: opt('boolean'),
  marketing_at: opt('time'),
  marketing_source: opt('string'),
  notes: opt({ type: 'list', shape: NOTE }),
};

const write = (name: string, variables: readonly string[], shape = CONTACT): OperationSpec => ({
  name, variables: [...PHONE_VARS, ...variables], mutating: true, refusals: [], shape, list: false,
});

const SPECS = {
  getContact: { name: 'get_contact', variables: [...PHONE_VARS], mutating: false, notFound: 'CONTACT_NOT_FOUND', refusals: [], shape: CONTACT, list: false },
  upsertContact: write('upsert_contact', ['name', 'email', 'language']),
  updateTags: write('update_tags', ['add', 'remove']),
  setConsent: write('set_consent', ['topic', 'granted', 'source', ...timeVarNames('at')]),
  addNote: write('add_note', ['text', 'author'], NOTE),
} satisfies Record<string, OperationSpec>;

function toNote(mapped: Mapped): CrmNote {
  return compact({ id: text(mapped, 'id'), text: text(mapped, 'text'), author: optText(mapped, 'author'), at: num(mapped, 'at') });
}

function toContact(mapped: Mapped): CrmContact {
  const granted = mapped['marketing_granted'] as boolean | undefined;
  const at = optNum(mapped, 'marketing_at');
  const consents: CrmContact['consents'] = {};
  if (granted !== undefined && at !== undefined) consents.marketing = compact({ granted, at, source: optText(mapped, 'marketing_source') });
  return compact({
    phone: text(mapped, 'phone'),
    name: optText(mapped, 'name'),
    email: optText(mapped, 'email'),
    language: optText(mapped, 'language'),
    tags: [...new Set(strings(mapped, 'tags'))].sort(),
    consents,
    notes: list(mapped, 'notes').map(toNote),
  });
}

export function createRestCrm(config: RestPortConfig, deps: RestDeps): CrmPort {
  const op = Object.fromEntries(Object.entries(SPECS).map(([key, spec]) => [key, createRestOperation('crm', spec as OperationSpec, config, deps)])) as {
    [K in keyof typeof SPECS]: ReturnType<typeof createRestOperation>;
  };
  return {
    getContact: async (query) => toResult(await op.getContact.run(phoneVars(query.phone)), toContact),
    upsertContact: async (request) =>
      toResult(await op.upsertContact.run({ ...phoneVars(request.phone), name: request.name, email: request.email, language: request.language }, request.idempotencyKey), toContact),
    updateTags: async (request) =>
      toResult(await op.updateTags.run({ ...phoneVars(request.phone), add: request.add ?? [], remove: request.remove ?? [] }, request.idempotencyKey), toContact),
    setConsent: async (request) =>
      toResult(
        await op.setConsent.run({ ...phoneVars(request.phone), topic: request.topic, granted: request.granted, source: request.source, ...timeVars('at', request.at) }, request.idempotencyKey),
        toContact,
      ),
    addNote: async (request) => toResult(await op.addNote.run({ ...phoneVars(request.phone), text: request.text, author: request.author }, request.idempotencyKey), toNote),
  };
}
