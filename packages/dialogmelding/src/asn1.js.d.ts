/**
 * The part of asn1.js (indutny's, CommonJS, no published types) that cms-models.ts
 * uses: declarative models with DER decode and encode.
 */
declare module 'asn1.js' {
  /** An INTEGER as asn1.js reads it: a bn.js number. */
  export interface BigNumber {
    eq(other: BigNumber): boolean;
    toString(base: number): string;
  }

  export interface ModelNode {
    key(name: string): ModelNode;
    obj(...fields: ModelNode[]): ModelNode;
    seq(): ModelNode;
    seqof(item: Model<unknown>): ModelNode;
    setof(item: Model<unknown>): ModelNode;
    choice(alternatives: Record<string, ModelNode>): ModelNode;
    use(model: Model<unknown>): ModelNode;
    optional(): ModelNode;
    implicit(tag: number): ModelNode;
    explicit(tag: number): ModelNode;
    any(): ModelNode;
    int(): ModelNode;
    objid(): ModelNode;
    octstr(): ModelNode;
    null_(): ModelNode;
  }

  export interface DecodeOptions {
    /** Called for every tagged field read: its path of keys ('sid/issuer') and where its TLV begins and ends in the input. */
    track?(path: string, start: number, end: number, part: 'tagged' | 'content'): void;
  }

  export interface Model<T> {
    decode(data: Buffer, encoding: 'der', options?: DecodeOptions): T;
    encode(value: T, encoding: 'der'): Buffer;
  }

  const asn1: { define<T>(name: string, body: (this: ModelNode) => void): Model<T> };
  export default asn1;
}
