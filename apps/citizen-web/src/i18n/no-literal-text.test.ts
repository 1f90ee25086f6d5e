/**
 * No text a citizen sees lives outside a catalogue: JSX text and the props that are read
 * out or shown (aria-label, title, alt, placeholder, label …) must not be written as
 * literals in a component. Reads every .tsx of the three web apps and the shared web base.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { expect, test } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const roots = [path.resolve(here, '..'), path.resolve(here, '../../../staff-web/src'), path.resolve(here, '../../../forms-web/src'), path.resolve(here, '../../../../packages/web-base/src')];
const shownProps = new Set(['aria-label', 'aria-description', 'title', 'alt', 'placeholder', 'label', 'errorText', 'sublabel', 'ariaLabel', 'skipLinkLabel']);
const hasLetters = /\p{L}/u;

function componentFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : componentFiles(full);
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') ? [full] : [];
  });
}

/** The literal texts in a component, as `file:line «text»`. */
function literalTexts(file: string, source: string): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = tree.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${path.relative(process.cwd(), file)}:${line + 1} «${text.trim()}»`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && hasLetters.test(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && shownProps.has(node.name.getText(tree)) && node.initializer) {
      const value = ts.isJsxExpression(node.initializer) ? node.initializer.expression : node.initializer;
      if (value && (ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value)) && hasLetters.test(value.text)) report(node, value.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

test('no component shows text written in it rather than taken from a catalogue', () => {
  const files = roots.flatMap(componentFiles);
  expect(files.length).toBeGreaterThan(30);
  expect(files.flatMap((file) => literalTexts(file, readFileSync(file, 'utf8')))).toEqual([]);
});

test('the check finds literal text in JSX and in a shown prop, and lets catalogue text through', () => {
  const component = `export const A = () => <p aria-label="Lukk" title={m.x}>Hei {name}<b>{m.y}</b></p>;`;
  expect(literalTexts('a.tsx', component).map((entry) => entry.split(' ').slice(1).join(' '))).toEqual(['«Lukk»', '«Hei»']);
});
