// An ECharts chart in an element: drawn, kept to the element's size, disposed by the returned cleanup
// (made to be returned from a Svelte `$effect`, which redraws when the option's inputs change).
import * as echarts from 'echarts/core';

export function mountChart(host: HTMLElement, option: echarts.EChartsCoreOption): () => void {
  const chart = echarts.init(host, undefined, { renderer: 'canvas' });
  chart.setOption(option);
  const resize = new ResizeObserver(() => chart.resize());
  resize.observe(host);
  return () => {
    resize.disconnect();
    chart.dispose();
  };
}
