import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { checkClaims } from '../../src/pipeline/guard/claims/check-claims.ts';
import { extractClaims } from '../../src/pipeline/guard/claims/extract-claims.ts';
import { parseNumber } from '../../src/pipeline/guard/claims/claim-numbers.ts';

/** `type=normalized` of every claim in a text. */
function claimsOf(text: string, language?: string): string[] {
  return extractClaims(text, language).map((c) => `${c.type}=${c.normalized}`);
}

function supported(draft: string, sources: string[], language?: string): boolean {
  return checkClaims(draft, sources, language).unsupported.length === 0;
}

describe('numbers', () => {
  it('reads it/de and en notations, grouping and decimals', () => {
    const cases: [string, number][] = [
      ['25', 25], ['25,00', 25], ['25.00', 25], ['1.250,50', 1250.5], ['1,250.50', 1250.5], ["1'250.50", 1250.5],
      ['1.250', 1250], ['1,250', 1250], ['10.000', 10000], ['0,500', 0.5], ['1250.5', 1250.5], ['3,5', 3.5], ['1.000.000', 1000000],
    ];
    for (const [written, value] of cases) assert.equal(parseNumber(written), value, written);
  });
});

describe('prices and amounts', () => {
  it('normalises every notation of the same amount to one value', () => {
    for (const draft of ['25 €', '€25,00', '25.00 EUR', 'EUR 25', '25,- €', '€ 25', '25 euro', 'venticinque euro', 'fünfundzwanzig Euro', 'twenty-five euros']) {
      assert.deepEqual(claimsOf(`Costa ${draft}.`).map((c) => c.split('=')[1]), ['25.00 EUR'], draft);
    }
  });

  it('matches 1.250,50 € (it/de) with €1,250.50 (en) and with a JSON tool result', () => {
    assert.ok(supported('Il saldo è di 1.250,50 €.', ['Balance: €1,250.50']));
    assert.ok(supported('Ihr Kontostand beträgt 1.250,50 €.', ['{"balance": 1250.5, "currency": "EUR"}']));
    assert.ok(!supported('Ihr Kontostand beträgt 1.250,50 CHF.', ['{"balance": 1250.5, "currency": "EUR"}']));
  });

  it('a currency must agree; a figure without currency in a source matches any', () => {
    assert.ok(!supported('It costs $25.', ['Prezzo: 25 €']));
    assert.ok(supported('It costs $19.99.', ['{"price": "19.99"}']));
    assert.ok(supported('CHF 30.- pro Person', ['Preis: 30 Franken']));
  });

  it('price and amount match each other, ranges give both ends', () => {
    assert.deepEqual(claimsOf('Il colore costa da 45 a 60 euro.'), ['price=45.00 EUR', 'price=60.00 EUR']);
    assert.ok(supported('Il rimborso sarà di 45 €.', ['Colore: prezzo 45 €', 'rimborso previsto']));
    assert.ok(!supported('Il colore costa 50 €.', ['Colore 45-60 €']));
  });

  it('cents have no currency and match the value', () => {
    assert.deepEqual(claimsOf('Costa solo 50 centesimi in più.'), ['price=0.50']);
    assert.ok(supported('Costa solo 50 centesimi in più.', ['Supplemento € 0,50']));
  });
});

describe('percentages', () => {
  it('"20%", "20 %", "20 per cento", "20 Prozent", "twenty percent", "-20%" are the same', () => {
    for (const written of ['20%', '20 %', '20 per cento', '20 percento', '20 Prozent', 'twenty percent', 'venti per cento', '-20%']) {
      assert.ok(supported(`Sconto ${written} su tutto`, ['Rabatt: 20 %']), written);
    }
    assert.ok(!supported('Sconto del 25%', ['Rabatt: 20 %']));
    assert.ok(supported('Lo sconto è del 20%.', ['{"discount": 20}']));
  });
});

