import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingServerFlags, SERVER_NODE_FLAGS } from './node-flags';

describe('server process flags', () => {
  it('`npm run server` starts Node with every flag the memory figures were measured with', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const script = pkg.scripts.server!;
    const nodeArgs = script.slice(0, script.indexOf('server/cli.ts')).split(/\s+/);
    expect(nodeArgs[0]).toBe('node');
    expect(missingServerFlags(nodeArgs)).toEqual([]);
  });

  it('names the flags a process lacks, and none when it has them all among others', () => {
    expect(missingServerFlags([])).toEqual([...SERVER_NODE_FLAGS]);
    expect(missingServerFlags(['--import', 'tsx', '--max-semi-space-size=4'])).toEqual(SERVER_NODE_FLAGS.filter((f) => f !== '--max-semi-space-size=4'));
    expect(missingServerFlags(['--inspect', ...SERVER_NODE_FLAGS, '--import', 'tsx'])).toEqual([]);
  });
});
