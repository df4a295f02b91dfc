import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseHref, caseIdOf } from './case-href';

describe('caseHref', () => {
  it('links the shipped data to its prerendered page, with the list’s query string', () => {
    expect(caseHref('C001', '?pref=14', true)).toBe('/cases/C001?pref=14');
  });
  it('links other data to /cases/local with the id in the fragment (never sent to a server), any id round-trips', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.constantFrom('', '?data=local', '?pref=14&data=local'), (id, search) => {
        const href = caseHref(id, search, false);
        const url = new URL(href, 'http://x');
        expect(url.pathname).toBe('/cases/local');
        expect(url.search).toBe(search);
        expect(caseIdOf(url)).toBe(id);
      })
    );
  });
  it('reads no id from an address without one', () => {
    expect(caseIdOf(new URL('http://x/cases/local?data=local'))).toBeNull();
    expect(caseIdOf(new URL('http://x/cases/local#id='))).toBeNull();
  });
});
