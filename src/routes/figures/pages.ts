import type { PageDecl } from '$lib/filter/page-context';
import type { Bindings } from '$lib/query/query-binding';
import { overviewPage } from '../overview-page';
import { overviewBindings } from '../overview-queries';
import { participationPage } from '../participation/participation-page';
import { participationFigureBindings } from '../participation/participation-queries';
import { systemsPage } from '../systems/systems-page';
import { systemsBindings } from '../systems/systems-queries';

/** The pages whose one-click states are computed at build time (figures/<name>.json). */
export const CLICK_PAGES = {
  overview: { page: overviewPage, bindings: overviewBindings },
  systems: { page: systemsPage, bindings: systemsBindings },
  participation: { page: participationPage, bindings: participationFigureBindings }
} satisfies Record<string, { page: PageDecl; bindings: Bindings }>;

export type ClickPage = keyof typeof CLICK_PAGES;
