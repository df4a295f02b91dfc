/** One file a download offers: a name, the SQL of its rows, and a label for each output column. */
export interface DownloadSource {
  name: string;
  /** What the file holds (shown in the dialog). */
  description?: string;
  sql: string;
  /** Japanese (or other human) label of an output column, for the 「日本語の列名」 option. */
  label: (column: string) => string;
}

/** What the download needs from an engine: Arrow tables. */
export interface ArrowEngine {
  queryArrow(sql: string): Promise<import('apache-arrow').Table>;
}

/** Everything a 「データをダウンロード」 needs for the page's current filters. */
export interface DownloadRequest {
  sources: DownloadSource[];
  /** Human-readable filters: shown in the dialog and written into the Parquet metadata. */
  describeFilters: string;
  /**
   * Why no file can be written yet, e.g. a filter's name is still being looked up (the file
   * name and metadata would lack it): the dialog says so and its buttons wait. Absent when
   * the files can be written.
   */
  waiting?: string;
  /** File name parts before the source name, e.g. ['kyodo-chotatsu', '施設予約システム']. */
  fileStem: string[];
  /** The data's date, as files are named by it (2024-01-31). */
  asOf: string;
  /** The same date in words, as the page header says it (2024年1月31日). */
  asOfLabel: string;
  /** Parquet key-value metadata. */
  metadata: Record<string, string>;
  engine: () => Promise<ArrowEngine>;
}
