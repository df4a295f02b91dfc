import type { TopLevelSpec } from 'vega-lite';
import type { Result } from 'vega-embed';

type Patch = NonNullable<import('vega-embed').EmbedOptions['patch']>;

/**
 * The one place charts are embedded: vega-embed with `ast: true` and the vega-interpreter,
 * so no `eval`/`new Function` ever runs and the site keeps its CSP without 'unsafe-eval'.
 * Both libraries load on first use, never with the page's first figures.
 */
export async function embedStrict(host: HTMLElement, spec: TopLevelSpec, patch?: Patch): Promise<Result> {
  const [{ default: embed }, { expressionInterpreter }] = await Promise.all([import('vega-embed'), import('vega-interpreter')]);
  return embed(host, spec, {
    ast: true,
    expr: expressionInterpreter,
    actions: false,
    renderer: 'svg',
    config: { locale: { number: { decimal: '.', thousands: ',', grouping: [3], currency: ['', '円'] } } },
    ...(patch ? { patch } : {})
  });
}
