// The parts of ECharts the simulation's charts use, registered once. Loaded on first use (mount-chart.ts):
// ECharts is half of the studio's script by size, and every page start paid for evaluating it.
import { BarChart, SankeyChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, SankeyChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export { echarts };
