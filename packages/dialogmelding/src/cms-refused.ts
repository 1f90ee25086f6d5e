/** The parties and the refusal shared by both ways of opening a message (cms-open-fast.ts, cms-open-pkijs.ts); cms.ts exports them. */

export interface Party {
  certificatePem: string;
  privateKeyPem: string;
}

/** Why an incoming message could not be opened: the receipt and error queue say which. */
export class CmsRefused extends Error {
  constructor(
    readonly reason: 'not-cms' | 'not-for-us' | 'signature' | 'certificate',
    message: string,
    /** The decrypted but unverified content (signature and certificate failures): only to address the rejection to the message it answers. */
    readonly unverifiedContent?: Uint8Array,
  ) {
    super(message);
  }
}
