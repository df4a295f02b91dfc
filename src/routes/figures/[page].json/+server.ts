import { error, json } from '@sveltejs/kit';
import { dataset } from '$model/dataset';
import { oneClickFigures } from '$lib/query/initial-figures';
import { CLICK_PAGES, type ClickPage } from '../pages';

/** Build time only: each page's one-click figures, a static JSON file loaded after first paint. */
export const prerender = true;

export const entries = () => Object.keys(CLICK_PAGES).map((page) => ({ page }));

export async function GET({ params }) {
  const decl = CLICK_PAGES[params.page as ClickPage];
  if (!decl) error(404, 'no such page');
  return json(await oneClickFigures(dataset, 'static/data', decl.page, decl.bindings));
}
