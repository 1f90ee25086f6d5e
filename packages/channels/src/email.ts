/**
 * E-mail notices through SMTP (nodemailer). The notice id becomes the Message-ID, so
 * a notice sent again after a crash is the same message to the receiving side.
 * SMTP 5xx answers are permanent; 4xx, no connection and timeouts are worth another try.
 */
import { domainToASCII } from 'node:url';
import type { Transporter } from 'nodemailer';
import { ChannelError, type EmailSender } from '@innboks/core';
import { noticeMessage, plainAddress, singleMailbox } from './notice-mime.ts';

export interface SmtpOptions {
  /** smtp://user:pass@host:587 or smtps://… */
  url: string;
  from: string;
  timeoutMs: number;
  /** Keep connections open and send over several at once. */
  pool?: boolean;
}

export class SmtpEmailSender implements EmailSender {
  private transport: Promise<Transporter<unknown>> | undefined;
  private readonly domain: string;
  /** The sender's bare address, for the envelope, when `from` can be written as it is. */
  private readonly envelopeFrom: string | undefined;

  constructor(private readonly options: SmtpOptions) {
    this.domain = /@([^>\s]+)/.exec(options.from)?.[1] ?? 'innboks.invalid';
    const bare = /<([^>]+)>\s*$/.exec(options.from)?.[1] ?? options.from.trim();
    this.envelopeFrom = /^[\x20-\x7e]+$/.test(options.from) && plainAddress(bare) ? bare : undefined;
  }

  /** nodemailer is loaded and connected on first use: a worker that sends no e-mail starts faster. */
  private connect(): Promise<Transporter<unknown>> {
    this.transport ??= import('nodemailer').then(({ default: nodemailer }) => {
      const options = this.options;
      const url = new URL(options.url);
      const secure = url.protocol === 'smtps:';
      const common = {
        host: url.hostname,
        port: url.port ? Number(url.port) : secure ? 465 : 587,
        secure,
        ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
        connectionTimeout: options.timeoutMs,
        greetingTimeout: options.timeoutMs,
        socketTimeout: options.timeoutMs,
        // For a local test server with a self-made certificate only.
        ...(url.searchParams.get('tls') === 'insecure' ? { tls: { rejectUnauthorized: false } } : {}),
      };
      // A pooled connection carries many notices (nodemailer's default of 100 would
      // reconnect every 100 at a high rate; the server may still close it at any time).
      return options.pool === false ? nodemailer.createTransport(common) : nodemailer.createTransport({ ...common, pool: true, maxConnections: 4, maxMessages: 10_000 });
    });
    return this.transport;
  }

  async send(mail: { to: string; subject: string; text: string; reference: string }): Promise<{ providerId: string }> {
    // A notice goes to one mailbox: a value from the register that is anything else
    // (a list, a name, a line break) is refused, never read as several recipients.
    if (!singleMailbox(mail.to)) throw new ChannelError('permanent', 'SMTP: not a single e-mail address');
    const messageId = `<${mail.reference}@${this.domain}>`;
    // A notice is the same short text for everyone, so for a plain address it is written
    // here (notice-mime.ts), at a fraction of the CPU of nodemailer composing it; an
    // address beyond ASCII (or a sender name that is) goes through nodemailer's composer.
    const to = asciiAddress(mail.to);
    try {
      const transport = await this.connect();
      const info = (await transport.sendMail(
        to && this.envelopeFrom
          ? { envelope: { from: this.envelopeFrom, to: [to] }, raw: noticeMessage({ from: this.options.from, to, subject: mail.subject, text: mail.text, messageId, date: new Date() }) }
          : { from: this.options.from, to: mail.to, subject: mail.subject, text: mail.text, messageId },
      )) as { messageId?: string };
      return { providerId: info.messageId ?? messageId };
    } catch (error) {
      throw classifySmtpError(error);
    }
  }

  close(): void {
    void this.transport?.then((transport) => transport.close());
  }
}

/** The address with its domain in ASCII (IDNA), if it is a plain one; else undefined. */
function asciiAddress(address: string): string | undefined {
  const at = address.lastIndexOf('@');
  if (at <= 0) return undefined;
  const domain = domainToASCII(address.slice(at + 1));
  const ascii = domain ? `${address.slice(0, at)}@${domain}` : '';
  return plainAddress(ascii) ? ascii : undefined;
}

export function classifySmtpError(error: unknown): ChannelError {
  const details = error as { responseCode?: number; code?: string; message?: string };
  const message = `SMTP: ${details.message ?? String(error)}`;
  if (typeof details.responseCode === 'number' && details.responseCode >= 500 && details.code !== 'EAUTH') {
    return new ChannelError('permanent', message, { cause: error });
  }
  return new ChannelError('transient', message, { cause: error });
}
