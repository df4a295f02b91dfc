/**
 * Where a large dataset's tables live in DuckDB-WASM: an in-memory catalog with DuckDB's
 * storage compression (`ATTACH ':memory:' … (COMPRESS)`, DuckDB ≥ 1.3). Measured with the
 * 1,000,000-case dataset in DuckDB-WASM 1.32 (DuckDB 1.4.3): the raw tables take 2.3 GiB
 * uncompressed and the views' `materialised_cases` then fails with "Out of Memory"
 * (wasm's 4 GB; memory_limit 3.1 GiB); compressed they take 149 MiB and the views build.
 * `USE` is per connection: every connection of the engine runs it first. The survey-sized
 * dataset stays in the default catalog (nothing to gain, and nothing changes for it).
 */
export const COMPRESSED_CATALOG = 'data';
export const ATTACH_COMPRESSED_SQL = `ATTACH ':memory:' AS ${COMPRESSED_CATALOG} (COMPRESS)`;
export const USE_COMPRESSED_SQL = `USE ${COMPRESSED_CATALOG}`;
