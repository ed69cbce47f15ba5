/** Importing CSV files: the RFC 4180 reader, FAQ and product catalogs, and broken rows with their lines. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectDelimiter, readCsv } from '../../src/knowledge/import/csv-table.ts';
import { parsePrice } from '../../src/knowledge/import/field-values.ts';
import { importFiles, memoryStore, rejectionLines } from '../contract/knowledge-fixtures.ts';

describe('CSV reader', () => {
  it('reads quoted fields with delimiters, quotes and line breaks, keeping the line each row starts on', () => {
    const rows = readCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n\r\n"multi\r\nline",z\nlast,row');
    assert.deepEqual(rows, [
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 4, fields: ['multi\r\nline', 'z'] },
      { line: 6, fields: ['last', 'row'] },
    ]);
  });

  it('rejects a row with text after a closing quote and goes on with the next line', () => {
    const rows = readCsv('a;b\n"x"y;1\nok;2\n"open;3\n');
    assert.deepEqual(rows.map((r) => [r.line, r.error ?? r.fields.join('|')]), [
      [1, 'a|b'],
      [2, 'unexpected "y" after the closing quote of a field (write "" for a quote inside quotes)'],
      [3, 'ok|2'],
      [4, 'a quote opened on line 4 is never closed'],
    ]);
  });

  it('takes the delimiter the header uses most', () => {
    assert.equal(detectDelimiter('Nome;Prezzo;"a,b"\n1,2,3'), ';');
    assert.equal(detectDelimiter('name,price\n'), ',');
    assert.equal(detectDelimiter('name\tprice\n'), '\t');
  });

  it('reads prices as Italian, German and English spreadsheets write them', () => {
    const price = (text: string) => {
      const parsed = parsePrice('price', text);
      return parsed.ok ? parsed.value : parsed.reason;
    };
    assert.deepEqual(['89,00 €', '€ 49.90', '1.299,00', '1,299.00', '1.299', '35', 'EUR 12,5'].map(price), [89, 49.9, 1299, 1299, 1299, 35, 12.5]);
    assert.equal(price('dodici'), 'price "dodici" is not a number');
  });
});

describe('kb import: CSV', () => {
  it('imports a product catalog with Italian columns and writes each product text in its language', async () => {
    const store = memoryStore();
    const report = await importFiles(store, {
      'catalogo.it.csv': 'Codice;Nome;Categoria;Prezzo;Taglie;Giacenza;Colore\nAB-1;Abito in lino;abiti;89,00 €;S|M|L;3;bianco\nJN-2;Jeans;pantaloni;69;38|40;0;\n',
    });
    assert.deepEqual(rejectionLines(report), []);
    const [dress, jeans] = await store.listEntries();
    assert.equal(dress?.kind, 'product');
    assert.equal(dress?.language, 'it');
    assert.equal(dress?.approved, false);
    assert.equal(dress?.title, 'Abito in lino');
    assert.equal(dress?.body, 'Categoria: abiti. Prezzo: 89,00 €. Taglie: S, M, L. Disponibili: 3 pezzi. Colore: bianco.');
    assert.deepEqual(dress?.data, { sku: 'AB-1', category: 'abiti', price: 89, currency: 'EUR', sizes: ['S', 'M', 'L'], stock: 3 });
    assert.deepEqual(dress?.source, { file: 'catalogo.it.csv', line: 2 });
    assert.equal(jeans?.body, 'Categoria: pantaloni. Prezzo: 69,00 €. Taglie: 38, 40. Esaurito.');
  });

  it('imports questions and answers, approved by default, language from a column or detected', async () => {
    const store = memoryStore();
    const report = await importFiles(store, {
      'faq.csv': 'question,answer,language\nHow long do I have to return an item?,"Within 30 days, unworn.",\nPosso pagare con PayPal?,"Sì, accettiamo PayPal.",\nGibt es Gutscheine?,"Ja, ab 25 €.",de\n',
    });
    assert.deepEqual(rejectionLines(report), []);
    assert.deepEqual((await store.listEntries()).map((e) => [e.kind, e.language, e.approved, e.source.line]), [
      ['faq', 'en', true, 2],
      ['faq', 'it', true, 3],
      ['faq', 'de', true, 4],
    ]);
  });

  it('rejects broken rows with the file, the line and the reason, and keeps the others', async () => {
    const store = memoryStore();
    const report = await importFiles(store, {
      'catalogo.it.csv': [
        'Codice;Nome;Categoria;Prezzo;Taglie;Giacenza;Gültig bis',
        'AB-1;Abito in lino;abiti;89,00 €;S|M|L;3;',
        'AB-2;;abiti;10;S;1;',
        'AB-3;Gonna;gonne;dodici;S;1;',
        'AB-4;Giacca;giacche;1.299,00;M;-2;',
        'AB-5;Camicia;camicie;49,90;S;4;31/02/2026',
        'AB-6;Borsa;"borse"x;15;;;',
        'AB-7;Cappello;cappelli;20;S;1;;extra',
        'AB-1;Abito in lino;abiti;89,00 €;S|M|L;3;',
        'AB-8;"Sciarpa',
        'lunga";accessori;30;;;31.12.2026',
      ].join('\r\n'),
      'faq.en.csv': 'question,answer,language,valid_from,valid_until\nHow long for returns?,"30 days, unworn.",en,,\nMissing answer,,en,,\nWhat about fr?,Oui,fr,,\nDates?,Wrong order,en,2026-09-01,2026-08-01\n"Unclosed,oops\n',
      'notes.csv': 'foo,bar\n1,2\n',
    });
    assert.deepEqual(rejectionLines(report), [
      'catalogo.it.csv:3: has no product name (column name, nome or Bezeichnung)',
      'catalogo.it.csv:4: Prezzo "dodici" is not a number',
      'catalogo.it.csv:5: Giacenza "-2" is not a whole number of pieces',
      'catalogo.it.csv:6: Gültig bis "31/02/2026" is not a date (YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY)',
      'catalogo.it.csv:7: unexpected "x" after the closing quote of a field (write "" for a quote inside quotes)',
      'catalogo.it.csv:8: has 8 fields, the header has 7 (a field with a comma or semicolon needs double quotes)',
      'catalogo.it.csv:9: duplicate of the entry on line 2 (same SKU or name)',
      'faq.en.csv:3: has no answer (column answer, risposta or Antwort)',
      'faq.en.csv:4: language "fr" is not one of the business\'s languages (it, de, en)',
      'faq.en.csv:5: valid_from 2026-09-01 is after valid_until 2026-08-01',
      'faq.en.csv:6: a quote opened on line 6 is never closed',
      'notes.csv:1: the header (foo, bar) names neither question and answer columns nor product columns (name, price, sizes, stock)',
    ]);
    const entries = await store.listEntries();
    assert.deepEqual(entries.map((e) => [e.source.file, e.source.line, e.title]), [
      ['catalogo.it.csv', 2, 'Abito in lino'],
      ['catalogo.it.csv', 10, 'Sciarpa lunga'],
      ['faq.en.csv', 2, 'How long for returns?'],
    ]);
    assert.equal(entries[1]?.validUntil, '2026-12-31');
    assert.deepEqual(report.files.find((f) => f.file === 'notes.csv'), { file: 'notes.csv', added: 0, changed: 0, unchanged: 0, removed: 0, rejected: 1, kept: true });
  });
});
