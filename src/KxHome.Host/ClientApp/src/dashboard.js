// Draws the dashboard's charts with Apache ECharts. Each chart is a <figure class="chart"> whose data-chart holds
// { kind: "bar" | "stacked" | "pie", categories: [...], series: [{ name, values: [...] }] }, written by the server;
// the table beside it holds the same numbers. A drawn chart gets data-drawn="true" (the browser tests wait on it).
import * as echarts from 'echarts/core';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, AriaComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

const palette = ['#2563eb', '#16a34a', '#dc2626', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#65a30d'];

function optionOf(data) {
  const common = { color: palette, aria: { enabled: true }, tooltip: { trigger: data.kind === 'pie' ? 'item' : 'axis' }, animation: false };
  if (data.kind === 'pie') {
    const series = data.series[0];
    return {
      ...common,
      legend: { bottom: 0 },
      series: [{
        type: 'pie', radius: ['35%', '65%'], name: series.name,
        data: data.categories.map((name, i) => ({ name, value: series.values[i] })),
        label: { formatter: '{b}：{c}' },
      }],
    };
  }
  return {
    ...common,
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: data.categories, axisLabel: { interval: 0, hideOverlap: true } },
    yAxis: { type: 'value', minInterval: 1 },
    series: data.series.map(s => ({ type: 'bar', name: s.name, data: s.values, barMaxWidth: 40, stack: data.kind === 'stacked' ? 'all' : undefined })),
  };
}

function draw(figure) {
  const data = JSON.parse(figure.dataset.chart);
  const canvas = figure.querySelector('.chart-canvas');
  const chart = echarts.init(canvas, null, { renderer: 'svg', locale: 'ZH' });
  chart.on('finished', () => { figure.dataset.drawn = 'true'; });
  chart.setOption(optionOf(data));
  new ResizeObserver(() => chart.resize()).observe(canvas);
}

document.querySelectorAll('figure.chart[data-chart]').forEach(draw);
