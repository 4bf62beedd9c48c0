/**
 * Child process of the kill -9 test: opens the desk, logs in offline, saves a note and prints its id the moment
 * the save resolves, then idles until the parent SIGKILLs it.
 */
import { openDesk } from '../desk';
import { keyFileProvider } from '../store/key-file';

const [userDataDir, username, password, debtorId, text] = process.argv.slice(2) as [string, string, string, string, string];
const desk = openDesk({ userDataDir, keyProvider: keyFileProvider(userDataDir), serverUrl: 'http://127.0.0.1:9', log: () => {} });
const login = await desk.dispatch('session.login', { username, password });
if (!login.ok) {
  console.error(JSON.stringify(login.error));
  process.exit(3);
}
const saved = await desk.dispatch('notes.add', { debtorId, text });
if (!saved.ok) {
  console.error(JSON.stringify(saved.error));
  process.exit(4);
}
process.stdout.write(`saved ${(saved.value as { id: string }).id}\n`);
setInterval(() => {}, 1000);
