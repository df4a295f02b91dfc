import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * A sequencer that starts the files known to be slow first, so that with two workers the
 * long ones do not start last and leave one worker running alone at the end. Vitest orders
 * by the durations of the previous run, but a fresh clone (CI) has none: it would run the
 * files in the order it found them. `slow`: paths relative to the root, slowest first; the
 * rest keep Vitest's own order after them.
 */
export function slowFirst(slow: string[]) {
  return class SlowFirst extends BaseSequencer {
    override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
      const sorted = await super.sort(files);
      const rank = (f: TestSpecification) => {
        const i = slow.findIndex((s) => f.moduleId.endsWith(`/${s}`));
        return i < 0 ? slow.length : i;
      };
      // Projects (and their groupOrder) keep Vitest's order; within one, the slow files go
      // first and the rest keep Vitest's order (Array.prototype.sort is stable).
      const projects = [...new Set(sorted.map((f) => f.project))];
      return projects.flatMap((p) => sorted.filter((f) => f.project === p).sort((a, b) => rank(a) - rank(b)));
    }
  };
}
