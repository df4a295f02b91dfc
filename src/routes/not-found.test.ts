import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_PARAM, caseIdOf } from './cases/case-href';
import { notFoundScript, notFoundTarget } from './not-found.js';

const PAGES = ['about', 'cases', 'console', 'own-data', 'participation', 'prefectures', 'systems'];
const segment = fc.stringMatching(/^[A-Za-z0-9_.~-]{1,12}$/).filter((s) => !PAGES.includes(s) && s !== '.' && s !== '..');
const subPath = fc.array(segment, { maxLength: 3 }).map((s) => (s.length ? `/${s.join('/')}` : ''));
const caseId = fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s !== 'local' && !s.includes('\u0000'));

describe('the 404 page finds the site under any sub-path', () => {
  it('a case address without a page goes on to the live case page, whose id is the one asked for', () => {
    fc.assert(
      fc.property(subPath, caseId, fc.boolean(), (sub, id, slash) => {
        const t = notFoundTarget(`${sub}/cases/${encodeURIComponent(id)}${slash ? '/' : ''}`, PAGES);
        expect(t.root).toBe(`${sub}/`);
        expect(t.live).toMatch(new RegExp(`^${sub}/cases/local#`));
        expect(caseIdOf(new URL(t.live!, 'https://lg.example'))).toBe(id);
      })
    );
    expect(CASE_PARAM).toBe('id'); // the script writes `#id=`
  });

  it('any other address under a page links to the root; one naming no page has no link', () => {
    fc.assert(
      fc.property(subPath, fc.constantFrom(...PAGES), fc.array(segment, { maxLength: 3 }), (sub, page, rest) => {
        fc.pre(!(page === 'cases' && rest.length === 1));
        expect(notFoundTarget(`${sub}/${page}/${rest.join('/')}`, PAGES)).toEqual({ root: `${sub}/`, live: null });
        expect(notFoundTarget(`${sub}/${rest.join('/')}`, PAGES).root).toBeNull();
      })
    );
    expect(notFoundTarget('/intra/kyodo/typo', PAGES)).toEqual({ root: null, live: null });
    expect(notFoundTarget('/intra/%E0%A4%A/systems/x', PAGES)).toEqual({ root: '/intra/%E0%A4%A/', live: null });
  });

  it('never goes on from the live page itself (no loop), and keeps a malformed escape in an id as typed (the error page reads case addresses the same way)', () => {
    const idOf = (path: string, pages = ['cases']) => {
      const { live } = notFoundTarget(path, pages);
      return live === null ? null : caseIdOf(new URL(live, 'https://lg.example'));
    };
    expect(idOf('/cases/local')).toBeNull();
    expect(idOf('/kyodo/cases/local/')).toBeNull();
    expect(idOf('/cases')).toBeNull();
    expect(idOf('/systems/x', PAGES)).toBeNull();
    expect(idOf('/cases/C001/extra')).toBeNull();
    expect(idOf('/cases/%E4')).toBe('%E4');
  });
});

describe('its inline script', () => {
  /** Runs the script text as the page would, with a stand-in for the window. */
  function run(pathname: string) {
    const home = { href: './', hidden: true };
    const g = { location: { pathname, replace: (u: string) => (g.replaced = u) }, document: { getElementById: (id: string) => (id === 'home' ? home : null) }, replaced: '' };
    new Function('self', notFoundScript(PAGES))(g);
    return { replaced: g.replaced, home };
  }
  it('replaces a missing case address by the live case page, and shows the link to the root elsewhere', () => {
    expect(run('/kyodo/cases/C9999').replaced).toBe('/kyodo/cases/local#id=C9999');
    expect(run('/kyodo/systems/extra').home).toEqual({ href: '/kyodo/', hidden: false });
    expect(run('/kyodo/nothing').home).toEqual({ href: './', hidden: true });
  });
});
