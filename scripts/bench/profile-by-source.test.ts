import { describe, expect, it } from 'vitest';
import { allocationAsProfile, SelfTime } from './profile-by-source';

const frame = (functionName: string) => ({ url: '', functionName, lineNumber: 0, columnNumber: 0 });

describe('allocationAsProfile', () => {
  it('gives each node its sampled bytes as KB of "time", so SelfTime totals allocation per function', () => {
    const head = {
      id: 1, selfSize: 0, callFrame: frame('(root)'),
      children: [
        { id: 2, selfSize: 2048, callFrame: frame('encode'), children: [{ id: 3, selfSize: 1024, callFrame: frame('interpret') }] },
        { id: 4, selfSize: 512, callFrame: frame('encode') }
      ]
    };
    const { profile, totalKb } = allocationAsProfile(head);
    expect(totalKb).toBe(3.5);
    expect(profile.nodes.map((n) => n.id)).toEqual([1, 2, 3, 4]);
    const self = new SelfTime('/nonexistent');
    self.add(profile);
    expect(Object.fromEntries(self.byFn)).toEqual({ '(encode):encode': 2.5, '(interpret):interpret': 1 });
  });
});
