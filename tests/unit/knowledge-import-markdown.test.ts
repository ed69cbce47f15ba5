/** Importing Markdown documents: split at headings, front matter and per-section settings, WhatsApp formatting, broken sections. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { markdownToWhatsApp } from '../../src/knowledge/import/markdown-text.ts';
import { importFiles, memoryStore, rejectionLines } from '../contract/knowledge-fixtures.ts';

const POLICY = `---
approved: yes
tags: [condizioni]
---
Introduzione alle nostre condizioni.

# Condizioni

## Resi e rimborsi
Puoi **restituire** gli articoli entro *30 giorni*. Vedi [la pagina](https://shop.example/resi).

* uno
* due

### Articoli esclusi
\`\`\`
# non un titolo
\`\`\`
Costumi da bagno.

## Posso cambiare taglia?
<!-- kb: valid_until: 2026-12-31; approved: no; id: cambio -->
Sì, gratis.

## Solo un titolo

## Cattivo
<!-- kb: valid_until: domani; colore: rosso -->
Testo.
`;

describe('kb import: Markdown', () => {
  it('makes one entry per heading with text, with its heading path and line; a question heading is a FAQ', async () => {
    const store = memoryStore();
    const report = await importFiles(store, { 'policies/condizioni.it.md': POLICY });
    assert.deepEqual(rejectionLines(report), [
      'policies/condizioni.it.md:28: valid_until "domani" is not a date (YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY); unknown key "colore"',
    ]);
    const entries = await store.listEntries();
    assert.deepEqual(
      entries.map((e) => [e.source.line, e.source.heading, e.kind, e.title, e.approved, e.validUntil, e.key]),
      [
        [5, undefined, 'policy', 'condizioni', true, undefined, 'condizioni'],
        [9, 'Condizioni › Resi e rimborsi', 'policy', 'Resi e rimborsi', true, undefined, 'condizioni resi e rimborsi'],
        [15, 'Condizioni › Resi e rimborsi › Articoli esclusi', 'policy', 'Articoli esclusi', true, undefined, 'condizioni resi e rimborsi articoli esclusi'],
        [21, 'Condizioni › Posso cambiare taglia?', 'faq', 'Posso cambiare taglia?', false, '2026-12-31', 'cambio'],
      ],
    );
    assert.ok(entries.every((e) => e.language === 'it' && e.source.file === 'policies/condizioni.it.md' && e.tags.includes('condizioni')));
    assert.equal(entries[1]?.body, 'Puoi *restituire* gli articoli entro _30 giorni_. Vedi la pagina (https://shop.example/resi).\n\n- uno\n- due');
    assert.equal(entries[2]?.body, '```\n# non un titolo\n```\nCostumi da bagno.');
  });

  it('detects the language of each section when the file does not give it', async () => {
    const store = memoryStore();
    await importFiles(store, { 'policies.md': '## Returns\nYou can send back any item within 30 days of delivery.\n\n## Rücksendung\nDu kannst jeden Artikel innerhalb von 30 Tagen zurückschicken.\n' });
    assert.deepEqual((await store.listEntries()).map((e) => e.language), ['en', 'de']);
  });

  it('imports nothing from a file whose front matter is wrong, and says where', async () => {
    const store = memoryStore();
    const report = await importFiles(store, {
      'wrong.md': '---\nlanguage: fr\n---\n## Titolo\nTesto.\n',
      'unclosed.md': '---\nlanguage: it\n## Titolo\nTesto.\n',
      'empty.md': '# Solo titoli\n## Niente testo\n',
      'regole.fr.md': '## Retours\nSous 30 jours.\n',
    });
    assert.deepEqual(rejectionLines(report), [
      'empty.md:1: has no text under any heading',
      'regole.fr.md:1: the file name gives the language "fr", not one of the business\'s languages (it, de, en)',
      'unclosed.md:1: the front matter opened by --- on line 1 is never closed',
      'wrong.md:2: language "fr" is not one of the business\'s languages (it, de, en)',
    ]);
    assert.deepEqual(await store.listEntries(), []);
    assert.ok(report.files.every((f) => f.kept));
  });

  it('turns Markdown emphasis, links and bullets into WhatsApp formatting', () => {
    assert.equal(markdownToWhatsApp('**Nota**: leggi __bene__ e *subito*.\n\n\n\n* a\n  * b\n![logo](x.png) [sito](https://x.it) <!-- nascosto -->'), '*Nota*: leggi *bene* e _subito_.\n\n- a\n  - b\nlogo sito (https://x.it)');
  });
});
