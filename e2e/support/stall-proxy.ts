// A TCP proxy in front of PostgreSQL or Redis that can be frozen: connections stay open but nothing passes, the way
// a server stopped with SIGSTOP (or a dead network path) behaves, unlike a refused connection.
import net from 'node:net';

export interface StallProxy {
  port: number;
  freeze(): void;
  thaw(): void;
  /** Cuts every open connection, as a server that crashed would; new ones are accepted again at once. */
  dropConnections(): void;
  close(): Promise<void>;
}

export async function startStallProxy(targetHost: string, targetPort: number): Promise<StallProxy> {
  let frozen = false;
  const held: (() => void)[] = [];
  const sockets = new Set<net.Socket>();
  /** Bytes that arrive while frozen are held back, in order, and delivered on thaw. */
  const forward = (from: net.Socket, to: net.Socket) =>
    from.on('data', (chunk) => {
      if (frozen) held.push(() => to.write(chunk));
      else to.write(chunk);
    });
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, targetHost);
    sockets.add(client).add(upstream);
    forward(client, upstream);
    forward(upstream, client);
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    freeze() {
      frozen = true;
    },
    thaw() {
      frozen = false;
      for (const deliver of held.splice(0)) deliver();
    },
    dropConnections() {
      for (const socket of sockets) socket.destroy();
      held.length = 0;
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
