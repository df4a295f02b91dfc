/** A result row: plain JSON-safe values (BIGINT beyond 2^53 comes back as a decimal string). */
export type Row = Record<string, string | number | boolean | null>;

/** What the rest of the app needs from a database, whichever DuckDB runs underneath. */
export interface QueryEngine {
  query(sql: string): Promise<Row[]>;
}

/** The tables a dataset is made of and the SQL that builds the model's views over them. */
export interface DatasetSpec {
  /** `bytes`: the file's contents when it is local (the user's own data); otherwise it is fetched from the data folder. */
  tables: { name: string; file: string; bytes?: Uint8Array }[];
  setupSql: string[];
  /**
   * Documentation of the model in the database (COMMENT ON, the model_catalog schema): run after
   * `setupSql`, except where an instance's own queries never read it (BrowserEngine.start's
   * `catalog: false`, the dashboard's instance).
   */
  catalogSql?: string[];
}

export interface LoadProgress {
  stage: 'engine' | 'data' | 'views' | 'ready';
  /** 0…1 */
  fraction: number;
  detail: string;
  /** How long this step may show no further progress before start-up counts as stalled (default: the watchdog's own). */
  stallMs?: number;
}
