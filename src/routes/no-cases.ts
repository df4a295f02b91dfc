/**
 * What the site says where no case matches the filters: the 事例一覧 under its empty list, and
 * each visual that counts cases in place of its chart (the page declarations' `empty`, which
 * VisualPanel takes as its default on the page; its generic words speak of data, this names
 * what the pages count).
 */
export const NO_CASES = '条件に合う事例はありません。フィルターを変えるか、解除してください。';
