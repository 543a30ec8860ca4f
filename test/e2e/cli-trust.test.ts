// Issue 13, CLI: the built `vna-reader` in a child process, as a reader runs it. A text that
// is not a dispatch exits 3 with one line; Markdown has YAML front matter and the caption
// inside the article before the signature; `--format` without a value says so.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const SHARED = resolve(ROOT, '../shared');
const BIN = resolve(ROOT, 'bin/vna-reader.mjs');
const gold = (id: string) => JSON.parse(readFileSync(resolve(SHARED, 'gold', `${id}.json`), 'utf8'));
const cli = (args: string[], input?: string) => {
  const r = spawnSync('node', [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

let dir = '';
beforeAll(() => {
  execFileSync('node', ['scripts/build-cli.mjs'], { cwd: ROOT });
  dir = mkdtempSync(join(tmpdir(), 'vna-cli-'));
}, 60_000);

describe('CLI trust (issue 13)', () => {
  it('a licence file or random words: exit 3, one line saying why', () => {
    const licence = join(dir, 'LICENSE.txt');
    writeFileSync(licence, 'MIT License\n\nCopyright (c) 2024\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software and associated documentation files (the "Software"), to deal\nin the Software without restriction.\n');
    for (const r of [cli(['extract', licence]), cli(['extract', '-'], 'banane tortue nuage clavier lampe rivière montagne\nverre soleil\n')]) {
      expect(r.code).toBe(3);
      expect(r.out).toBe('');
      const lines = r.err.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/not a VNA dispatch: no VNA marker/);
    }
    // A real dump still passes without --url (its dateline and signature are VNA's).
    const dump = cli(['extract', resolve(SHARED, 'seeds/000_5d75a1e65212d966.txt')]);
    expect(dump.code, dump.err).toBe(0);
    expect(JSON.parse(dump.out).title).toBe(gold('seed-000').title);
  });

  it('markdown: YAML front matter, then the caption inside the article before the signature', () => {
    const g = gold('seed-000');
    const r = cli(['extract', resolve(SHARED, 'seeds/000_5d75a1e65212d966.txt'), '--url', g.url, '--format', 'markdown']);
    expect(r.code, r.err).toBe(0);
    const m = /^---\n([\s\S]*?)\n---\n/.exec(r.out);
    expect(m, r.out.slice(0, 200)).not.toBeNull();
    const fm = Object.fromEntries(m![1].split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]));
    expect(Object.keys(fm)).toEqual(['title', 'url', 'site', 'published', 'author', 'tags']);
    expect(JSON.parse(fm.title)).toBe(g.title);
    expect(JSON.parse(fm.url)).toBe(g.url);
    expect(JSON.parse(fm.site)).toBe('vietnamplus');
    expect(Array.isArray(JSON.parse(fm.tags))).toBe(true);
    const body = r.out.slice(m![0].length);
    const caption = body.indexOf(`*${g.captions[0].replace(/([\\`*_[\]])/g, '\\$1')}*`);
    const signature = body.lastIndexOf('–VNA');
    const lastPara = body.indexOf(g.body[g.body.length - 1].replace(/\s*[–-]\s*VNA\s*$/, '').slice(0, 60));
    expect(caption).toBeGreaterThan(lastPara);
    expect(signature).toBeGreaterThan(caption);
    expect(body.indexOf('Source:')).toBeGreaterThan(signature);
  });

  it('--format without a value says so (exit 2)', () => {
    for (const args of [['extract', 'x.html', '--format'], ['extract', 'x.html', '--format', '--url', 'https://fr.vietnamplus.vn/']]) {
      const r = cli(args);
      expect(r.code).toBe(2);
      expect(r.err.trim()).toBe('vna-reader: --format needs a value: json, text or markdown');
    }
  });
});
