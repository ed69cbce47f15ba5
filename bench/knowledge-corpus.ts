/**
 * A seeded knowledge base for `npm run bench:knowledge`: shop files in Italian, German and
 * English as a business would have them — product catalogs (CSV), FAQ (YAML) and policy
 * documents (Markdown) — 10,000 entries in all, and customer queries written from known
 * target entries the way customers write: other inflections ("resi" for "reso",
 * "Rücksendungen", "returning"), missing accents, a typo now and then, chat filler.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Rng } from './guard/rng.ts';

export type Lang = 'it' | 'de' | 'en';
export const LANGS: readonly Lang[] = ['it', 'de', 'en'];

interface Vocabulary {
  types: Array<[string, string]>; // singular, category (plural)
  materials: string[];
  colours: string[];
  lines: string[];
  faq: Array<[string, string]>; // question and answer templates: {type} {material} {n}
  policies: Array<[string, string]>; // heading and text templates: {type}
  ask: string[]; // product query openers
  filler: string[];
  /** Inflections a customer may use instead of the entry's word. */
  variants: Record<string, string[]>;
}

const V: Record<Lang, Vocabulary> = {
  it: {
    types: [['abito', 'abiti'], ['giacca', 'giacche'], ['camicia', 'camicie'], ['maglione', 'maglioni'], ['gonna', 'gonne'], ['borsa', 'borse'], ['scarpa', 'scarpe'], ['cappotto', 'cappotti'], ['pantalone', 'pantaloni'], ['sciarpa', 'sciarpe']],
    materials: ['lino', 'cotone', 'pelle', 'lana', 'seta', 'cachemire', 'velluto', 'denim', 'raso', 'camoscio'],
    colours: ['nero', 'bianco', 'rosso', 'blu', 'verde', 'beige', 'grigio', 'rosa', 'marrone', 'giallo'],
    lines: ['Brera', 'Navigli', 'Aurora', 'Portofino', 'Dolomiti', 'Riviera', 'Capri', 'Positano', 'Taormina', 'Bellagio', 'Murano', 'Siena'],
    faq: [
      ['Posso fare il reso di {type} in {material} comprato in saldo?', 'Sì, il reso di {type} in {material} è possibile entro {n} giorni dalla consegna, anche in saldo.'],
      ['Quanto costa la spedizione di {type} in {material}?', 'La spedizione costa {n},90 € e per ordini sopra i 69 € è gratuita.'],
      ['Come si lava {type} in {material}?', 'Per {type} in {material} consigliamo il lavaggio a mano a {n} gradi, senza asciugatrice.'],
      ['Avete {type} in {material} in taglie forti?', 'Le taglie di {type} in {material} arrivano fino alla {n}: trovi la guida alle taglie nella scheda prodotto.'],
      ['Quando arriva {type} in {material} ordinato oggi?', 'Se ordini entro le 13 la consegna di {type} avviene in {n} giorni lavorativi.'],
      ['Posso cambiare la taglia di {type} in {material}?', 'Il cambio taglia di {type} è gratuito entro {n} giorni: aprilo dal tuo account.'],
      ['Fate riparazioni su {type} in {material}?', 'Le riparazioni su {type} in {material} costano da {n} € e richiedono una settimana.'],
    ],
    policies: [
      ['Resi per {category}', 'Il reso di {category} è accettato entro 30 giorni se il capo non è stato indossato. Il rimborso arriva in 14 giorni.'],
      ['Garanzia su {category}', 'Su {category} vale la garanzia legale di 24 mesi per difetti di conformità.'],
      ['Spedizione di {category}', 'Spediamo {category} con corriere espresso in 24/48 ore in tutta Italia.'],
      ['Annullamento ordini di {category}', 'Un ordine di {category} si può annullare finché non è stato spedito.'],
    ],
    ask: ['quanto costa', 'avete', 'cerco', 'vorrei', 'prezzo di'],
    filler: ['ciao, ', 'buongiorno, ', 'scusate, ', '', '', ''],
    variants: { reso: ['resi', 'restituzione'], spedizione: ['spedizioni', 'spedire'], taglia: ['taglie'], costa: ['costo', 'costi'], lava: ['lavare', 'lavaggio'], cambiare: ['cambio'], riparazioni: ['riparazione', 'riparare'], arriva: ['arrivo'], garanzia: ['garanzie'], annullamento: ['annullare'], comprato: ['comprata', 'acquistato'] },
  },
  de: {
    types: [['Kleid', 'Kleider'], ['Jacke', 'Jacken'], ['Hemd', 'Hemden'], ['Pullover', 'Pullover'], ['Rock', 'Röcke'], ['Tasche', 'Taschen'], ['Schuh', 'Schuhe'], ['Mantel', 'Mäntel'], ['Hose', 'Hosen'], ['Schal', 'Schals']],
    materials: ['Leinen', 'Baumwolle', 'Leder', 'Wolle', 'Seide', 'Kaschmir', 'Samt', 'Denim', 'Satin', 'Wildleder'],
    colours: ['schwarz', 'weiß', 'rot', 'blau', 'grün', 'beige', 'grau', 'rosa', 'braun', 'gelb'],
    lines: ['Alster', 'Isar', 'Elbe', 'Rhein', 'Sylt', 'Harz', 'Spree', 'Main', 'Neckar', 'Mosel', 'Eifel', 'Allgäu'],
    faq: [
      ['Kann ich {type} aus {material} aus dem Sale zurückgeben?', 'Ja, die Rücksendung von {type} aus {material} ist innerhalb von {n} Tagen möglich, auch im Sale.'],
      ['Was kostet der Versand für {type} aus {material}?', 'Der Versand kostet {n},90 €, ab 79 € Bestellwert ist er kostenlos.'],
      ['Wie wasche ich {type} aus {material}?', 'Für {type} aus {material} empfehlen wir Handwäsche bei {n} Grad, ohne Trockner.'],
      ['Gibt es {type} aus {material} in großen Größen?', 'Die Größen von {type} aus {material} gehen bis {n}: die Größentabelle steht auf der Produktseite.'],
      ['Wann kommt {type} aus {material} an, wenn ich heute bestelle?', 'Bei Bestellung bis 13 Uhr kommt {type} in {n} Werktagen an.'],
      ['Kann ich die Größe von {type} aus {material} umtauschen?', 'Der Umtausch der Größe von {type} ist innerhalb von {n} Tagen kostenlos.'],
      ['Repariert ihr {type} aus {material}?', 'Reparaturen an {type} aus {material} kosten ab {n} € und dauern eine Woche.'],
    ],
    policies: [
      ['Rücksendung von {category}', 'Die Rücksendung von {category} ist innerhalb von 30 Tagen möglich, wenn sie ungetragen sind. Die Erstattung erfolgt in 14 Tagen.'],
      ['Garantie für {category}', 'Für {category} gilt die gesetzliche Gewährleistung von 24 Monaten.'],
      ['Versand von {category}', 'Wir versenden {category} mit DHL in 2 bis 3 Werktagen.'],
      ['Stornierung von Bestellungen: {category}', 'Eine Bestellung von {category} kann storniert werden, solange sie nicht versendet wurde.'],
    ],
    ask: ['was kostet', 'habt ihr', 'ich suche', 'preis für', 'gibt es'],
    filler: ['hallo, ', 'guten tag, ', 'hi, ', '', '', ''],
    variants: { Rücksendung: ['Rücksendungen', 'Ruecksendung'], zurückgeben: ['Rückgabe'], Versand: ['Versandkosten', 'versenden'], kostet: ['Kosten'], wasche: ['waschen', 'Wäsche'], Größe: ['Größen', 'Groesse'], umtauschen: ['Umtausch'], Repariert: ['Reparatur', 'reparieren'], Garantie: ['Garantien'], Stornierung: ['stornieren'] },
  },
  en: {
    types: [['dress', 'dresses'], ['jacket', 'jackets'], ['shirt', 'shirts'], ['sweater', 'sweaters'], ['skirt', 'skirts'], ['bag', 'bags'], ['shoe', 'shoes'], ['coat', 'coats'], ['trousers', 'trousers'], ['scarf', 'scarves']],
    materials: ['linen', 'cotton', 'leather', 'wool', 'silk', 'cashmere', 'velvet', 'denim', 'satin', 'suede'],
    colours: ['black', 'white', 'red', 'blue', 'green', 'beige', 'grey', 'pink', 'brown', 'yellow'],
    lines: ['Camden', 'Soho', 'Kensington', 'Brighton', 'Cotswold', 'Mayfair', 'Chelsea', 'Windsor', 'Bath', 'York', 'Oxford', 'Devon'],
    faq: [
      ['Can I return a {material} {type} bought in the sale?', 'Yes, a {material} {type} can be returned within {n} days of delivery, sale items too.'],
      ['How much is shipping for a {material} {type}?', 'Shipping costs €{n}.90 and is free on orders over €69.'],
      ['How do I wash a {material} {type}?', 'We recommend hand washing a {material} {type} at {n} degrees, no tumble dryer.'],
      ['Do you have the {material} {type} in plus sizes?', 'The {material} {type} comes up to size {n}: see the size guide on the product page.'],
      ['When will a {material} {type} ordered today arrive?', 'Order by 1pm and the {type} arrives in {n} working days.'],
      ['Can I exchange the size of a {material} {type}?', 'Size exchanges for a {type} are free within {n} days from your account.'],
      ['Do you repair {material} {type} items?', 'Repairs to a {material} {type} start at €{n} and take a week.'],
    ],
    policies: [
      ['Returns of {category}', 'Returns of {category} are accepted within 30 days if unworn. Refunds arrive within 14 days.'],
      ['Warranty on {category}', 'All {category} carry the 24-month legal warranty against defects.'],
      ['Shipping {category}', 'We ship {category} with DHL in 2 to 3 working days.'],
      ['Cancelling orders of {category}', 'An order of {category} can be cancelled until it has shipped.'],
    ],
    ask: ['how much is the', 'do you have a', 'looking for a', 'price of the', 'is there a'],
    filler: ['hi, ', 'hello, ', 'hey ', '', '', ''],
    variants: { return: ['returning', 'returns', 'refund'], shipping: ['ship', 'shipped'], wash: ['washing', 'washed'], sizes: ['size'], arrive: ['arrival', 'arriving'], exchange: ['exchanging', 'swap'], repair: ['repairs', 'repairing'], Warranty: ['warranties', 'guarantee'], Cancelling: ['cancel', 'cancellation'], bought: ['buy', 'purchased'] },
  },
};

