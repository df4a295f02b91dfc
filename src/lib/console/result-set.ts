import { DataType, Table, type RecordBatch, type Schema, type Vector } from 'apache-arrow';
import { CAP_BYTES, type CappedQuery } from './capped-query';
import { formatValue, isNumeric, typeName, valueText, type CellView } from './cell-format';
import { SHOWN_BYTES, textPrefix, valueBytes } from './text-cell';

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
  /** Text values DuckDB cut to their start (see capped-query.ts): the whole value is not here. */
  cutValues = 0;
  private readonly lengths: ReadonlyMap<number, number>;

  /** `capped`: the query was wrapped by cappedQuery; its hidden size columns are not shown. */
  constructor(readonly schema: Schema, capped?: Pick<CappedQuery, 'visible' | 'lengths'>) {
    const shown = capped ? schema.fields.slice(0, capped.visible) : schema.fields;
    this.columns = shown.map((f) => ({ name: f.name, type: typeName(f.type), numeric: isNumeric(f.type) }));
    this.lengths = capped?.lengths ?? new Map();
  }

  add(batch: RecordBatch): void {
    this.starts.push(this.rowCount);
    this.batches.push(batch);
    this.rowCount += batch.numRows;
    for (const at of this.lengths.values()) {
      for (const n of batch.getChildAt(at) ?? []) if (n !== null && Number(n) > CAP_BYTES) this.cutValues++;
    }
  }

  /** The result as the user's query gave it (hidden size columns dropped), for export. */
  visibleTable(): Table {
    return new Table(this.schema, this.batches).selectAt(this.columns.map((_, i) => i));
  }

  /** False when DuckDB cut the value: its whole must be fetched again (wholeValueSql). */
  holdsWholeValue(row: number, col: number): boolean {
    const size = this.fullSize(row, col);
    return size === null || size <= CAP_BYTES;
  }

  /** The whole value's size in bytes, from the hidden size column (capped text columns only). */
  private fullSize(row: number, col: number): number | null {
    const at = this.lengths.get(col);
    if (at === undefined) return null;
    const loc = this.vectorAt(row, at);
    const v: unknown = loc?.vector.get(loc.i);
    return v === null || v === undefined ? null : Number(v);
  }

  /**
   * One cell as the grid shows it. Text is read through its offsets and only its start is
   * decoded: a 100 MB value never becomes a 100 MB string on the main thread (nor in the DOM).
   */
  cell(row: number, col: number): CellView {
    const at = this.vectorAt(row, col);
    if (!at) return { kind: 'null' };
    const field = this.schema.fields[col]!;
    if (DataType.isUtf8(field.type) || DataType.isLargeUtf8(field.type)) {
      const prefix = textPrefix(at.vector, at.i);
      if (!prefix) return { kind: 'null' };
      if (prefix.bytes === 0) return { kind: 'empty' };
      const whole = this.fullSize(row, col) ?? prefix.bytes;
      return prefix.complete && whole === prefix.bytes ? { kind: 'value', text: prefix.text } : { kind: 'value', text: prefix.text, bytes: whole };
    }
    const view = formatValue(at.vector.get(at.i), field);
    if (view.kind !== 'value' || view.text.length <= SHOWN_BYTES) return view;
    return { kind: 'value', text: view.text.slice(0, SHOWN_BYTES), bytes: new TextEncoder().encode(view.text).length };
  }

  /** The whole value of a cell as UTF-8 (text: a view into the Arrow buffer, no copy), for "copy/download value"; null for NULL. */
  cellBytes(row: number, col: number): Uint8Array | null {
    const at = this.vectorAt(row, col);
    const type = this.schema.fields[col]?.type;
    if (!at || !type) return null;
    if (DataType.isUtf8(type) || DataType.isLargeUtf8(type)) return valueBytes(at.vector, at.i);
    const v = at.vector.get(at.i);
    return v === null || v === undefined ? null : new TextEncoder().encode(valueText(v, type));
  }

  private vectorAt(row: number, col: number): { vector: Vector; i: number } | null {
    const b = this.batchOf(row);
    if (b < 0) return null;
    const vector = this.batches[b]!.getChildAt(col) as Vector | null;
    return vector ? { vector, i: row - this.starts[b]! } : null;
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
