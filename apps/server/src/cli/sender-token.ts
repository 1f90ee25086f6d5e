/**
 * Prints an access token for a demo sender, for trying the sender API with curl:
 *
 *   node --import tsx apps/server/src/cli/sender-token.ts <clientId> [baseUrl]
 *   TOKEN=$(node --import tsx apps/server/src/cli/sender-token.ts <clientId>)
 *   curl -H "Authorization: Bearer $TOKEN" http://localhost:3000/fhir/R4/metadata
 *
 * It reads the sender's private key from <data dir>/dev/senders/<clientId>.jwk.json
 * (written by the demo seeder; data dir from INNBOKS_DATA_DIR, default .data), makes a
 * client assertion (private_key_jwt, 60 s, fresh jti), finds the token endpoint by
 * discovery at baseUrl (default PUBLIC_URL or http://localhost:PORT) and trades the
 * assertion for a token.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { JWK } from 'jose';
import { ConfigError, loadConfig } from '../config.ts';
import { fetchSenderAccessToken, TokenRequestError } from '../identity/sender-token/testing.ts';

const usage = 'Usage: node --import tsx apps/server/src/cli/sender-token.ts <clientId> [baseUrl]';

async function main(argv: string[]): Promise<number> {
  const [clientId, baseUrlArgument] = argv;
  if (!clientId || clientId === '--help' || clientId === '-h') {
    process.stderr.write(`${usage}\n`);
    return clientId ? 0 : 2;
  }
  if (!/^[A-Za-z0-9._:-]+$/.test(clientId)) {
    process.stderr.write(`Not a client id: ${clientId}\n`);
    return 2;
  }
  const config = loadConfig();
  const keyFile = path.join(config.dataDir, 'dev', 'senders', `${clientId}.jwk.json`);
  let privateJwk: JWK;
  try {
    privateJwk = JSON.parse(await readFile(keyFile, 'utf8')) as JWK;
  } catch (error) {
    process.stderr.write(
      `Cannot read the private key ${keyFile}: ${(error as Error).message}\n` +
        'Start the server once with demo data (the default in development) so the demo senders and their keys exist.\n',
    );
    return 1;
  }
  const baseUrl = (baseUrlArgument ?? config.publicUrl).replace(/\/$/, '');
  try {
    process.stdout.write(`${await fetchSenderAccessToken(baseUrl, clientId, privateJwk)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof TokenRequestError) {
      process.stderr.write(`The token endpoint refused: HTTP ${error.status} ${JSON.stringify(error.body)}\n`);
    } else {
      process.stderr.write(`Could not get a token from ${baseUrl}: ${(error as Error).message}\n`);
    }
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
