/**
 * The intent model's JSON form for the training cache: settings and labels as JSON, the
 * typed arrays as base64 (exact, compact). `parseModelJson` checks every field and names
 * the one that is wrong, so a corrupt cache entry fails loudly instead of mispredicting.
 */
import type { ModelConfig } from './model-config.ts';

export const MODEL_FORMAT = 'centralino-intent-model';
export const MODEL_FORMAT_VERSION = 1;

export interface ModelParts {
  config: ModelConfig;
  labels: string[];
  features: number;
  unknownIdf: number;
  blockStarts: number[];
  hashKeys: Int32Array;
  hashSlots: Int32Array;
  idf: Float32Array;
  /** Pruned weights, feature by feature (sparse-weights.ts). */
  rowStart: Int32Array;
  classIndex: Uint16Array;
  weights: Float32Array;
  bias: Float32Array;
}

export class IntentModelFormatError extends Error {
  constructor(message: string) {
    super(`invalid intent model JSON: ${message}`);
    this.name = 'IntentModelFormatError';
  }
}

function encode(array: Int32Array | Float32Array | Uint16Array): string {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');
}

function decodeBytes(value: unknown, field: string, unit = 4): Uint8Array {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value)) throw new IntentModelFormatError(`"${field}" must be a base64 string`);
  const bytes = Buffer.from(value, 'base64');
  if (bytes.byteLength % unit !== 0) throw new IntentModelFormatError(`"${field}" has ${bytes.byteLength} bytes, not a multiple of ${unit}`);
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy;
}

function decodeInt32(value: unknown, field: string, length: number): Int32Array {
  const array = new Int32Array(decodeBytes(value, field).buffer);
  if (array.length !== length) throw new IntentModelFormatError(`"${field}" has ${array.length} values, expected ${length}`);
  return array;
}

function decodeUint16(value: unknown, field: string, length: number): Uint16Array {
  const array = new Uint16Array(decodeBytes(value, field, 2).buffer);
  if (array.length !== length) throw new IntentModelFormatError(`"${field}" has ${array.length} values, expected ${length}`);
  return array;
}

function decodeFloat32(value: unknown, field: string, length: number): Float32Array {
  const array = new Float32Array(decodeBytes(value, field).buffer);
  if (array.length !== length) throw new IntentModelFormatError(`"${field}" has ${array.length} values, expected ${length}`);
  for (const x of array) if (!Number.isFinite(x)) throw new IntentModelFormatError(`"${field}" contains a value that is not a finite number`);
  return array;
}

export function modelToJson(parts: ModelParts): Record<string, unknown> {
  return {
    format: MODEL_FORMAT,
    version: MODEL_FORMAT_VERSION,
    config: parts.config,
    labels: parts.labels,
    features: parts.features,
    unknownIdf: parts.unknownIdf,
    blockStarts: parts.blockStarts,
    hashKeys: encode(parts.hashKeys),
    hashSlots: encode(parts.hashSlots),
    idf: encode(parts.idf),
    rowStart: encode(parts.rowStart),
    classIndex: encode(parts.classIndex),
    weights: encode(parts.weights),
    bias: encode(parts.bias),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function count(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) throw new IntentModelFormatError(`"${field}" must be a non-negative integer`);
  return value;
}

function parseLabels(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || !value.every((l) => typeof l === 'string')) throw new IntentModelFormatError('"labels" must be a non-empty array of strings');
  if (new Set(value).size !== value.length) throw new IntentModelFormatError('"labels" has duplicates');
  return value as string[];
}

function parseConfig(value: unknown): ModelConfig {
  if (!isRecord(value) || !isRecord(value.vectorizer) || !isRecord(value.training) || typeof value.novelty !== 'number') {
    throw new IntentModelFormatError('"config" must hold "vectorizer", "training" and "novelty"');
  }
  const v = value.vectorizer;
  for (const key of ['wordNgrams', 'charMin', 'charMax', 'minDf', 'wordWeight', 'charWeight']) {
    if (typeof v[key] !== 'number') throw new IntentModelFormatError(`"config.vectorizer.${key}" must be a number`);
  }
  if (typeof v.sublinearTf !== 'boolean') throw new IntentModelFormatError('"config.vectorizer.sublinearTf" must be a boolean');
  if (typeof value.inScopeBias !== 'number') throw new IntentModelFormatError('"config.inScopeBias" must be a number');
  if (value.margin !== undefined && typeof value.margin !== 'number') throw new IntentModelFormatError('"config.margin" must be a number');
  if (value.confidence !== 'gap' && value.confidence !== 'product') throw new IntentModelFormatError('"config.confidence" must be "gap" or "product"');
  return value as unknown as ModelConfig;
}

function parseBlockStarts(value: unknown, features: number): number[] {
  if (!Array.isArray(value) || !value.every((v, i) => Number.isInteger(v) && v >= 0 && v <= features && (i === 0 || v >= (value[i - 1] as number)))) {
    throw new IntentModelFormatError('"blockStarts" must be increasing feature indices');
  }
  return value as number[];
}

export function parseModelJson(json: unknown): ModelParts {
  if (!isRecord(json)) throw new IntentModelFormatError('expected an object');
  if (json.format !== MODEL_FORMAT) throw new IntentModelFormatError(`"format" must be "${MODEL_FORMAT}"`);
  if (json.version !== MODEL_FORMAT_VERSION) throw new IntentModelFormatError(`unsupported "version" ${String(json.version)} (this code reads ${MODEL_FORMAT_VERSION})`);
  const config = parseConfig(json.config);
  const labels = parseLabels(json.labels);
  const features = count(json.features, 'features');
  if (typeof json.unknownIdf !== 'number' || !Number.isFinite(json.unknownIdf)) throw new IntentModelFormatError('"unknownIdf" must be a finite number');
  const hashSlots = new Int32Array(decodeBytes(json.hashSlots, 'hashSlots').buffer);
  const capacity = hashSlots.length;
  if (capacity < 2 || (capacity & (capacity - 1)) !== 0) throw new IntentModelFormatError('"hashSlots" length must be a power of two');
  for (const slot of hashSlots) if (slot < 0 || slot > features) throw new IntentModelFormatError('"hashSlots" points outside the features');
  const rowStart = decodeInt32(json.rowStart, 'rowStart', features + 1);
  const kept = rowStart[features] as number;
  for (let j = 0; j < features; j++) {
    if ((rowStart[j] as number) > (rowStart[j + 1] as number)) throw new IntentModelFormatError('"rowStart" must not decrease');
  }
  if (rowStart[0] !== 0) throw new IntentModelFormatError('"rowStart" must start at 0');
  const classIndex = decodeUint16(json.classIndex, 'classIndex', kept);
  for (const c of classIndex) if (c >= labels.length) throw new IntentModelFormatError('"classIndex" points outside the labels');
  return {
    config,
    labels,
    features,
    unknownIdf: json.unknownIdf,
    blockStarts: parseBlockStarts(json.blockStarts, features),
    hashKeys: decodeInt32(json.hashKeys, 'hashKeys', capacity),
    hashSlots,
    idf: decodeFloat32(json.idf, 'idf', features),
    rowStart,
    classIndex,
    weights: decodeFloat32(json.weights, 'weights', kept),
    bias: decodeFloat32(json.bias, 'bias', labels.length),
  };
}
