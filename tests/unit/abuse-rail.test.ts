import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { detectAbuse } from '../../src/pipeline/guard/abuse/detect-abuse.ts';
import { prepareAbuseText, unmask } from '../../src/pipeline/guard/abuse/abuse-text.ts';

const kindOf = (text: string) => detectAbuse(text)?.kind ?? null;

it('finds insults aimed at the staff or the bot, censored or not', () => {
  for (const text of ['sei un idiota', 'sei un c*glione', 'vaff*nculo', 'du Idiot', 'ihr Arschl*cher', 'fick dich', 'you stupid bot', 'f@ck you', 'Idioti!!!']) {
    assert.equal(kindOf(text), 'insult', text);
  }
});

it('finds threats of violence, but a legal threat is a complaint', () => {
  for (const text of ['ti vengo a trovare e ti spacco la faccia', "I'll kill you", 'ich bring dich um', 'so dove abiti']) assert.equal(kindOf(text), 'threat', text);
  for (const text of ['vi denuncio', "I'll sue you", 'ich verklage euch', 'vi faccio una recensione negativa']) assert.equal(kindOf(text), null, text);
});

it('finds signals of self-harm, and they outrank everything else', () => {
  for (const text of ['voglio farla finita', 'mi voglio uccidere', 'ich will nicht mehr leben', 'I want to end it all']) assert.equal(kindOf(text), 'self_harm', text);
  assert.equal(kindOf('siete degli idioti, voglio farla finita'), 'self_harm');
});

it('leaves frustration and idioms alone', () => {
  for (const text of ['che schifo di servizio', 'this is ridiculous', 'unmöglich!', 'che c*zzo, ancora in ritardo', 'Sch**ße, schon wieder', 'voglio farla finita con questa storia', 'mi ammazzo dal ridere', 'ich lach mich tot', "I'm dying to try it", 'devo tagliarmi i capelli']) {
    assert.equal(kindOf(text), null, text);
  }
});

it('undoes censoring and WhatsApp spellings; spans point at the words', () => {
  assert.equal(unmask('c*zzo'), 'cazzo');
  assert.equal(unmask('sch**sse'), 'scheisse');
  assert.equal(prepareAbuseText('sei un c*glione!!! stronzoooo').text, 'sei un coglione . stronzo');
  const text = 'Buongiorno. Sei un C*GLIONE, lo sai?';
  const finding = detectAbuse(text);
  assert.deepEqual(finding?.spans.map((s) => text.slice(s.start, s.end)), ['Sei un C*GLIONE']);
  assert.equal(finding?.spans[0]?.type, 'insult');
});

it('gives the exact verdict on every fixture line', () => {
  const lines = readFileSync(new URL('../fixtures/guard/abuse-cases.jsonl', import.meta.url), 'utf8').trim().split('\n');
  assert.ok(lines.length >= 30);
  const wrong: string[] = [];
  for (const line of lines) {
    const { text, kind } = JSON.parse(line) as { text: string; kind: string | null };
    const got = kindOf(text);
    if (got !== kind) wrong.push(`${kind} → ${got}: ${text}`);
  }
  assert.deepEqual(wrong, []);
});
