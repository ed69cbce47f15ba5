/**
 * Browser end-to-end: the demo (engine + sandbox + simulator) in one server, Debian's
 * Chromium driven by playwright-core, a customer chatting as on WhatsApp.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { demoSettings, startDemo, type Demo } from '../../src/cli/demo-command.ts';
import { silentLogger } from '../../src/core/ports.ts';
import { launchChromium } from '../helpers/browser.ts';
import { demoBusiness } from '../helpers/demo-config.ts';

const business = demoBusiness();
const firstLine = (text: string | undefined) => (text ?? '').split('\n')[0] ?? '';

describe('the browser simulator with the demo salon', () => {
  let demo: Demo;
  let browser: Browser;
  let page: Page;
  let dataDir: string;

  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'centralino-e2e-'));
    const settings = demoSettings({ CENTRALINO_DATA_DIR: dataDir, PORT: '0' });
    demo = await startDemo({ port: 0, host: '127.0.0.1', settings, logger: silentLogger, statusDelayMs: 20 });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(demo.url);
    assert.deepEqual(errors, []);
  });

  after(async () => {
    await browser?.close();
    await demo?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('asks "quanto costa una manicure?" and sees the approved answer with its buttons', async () => {
    await page.getByTestId('composer-input').fill('quanto costa una manicure?');
    await page.getByTestId('composer-send').click();
    const customer = page.getByTestId('message-in').last();
    await customer.getByText('quanto costa una manicure?').waitFor();
    const answer = page.getByTestId('message-out').filter({ hasText: 'Manicure classica: 20 €' });
    await answer.waitFor({ timeout: 10_000 });
    assert.match(await answer.innerText(), new RegExp(firstLine(business.intents.prices?.answer?.it).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    const buttons = page.getByTestId('reply-button');
    await buttons.first().waitFor();
    assert.deepEqual(await buttons.allInnerTexts(), ['Prenota', 'Trattamenti']);
  });

  it('the customer message gets read ticks once the engine has answered', async () => {
    const tick = page.getByTestId('message-in').last().getByTestId('tick');
    await page.waitForFunction(() => {
      const ticks = document.querySelectorAll('[data-testid="message-in"] [data-testid="tick"]');
      return ticks[ticks.length - 1]?.getAttribute('data-status') === 'read';
    });
    assert.equal(await tick.getAttribute('data-status'), 'read');
  });

  it('taps a reply button and sees its reply', async () => {
    await page.getByTestId('reply-button').filter({ hasText: 'Prenota' }).first().click();
    await page.locator('[data-testid="message-in"][data-kind="button_reply"]', { hasText: 'Prenota' }).waitFor();
    const reply = page.getByTestId('message-out').filter({ hasText: firstLine(business.intents.book_appointment?.answer?.it).slice(0, 40) });
    await reply.waitFor({ timeout: 10_000 });
  });

  it('opens the menu list from the greeting and picks a row', async () => {
    await page.getByTestId('composer-input').fill('ciao');
    await page.getByTestId('composer-send').click();
    await page.getByTestId('list-open').last().waitFor({ timeout: 10_000 });
    await page.getByTestId('list-open').last().click();
    await page.getByTestId('list-row').filter({ hasText: 'Dove siamo' }).click();
    await page.getByTestId('message-out').filter({ hasText: 'Via Vigevano 18' }).waitFor({ timeout: 10_000 });
  });

  it('the developer view shows tier, intent, confidence, verdicts, latency and cost for each answer', async () => {
    const turns = page.getByTestId('dev-turn');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="dev-turn"]').length >= 4);
    const text = (await turns.allInnerTexts()).join('\n');
    assert.match(text, /prices/);
    assert.match(text, /keyword/);
    assert.match(text, /90%/);
    assert.match(text, /personal_data/);
    assert.match(text, /respond/);
    assert.match(text, /total \d/);
    assert.match(text, /\$0\.00/);
  });

  it('a premium intent with no model configured: the developer view says the router answered without a model, and why', async () => {
    await page.getByTestId('composer-input').fill('ho la pelle molto secca, che trattamento viso mi consigli?');
    await page.getByTestId('composer-send').click();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="dev-routing"]')].some((e) => e.textContent?.includes('premium → approved_text')));
    const routing = (await page.getByTestId('dev-routing').allTextContents()).join('\n');
    assert.match(routing, /premium → approved_text · demanding and not frequent/);
    const reasons = (await page.getByTestId('dev-route-reason').allTextContents()).join('\n');
    assert.match(reasons, /no model configured for the premium route: answered from approved texts, knowledge and tools/);
    await page.getByText(firstLine(business.intents.treatment_advice?.answer?.it)).first().waitFor();
  });

  it('books a manicure with no model: free slots as a list, a row, then "Conferma"', async () => {
    await page.getByTestId('composer-input').fill('vorrei prenotare una manicure');
    await page.getByTestId('composer-send').click();
    await page.getByTestId('message-out').filter({ hasText: 'orari liberi per' }).waitFor({ timeout: 10_000 });
    await page.getByTestId('list-open').last().click();
    const row = page.getByTestId('list-row').first();
    const slot = (await row.innerText()).trim();
    await row.click();
    await page.getByTestId('message-out').filter({ hasText: `Confermi? Manicure classica, ${slot}` }).waitFor({ timeout: 10_000 });
    await page.getByTestId('reply-button').filter({ hasText: 'Conferma' }).last().click();
    await page.getByTestId('message-out').filter({ hasText: `Fatto ✅ Manicure classica, ${slot}` }).waitFor({ timeout: 10_000 });
  });
});
