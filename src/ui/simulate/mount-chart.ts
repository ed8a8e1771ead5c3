// An ECharts chart in an element: drawn, kept to the element's size, disposed by the returned cleanup
// (made to be returned from a Svelte `$effect`, which redraws when the option's inputs change).
// ECharts is loaded the first time a chart is shown, not with the page (echarts.ts).
import type { EChartsCoreOption, EChartsType } from 'echarts/core';

export function mountChart(host: HTMLElement, option: EChartsCoreOption): () => void {
  let chart: EChartsType | undefined;
  let resize: ResizeObserver | undefined;
  let disposed = false;
  import('./echarts.ts').then(
    ({ echarts }) => {
      if (disposed) return;
      chart = echarts.init(host, undefined, { renderer: 'canvas' });
      chart.setOption(option);
      resize = new ResizeObserver(() => chart?.resize());
      resize.observe(host);
    },
    (error) => console.error('Pathways: the chart could not be loaded', error),
  );
  return () => {
    disposed = true;
    resize?.disconnect();
    chart?.dispose();
  };
}
