import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseHref, caseIdOf, caseOfPagePath } from './case-href';

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

describe('caseOfPagePath', () => {
  it('reads back the id of any case page address caseHref writes, under any sub-path', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }).filter((id) => !['.', '..', 'local'].includes(id)), fc.constantFrom('', '/kyodo', '/a/b'), (id, root) => {
        const url = new URL(`${root}${caseHref(id, '?pref=14', true)}`, 'http://x');
        expect(caseOfPagePath(url.pathname)).toBe(id);
      })
    );
  });
  it('is null for the live page itself (no loop), for other addresses, and keeps a malformed escape as typed', () => {
    expect(caseOfPagePath('/cases/local')).toBeNull();
    expect(caseOfPagePath('/kyodo/cases/local/')).toBeNull();
    expect(caseOfPagePath('/cases')).toBeNull();
    expect(caseOfPagePath('/systems/x')).toBeNull();
    expect(caseOfPagePath('/cases/C001/extra')).toBeNull();
    expect(caseOfPagePath('/cases/%E4')).toBe('%E4');
  });
});
