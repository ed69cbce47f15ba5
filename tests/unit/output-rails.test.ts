/** The output rails on drafts: claims against sources, locked topics, personal data echoed, tone, restoring placeholders. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Reply } from '../../src/core/reply.ts';
import type { PiiType } from '../../src/pipeline/guard/guard-types.ts';
import { guardOutput, type Draft, type OutputRailsContext } from '../../src/pipeline/guard/output-rails.ts';
import { maskForModel } from '../../src/pipeline/guard/pii/redact-personal-data.ts';

const model = (body: string, sources: string[] = []): Draft => ({ replies: [{ kind: 'text', body }], origin: 'model', sources });
const context = (extra: Partial<OutputRailsContext> = {}): OutputRailsContext => ({ language: 'it', formality: 'informal', locked: false, restore: new Set(), vault: [], ...extra });
const blockedBy = (result: ReturnType<typeof guardOutput>) => result.verdicts.filter((v) => v.action === 'block').map((v) => v.rail);
const body = (replies: Reply[]) => (replies[0]?.kind === 'text' ? replies[0].body : undefined);

describe('output rails', () => {
  it('a model draft whose figures are all in its sources goes out unchanged', () => {
    const result = guardOutput(model('La manicure classica costa 25 €.', ['Manicure classica: 25,00 euro.']), context());
    assert.deepEqual(blockedBy(result), []);
    assert.equal(result.blocked, false);
    assert.equal(body(result.replies), 'La manicure classica costa 25 €.');
  });

  it('an invented price or discount is blocked, naming the claims', () => {
    const result = guardOutput(model('La manicure costa 19 € e con il codice SCONTO10 hai il 10% di sconto!', ['Manicure classica: 25 €']), context());
    assert.deepEqual(blockedBy(result), ['claims']);
    assert.equal(result.replies.length, 0);
    const claims = result.verdicts.find((v) => v.rail === 'claims');
    assert.match(claims?.action === 'block' ? claims.reason : '', /19/);
  });

  it('a refund promised by no source is blocked', () => {
    const result = guardOutput(model('Nessun problema, ti rimborsiamo tutto entro domani.', ['Puoi disdire gratis fino a 24 ore prima.']), context());
    assert.ok(blockedBy(result).includes('claims'));
  });

  it('a locked topic is never answered by a model, however harmless the draft', () => {
    assert.deepEqual(blockedBy(guardOutput(model('Certo, ti aiuto io.'), context({ locked: true }))), ['locked_topic']);
    const approved: Draft = { replies: [{ kind: 'text', body: 'Per bloccare la carta usa il link sicuro.' }], origin: 'approved', sources: ['Per bloccare la carta usa il link sicuro.'] };
    assert.equal(guardOutput(approved, context({ locked: true })).blocked, false);
  });

  it('personal data the customer did not need back is blocked; the business’s own data from a source is fine', () => {
    assert.deepEqual(blockedBy(guardOutput(model('Ti scriviamo a mario.rossi@example.com'), context())), ['personal_data_echo']);
    assert.equal(guardOutput(model('Scrivici a info@aurora.example', ['Email: info@aurora.example']), context()).blocked, false);
    // A phone number no source gives is invented: blocked like an invented price.
    assert.deepEqual(blockedBy(guardOutput(model('Ci chiami allo 02 1234 5678.', ['Boutique Aurora, via Manzoni 12, Milano']), context())), ['personal_data_echo']);
  });

  it('placeholders are restored only for the kinds the business allows, never secrets', () => {
    const { vault } = maskForModel('scrivetemi a mario.rossi@example.com, il pin è 4821');
    const restore = new Set<PiiType>(['EMAIL', 'SECRET']);
    const ok = guardOutput(model('Ti scriviamo a [EMAIL_1].'), context({ vault, restore }));
    assert.equal(ok.blocked, false);
    assert.equal(body(ok.replies), 'Ti scriviamo a mario.rossi@example.com.');
    const secret = guardOutput(model('Il tuo pin è [SECRET_2].'), context({ vault, restore }));
    assert.doesNotMatch(JSON.stringify(secret), /4821/);
    const notAllowed = guardOutput(model('Ti scriviamo a [EMAIL_1].'), context({ vault }));
    assert.doesNotMatch(JSON.stringify(notAllowed.replies), /mario/);
  });

  it('the business’s form of address: tu in a formal Italian reply is blocked', () => {
    assert.deepEqual(blockedBy(guardOutput(model('Puoi prenotare quando vuoi.'), context({ formality: 'formal' }))), ['tone']);
    assert.equal(guardOutput(model('Può prenotare quando vuole.'), context({ formality: 'formal' })).blocked, false);
    assert.deepEqual(blockedBy(guardOutput(model('Kannst du morgen kommen?'), context({ language: 'de', formality: 'formal' }))), ['tone']);
  });
});
