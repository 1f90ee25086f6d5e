/** Small append-only JSON-lines files, shared safely by several processes (each line one O_APPEND write). */
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export async function readJsonLines<T>(file: string): Promise<T[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const rows: T[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      rows.push(JSON.parse(line) as T);
    } catch {
      // a line cut short by a crash: skip it
    }
  }
  return rows;
}

export async function appendJsonLine(file: string, row: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  await appendFile(file, `${JSON.stringify(row)}\n`, { flag: 'a' });
}
