/**
 * The AMQP 1.0 connection of the Dialogmelding door (rhea): send a message and wait
 * until the broker has accepted it, and consume a queue with explicit settlement —
 * a message is accepted only when its work is committed, so a crash redelivers it.
 * Addresses are RabbitMQ's AMQP 1.0 plugin's: `/queue/<name>` declares the queue
 * (durable) when a link is attached to it.
 */
import * as rheaNamespace from 'rhea';
import type { Connection, Delivery, EventContext, Receiver, Sender } from 'rhea';

// rhea is CommonJS: under Node's ESM loader its functions are on the default export, under a bundler on the namespace.
const rhea = (rheaNamespace as unknown as { default?: typeof rheaNamespace }).default ?? rheaNamespace;

export interface AmqpMessage {
  body: Uint8Array;
  messageId: string;
  correlationId?: string | undefined;
  subject?: string | undefined;
  properties: Record<string, string>;
}

export interface Settlement {
  accept(): void;
  /** Back on the queue for another delivery. */
  release(): void;
}

export function queueAddress(queue: string): string {
  return `/queue/${queue}`;
}

export class AmqpLink {
  private readonly senders = new Map<string, Promise<Sender>>();
  private readonly pending = new Map<Delivery, { resolve(): void; reject(error: Error): void }>();
  private closed = false;

  private constructor(private readonly connection: Connection) {
    connection.on('disconnected', () => this.failPending(new Error('the AMQP connection was lost')));
  }

  /** Opens a connection; rejects when no AMQP 1.0 broker answers at `url` within the time. */
  static connect(url: string, options: { timeoutMs?: number; containerId?: string } = {}): Promise<AmqpLink> {
    const parsed = new URL(url);
    const container = rhea.create_container({ id: options.containerId ?? `innboks-${process.pid}-${Math.random().toString(36).slice(2, 8)}` });
    const connection = container.connect({
      host: parsed.hostname,
      port: Number(parsed.port || 5672),
      username: decodeURIComponent(parsed.username || 'guest'),
      password: decodeURIComponent(parsed.password || 'guest'),
      reconnect: false,
      idle_time_out: 30_000,
    });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        connection.close();
        reject(new Error(`no AMQP 1.0 answer from ${parsed.host} within ${options.timeoutMs ?? 3000} ms`));
      }, options.timeoutMs ?? 3000);
      connection.once('connection_open', () => {
        clearTimeout(timer);
        resolve(new AmqpLink(connection));
      });
      const fail = (context: EventContext) => {
        clearTimeout(timer);
        reject(new Error(`AMQP 1.0 connection to ${parsed.host} failed: ${String(context.error ?? context.connection.error ?? 'disconnected')}`));
      };
      connection.once('connection_error', fail);
      connection.once('disconnected', fail);
    });
  }

  private sender(queue: string): Promise<Sender> {
    let opened = this.senders.get(queue);
    if (!opened) {
      opened = new Promise<Sender>((resolve, reject) => {
        const sender = this.connection.open_sender({ target: { address: queueAddress(queue) }, autosettle: true });
        sender.once('sendable', () => resolve(sender));
        sender.once('sender_error', (context: EventContext) => reject(new Error(`cannot send to ${queue}: ${String(context.sender?.error)}`)));
        sender.on('accepted', (context: EventContext) => this.settled(context.delivery, undefined));
        sender.on('rejected', (context: EventContext) => this.settled(context.delivery, new Error(`the broker rejected a message to ${queue}`)));
        sender.on('released', (context: EventContext) => this.settled(context.delivery, new Error(`the broker released a message to ${queue}`)));
      });
      opened.catch(() => this.senders.delete(queue));
      this.senders.set(queue, opened);
    }
    return opened;
  }

  private settled(delivery: Delivery | undefined, error: Error | undefined): void {
    const waiting = delivery ? this.pending.get(delivery) : undefined;
    if (!waiting || !delivery) return;
    this.pending.delete(delivery);
    if (error) waiting.reject(error);
    else waiting.resolve();
  }

  private failPending(error: Error): void {
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  /** Attaches to the queue (declaring it) without sending. */
  async declare(queue: string): Promise<void> {
    await this.sender(queue);
  }

  /** Sends one durable message and resolves when the broker has accepted it. */
  async send(queue: string, message: AmqpMessage): Promise<void> {
    if (this.closed) throw new Error('the AMQP link is closed');
    const sender = await this.sender(queue);
    while (!sender.sendable()) await new Promise((resolve) => sender.once('sendable', resolve));
    await new Promise<void>((resolve, reject) => {
      const delivery = sender.send({
        durable: true,
        message_id: message.messageId,
        correlation_id: message.correlationId ?? message.messageId,
        subject: message.subject,
        application_properties: message.properties,
        body: rhea.message.data_section(Buffer.from(message.body)),
      });
      this.pending.set(delivery, { resolve, reject });
    });
  }

  /** Takes messages from `queue`, at most `prefetch` unsettled at a time; `handle` must settle each. */
  consume(queue: string, handle: (message: AmqpMessage, settlement: Settlement) => void, prefetch = 20): Receiver {
    const receiver = this.connection.open_receiver({ source: { address: queueAddress(queue) }, autoaccept: false, credit_window: prefetch });
    receiver.on('message', (context: EventContext) => {
      const delivery = context.delivery!;
      handle(readMessage(context), { accept: () => delivery.accept(), release: () => delivery.release() });
    });
    return receiver;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await new Promise<void>((resolve) => {
      if (!this.connection.is_open()) return resolve();
      const timer = setTimeout(resolve, 2000);
      this.connection.once('connection_close', () => {
        clearTimeout(timer);
        resolve();
      });
      this.connection.close();
    });
  }
}

function readMessage(context: EventContext): AmqpMessage {
  const message = context.message!;
  const raw = message.body as unknown;
  const body =
    raw instanceof Uint8Array
      ? raw
      : raw && typeof raw === 'object' && 'content' in raw && (raw as { content: unknown }).content instanceof Uint8Array
        ? (raw as { content: Uint8Array }).content
        : typeof raw === 'string'
          ? new TextEncoder().encode(raw)
          : new Uint8Array();
  const properties: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.application_properties ?? {})) if (value !== undefined && value !== null) properties[name] = String(value);
  return {
    body: new Uint8Array(body),
    messageId: message.message_id === undefined ? '' : String(message.message_id),
    correlationId: message.correlation_id === undefined ? undefined : String(message.correlation_id),
    subject: message.subject,
    properties,
  };
}
