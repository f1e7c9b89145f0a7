import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashFiles, isCurrent, sourceFiles, webBuildHash, writeStamp } from './start-stamps.mjs';

describe('start stamps', () => {
  let root = '';
  const write = (file: string, text: string) => {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'concord-stamps-'));
    execFileSync('git', ['init', '-q'], { cwd: root });
    write('.gitignore', 'node_modules/\nweb/build/\nweb/src/lib/paraglide/\n');
    write('pnpm-lock.yaml', 'lockfileVersion: 9.0\n');
    write('web/src/app.html', '<html></html>');
    write('packages/core/src/index.ts', 'export const a = 1;');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('lists sources git would track, leaving out ignored builds and generated files', () => {
    write('web/build/handler.js', 'built');
    write('web/src/lib/paraglide/messages.js', 'generated');
    write('packages/core/node_modules/x/index.js', 'installed');
    expect(sourceFiles({ root, paths: ['web', 'packages'] })?.sort()).toEqual(['packages/core/src/index.ts', 'web/src/app.html']);
  });

  it('changes the web build hash when a source changes, not when the build output does', () => {
    const before = webBuildHash({ root });
    write('web/build/handler.js', 'rebuilt');
    expect(webBuildHash({ root })).toBe(before);
    write('packages/core/src/index.ts', 'export const a = 2;');
    expect(webBuildHash({ root })).not.toBe(before);
  });

  it('counts a deleted source as a change', () => {
    const files = ['web/src/app.html', 'packages/core/src/index.ts'];
    const before = hashFiles({ root, files });
    rmSync(join(root, 'web/src/app.html'));
    expect(hashFiles({ root, files })).not.toBe(before);
  });

  it('has no web build hash outside a git checkout, so the build always runs', () => {
    rmSync(join(root, '.git'), { recursive: true });
    expect(webBuildHash({ root })).toBeNull();
    expect(isCurrent({ root, stamp: 'stamp', hash: null })).toBe(false);
  });

  it('is current only once the stamp holds the same hash', () => {
    const hash = webBuildHash({ root });
    expect(isCurrent({ root, stamp: 'stamp', hash })).toBe(false);
    writeStamp({ root, stamp: 'stamp', hash });
    expect(isCurrent({ root, stamp: 'stamp', hash })).toBe(true);
    write('web/src/app.html', '<html lang="en"></html>');
    expect(isCurrent({ root, stamp: 'stamp', hash: webBuildHash({ root }) })).toBe(false);
  });
});
