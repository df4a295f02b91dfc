/**
 * One Chromium memory-infra dump through CDP (`Tracing` with `disabled-by-default-memory-infra`,
 * `Tracing.requestMemoryDump`): per process, its name, labels and every allocator's attributes
 * (v8 per isolate, malloc, partition_alloc, blink_gc, …). Used by memory-infra.ts (a detailed
 * breakdown) and by tests/compile-garbage.e2e.ts.
 *
 * `gc: true` asks for a deterministic dump: Chromium first runs full garbage collections in
 * every isolate of every process, so the dump shows what is still reachable.
 */
import type { CDPSession } from 'playwright-core';

export interface Attr {
  type: string;
  units: string;
  value: string;
}
export type Allocators = Record<string, { attrs?: Record<string, Attr> }>;
export interface ProcessDump {
  pid: number;
  /** "Renderer", "Browser", "GPU Process", … */
  name: string;
  labels: string;
  allocators: Allocators;
}
export interface TraceEvent {
  ph: string;
  pid: number;
  name: string;
  args?: { name?: string; labels?: string; dumps?: { allocators?: Allocators } };
}

/** Megabytes of a dump's byte value (hexadecimal; 0 when absent). */
export function hexMb(hex: string | undefined): number {
  return hex === undefined ? 0 : parseInt(hex, 16) / 2 ** 20;
}

/** Megabytes of an allocator's `size` (0 when the dump has no such allocator). */
export function allocatorMb(p: ProcessDump, name: string): number {
  return hexMb(p.allocators[name]?.attrs?.size?.value);
}

/** The dump as a list of processes (the trace's memory-dump events joined with their process metadata). */
export function processDumps(events: TraceEvent[]): ProcessDump[] {
  const names = new Map<number, string>();
  const labels = new Map<number, string>();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'process_name') names.set(e.pid, e.args?.name ?? '?');
    if (e.ph === 'M' && e.name === 'process_labels') labels.set(e.pid, e.args?.labels ?? '');
  }
  return events
    .filter((e) => e.ph === 'v' && e.args?.dumps?.allocators)
    .map((e) => ({ pid: e.pid, name: names.get(e.pid) ?? '', labels: labels.get(e.pid) ?? '', allocators: e.args!.dumps!.allocators! }));
}

/** Takes one dump on `cdp` (a browser-wide session, or a page's: the dump covers every process either way). */
export async function memoryDump(cdp: CDPSession, opts: { gc: boolean }): Promise<{ success: boolean; events: TraceEvent[]; processes: ProcessDump[] }> {
  const done = new Promise<string>((r) => cdp.once('Tracing.tracingComplete', (e: { stream?: string }) => r(e.stream!)));
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: { includedCategories: ['disabled-by-default-memory-infra'], excludedCategories: ['*'], memoryDumpConfig: { triggers: [] } }
  } as never);
  const dump = (await cdp.send('Tracing.requestMemoryDump', { deterministic: opts.gc, levelOfDetail: 'detailed' } as never)) as { success: boolean };
  await cdp.send('Tracing.end');
  const stream = await done;
  const chunks: string[] = [];
  for (;;) {
    const r = (await cdp.send('IO.read', { handle: stream })) as { data: string; eof: boolean; base64Encoded?: boolean };
    chunks.push(r.base64Encoded ? Buffer.from(r.data, 'base64').toString() : r.data);
    if (r.eof) break;
  }
  await cdp.send('IO.close', { handle: stream });
  const events = (JSON.parse(chunks.join('')) as { traceEvents: TraceEvent[] }).traceEvents;
  return { success: dump.success, events, processes: processDumps(events) };
}