describe('codes', () => {
  it('finds codes with digits, and capitals after a code word', () => {
    assert.deepEqual(claimsOf('Usi SCONTO20 oppure WELCOME-10.'), ['code=SCONTO20', 'code=WELCOME-10']);
    assert.deepEqual(claimsOf('Con il codice BLACKFRIDAY e il Gutscheincode: sommer24'), ['code=BLACKFRIDAY', 'code=SOMMER24']);
  });

  it('ordinary capitals and brand names are not codes', () => {
    assert.deepEqual(claimsOf('OK, le mando l\'IBAN su WhatsApp via SMS e il PDF per la SEPA. Il codice IBAN e il codice fiscale sono nell\'app.'), []);
    assert.deepEqual(claimsOf('Der Code ist gültig, use the code below.'), []);
  });

  it('a code must match exactly (hyphen included), case aside', () => {
    assert.ok(!supported('Codice WELCOME10', ['Codice WELCOME-10']));
    assert.ok(supported('Code: welcome-10', ['Codice WELCOME-10']));
  });
});

describe('dates and times', () => {
  it('normalises day-month in every notation', () => {
    for (const written of ['3 dicembre', '03/12', '3.12.', '3. Dezember', 'December 3rd', '3 Dec', '3rd of December', '3 dic']) {
      assert.deepEqual(claimsOf(`entro il ${written} consegniamo`), ['date=--12-03'], written);
    }
    for (const written of ['3 dicembre 2026', '03/12/2026', '3.12.2026', '2026-12-03', 'December 3rd, 2026', '3. Dezember 2026']) {
      assert.deepEqual(claimsOf(`il ${written}`), ['date=2026-12-03'], written);
    }
  });

  it('a yearless date is supported by that day in any year; a year must agree when both have one', () => {
    assert.ok(supported('Il 3 dicembre siamo chiusi.', ['Chiusura: 2026-12-03']));
    assert.ok(supported('Il 3 dicembre 2026 siamo chiusi.', ['Chiusura straordinaria il 3 dicembre']));
    assert.ok(!supported('Il 3 dicembre 2027 siamo chiusi.', ['Chiusura: 2026-12-03']));
    assert.ok(!supported('Il 4 dicembre siamo chiusi.', ['Chiusura: 2026-12-03']));
  });

  it('date ranges give both days', () => {
    assert.deepEqual(claimsOf('La consegna è prevista tra il 12 e il 14 maggio.'), ['date=--05-12', 'date=--05-14']);
    assert.deepEqual(claimsOf('Sale vom 1. bis 15. Juli'), ['date=--07-01', 'date=--07-15']);
    assert.deepEqual(claimsOf('Offer valid December 1-15, 2026'), ['date=2026-12-01', 'date=2026-12-15']);
  });

  it('impossible dates and en-US month-first reading', () => {
    assert.deepEqual(claimsOf('31/02'), []);
    assert.deepEqual(claimsOf('12/03', 'en-US'), ['date=--12-03']);
    assert.deepEqual(claimsOf('12/25'), ['date=--12-25']);
  });

  it('times of day are date claims, in any notation', () => {
    for (const written of ['alle 15:30', 'alle 15.30', 'um 15:30 Uhr', '15.30 Uhr', 'at 3:30 pm', 'at 3:30pm']) {
      assert.deepEqual(claimsOf(`Appuntamento ${written}.`), ['date=T15:30'], written);
    }
    assert.deepEqual(claimsOf('Sa 9-13'), ['date=weekday:sat', 'date=T09:00', 'date=T13:00']);
    assert.deepEqual(claimsOf('Ha 9-13 anni'), ['duration=9 y', 'duration=13 y']);
    assert.deepEqual(claimsOf('taglie 36-41'), []);
  });

  it('weekdays: names, ranges and the weekday of a full date in a source', () => {
    assert.ok(supported('Siamo aperti il mercoledì alle 9:00.', ['Orari: lun-ven 9-19']));
    assert.ok(!supported('Siamo aperti il sabato.', ['Orari: lun-ven 9-19']));
    assert.ok(supported('Ci vediamo giovedì 12 marzo.', ['{"slot": "2026-03-12T10:00:00"}']));
    assert.ok(!supported('Ci vediamo venerdì 12 marzo.', ['{"slot": "2026-03-12T10:00:00"}']));
    assert.deepEqual(claimsOf('lunedì 5'), ['date=weekday:mon', 'date=---05']);
  });

  it('a month alone after a preposition, and month with year', () => {
    assert.deepEqual(claimsOf('I saldi iniziano a gennaio.'), ['date=--01']);
    assert.deepEqual(claimsOf('Sale im Juli 2026'), ['date=2026-07']);
    assert.ok(supported('I saldi iniziano a gennaio.', ['Saldi dal 3 gennaio']));
    assert.deepEqual(claimsOf('You may call us.'), []);
  });
});

