/**
 * A TCP relay in front of a database server that can cut its connections at a chosen
 * moment: when a client sends a statement matching a pattern, that connection is
 * dropped instead of forwarded, as when a server goes away in the middle of a request.
 * Tests point a connection URL through it (`through`) and arm it (`cutAtStatement`).
 */
import net from 'node:net';

export interface ConnectionCutter {
  /** The URL with its host and port replaced by the relay's. */
  through(url: string): string;
  /** Drops the next connection that sends a statement matching `pattern`; resolves when it has. */
  cutAtStatement(pattern: RegExp): Promise<void>;
  close(): Promise<void>;
}

export async function startConnectionCutter(target: { host: string; port: number }): Promise<ConnectionCutter> {
  let armed: { pattern: RegExp; done(): void } | undefined;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {});
    }
    client.on('data', (chunk) => {
      // The statement's text is plain in the protocol's Parse and Query messages.
      if (armed && armed.pattern.test(chunk.toString('latin1'))) {
        const { done } = armed;
        armed = undefined;
        client.destroy();
        upstream.destroy();
        done();
        return;
      }
      upstream.write(chunk);
    });
    upstream.on('data', (chunk) => client.write(chunk));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    through(url) {
      const relayed = new URL(url);
      relayed.hostname = '127.0.0.1';
      relayed.port = String(port);
      return relayed.toString();
    },
    cutAtStatement(pattern) {
      return new Promise<void>((resolve) => (armed = { pattern, done: resolve }));
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
