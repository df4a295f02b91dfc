import type { RecordBatch, Schema, Vector } from 'apache-arrow';
import { formatValue, isNumeric, typeName, type CellView } from './cell-format';

export interface ResultColumn {
  name: string;
  type: string;
  numeric: boolean;
}

/**
 * A query result kept as the Arrow batches DuckDB sent (no copy into JS objects, so a
 * million rows cost a few MB); cells are formatted only when the grid draws them.
 */
export class ResultSet {
  readonly columns: ResultColumn[];
  readonly batches: RecordBatch[] = [];
  /** Row index where each batch starts. */
  private readonly starts: number[] = [];
  rowCount = 0;

  constructor(readonly schema: Schema) {
    this.columns = schema.fields.map((f) => ({ name: f.name, type: typeName(f.type), numeric: isNumeric(f.type) }));
  }

  add(batch: RecordBatch): void {
    this.starts.push(this.rowCount);
    this.batches.push(batch);
    this.rowCount += batch.numRows;
  }

  cell(row: number, col: number): CellView {
    const b = this.batchOf(row);
    if (b < 0) return { kind: 'null' };
    const vector = this.batches[b]!.getChildAt(col) as Vector | null;
    return formatValue(vector?.get(row - this.starts[b]!), this.schema.fields[col]!);
  }

  private batchOf(row: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= row) lo = mid;
      else hi = mid - 1;
    }
    return row < this.rowCount ? lo : -1;
  }
}
