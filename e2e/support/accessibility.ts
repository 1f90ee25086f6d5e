/** axe-core checks against WCAG 2.1 A and AA, with violations printed so a failure says what and where. */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;
export type Violation = AxeResults['violations'][number];

export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The impacts that fail a test. */
const blocking = new Set(['serious', 'critical']);

export interface AxeReport {
  /** Serious and critical violations: these fail the test. */
  blocking: Violation[];
  /** Moderate and minor ones: reported, not failed on. */
  other: Violation[];
}

/** Runs axe with the WCAG 2.1 A/AA rules on the page as it is now. */
export async function checkAccessibility(page: Page): Promise<AxeReport> {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return {
    blocking: results.violations.filter((violation) => blocking.has(violation.impact ?? '')),
    other: results.violations.filter((violation) => !blocking.has(violation.impact ?? '')),
  };
}

/** One line per violation and one per offending element: rule, impact, targets, and what to fix. */
export function describeViolations(where: string, violations: Violation[]): string {
  if (violations.length === 0) return `${where}: no violations`;
  const lines = violations.flatMap((violation) => [
    `[${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help} (${violation.helpUrl})`,
    ...violation.nodes.map((node) => `    at ${node.target.map((target) => JSON.stringify(target)).join(' > ')}${node.failureSummary ? ` — ${node.failureSummary.replace(/\s+/g, ' ')}` : ''}`),
  ]);
  return `${where}: ${violations.length} violation(s)\n${lines.join('\n')}`;
}

export interface ExpectAccessibleOptions {
  /** Fail on moderate and minor violations too, instead of printing them. */
  strict?: boolean;
}

/**
 * Fails the test with every violation that counts listed (serious and critical, or all
 * with `strict`), and prints the lesser ones it does not fail on.
 */
export async function expectAccessible(page: Page, where: string, options: ExpectAccessibleOptions = {}): Promise<void> {
  const report = await checkAccessibility(page);
  const failing = options.strict ? [...report.blocking, ...report.other] : report.blocking;
  if (!options.strict && report.other.length > 0) console.info(describeViolations(`${where} (moderate/minor, not failed on)`, report.other));
  expect(failing, describeViolations(where, failing)).toEqual([]);
}

/** The widths every page is checked at: a desktop and a phone (issue 19's 1280×900 and 390×844). */
export const checkedViewports = [
  { width: 1280, height: 900 },
  { width: 390, height: 844 },
] as const;

/**
 * `expectAccessible` at each of `checkedViewports`, the page resized in place (what a
 * layout shows at one width it may hide at the other); the tab is left at the first.
 */
export async function expectAccessibleAtEachWidth(page: Page, where: string, options: ExpectAccessibleOptions = {}): Promise<void> {
  for (const viewport of checkedViewports) {
    await page.setViewportSize(viewport);
    // Let the layout, and components that read the width in script, settle at the new size.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    await expectAccessible(page, `${where} at ${viewport.width}×${viewport.height}`, options);
  }
  await page.setViewportSize(checkedViewports[0]);
}
