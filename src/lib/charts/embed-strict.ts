import type { Spec, View } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { COMPILE_CONFIG, precompiledVega } from './compile-vega';

export interface Embedded {
  view: View;
  finalize: () => void;
}

/**
 * The one place charts are embedded, always under the strict CSP: specs are parsed with
 * `ast: true` and run by the vega-interpreter, so no `eval`/`new Function` ever runs and the
 * site needs no 'unsafe-eval'. Two routes to the same view:
 * - a spec the build compiled (compile-vega.ts): its Vega spec straight into vega's View,
 *   with vega-tooltip — the first page loads neither vega-lite nor vega-embed;
 * - any other spec (the map, a brush from the address, the bench's peer page): vega-embed,
 *   which compiles the Vega-Lite spec in the browser (vega-lite loads on first use).
 * Nothing here loads with the page's first figures.
 */
export async function embedStrict(host: HTMLElement, spec: TopLevelSpec, patch?: (vega: Spec) => Spec): Promise<Embedded> {
  const compiled = await precompiledVega(spec);
  if (!compiled) return embedInBrowser(host, spec, patch);
  const [vega, { expressionInterpreter }, { Handler }] = await Promise.all([import('vega'), import('vega-interpreter'), import('vega-tooltip')]);
  const runtime = vega.parse(patch ? patch(compiled) : compiled, {}, { ast: true });
  const view = new vega.View(runtime, { renderer: 'svg', expr: expressionInterpreter, logLevel: vega.Warn });
  view.tooltip(new Handler().call);
  host.replaceChildren();
  await view.initialize(host).runAsync();
  return { view, finalize: () => view.finalize() };
}

async function embedInBrowser(host: HTMLElement, spec: TopLevelSpec, patch?: (vega: Spec) => Spec): Promise<Embedded> {
  const [{ default: embed }, { expressionInterpreter }] = await Promise.all([import('vega-embed'), import('vega-interpreter')]);
  const result = await embed(host, spec, {
    ast: true,
    expr: expressionInterpreter,
    actions: false,
    renderer: 'svg',
    config: COMPILE_CONFIG as never,
    ...(patch ? { patch } : {})
  });
  return { view: result.view, finalize: () => result.finalize() };
}
