import { describe, expect, it } from 'vitest';
import { focusOrSkipViolation, importViolation, importsOf } from './layers';

describe('environment layering', () => {
  it.each([
    ['shared/money/x.ts', 'node:fs', null, /Node module/],
    ['shared/money/x.ts', 'react', null, /pure/],
    ['shared/money/x.ts', 'electron', null, /only main\/electron/],
    ['shared/money/x.ts', '../../renderer/api', 'renderer/api', /may not import/],
    ['renderer/app.tsx', 'node:path', null, /Node module/],
    ['renderer/app.tsx', 'electron', null, /electron/],
    ['renderer/app.tsx', '../main/services/desk', 'main/services/desk', /may not import/],
    ['main/services/store/db.ts', 'electron', null, /electron/],
    ['main/services/store/db.ts', '../../../renderer/api', 'renderer/api', /may not import/],
    ['server/app.ts', '../main/services/desk', 'main/services/desk', /may not import/],
    ['preload/preload.ts', 'node:fs', null, /Node module/],
    ['main/services/desk.ts', '../../test/pbx/kamailio', 'test/pbx/kamailio', /may not import/],
  ])('refuses %s importing %s', (file, spec, resolved, why) => {
    expect(importViolation(file, spec, resolved)).toMatch(why);
  });

  it.each([
    ['shared/money/x.ts', 'zod', null],
    ['shared/money/x.test.ts', 'fast-check', null],
    ['renderer/app.tsx', '../shared/api/contract', 'shared/api/contract'],
    ['main/electron/window.ts', 'electron', null],
    ['preload/preload.ts', 'electron', null],
    ['main/services/store/db.ts', 'node:fs', null],
    ['main/browser-host/cli.ts', '../../server/start', 'server/start'],
    ['main/browser-host/cli.ts', '../../test/pbx/kamailio', 'test/pbx/kamailio'],
  ])('allows %s importing %s', (file, spec, resolved) => {
    expect(importViolation(file, spec, resolved)).toBeNull();
  });

  it('finds every import form', () => {
    const src = `import a from 'a';\nimport { b } from "b";\nexport * from './c';\nconst d = await import('d');\nimport 'e';\nconst f = require('f');`;
    expect(importsOf(src)).toEqual(['a', 'b', './c', 'd', 'e', 'f']);
  });

  it('refuses focused and skipped tests', () => {
    expect(focusOrSkipViolation('x.test.ts', `it.${'only'}('a', () => {})`)).toMatch(/x.test.ts:1/);
    expect(focusOrSkipViolation('x.test.ts', `describe.${'skip'}('a', () => {})`)).toMatch(/skipped/);
    expect(focusOrSkipViolation('x.test.ts', `it('a', () => {})`)).toBeNull();
  });
});
