// Asks the kernel for a free port: listen on port 0, read the port, close. Another process could take it
// before code-server binds, which is why startCodeServer retries.
import * as net from 'net';

export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
