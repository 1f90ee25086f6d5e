/**
 * The pkijs/WebCrypto way of opening a message, for the algorithms cms.ts does not
 * hand to Node's crypto (RSA-PSS signatures, other key transports or ciphers pkijs
 * knows): slower — pkijs imports the key and reads the certificate's key through
 * its own ASN.1 each time — but those messages are rare.
 */
import { webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';

pkijs.setEngine('node', new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto }));

/** Decrypts the content of `enveloped` for the recipient at `index` with pkijs; rejects when it cannot. */
export function decryptWithPkijs(enveloped: pkijs.EnvelopedData, index: number, recipientCertificate: pkijs.Certificate, pkcs8: ArrayBuffer): Promise<ArrayBuffer> {
  return enveloped.decrypt(index, { recipientCertificate, recipientPrivateKey: pkcs8 });
}

/** Verifies signer 0 of `signed` against `registered` with pkijs: true only when the signature holds. */
export async function verifyWithPkijs(signed: pkijs.SignedData, registered: pkijs.Certificate): Promise<boolean> {
  signed.certificates = [registered];
  const verified = await signed.verify({ signer: 0, checkChain: false, extendedMode: true }).catch(() => ({ signatureVerified: false }));
  return verified.signatureVerified === true;
}
