import type { Spec, View } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { compileVega } from './compile-vega';

export interface Embedded {
  view: View;
  finalize: () => void;
}

/**
 * The one place charts are embedded: the Vega-Lite spec as Vega (compiled at build time when
 * the build knew it, see compile-vega.ts), parsed with `ast: true` and run by the
 * vega-interpreter, so no `eval`/`new Function` ever runs and the site keeps its CSP without
 * 'unsafe-eval'. Tooltips by vega-tooltip, as vega-embed would add them. The libraries load
 * on first use, never with the page's first figures.
 */
export async function embedStrict(host: HTMLElement, spec: TopLevelSpec, patch?: (vega: Spec) => Spec): Promise<Embedded> {
  const [vega, { expressionInterpreter }, { Handler }, compiled] = await Promise.all([
    import('vega'),
    import('vega-interpreter'),
    import('vega-tooltip'),
    compileVega(spec)
  ]);
  const runtime = vega.parse(patch ? patch(compiled) : compiled, {}, { ast: true });
  const view = new vega.View(runtime, { renderer: 'svg', expr: expressionInterpreter, logLevel: vega.Warn });
  view.tooltip(new Handler().call);
  host.replaceChildren();
  await view.initialize(host).runAsync();
  return { view, finalize: () => view.finalize() };
}
