// Runs the emulator on its own: `node out/emulator/cli.js --host 127.0.0.2 --port 0`.
// `--desktop-bus <D-Bus address>` also publishes its computer's Spotify desktop app there (MPRIS).
// Prints its URLs and client id, then serves until SIGINT/SIGTERM.

import { parseArgs } from 'util';
import { startEmulator } from './';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.2' },
      port: { type: 'string', default: '0' },
      'auto-approve': { type: 'boolean', default: false },
      'desktop-bus': { type: 'string', default: '' },
      /** Spotify's daily quota per Client ID (0: off). */
      'daily-quota': { type: 'string', default: '0' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port ${values.port}`);
  const dailyQuota = Number(values['daily-quota']);
  if (!Number.isInteger(dailyQuota) || dailyQuota < 0) throw new Error(`bad --daily-quota ${values['daily-quota']}`);
  const emulator = await startEmulator({ host: values.host, port, autoApprove: values['auto-approve'], dailyQuota, desktopBus: values['desktop-bus'] });
  console.log(`Spotify emulator running
  accounts: ${emulator.accountsUrl}
  api:      ${emulator.apiUrl}
  control:  ${emulator.controlUrl}
  clientId: ${emulator.clientId}`);
  const stop = () => {
    void emulator.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
