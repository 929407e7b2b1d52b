import { Box, useComputedColorScheme } from '@mantine/core';
import {
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
  type ChartData,
  type ChartOptions,
} from 'chart.js';
import { Bar, Line } from 'react-chartjs-2';
import type { TimeSeriesChartProps } from './chart-types';

let registered = false;
/** Registers the chart.js parts the wrappers use, on first use (so that screens without charts do not pay for them). */
function ensureRegistered(): void {
  if (registered) return;
  ChartJS.register(
    CategoryScale,
    LinearScale,
    BarElement,
    LineElement,
    PointElement,
    Filler,
    Tooltip,
    Legend,
  );
  registered = true;
}

function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return hex;
  const n = parseInt(m[1], 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** A chart.js time series that receives ready-made labels and series, themed for light and dark. */
export default function TimeSeriesChartImpl({
  type,
  labels,
  series,
  stacked = false,
  ariaLabel,
  height = 260,
  showLegend,
  locale,
}: TimeSeriesChartProps) {
  ensureRegistered();
  const scheme = useComputedColorScheme('light');
  const text = scheme === 'dark' ? '#c1c2c5' : '#495057';
  const grid = scheme === 'dark' ? 'rgba(255,255,255,0.08)' : 'rgba(0,0,0,0.06)';
  const legend = showLegend ?? series.length > 1;

  const options: ChartOptions<'bar' | 'line'> = {
    responsive: true,
    maintainAspectRatio: false,
    animation: false,
    locale,
    interaction: { mode: 'index', intersect: false },
    plugins: {
      legend: {
        display: legend,
        position: 'bottom',
        labels: { color: text, boxWidth: 12, boxHeight: 12, usePointStyle: true },
      },
      tooltip: { mode: 'index', intersect: false },
    },
    scales: {
      x: { stacked, ticks: { color: text, maxRotation: 0, autoSkipPadding: 12 }, grid: { display: false } },
      y: { stacked, beginAtZero: true, ticks: { color: text, precision: 0 }, grid: { color: grid } },
    },
  };

  const canvasProps = { role: 'img', 'aria-label': ariaLabel };
  if (type === 'bar') {
    const data: ChartData<'bar'> = {
      labels,
      datasets: series.map((s) => ({
        label: s.label,
        data: s.data,
        backgroundColor: s.color,
        borderRadius: stacked ? 0 : 3,
        maxBarThickness: 28,
      })),
    };
    return (
      <Box h={height} pos="relative">
        <Bar data={data} options={options as ChartOptions<'bar'>} {...canvasProps} />
      </Box>
    );
  }
  const data: ChartData<'line'> = {
    labels,
    datasets: series.map((s) => ({
      label: s.label,
      data: s.data,
      borderColor: s.color,
      backgroundColor: withAlpha(s.color, stacked ? 0.55 : 0.15),
      fill: stacked ? (series.indexOf(s) === 0 ? 'origin' : '-1') : 'origin',
      tension: 0.3,
      pointRadius: 0,
      pointHitRadius: 8,
      borderWidth: 2,
    })),
  };
  return (
    <Box h={height} pos="relative">
      <Line data={data} options={options as ChartOptions<'line'>} {...canvasProps} />
    </Box>
  );
}
