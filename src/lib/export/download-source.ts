/** One file a download offers: a name, the SQL of its rows, and a label for each output column. */
export interface DownloadSource {
  name: string;
  sql: string;
  /** Japanese (or other human) label of an output column, for the 「日本語の列名」 option. */
  label: (column: string) => string;
}

/** What the download needs from an engine: Arrow tables. */
export interface ArrowEngine {
  queryArrow(sql: string): Promise<import('apache-arrow').Table>;
}
