import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEFAULT_USERS, kamailioConfig, PBX_DOMAIN } from './kamailio-config';
import { KAMAILIO_BIN, startKamailio, type KamailioHandle } from './kamailio';

function sipRequest(method: string, user: string): string {
  const branch = `z9hG4bK${Math.random().toString(36).slice(2)}`;
  const target = method === 'REGISTER' ? `sip:${PBX_DOMAIN}` : `sip:debtor@${PBX_DOMAIN}`;
  return [
    `${method} ${target} SIP/2.0`,
    `Via: SIP/2.0/WS abc.invalid;branch=${branch}`,
    'Max-Forwards: 70',
    `To: <sip:${method === 'REGISTER' ? user : 'x'}@${PBX_DOMAIN}>`,
    `From: <sip:${user}@${PBX_DOMAIN}>;tag=t${branch.slice(-6)}`,
    `Call-ID: ${branch}`,
    `CSeq: 1 ${method}`,
    `Contact: <sip:${user}@abc.invalid;transport=ws>`,
    'Expires: 60',
    'Content-Length: 0',
    '',
    '',
  ].join('\r\n');
}

function firstReply(ws: WebSocket, msg: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const t = setTimeout(() => reject(new Error('no SIP reply within 3 s')), 3000);
    ws.once('message', (d) => {
      clearTimeout(t);
      resolve(d.toString());
    });
    ws.send(msg);
  });
}

describe('test PBX config', () => {
  it('passes `kamailio -c` for the generated config', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcfg-'));
    const file = join(dir, 'k.cfg');
    writeFileSync(file, kamailioConfig({ port: 15061 }));
    const out = execFileSync(KAMAILIO_BIN, ['-c', '-f', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    expect(out).toContain('127.0.0.1 [127.0.0.1]:15061');
  });

  it('passes `kamailio -c` with the re-INVITE delay used by the glare test', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kcfg-'));
    const file = join(dir, 'k.cfg');
    const cfg = kamailioConfig({ port: 15062, reinviteDelayMs: 150 });
    expect(cfg).toContain('usleep("150000")');
    writeFileSync(file, cfg);
    expect(() => execFileSync(KAMAILIO_BIN, ['-c', '-f', file], { stdio: 'pipe' })).not.toThrow();
  });

  it('refuses unsafe users and ports', () => {
    expect(() => kamailioConfig({ port: 0 })).toThrow(/invalid port/);
    expect(() => kamailioConfig({ port: 5060, users: { 'a"; exit;': 'x' } })).toThrow(/unsafe user/);
    expect(() => kamailioConfig({ port: 5060, reinviteDelayMs: -1 })).toThrow(/reinviteDelayMs/);
  });
});

describe('test PBX process', () => {
  let pbx: KamailioHandle;
  beforeAll(async () => {
    pbx = await startKamailio();
  });
  afterAll(async () => {
    await pbx?.stop();
  });

  const connect = () =>
    new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(pbx.wsUrl, 'sip');
      ws.once('open', () => resolve(ws));
      ws.once('error', reject);
    });

  it('accepts a browser-style WebSocket (subprotocol sip) and challenges REGISTER with digest', async () => {
    const ws = await connect();
    const reply = await firstReply(ws, sipRequest('REGISTER', 'agent1'));
    ws.close();
    expect(reply).toMatch(/^SIP\/2\.0 401 /);
    expect(reply).toMatch(/WWW-Authenticate: Digest realm="recaudo\.test"/);
    expect(Object.keys(DEFAULT_USERS)).toEqual(expect.arrayContaining(['agent1', 'debtor', 'third']));
  });

  it('comes back on the same port after restart()', async () => {
    await pbx.restart();
    const ws = await connect();
    const reply = await firstReply(ws, sipRequest('REGISTER', 'debtor'));
    ws.close();
    expect(reply).toMatch(/^SIP\/2\.0 401 /);
  });
});
