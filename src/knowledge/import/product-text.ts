/**
 * A product's text, written from its catalog fields in the entry's language, so that search
 * finds it by category, size or price words and a reply built from it can quote the price
 * (the claims check compares prices with this text):
 *
 *   it  "Categoria: abiti. Prezzo: 89,00 €. Taglie: S, M, L. Disponibili: 3 pezzi."
 *   de  "Kategorie: Kleider. Preis: 89,00 €. Größen: S, M, L. Verfügbar: 3 Stück."
 *   en  "Category: dresses. Price: €89.00. Sizes: S, M, L. In stock: 3."
 */
import type { ProductData } from '../../core/knowledge.ts';
import type { ProductFields } from './drafts.ts';

interface Labels {
  category: string;
  price: string;
  sizes: string;
  inStock: (count: number) => string;
  soldOut: string;
  decimal: ',' | '.';
}

const LABELS: Readonly<Record<string, Labels>> = {
  it: { category: 'Categoria', price: 'Prezzo', sizes: 'Taglie', inStock: (n) => `Disponibili: ${n} ${n === 1 ? 'pezzo' : 'pezzi'}`, soldOut: 'Esaurito', decimal: ',' },
  de: { category: 'Kategorie', price: 'Preis', sizes: 'Größen', inStock: (n) => `Verfügbar: ${n} Stück`, soldOut: 'Ausverkauft', decimal: ',' },
  en: { category: 'Category', price: 'Price', sizes: 'Sizes', inStock: (n) => `In stock: ${n}`, soldOut: 'Out of stock', decimal: '.' },
};

/** "89,00 €" (it, de) or "€89.00" (en); other currencies by code: "89,00 CHF". */
export function formatPrice(amount: number, currency: string, language: string): string {
  const labels = LABELS[language] ?? (LABELS['en'] as Labels);
  const number = amount.toFixed(2).replace('.', labels.decimal);
  if (currency !== 'EUR') return `${number} ${currency}`;
  return labels.decimal === '.' ? `€${number}` : `${number} €`;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

export function productText(product: ProductFields, language: string): string {
  const labels = LABELS[language] ?? (LABELS['en'] as Labels);
  const parts: string[] = [];
  if (product.description !== undefined) parts.push(sentence(product.description));
  if (product.category !== undefined) parts.push(`${labels.category}: ${product.category}.`);
  if (product.price !== undefined) parts.push(`${labels.price}: ${formatPrice(product.price, product.currency, language)}.`);
  if (product.sizes.length > 0) parts.push(`${labels.sizes}: ${product.sizes.join(', ')}.`);
  if (product.stock !== undefined) parts.push(`${product.stock === 0 ? labels.soldOut : labels.inStock(product.stock)}.`);
  for (const [label, value] of product.attributes) parts.push(`${label}: ${sentence(value)}`);
  return parts.join(' ');
}

export function productData(product: ProductFields): ProductData {
  return {
    ...(product.sku === undefined ? {} : { sku: product.sku }),
    ...(product.category === undefined ? {} : { category: product.category }),
    ...(product.price === undefined ? {} : { price: product.price, currency: product.currency }),
    ...(product.sizes.length === 0 ? {} : { sizes: product.sizes }),
    ...(product.stock === undefined ? {} : { stock: product.stock }),
  };
}
