// The ECharts pieces this page draws with — only these reach its lazy chunk.
import { use } from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

use([PieChart, BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

/** One colour per TOU period, the same in the donut, the band and the legend. */
export const PERIOD_COLOURS: Record<string, string> = {
  sharp: '#b3261e',
  peak: '#b45309', // dark enough for white text (WCAG AA)
  flat: '#2f6fb3',
  valley: '#2e7d32',
  deep_valley: '#00695c',
};
