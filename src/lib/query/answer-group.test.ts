import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { AnswerGroups, type Outcome } from './answer-group';

/** A promise settled from outside. */
function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const flushMicrotasks = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

describe('AnswerGroups', () => {
  it('delivers every answer of one turn, each its own outcome, in one pass after the last settles — whatever the order they settle in', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ fails: fc.boolean(), value: fc.integer() }), { minLength: 1, maxLength: 6 }).chain((answers) =>
          fc.tuple(fc.constant(answers), fc.shuffledSubarray([...answers.keys()], { minLength: answers.length, maxLength: answers.length }))
        ),
        async ([answers, settleOrder]) => {
          const groups = new AnswerGroups(60_000);
          const pending = answers.map(() => deferred<number>());
          const delivered: { index: number; outcome: Outcome<number>; pass: number }[] = [];
          let pass = 0;
          pending.forEach((d, index) => groups.add(d.promise, (outcome) => delivered.push({ index, outcome, pass })));
          await flushMicrotasks();
          for (const [k, i] of settleOrder.entries()) {
            const a = answers[i]!;
            if (a.fails) pending[i]!.reject(new Error(`e${a.value}`));
            else pending[i]!.resolve(a.value);
            await flushMicrotasks();
            pass++;
            // Nothing is delivered before the last answer is in.
            if (k < settleOrder.length - 1) expect(delivered).toEqual([]);
          }
          // One-by-one delivery would give each query exactly this outcome.
          expect(delivered.map((d) => d.index)).toEqual(answers.map((_, i) => i));
          for (const d of delivered) {
            const a = answers[d.index]!;
            expect(d.outcome).toEqual(a.fails ? { ok: false, error: new Error(`e${a.value}`) } : { ok: true, value: a.value });
          }
          expect(new Set(delivered.map((d) => d.pass)).size).toBe(1);
        }
      ),
      { numRuns: 100 }
    );
  });

  it('keeps the queries of different turns in different groups', async () => {
    const groups = new AnswerGroups(60_000);
    const first = deferred<number>();
    const second = deferred<number>();
    const got: number[] = [];
    groups.add(first.promise, (o) => o.ok && got.push(o.value));
    await Promise.resolve();
    groups.add(second.promise, (o) => o.ok && got.push(o.value));
    second.resolve(2);
    await flushMicrotasks();
    expect(got).toEqual([2]);
    first.resolve(1);
    await flushMicrotasks();
    expect(got).toEqual([2, 1]);
  });

  it('does not hold answers for a slow query longer than holdMs after the first answer; later ones come as they settle', async () => {
    vi.useFakeTimers();
    try {
      const groups = new AnswerGroups(100);
      const [fast, slow, slower] = [deferred<string>(), deferred<string>(), deferred<string>()];
      const got: string[] = [];
      for (const d of [fast, slow, slower]) groups.add(d.promise, (o) => o.ok && got.push(o.value));
      fast.resolve('fast');
      await flushMicrotasks();
      await vi.advanceTimersByTimeAsync(99);
      expect(got).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(got).toEqual(['fast']);
      slower.resolve('slower');
      await flushMicrotasks();
      expect(got).toEqual(['fast', 'slower']);
      slow.resolve('slow');
      await flushMicrotasks();
      expect(got).toEqual(['fast', 'slower', 'slow']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('holds an answer that was already in (a cached query) until the rest of its turn is in', async () => {
    const groups = new AnswerGroups(60_000);
    const fresh = deferred<number>();
    const got: number[] = [];
    groups.add(Promise.resolve(1), (o) => o.ok && got.push(o.value));
    groups.add(fresh.promise, (o) => o.ok && got.push(o.value));
    await flushMicrotasks();
    expect(got).toEqual([]);
    fresh.resolve(2);
    await flushMicrotasks();
    expect(got).toEqual([1, 2]);
  });
});
