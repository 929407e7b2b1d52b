import { bucketLabel, fillSeries } from './series';

const b = (t: string, total: number) => ({ t, total, positive: total, neutral: 0, negative: 0 });

describe('fillSeries', () => {
  it('adds the empty buckets of the range, oldest first', () => {
    const series = fillSeries({
      from: '2025-03-10T10:00:00.000Z',
      to: '2025-03-10T14:25:00.000Z',
      bucket: 'hour',
      series: [b('2025-03-10T13:00:00.000Z', 4), b('2025-03-10T11:00:00.000Z', 2)],
    });
    expect(series.map((s) => [s.t, s.total])).toEqual([
      ['2025-03-10T10:00:00.000Z', 0],
      ['2025-03-10T11:00:00.000Z', 2],
      ['2025-03-10T12:00:00.000Z', 0],
      ['2025-03-10T13:00:00.000Z', 4],
      ['2025-03-10T14:00:00.000Z', 0],
    ]);
  });

  it('builds a full grid of days when there is no data at all', () => {
    const series = fillSeries({
      from: '2025-03-04T00:00:00.000Z',
      to: '2025-03-10T14:25:00.000Z',
      bucket: 'day',
      series: [],
    });
    expect(series).toHaveLength(7);
    expect(series.every((s) => s.total === 0)).toBe(true);
  });

  it('keeps the server buckets even when they are not on the expected grid', () => {
    const series = fillSeries({
      from: '2025-03-10T10:00:00.000Z',
      to: '2025-03-10T12:00:00.000Z',
      bucket: 'hour',
      series: [b('2025-03-10T10:30:00.000Z', 1)],
    });
    expect(series.reduce((n, s) => n + s.total, 0)).toBe(1);
    // the grid follows the server's own buckets: 09:30, 10:30, 11:30 cover [10:00, 12:00)
    expect(series.map((s) => s.t)).toEqual([
      '2025-03-10T09:30:00.000Z',
      '2025-03-10T10:30:00.000Z',
      '2025-03-10T11:30:00.000Z',
    ]);
  });
});

describe('bucketLabel', () => {
  it('labels a day bucket with its UTC calendar day', () => {
    expect(bucketLabel('2025-03-10T00:00:00.000Z', 'day', 'en-GB')).toBe('Mon 10 Mar');
  });
});
