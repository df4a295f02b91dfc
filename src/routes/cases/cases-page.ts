import type { PageDecl } from '$lib/filter/page-context';
import { COMMON_SLICERS } from '../filter-registry';

/** 事例一覧 (/cases), declared once: slicers only (システム名, 導入時期, 都道府県); the list shows the whole context. */
export const casesPage: PageDecl = { slicers: COMMON_SLICERS, visuals: [] };