export interface BenchQuery {
  language: Lang;
  text: string;
  /** The entry the query was written from: its source key (SKU, question, heading). */
  target: { file: string; key: string };
}

const fill = (template: string, slots: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, name: string) => slots[name] ?? '');
const csvField = (value: string) => (/[",;\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** A typo in one word of five letters or more: a letter dropped, doubled or swapped. */
function typo(word: string, rng: Rng): string {
  if (word.length < 5) return word;
  const i = 1 + rng.int(word.length - 2);
  const kind = rng.int(3);
  if (kind === 0) return word.slice(0, i) + word.slice(i + 1);
  if (kind === 1) return word.slice(0, i) + (word[i] as string) + word.slice(i);
  return word.slice(0, i) + (word[i + 1] ?? '') + (word[i] as string) + word.slice(i + 2);
}

const stripAccents = (text: string) => text.normalize('NFD').replace(/\p{M}+/gu, '');

/** A customer's version of an entry's words. */
export function customerText(text: string, language: Lang, rng: Rng): string {
  const variants = V[language].variants;
  let words = text.replace(/[?.,:]/g, '').split(/\s+/).map((word) => {
    const options = variants[word] ?? variants[word.toLowerCase()];
    return options !== undefined && rng.int(2) === 0 ? rng.pick(options) : word;
  });
  if (words.length > 5) words = words.filter(() => rng.int(5) !== 0);
  if (rng.int(3) === 0) {
    const i = rng.int(words.length);
    words[i] = typo(words[i] as string, rng);
  }
  const written = rng.pick(V[language].filler) + words.join(' ').toLowerCase();
  return rng.int(2) === 0 ? stripAccents(written) : written;
}

interface Generated {
  files: Array<[string, string]>;
  queries: BenchQuery[];
  entries: number;
}

function products(language: Lang, count: number, rng: Rng, out: Generated): void {
  const v = V[language];
  const rows = ['sku;name;category;price;sizes;stock;tags'];
  const file = `catalog.${language}.csv`;
  for (let i = 0; i < count; i++) {
    const [type, category] = rng.pick(v.types);
    const material = rng.pick(v.materials);
    const colour = rng.pick(v.colours);
    const line = `${rng.pick(v.lines)} ${100 + i}`;
    const name = language === 'en' ? `${colour} ${material} ${type} ${line}` : language === 'de' ? `${type} aus ${material} ${colour} ${line}` : `${type} in ${material} ${colour} ${line}`;
    const sku = `${language.toUpperCase()}-${String(i).padStart(5, '0')}`;
    const price = `${9 + rng.int(490)},${rng.pick(['00', '50', '90'])}`;
    rows.push([sku, name, category, price, rng.pick(['S|M|L', 'XS|S|M|L|XL', '38|40|42|44', 'taglia unica']), String(rng.int(20)), material].map(csvField).join(';'));
    if (rng.int(5) === 0) out.queries.push({ language, text: customerText(`${rng.pick(v.ask)} ${type} ${material} ${colour} ${line}`, language, rng), target: { file, key: sku } });
  }
  out.files.push([file, `${rows.join('\n')}\n`]);
  out.entries += count;
}

function faqs(language: Lang, count: number, rng: Rng, out: Generated): void {
  const v = V[language];
  const file = `faq.${language}.yaml`;
  const lines = [`language: ${language}`, 'faq:'];
  const seen = new Set<string>();
  while (seen.size < count) {
    const [question, answer] = rng.pick(v.faq);
    const slots = { type: rng.pick(v.types)[0], material: rng.pick(v.materials), n: String(2 + rng.int(40)) };
    const q = `${fill(question, slots)} (${rng.pick(v.lines)} ${seen.size})`;
    seen.add(q);
    lines.push(`  - id: q${seen.size}`, `    question: ${JSON.stringify(q)}`, `    answer: ${JSON.stringify(fill(answer, slots))}`);
    if (rng.int(2) === 0) out.queries.push({ language, text: customerText(fill(question, slots), language, rng), target: { file, key: `q${seen.size}` } });
  }
  out.files.push([file, `${lines.join('\n')}\n`]);
  out.entries += count;
}

function policies(language: Lang, count: number, rng: Rng, out: Generated): void {
  const v = V[language];
  const file = `policies.${language}.md`;
  const lines = ['# Policies', ''];
  for (let i = 0; i < count; i++) {
    const [heading, text] = rng.pick(v.policies);
    const category = `${rng.pick(v.types)[1]} ${rng.pick(v.materials)} ${rng.pick(v.lines)} ${i}`;
    lines.push(`## ${fill(heading, { category })}`, `<!-- kb: id: p${i} -->`, fill(text, { category }), '');
    if (rng.int(2) === 0) out.queries.push({ language, text: customerText(fill(heading, { category }), language, rng), target: { file, key: `p${i}` } });
  }
  out.files.push([file, `${lines.join('\n')}\n`]);
  out.entries += count;
}

/** Writes the files into `folder`; returns the queries (with their target entries) and the entry count. */
export function generateCorpus(folder: string, rng: Rng, perLanguage = { products: 2400, faq: 700, policies: 234 }): { queries: BenchQuery[]; entries: number } {
  const out: Generated = { files: [], queries: [], entries: 0 };
  for (const language of LANGS) {
    products(language, perLanguage.products, rng, out);
    faqs(language, perLanguage.faq, rng, out);
    policies(language, language === 'en' ? perLanguage.policies - 2 : perLanguage.policies, rng, out);
  }
  mkdirSync(folder, { recursive: true });
  for (const [name, text] of out.files) writeFileSync(join(folder, name), text);
  return { queries: rng.shuffle(out.queries), entries: out.entries };
}
