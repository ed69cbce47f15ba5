/**
 * What the file readers produce: entries not yet finished (no id, language maybe still to
 * detect, a product's text still to write), the defaults a file sets for its entries, and
 * the rows or sections rejected, each with its line and reason.
 */
import type { KnowledgeKind } from '../../core/knowledge.ts';

export interface ProductFields {
  name: string;
  sku?: string;
  description?: string;
  category?: string;
  price?: number;
  currency: string;
  sizes: string[];
  stock?: number;
  /** Other columns, written into the product's text as "label: value". */
  attributes: Array<[string, string]>;
}

export interface DraftEntry {
  kind: KnowledgeKind;
  /** Given by the row, the section or the file; otherwise detected at the end. */
  language?: string;
  title: string;
  /** Empty for products until their text is written. */
  body: string;
  tags: string[];
  approved?: boolean;
  validFrom?: string;
  validUntil?: string;
  line: number;
  heading?: string;
  /** Identity inside the file: an explicit id, the question, the heading path or the SKU/name. */
  key: string;
  product?: ProductFields;
}

/** What a file sets for all its entries (front matter, top-level YAML keys, the file name's language). */
export interface FileDefaults {
  language?: string;
  kind?: KnowledgeKind;
  approved?: boolean;
  validFrom?: string;
  validUntil?: string;
  tags: string[];
}

export interface Rejection {
  /** Relative to the imported path. */
  file: string;
  line: number;
  reason: string;
}

/** A rejection before the file is known (the reader adds it). */
export interface Problem {
  line: number;
  reason: string;
}

export interface FileReading {
  drafts: DraftEntry[];
  problems: Problem[];
  defaults: FileDefaults;
}

export function emptyDefaults(): FileDefaults {
  return { tags: [] };
}
