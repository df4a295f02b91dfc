import net from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * A network link between the browser and the site, shaped at the server side of the
 * socket: one shared downstream bandwidth for all connections (like one office line),
 * a round-trip delay on every direction, one extra round trip for each new connection's
 * handshake, and a byte count of everything the browser received. DevTools throttling
 * cannot do this: it does not cover a worker's fetches (DuckDB's wasm).
 */
export interface LinkOptions {
  /** Downstream bits per second; Infinity for loopback. */
  bitsPerSecond: number;
  /** Round-trip time in ms. */
  rttMs: number;
}

export class ShapedLink {
  bytesDown = 0;
  bytesUp = 0;
  connections = 0;
  private freeAt = 0;
  private server: net.Server | null = null;
  constructor(private readonly upstreamPort: number, private readonly opts: LinkOptions) {}

  /**
   * A new visit: counters to zero, and the link free now. Bytes the link still owed a
   * browser that has since closed (its sockets are gone) must not delay the next visit's
   * first request: they were reserved on the shared link but will never be delivered.
   */
  reset(): void {
    this.freeAt = 0;
    this.bytesDown = 0;
    this.bytesUp = 0;
    this.connections = 0;
  }

  /** Time the link is done sending `bytes` that arrive now (shared by all connections). */
  private deliverAt(bytes: number): number {
    const now = performance.now();
    const oneWay = this.opts.rttMs / 2;
    if (!Number.isFinite(this.opts.bitsPerSecond)) return now + oneWay;
    const start = Math.max(now, this.freeAt);
    this.freeAt = start + (bytes * 8 * 1000) / this.opts.bitsPerSecond;
    return this.freeAt + oneWay;
  }

  listen(): Promise<number> {
    this.server = net.createServer((client) => {
      this.connections++;
      const accepted = performance.now();
      const upstream = net.connect(this.upstreamPort, '127.0.0.1');
      client.setNoDelay(true);
      upstream.setNoDelay(true);
      const down = new OrderedQueue(client);
      const up = new OrderedQueue(upstream);
      let first = true;
      client.on('data', (chunk) => {
        this.bytesUp += chunk.length;
        const oneWay = this.opts.rttMs / 2;
        // The request of a new connection waits for the TCP handshake's round trip.
        const at = first ? Math.max(performance.now(), accepted + this.opts.rttMs) + oneWay : performance.now() + oneWay;
        first = false;
        up.push(chunk, at);
      });
      upstream.on('data', (chunk) => {
        this.bytesDown += chunk.length;
        // Pace in 16 KB slices so a big response does not hog the link in one step.
        for (let i = 0; i < chunk.length; i += 16384) {
          const slice = chunk.subarray(i, i + 16384);
          down.push(slice, this.deliverAt(slice.length));
        }
        if (down.size > 4 << 20) {
          upstream.pause();
          down.onDrain = () => upstream.resume();
        }
      });
      const close = () => {
        client.destroy();
        upstream.destroy();
      };
      upstream.on('end', () => down.end());
      client.on('end', () => up.end());
      client.on('error', close);
      upstream.on('error', close);
      client.on('close', () => upstream.destroy());
    });
    return new Promise((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve((this.server!.address() as net.AddressInfo).port)));
  }

  close(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** Delivers chunks in order, each not before its time. */
class OrderedQueue {
  private items: { chunk: Buffer; at: number }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private ending = false;
  size = 0;
  onDrain: (() => void) | null = null;
  constructor(private readonly to: net.Socket) {}

  push(chunk: Buffer, at: number): void {
    this.items.push({ chunk, at });
    this.size += chunk.length;
    this.pump();
  }

  end(): void {
    this.ending = true;
    this.pump();
  }

  private pump(): void {
    if (this.timer) return;
    while (this.items.length && this.items[0]!.at <= performance.now() + 0.5) {
      const { chunk } = this.items.shift()!;
      this.size -= chunk.length;
      if (!this.to.destroyed) this.to.write(chunk);
    }
    if (this.size < 1 << 20 && this.onDrain) {
      const f = this.onDrain;
      this.onDrain = null;
      f();
    }
    if (this.items.length) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.pump();
      }, Math.max(0, this.items[0]!.at - performance.now()));
    } else if (this.ending && !this.to.destroyed) this.to.end();
  }
}
