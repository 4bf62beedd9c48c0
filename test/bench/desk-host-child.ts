/**
 * The desk behind the browser host in a process of its own, as under Electron, where the desk runs in the main
 * process and nothing else shares its event loop. A bench that drives Chromium with Playwright would otherwise
 * host the desk in the same Node process as Playwright's client, which handles a CDP event for every WebSocket
 * frame the page sends or receives (the bridge's and the softphone's): work the desk never has in the field.
 * `desk-host-child.ts '<DeskHostOptions as JSON>'` prints `launch <url>` once the host listens; SIGTERM closes it.
 */
import { startDeskHost, type DeskHostOptions } from '../../main/browser-host/desk-host';

const opts = JSON.parse(process.argv[2] ?? '{}') as DeskHostOptions;
const desk = await startDeskHost(opts);
process.stdout.write(`launch ${desk.host.launchUrl()}\n`);
process.on('SIGTERM', () => void desk.close().then(() => process.exit(0), () => process.exit(1)));
