import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { loadBusinessConfig, parseBusinessConfig } from '../../src/config/load-business.ts';
import { loadSettings } from '../../src/config/settings.ts';
import { isAppError } from '../../src/core/errors.ts';
import { DEMO_CONFIG_PATH } from '../helpers/demo-config.ts';

const demoYaml = readFileSync(DEMO_CONFIG_PATH, 'utf8');

function problemsOf(source: string): string {
  try {
    parseBusinessConfig(source, 'shop.yaml');
  } catch (error) {
    assert.ok(isAppError(error, 'CONFIG_INVALID'), `expected CONFIG_INVALID, got ${String(error)}`);
    return error.message;
  }
  assert.fail('the configuration was accepted');
}

describe('business configuration', () => {
  it('loads the demo salon with its intents, menus and both languages', () => {
    const config = loadBusinessConfig(DEMO_CONFIG_PATH);
    assert.equal(config.profile.name, 'Aurora Beauty Lab');
    assert.deepEqual(config.profile.languages, ['it', 'en']);
    assert.ok(Object.keys(config.intents).length >= 9);
    assert.equal(config.intents.human?.route, 'human');
    assert.equal(config.intents.prices?.route, 'approved_text');
  });

  it('names the file, line, path and limit of a button title that is too long', () => {
    const message = problemsOf(demoYaml.replace('title: { it: "Prezzi", en: "Prices" }', 'title: { it: "Prezzi di tutti i trattamenti", en: "Prices" }'));
    assert.match(message, /shop\.yaml:\d+: intents\.prices\.title\.it: is 29 characters; a WhatsApp button title allows at most 20/);
  });

  it('reports unknown references and missing languages all at once', () => {
    const broken = demoYaml
      .replace('follow_up: [book_appointment, treatments]', 'follow_up: [book_appointment, massages]')
      .replace("  handoff:\n    it:", "  handoff:\n    de:");
    const message = problemsOf(broken);
    assert.match(message, /intents\.prices\.follow_up\.1: names an unknown intent "massages"/);
    assert.match(message, /texts\.handoff\.it: is missing/);
  });

  it('rejects unknown keys (typos) with the path', () => {
    assert.match(problemsOf(demoYaml.replace('  tone: informal', '  tone: informal\n  tono: formale')), /profile: Unrecognized key: "tono"/);
  });

  it('reports YAML syntax errors with line and column', () => {
    assert.match(problemsOf('profile:\n  name: [unclosed\n'), /shop\.yaml:\d+:\d+: YAML syntax error/);
  });

  it('a locked intent may only be answered by its approved text, a secure flow or a person', () => {
    const locked = demoYaml.replace('  prices:\n', '  prices:\n    locked: true\n    route: premium\n');
    assert.match(problemsOf(locked), /intents\.prices\.route: is premium, but a locked intent may only use approved_text, secure_flow, human/);
    const ok = parseBusinessConfig(demoYaml.replace('  prices:\n', '  prices:\n    locked: true\n'), 'shop.yaml');
    assert.equal(ok.intents.prices?.locked, true);
  });

  it('guard settings have safe defaults and never allow secrets, cards or IBANs back', () => {
    const config = parseBusinessConfig(demoYaml, 'shop.yaml');
    assert.deepEqual(config.guard, { injection: 'block', personal_data: { warn_about: ['CREDIT_CARD', 'IBAN', 'SECRET', 'IT_FISCAL_CODE', 'DE_TAX_ID'], restore_in_reply: [] } });
    const message = problemsOf(`${demoYaml}\nguard:\n  personal_data:\n    restore_in_reply: [EMAIL, IBAN]\n`);
    assert.match(message, /guard\.personal_data\.restore_in_reply\.1: must be one of PHONE|guard\.personal_data\.restore_in_reply\.1: .*never given back/);
  });

  it('a missing file is a clear error', () => {
    assert.throws(() => loadBusinessConfig('/nope/business.yaml'), (e: unknown) => isAppError(e, 'CONFIG_INVALID') && /\/nope\/business\.yaml: cannot read/.test(e.message));
  });
});

describe('settings from the environment', () => {
  const required = { WHATSAPP_APP_SECRET: 'a-long-secret', WHATSAPP_VERIFY_TOKEN: 'verify', WHATSAPP_ACCESS_TOKEN: 'token' };

  it('never prints the value of a secret, even when it is invalid', () => {
    assert.throws(
      () => loadSettings({ ...required, WHATSAPP_APP_SECRET: 'short' }),
      (e: unknown) => isAppError(e, 'SETTINGS_INVALID') && /WHATSAPP_APP_SECRET is invalid/.test(e.message) && !e.message.includes('short'),
    );
  });

  it('applies defaults', () => {
    const settings = loadSettings(required);
    assert.equal(settings.PORT, 3000);
    assert.equal(settings.WHATSAPP_API_BASE_URL, 'https://graph.facebook.com');
    assert.equal(settings.WHATSAPP_API_VERSION, 'v25.0');
  });

  it('names every missing or malformed variable', () => {
    assert.throws(
      () => loadSettings({ PORT: 'eighty', WHATSAPP_API_BASE_URL: 'ftp://x' }),
      (e: unknown) =>
        isAppError(e, 'SETTINGS_INVALID') &&
        /PORT="eighty" is invalid/.test(e.message) &&
        /WHATSAPP_API_BASE_URL="ftp:\/\/x" is invalid/.test(e.message) &&
        /WHATSAPP_APP_SECRET is not set/.test(e.message) &&
        /WHATSAPP_VERIFY_TOKEN is not set/.test(e.message) &&
        /WHATSAPP_ACCESS_TOKEN is not set/.test(e.message),
    );
  });
});