describe('deadlines and durations', () => {
  it('14 Tagen = 14 giorni = 14 days = 2 weeks = zwei Wochen', () => {
    for (const written of ['innerhalb von 14 Tagen', 'entro 14 giorni', 'within 14 days', 'within 2 weeks', 'binnen zwei Wochen', 'entro due settimane']) {
      assert.ok(supported(`Reso ${written}.`, ['Returns accepted within 14 days.']), written);
    }
  });

  it('working days, hours and days are different units', () => {
    assert.ok(!supported('Rimborso entro 3 giorni.', ['Rimborso entro 3 giorni lavorativi.']));
    assert.ok(!supported('Risposta entro 2 giorni.', ['Risposta entro 48 ore.']));
    assert.ok(supported('Erstattung in 3 Werktagen', ['refund within 3 business days']));
  });

  it('deadline and duration types, range ends, articles only after a limit word', () => {
    assert.deepEqual(claimsOf('entro 3-5 giorni lavorativi'), ['deadline=3 wd', 'deadline=5 wd']);
    assert.deepEqual(claimsOf('il trattamento dura 45 minuti'), ['duration=45 min']);
    assert.deepEqual(claimsOf("entro un'ora, in mezz'ora, within a week, twice a day, un giorno o l'altro"), ['deadline=1 h', 'deadline=30 min', 'deadline=7 d']);
    assert.deepEqual(claimsOf('Ci vuole 1 minuto.'), ['duration=1 min']);
  });

  it('24/7 and every day', () => {
    assert.ok(supported('Siamo raggiungibili 24 ore su 24, 7 giorni su 7.', ['Hotline 24/7']));
    assert.ok(!supported('Siamo raggiungibili 24/7.', ['Hotline lun-ven 8-20']));
    assert.ok(supported('Sie erreichen uns rund um die Uhr.', ['Support available around the clock']));
  });

  it('durations named by a JSON key', () => {
    assert.ok(supported('Gutschrift in 3 Werktagen', ['{"refund": true, "eta_business_days": 3}']));
  });
});

describe('numbers that are not claims', () => {
  it('list numbers, phone numbers, house and order numbers, counted things', () => {
    const text = '1. Chiami il +39 02 1234 5678. 2. Passi in via Roma 12, 20121 Milano. Ordine n. 100234, 2 paia di scarpe, taglia 38.';
    assert.deepEqual(claimsOf(text), []);
    assert.deepEqual(claimsOf('Call 0161 496 0000, order #58231, 3 items in your basket.'), []);
  });
});

