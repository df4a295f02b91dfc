import type { View } from 'vega';

/** The scenegraph as far as this needs it: marks (with a role) holding items holding marks. */
interface SceneMark {
  role?: string;
  zdirty?: boolean;
  items?: SceneItem[];
}
interface SceneItem {
  items?: SceneMark[];
}

/** Guides whose ARIA label Vega derives from a scale's domain (vega-scenegraph's AriaGuides). */
const GUIDES = new Set(['axis', 'legend']);

/**
 * Has the next render recompute every axis's and legend's ARIA label (「Y-axis titled '事例件数'
 * for a linear scale with values from 0 to 3」). Vega's SVG renderer writes that label on the
 * guide's container `<g>` only while it walks the scenegraph from the root
 * (SVGRenderer.mark → ariaMarkAttributes → axisCaption, reading the scale's domain). An update
 * of data already drawn is rendered item by item (`_dirtyCheck` → `_update`), which rewrites the
 * items' own attributes and never the containers', so new data that changes a scale's domain but
 * adds or drops no tick leaves the old range in the label (with view.data() as with a
 * changeset). This flags each guide mark the way Vega itself forces a mark's re-evaluation
 * (`zdirty`, as vega-view-transforms' Mark does when clip changes) and its items dirty: the
 * renderer then walks from the root down to each guide, rewrites its container's label and
 * leaves every other mark alone. Call it before running a view whose data changed.
 * Returns the number of guides flagged.
 */
export function refreshGuideLabels(view: View): number {
  const v = view as unknown as { scenegraph(): { root: SceneMark }; dirty(item: SceneItem): void };
  let guides = 0;
  const walk = (mark: SceneMark) => {
    if (mark.role && GUIDES.has(mark.role)) {
      mark.zdirty = true;
      for (const item of mark.items ?? []) v.dirty(item);
      guides++;
      return;
    }
    for (const item of mark.items ?? []) for (const child of item.items ?? []) walk(child);
  };
  walk(v.scenegraph().root);
  return guides;
}
