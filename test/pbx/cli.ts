/**
 * Runs the test PBX in the foreground for the demo or manual testing:
 *   npx tsx test/pbx/cli.ts [port]
 * Prints the WebSocket URL and the users; Ctrl-C stops it.
 */
import { startKamailio } from './kamailio';

const port = process.argv[2] ? Number(process.argv[2]) : undefined;
if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) {
  console.error(`invalid port: ${process.argv[2]}`);
  process.exit(2);
}
const pbx = await startKamailio({ ...(port ? { port } : {}), verbose: process.env.KAMAILIO_VERBOSE === '1' });
console.log(`Kamailio test PBX on ${pbx.wsUrl} (domain ${pbx.domain})`);
for (const [user, password] of Object.entries(pbx.users)) console.log(`  sip:${user}@${pbx.domain}  password ${password}`);
const stop = async () => {
  await pbx.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
