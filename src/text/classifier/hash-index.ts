/**
 * An open-addressing table from 32-bit n-gram hashes to dense feature indices
 * (Int32Arrays only, so lookups allocate nothing and the table serialises as two arrays).
 */
export interface HashIndex {
  keys: Int32Array;
  /** Dense index + 1, 0 = empty slot. */
  slots: Int32Array;
  size: number;
}

export function createHashIndex(expected: number): HashIndex {
  let capacity = 16;
  while (capacity < expected * 2) capacity *= 2;
  return { keys: new Int32Array(capacity), slots: new Int32Array(capacity), size: 0 };
}

function slotOf(index: HashIndex, key: number): number {
  const mask = index.keys.length - 1;
  let slot = key & mask;
  while (index.slots[slot] !== 0 && index.keys[slot] !== key) slot = (slot + 1) & mask;
  return slot;
}

/** The dense index of `key`, or -1. */
export function lookup(index: HashIndex, key: number): number {
  return (index.slots[slotOf(index, key)] as number) - 1;
}

/** Adds `key` (when absent) and returns its dense index. The table must have room. */
export function insert(index: HashIndex, key: number): number {
  const slot = slotOf(index, key);
  const existing = index.slots[slot] as number;
  if (existing !== 0) return existing - 1;
  if ((index.size + 1) * 2 > index.keys.length) throw new Error('hash index is full');
  index.keys[slot] = key;
  index.slots[slot] = ++index.size;
  return index.size - 1;
}
