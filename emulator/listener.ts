import { createServer, IncomingMessage, Server, ServerResponse } from 'http';
import { AddressInfo } from 'net';

const CUT_NOTICE_MS = 20;

/**
 * The HTTP server under the emulator, able to go offline (connection refused, open
 * connections cut) and come back on the same port.
 */
export class Listener {
  private readonly server: Server;
  private boundPort = 0;
  private listening = false;

  constructor(private readonly listenHost: string, handler: (req: IncomingMessage, res: ServerResponse) => void) {
    this.server = createServer(handler);
    // Clients keep connections alive; a short timeout stops stray sockets from holding tests open.
    this.server.keepAliveTimeout = 2000;
  }

  /** The address it listens on, as given ('127.0.0.2', '::1', 'localhost'). */
  get host(): string {
    return this.listenHost;
  }

  get port(): number {
    return this.boundPort;
  }

  get origin(): string {
    const host = this.listenHost.includes(':') ? `[${this.listenHost}]` : this.listenHost;
    return `http://${host}:${this.boundPort}`;
  }

  async start(port: number): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      this.server.once('error', onError);
      this.server.listen(port, this.listenHost, () => {
        this.server.off('error', onError);
        resolve();
      });
    });
    this.boundPort = (this.server.address() as AddressInfo).port;
    this.listening = true;
  }

  async stop(): Promise<void> {
    if (!this.listening) return;
    this.listening = false;
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
    // Give clients in this process an I/O turn to see their pooled keep-alive sockets were cut;
    // otherwise their next request goes out on a dead socket ("socket hang up").
    await new Promise((resolve) => setTimeout(resolve, CUT_NOTICE_MS));
  }

  /** Listen again on the port first bound (so URLs handed out stay valid). */
  async resume(): Promise<void> {
    if (!this.listening) await this.start(this.boundPort);
  }
}
