import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyPatch, diffJson } from './spec-patch';

describe('spec-patch', () => {
  it('a patch made from a to b turns a into b, for any JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        expect(JSON.stringify(applyPatch(a, diffJson(a, b)))).toBe(JSON.stringify(b));
      }),
      { numRuns: 300 }
    );
  });

  it('specs that differ in a few numbers give a patch of those numbers only, and leave the base untouched', () => {
    const a = { width: 420, marks: [{ encode: { x: { value: 1 } } }, { name: 'n' }], signals: [{ name: 'w', value: 420 }] };
    const b = { width: 300, marks: [{ encode: { x: { value: 1 } } }, { name: 'n' }], signals: [{ name: 'w', value: 300 }] };
    const patch = diffJson(a, b);
    expect(patch).toEqual([
      [['width'], 300],
      [['signals', 0, 'value'], 300]
    ]);
    expect(applyPatch(a, patch)).toEqual(b);
    expect(a.width).toBe(420);
  });

  it('a changed key order is a change (the key order is part of a spec’s text)', () => {
    const patch = diffJson({ x: 1, y: 2 }, { y: 2, x: 1 });
    expect(JSON.stringify(applyPatch({ x: 1, y: 2 }, patch))).toBe('{"y":2,"x":1}');
  });
});
