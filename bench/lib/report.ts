/** The table on the terminal and the same figures as JSON under bench/results/. */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DatasetSummary } from '../generate/generate.ts';
import type { Figure } from './context.ts';
import { hostSpeedText, type HostSpeed } from './host-speed.ts';
import type { MachineFacts } from './machine.ts';
import type { BenchOptions } from './options.ts';

export interface BenchReport {
  machine: MachineFacts;
  /** The same fixed work timed at the start and at the end of the run (lib/host-speed.ts). */
  hostSpeed: { atStart: HostSpeed; atEnd: HostSpeed };
  options: Omit<BenchOptions, 'databaseUrl' | 'resultsDir'>;
  dataset: Omit<DatasetSummary, 'sampleCitizenIds'> | undefined;
  figures: Figure[];
  seconds: number;
}

function show(value: number | string | null | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return String(value);
  if (Math.abs(value) >= 100) return Math.round(value).toLocaleString('en');
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

export function renderTable(figures: Figure[]): string {
  const header = ['benchmark', 'figure', 'ours', 'raw ceiling', 'ratio', 'goal', 'met'];
  const rows = figures.map((figure) => [
    figure.benchmark,
    figure.figure,
    show(figure.ours),
    show(figure.ceiling),
    figure.ratio === undefined || figure.ratio === null ? '—' : figure.ratio.toFixed(2),
    figure.goal ?? '',
    figure.met === undefined || figure.met === null ? '' : figure.met ? 'yes' : 'NO',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => (column >= 2 && column <= 4 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ');
  const notes = figures.filter((figure) => figure.note).map((figure) => `  ${figure.benchmark} · ${figure.figure}: ${figure.note}`);
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line), ...(notes.length ? ['', 'notes:', ...notes] : [])].join('\n');
}

export function renderMachine(report: BenchReport): string {
  const { machine, dataset } = report;
  const lines = [
    `date      ${machine.date}`,
    `machine   ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}`,
    `software  Node ${machine.node}, ${machine.postgres} (${Object.entries(machine.postgresSettings).map(([key, value]) => `${key}=${value}`).join(', ')})`,
    `speed     at the start: ${hostSpeedText(report.hostSpeed.atStart)}; at the end: ${hostSpeedText(report.hostSpeed.atEnd)}`,
    `commit    ${machine.gitCommit ?? 'unknown'}`,
  ];
  if (dataset) {
    lines.push(
      `dataset   scale ${dataset.scale}: ${dataset.citizens.toLocaleString('en')} citizens, ${dataset.threads.toLocaleString('en')} threads, ` +
        `${dataset.messages.toLocaleString('en')} messages; items per citizen median ${dataset.distribution.median}, p90 ${dataset.distribution.p90}, ` +
        `p99 ${dataset.distribution.p99}; ${dataset.heavyCitizens.length} heavy citizens up to ${dataset.distribution.max.toLocaleString('en')}; ` +
        `unread ${(dataset.unreadShare * 100).toFixed(1)} %; made in ${Math.round(dataset.seconds.total)} s ` +
        `(COPY ${Math.round(dataset.seconds.load)} s, keys ${Math.round(dataset.seconds.keys)} s, vacuum ${Math.round(dataset.seconds.vacuum)} s)`,
    );
  }
  return lines.join('\n');
}

export async function writeReport(dir: string, report: BenchReport): Promise<string> {
  await mkdir(dir, { recursive: true });
  const stamp = report.machine.date.replace(/[:.]/g, '-');
  const file = path.join(dir, `bench-${stamp}.json`);
  const text = `${JSON.stringify(report, null, 2)}\n`;
  await writeFile(file, text);
  await writeFile(path.join(dir, 'latest.json'), text);
  return file;
}
