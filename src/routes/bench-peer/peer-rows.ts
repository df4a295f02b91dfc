import { parquetReadObjects } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';

/** One case as the peer sees it: the fields the overview's visuals group and filter by. */
export interface PeerRow {
  system_id: string;
  system_name: string;
  system_order: number;
  prefecture_code: string;
  prefecture_name: string;
  start_year: number | null;
}

async function read(url: URL, columns: string[]): Promise<Record<string, unknown>[]> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url.pathname}: HTTP ${res.status}`);
  return parquetReadObjects({ file: await res.arrayBuffer(), columns, compressors });
}

/**
 * Every case as a plain object, with the system and prefecture names joined in (the peer
 * hands all rows to Vega-Lite as `values`; the join happens once here, not per click).
 */
export async function loadPeerRows(dataUrl: URL): Promise<PeerRow[]> {
  const [cases, systems, prefectures] = await Promise.all([
    read(new URL('case.parquet', dataUrl), ['system_id', 'prefecture_code', 'start_year']),
    read(new URL('system.parquet', dataUrl), ['system_id', 'system_name', 'system_order']),
    read(new URL('prefecture.parquet', dataUrl), ['prefecture_code', 'prefecture_name'])
  ]);
  const sys = new Map(systems.map((s) => [String(s.system_id), s]));
  const pref = new Map(prefectures.map((p) => [String(p.prefecture_code), String(p.prefecture_name)]));
  return cases.map((c) => {
    const s = sys.get(String(c.system_id));
    return {
      system_id: String(c.system_id),
      system_name: String(s?.system_name ?? c.system_id),
      system_order: Number(s?.system_order ?? 0),
      prefecture_code: String(c.prefecture_code),
      prefecture_name: pref.get(String(c.prefecture_code)) ?? String(c.prefecture_code),
      start_year: c.start_year == null ? null : Number(c.start_year)
    };
  });
}
