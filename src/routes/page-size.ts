/**
 * Rows per page of every case list (事例一覧 and the lists of /systems, /prefectures and
 * /participation). The survey (245 cases) fits on one page, as published; a large dataset is
 * read a page at a time through SQL (LIMIT/OFFSET), never whole into JavaScript.
 */
export const PAGE_SIZE = 500;
