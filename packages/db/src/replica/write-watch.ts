/**
 * Tells when a statement that may write goes through a Kysely handle: a request that
 * wrote reads its next screens where its write already is (read-your-writes). Any
 * statement but a select counts, raw SQL too unless it begins with `select`: counting
 * a read as a write only sends a few reads to the primary; the other way round would
 * show a citizen a screen without what they just did.
 */
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely';

const selectFirst = /^\s*(?:\/\*[\s\S]*?\*\/\s*)*\(?\s*select\b/i;

export function mayWrite(node: RootOperationNode): boolean {
  if (node.kind === 'SelectQueryNode') return false;
  if (node.kind === 'RawNode') return !selectFirst.test(node.sqlFragments[0] ?? '');
  return true;
}

export class WriteWatch implements KyselyPlugin {
  constructor(private readonly onWrite: () => void) {}

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    if (mayWrite(args.node)) this.onWrite();
    return args.node;
  }

  transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return Promise.resolve(args.result);
  }
}
