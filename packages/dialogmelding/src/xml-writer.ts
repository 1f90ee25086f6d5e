/** Writing XML text: every value escaped, elements only where a value is given. */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[character]!);
}

export function element(name: string, text: string | undefined): string {
  return text === undefined ? '' : `<${name}>${escapeXml(text)}</${name}>`;
}

export function coded(name: string, code: { v: string; dn?: string | undefined; s?: string | undefined }): string {
  const attributes = [`V="${escapeXml(code.v)}"`, code.s ? `S="${escapeXml(code.s)}"` : '', code.dn ? `DN="${escapeXml(code.dn)}"` : ''].filter(Boolean).join(' ');
  return `<${name} ${attributes}/>`;
}