describe('commitments', () => {
  const kinds: [string, string][] = [
    ['Ti rimborsiamo subito.', 'refund'], ['Vi rimborseremo la differenza.', 'refund'], ['Wir erstatten den Betrag.', 'refund'],
    ["We'll refund you.", 'refund'], ['Sostituiamo il prodotto.', 'replacement'], ['We will replace the item.', 'replacement'],
    ['Wir bieten einen Umtausch an.', 'replacement'], ['Ti spediamo gratis il nuovo paio.', 'free_shipping'],
    ['Free shipping on this order.', 'free_shipping'], ['Der Versand ist kostenlos.', 'free_shipping'],
    ['La piega è in omaggio.', 'free_of_charge'], ['Die Beratung ist kostenlos.', 'free_of_charge'], ['The consultation is free of charge.', 'free_of_charge'],
    ['Il risultato è garantito.', 'guarantee'], ['Das ist garantiert.', 'guarantee'], ['We guarantee it.', 'guarantee'],
    ['Te lo promettiamo.', 'promise'], ['Das versprechen wir.', 'promise'], ['I promise.', 'promise'],
    ['Sicuramente arriverà in tempo.', 'delivery'], ['Il pacco arriverà domani.', 'delivery'], ['Das Paket kommt morgen an.', 'delivery'],
    ['It will arrive tomorrow.', 'delivery'], ['Le riconosciamo un indennizzo.', 'compensation'],
  ];
  for (const [text, kind] of kinds) {
    it(`${text} → ${kind}`, () => assert.deepEqual(claimsOf(text), [`commitment=${kind}`]));
  }

  it('a commitment is supported by one of the same kind in another language', () => {
    assert.ok(supported('Ti rimborsiamo entro 14 giorni.', ['Refunds are issued within 14 days.']));
    assert.ok(!supported('Ti rimborsiamo entro 14 giorni.', ['Exchanges within 14 days.']));
    assert.ok(supported('Die Lieferung ist kostenlos.', ['Spedizione gratuita in tutta Europa']));
  });

  it('negated, past and look-alike phrases are not commitments', () => {
    for (const text of [
      'Purtroppo non possiamo garantire la consegna.', 'Il rimborso non è previsto per gli articoli in saldo.', 'Keine Erstattung bei Sale-Ware.',
      'The refund is not possible.', "We can't promise that.", 'Il pacco è stato consegnato oggi.', 'Your parcel was delivered today.',
      'Bitte erstatten Sie Anzeige bei der Polizei.', 'Feel free to ask, the exchange rate is updated daily.', 'Guten Morgen!',
    ]) {
      assert.deepEqual(claimsOf(text), [], text);
    }
  });

  it('"non appena" is no negation', () => {
    assert.deepEqual(claimsOf('Ti rimborsiamo non appena riceviamo il reso.'), ['commitment=refund']);
  });
});

describe('checkClaims', () => {
  it('returns every claim with its span and text, and the unsupported ones', () => {
    const draft = 'Il vestito costa 79,90 € con il 20% di sconto.';
    const result = checkClaims(draft, ['Vestito: €79.90, sconto 30%']);
    // the price, the percentage, and "sconto" stated with its figure (the figure is what is checked)
    assert.deepEqual(result.claims.map((c) => c.text), ['79,90 €', '20%', 'sconto']);
    for (const claim of result.claims) assert.equal(draft.slice(claim.start, claim.end), claim.text);
    assert.deepEqual(result.unsupported.map((c) => c.text), ['20%']);
  });

  it('a draft without claims is allowed with or without sources', () => {
    assert.deepEqual(checkClaims('Grazie, a presto!', []), { claims: [], unsupported: [] });
    assert.deepEqual(checkClaims('', ['Prezzo 25 €']), { claims: [], unsupported: [] });
  });

  it('with no sources every claim is unsupported', () => {
    assert.equal(checkClaims('Costa 25 €.', []).unsupported.length, 1);
  });
});

describe('claims-cases.jsonl', () => {
  const lines = readFileSync(new URL('../fixtures/guard/claims-cases.jsonl', import.meta.url), 'utf8').split('\n').filter((l) => l.trim() !== '');
  it('has at least 90 cases, about a third per language', () => {
    assert.ok(lines.length >= 90);
    const byLanguage = new Map<string, number>();
    for (const line of lines) {
      const lang = (JSON.parse(line) as { lang: string }).lang;
      byLanguage.set(lang, (byLanguage.get(lang) ?? 0) + 1);
    }
    for (const lang of ['it', 'de', 'en']) assert.ok((byLanguage.get(lang) ?? 0) >= 30, lang);
  });
  for (const [i, line] of lines.entries()) {
    const c = JSON.parse(line) as { draft: string; sources: string[]; label: 'allow' | 'block'; lang: string };
    it(`${i + 1} ${c.lang} ${c.label}: ${c.draft.slice(0, 60)}`, () => {
      const result = checkClaims(c.draft, c.sources, c.lang);
      const label = result.unsupported.length === 0 ? 'allow' : 'block';
      assert.equal(label, c.label, `unsupported: ${result.unsupported.map((u) => `${u.type} ${u.text}`).join(', ')}`);
    });
  }
});
