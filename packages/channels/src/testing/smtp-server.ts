/**
 * A local SMTP server for tests and benchmarks (smtp-server): accepts mail over a
 * real connection and keeps each message's envelope and headers. It can be told to
 * refuse recipients for good (550), to ask for a later try (451), to hang, or be
 * stopped to look like a mail server that is down.
 */
import { SMTPServer } from 'smtp-server';
import type { Socket } from 'node:net';

export type SmtpMode = 'ok' | 'reject' | 'tempfail' | 'hang';

export interface ReceivedMail {
  from: string;
  to: string[];
  messageId: string;
  subject: string;
  /** The body, transfer encoding undone. */
  text: string;
  raw: string;
  at: number;
}

export interface SmtpTestServer {
  port: number;
  url: string;
  mails: ReceivedMail[];
  mode: SmtpMode;
  /** Stops listening (connections are refused) and starts again on the same port. */
  down(): Promise<void>;
  up(): Promise<void>;
  close(): Promise<void>;
}

export async function startSmtpTestServer(): Promise<SmtpTestServer> {
  const sockets = new Set<Socket>();
  let server: SMTPServer;
  const state: SmtpTestServer = {
    port: 0,
    url: '',
    mails: [],
    mode: 'ok',
    down: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    up: async () => {
      server = make();
      await listen(server, state.port);
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const make = () => {
    const made = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      socketTimeout: 60_000,
      onConnect(session, callback) {
        callback();
      },
      onRcptTo(address, _session, callback) {
        if (state.mode === 'reject') {
          const error = Object.assign(new Error('mailbox unavailable (test)'), { responseCode: 550 });
          callback(error);
          return;
        }
        if (state.mode === 'tempfail') {
          const error = Object.assign(new Error('try again later (test)'), { responseCode: 451 });
          callback(error);
          return;
        }
        callback();
        void address;
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          if (state.mode === 'hang') return; // never answer
          const raw = Buffer.concat(chunks).toString('utf8');
          // A long header goes on over lines that start with a space (folded); unfolded here.
          const header = (name: string) => new RegExp(`^${name}:[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(raw)?.[1]?.replace(/\r?\n[ \t]/g, ' ').trim() ?? '';
          state.mails.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            messageId: header('Message-ID'),
            subject: decodeHeader(header('Subject')),
            text: decodeBody(raw),
            raw,
            at: Date.now(),
          });
          callback();
        });
      },
    });
    made.on('error', () => undefined);
    return made;
  };
  const listen = (target: SMTPServer, port: number) =>
    new Promise<void>((resolve, reject) => {
      target.server.on('connection', (socket: Socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      target.server.once('error', reject);
      target.listen(port, '127.0.0.1', () => resolve());
    });
  server = make();
  await listen(server, 0);
  const address = server.server.address();
  state.port = typeof address === 'object' && address ? address.port : 0;
  state.url = `smtp://127.0.0.1:${state.port}`;
  return state;
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=) back to text. */
export function decodeHeader(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_match, encoding: string, text: string) =>
    encoding.toLowerCase() === 'b'
      ? Buffer.from(text, 'base64').toString('utf8')
      : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
  );
}

function decodeBody(raw: string): string {
  const split = raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') : raw.indexOf('\n\n');
  const head = raw.slice(0, split);
  const body = raw.slice(split).trim();
  const encoding = /^Content-Transfer-Encoding:\s*(\S+)/im.exec(head)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}
