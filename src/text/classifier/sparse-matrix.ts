/** The training texts as a compressed sparse row matrix of TF-IDF vectors. */
import { createSparseVector, vectorize, type Vectorizer } from './tfidf-vectorizer.ts';

export interface CsrMatrix {
  rows: number;
  rowStart: Int32Array;
  columns: Int32Array;
  values: Float32Array;
}

export function vectorizeAll(vectorizer: Vectorizer, texts: readonly string[]): CsrMatrix {
  const rowStart = new Int32Array(texts.length + 1);
  let columns = new Int32Array(texts.length * 64);
  let values = new Float32Array(texts.length * 64);
  const vector = createSparseVector();
  let used = 0;
  texts.forEach((text, row) => {
    vectorize(vectorizer, text, vector);
    if (used + vector.nnz > columns.length) {
      const capacity = Math.max(columns.length * 2, used + vector.nnz);
      const grownColumns = new Int32Array(capacity);
      const grownValues = new Float32Array(capacity);
      grownColumns.set(columns);
      grownValues.set(values);
      columns = grownColumns;
      values = grownValues;
    }
    columns.set(vector.indices.subarray(0, vector.nnz), used);
    values.set(vector.values.subarray(0, vector.nnz), used);
    used += vector.nnz;
    rowStart[row + 1] = used;
  });
  return { rows: texts.length, rowStart, columns: columns.slice(0, used), values: values.slice(0, used) };
}
