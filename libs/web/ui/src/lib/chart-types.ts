export interface ChartSeries {
  label: string;
  data: number[];
  /** a CSS colour */
  color: string;
}

export interface TimeSeriesChartProps {
  type: 'bar' | 'line';
  /** one label per bucket, already formatted */
  labels: string[];
  series: ChartSeries[];
  stacked?: boolean;
  /** what a screen reader announces for the canvas */
  ariaLabel: string;
  height?: number;
  showLegend?: boolean;
  locale?: string;
}
