import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import Table, { TableBody, TableCell, TableHead, TableHeadCell, TableRow } from '@helsenorge/designsystem-react/components/Table';
import { palette } from '@helsenorge/designsystem-react/theme/palette';
import type { HourSeries } from '@innboks/contracts/operator-api';
import { format } from '../../../i18n/nb.ts';
import { useMessages } from '../../../i18n/use-messages.ts';
import styles from './Operator.module.scss';

/** The design system's darker shades: each at least 3:1 against white, as a graph's lines must be (WCAG 1.4.11). */
const seriesColours = [palette.blueberry600, palette.cherry600, palette.kiwi900, palette.plum600, palette.banana900, palette.neutral700, palette.blueberry900, palette.cherry900];

export interface HourChartProps {
  id: string;
  title: string;
  data: HourSeries;
  kind: 'bar' | 'line';
  /** How a value reads in the table and the tooltip (a count, or seconds). */
  formatValue?: (value: number) => string;
}

/**
 * One chart of values per hour, then the same numbers as a table: the chart for the eye,
 * the table for a screen reader and for anyone who wants the figures. The chart itself is
 * keyboard-reachable (recharts' accessibility layer: Tab to it, arrows walk the hours).
 */
export function HourChart({ id, title, data, kind, formatValue = String }: HourChartProps) {
  const { m, locale } = useMessages();
  const series = Object.keys(data[0]?.values ?? {});
  const hourText = (hour: string) => new Intl.DateTimeFormat(locale, { weekday: data.length > 24 ? 'short' : undefined, hour: '2-digit', minute: '2-digit' }).format(new Date(hour));
  const name = (key: string) => (m.operator.series as Record<string, string>)[key] ?? key;
  const rows = data.map((point) => ({ hour: hourText(point.hour), ...point.values }));
  const Chart = kind === 'bar' ? BarChart : LineChart;
  return (
    <section className={styles.chart} aria-labelledby={`${id}-heading`} data-testid={`chart-${id}`}>
      <h3 id={`${id}-heading`} className={styles.chartHeading}>
        {title}
      </h3>
      {series.length === 0 ? (
        <p>{m.operator.noData}</p>
      ) : (
        <>
          <div className={styles.chartArea}>
            <ResponsiveContainer width="100%" height={260}>
              <Chart data={rows} title={title} desc={format(m.operator.tableBelow, { title })} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
                <CartesianGrid stroke={palette.neutral100} vertical={false} />
                <XAxis dataKey="hour" tick={{ fill: palette.neutral800, fontSize: 12 }} interval="preserveStartEnd" minTickGap={24} />
                <YAxis allowDecimals={kind === 'line'} tick={{ fill: palette.neutral800, fontSize: 12 }} width={48} />
                <Tooltip formatter={(value, key) => [formatValue(Number(value)), name(String(key))]} />
                {/* Our own legend: recharts' names its icons in English ("… legend icon") whatever the page's language. */}
                <Legend
                  content={() => (
                    <ul className={styles.legend}>
                      {series.map((key, index) => (
                        <li key={key}>
                          <span className={styles.swatch} style={{ backgroundColor: seriesColours[index % seriesColours.length] }} aria-hidden="true" />
                          {name(key)}
                        </li>
                      ))}
                    </ul>
                  )}
                />
                {series.map((key, index) =>
                  kind === 'bar' ? (
                    <Bar key={key} dataKey={key} stackId="hour" fill={seriesColours[index % seriesColours.length]} isAnimationActive={false} />
                  ) : (
                    <Line key={key} dataKey={key} type="monotone" stroke={seriesColours[index % seriesColours.length]} strokeWidth={2} dot={false} isAnimationActive={false} />
                  ),
                )}
              </Chart>
            </ResponsiveContainer>
          </div>
          {/* A scrolling region is reached by keyboard too (WCAG 2.1.1). */}
          <div className={styles.tableScroll} tabIndex={0} role="region" aria-label={format(m.operator.tableOf, { title })}>
            <Table testId={`table-${id}`}>
              <caption className={styles.caption}>{format(m.operator.tableOf, { title })}</caption>
              <TableHead>
                <TableRow>
                  <TableHeadCell>{m.operator.hour}</TableHeadCell>
                  {series.map((key) => (
                    <TableHeadCell key={key}>{name(key)}</TableHeadCell>
                  ))}
                </TableRow>
              </TableHead>
              <TableBody>
                {data.map((point) => (
                  <TableRow key={point.hour}>
                    <TableCell dataLabel={m.operator.hour} nowrap>
                      <time dateTime={point.hour}>{hourText(point.hour)}</time>
                    </TableCell>
                    {series.map((key) => (
                      <TableCell key={key} dataLabel={name(key)}>
                        {formatValue(point.values[key] ?? 0)}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}
