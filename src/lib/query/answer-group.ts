/** How one query ended: its rows, or its error. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

interface Member {
  settled: Outcome<unknown> | null;
  deliver: (outcome: Outcome<unknown>) => void;
}

interface Group {
  members: Member[];
  /** Set once the hold ran out: from then on each answer is delivered as it comes. */
  released: boolean;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * Delivers the answers of queries started in the same turn (one change of the filter state:
 * every visual's query is posted in one pass of pre-effects) together, in one synchronous
 * pass, once the last of them has settled: the page then updates and paints once for a
 * click instead of once per answer. Each query still gets exactly its own outcome, in the
 * order the queries were started. A group whose answers spread out (a slow query at scale)
 * is not held for it: `holdMs` after its first answer, the answers in so far are delivered
 * and later ones as they come.
 */
export class AnswerGroups {
  private open: Group | null = null;

  constructor(private readonly holdMs = 150) {}

  /** Calls `deliver` with `answer`'s outcome once its group is ready (see the class). */
  add<T>(answer: Promise<T>, deliver: (outcome: Outcome<T>) => void): void {
    const group = this.current();
    const member: Member = { settled: null, deliver: deliver as Member['deliver'] };
    group.members.push(member);
    const settle = (outcome: Outcome<unknown>) => {
      member.settled = outcome;
      if (group.released) return this.flush(group);
      if (group.members.every((m) => m.settled)) return this.flush(group);
      group.timer ??= setTimeout(() => ((group.released = true), this.flush(group)), this.holdMs);
    };
    answer.then(
      (value) => settle({ ok: true, value }),
      (error: unknown) => settle({ ok: false, error })
    );
  }

  /** The group of this turn: closed at the next microtask, before any answer can arrive. */
  private current(): Group {
    if (this.open) return this.open;
    const group: Group = { members: [], released: false, timer: undefined };
    this.open = group;
    queueMicrotask(() => {
      if (this.open === group) this.open = null;
    });
    return group;
  }

  /** Delivers every settled member not yet delivered, in the order they joined. */
  private flush(group: Group): void {
    if (group.members.every((m) => m.settled)) clearTimeout(group.timer);
    const ready = group.members.filter((m) => m.settled);
    group.members = group.members.filter((m) => !m.settled);
    for (const m of ready) m.deliver(m.settled!);
  }
}

/** The page's one set of groups: every LiveQuery's engine answers go through it. */
export const answerGroups = new AnswerGroups();
