/**
 * Charts to SVG in Node, without a browser: Vega-Lite compiles the spec to Vega, and Vega's
 * headless View (renderer 'none') renders the scenegraph to an SVG string, escaping text
 * itself. The only module that imports the charting library; loaded on first use so other
 * commands do not pay for it.
 */
import type { Chart } from '../review-view.js';

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');

let libraries: Promise<[Vega, VegaLite]> | undefined;

/**
 * The chart as one `<svg>` element (with a `viewBox`, so CSS can scale it down).
 * @example await chartSvg(downtimeHistogramChart(documents))
 */
export async function chartSvg(chart: Chart): Promise<string> {
  libraries ??= Promise.all([import('vega'), import('vega-lite')]);
  const [vega, vegaLite] = await libraries;
  // Quiet loggers: the library must not write to the process's streams (only src/cli does I/O).
  const logger = vega.logger(vega.None);
  const { spec } = vegaLite.compile(
    { ...chart.spec, $schema: 'https://vega.github.io/schema/vega-lite/v6.json' } as Parameters<VegaLite['compile']>[0],
    { logger },
  );
  // A loader that refuses every request: charts carry their data inline, and nothing is fetched.
  const loader = vega.loader();
  loader.load = () => Promise.reject(new Error('nines charts load nothing'));
  const view = new vega.View(vega.parse(spec), { renderer: 'none', loader, logger });
  try {
    const svg = await view.toSVG();
    return svg.replace(
      '<svg ',
      `<svg role="img" aria-label="${chart.title.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`)}" `,
    );
  } finally {
    view.finalize();
  }
}
