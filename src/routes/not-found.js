/**
 * The static 404 page (build/404.html, written by scripts/not-found-page.js) for an address
 * the host has no file for — typed, cut short, or a case whose detail page a large build did
 * not prerender. The site may live under any sub-path, which a static page cannot know, so
 * its inline script reads it from the address: the site's root is the path before the last
 * segment that names one of the site's pages.
 *
 * - `<root>cases/<id>` goes on to `<root>cases/local#id=<id>`, the one live case page, which
 *   shows any case the engine holds and says so when there is none (src/routes/cases/local).
 * - anything else: the page says it was not found and links to the root when it is known.
 *
 * Plain JS, self-contained functions: their source text becomes the inline script.
 */

/**
 * Where a missing address leads. `root`: the site's root path (ending in '/'), or null if no
 * segment names a page; `live`: the live case page to go on to, if the address is a case's.
 *
 * @param {string} pathname
 * @param {string[]} pages the site's top-level pages (`cases`, `systems`, …)
 * @returns {{ root: string | null, live: string | null }}
 */
export function notFoundTarget(pathname, pages) {
  var parts = pathname.split('/');
  for (var i = parts.length - 1; i > 0; i--) {
    var name;
    try {
      name = decodeURIComponent(parts[i] || '');
    } catch (e) {
      continue;
    }
    if (pages.indexOf(name) < 0) continue;
    var root = parts.slice(0, i).join('/') + '/';
    var rest = parts.slice(i + 1).filter(function (/** @type {string} */ p) {
      return p !== '';
    });
    if (name === 'cases' && rest.length === 1 && rest[0] !== 'local') {
      var raw = rest[0] || '';
      var id;
      try {
        id = decodeURIComponent(raw);
      } catch (e) {
        id = raw;
      }
      return { root: root, live: root + 'cases/local#' + new URLSearchParams({ id: id }) };
    }
    return { root: root, live: null };
  }
  return { root: null, live: null };
}

/**
 * The page's script: on to the live case page, or the link to the root shown.
 *
 * @param {any} g the page's global scope
 * @param {string[]} pages
 * @param {typeof notFoundTarget} target
 */
function notFoundPage(g, pages, target) {
  try {
    var t = target(g.location.pathname, pages);
    if (t.live) return g.location.replace(t.live);
    if (t.root === null) return;
    var home = g.document.getElementById('home');
    home.href = t.root;
    home.hidden = false;
  } catch (e) {
    // the page's text stands on its own
  }
}

/**
 * The inline program for a site whose pages (top-level routes) are `pages`.
 *
 * @param {string[]} pages
 */
export function notFoundScript(pages) {
  return '(' + notFoundPage + ')(self,' + JSON.stringify(pages) + ',' + notFoundTarget + ');';
}
