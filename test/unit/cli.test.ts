// The CLI as a user runs it: the bundled launcher in a child process, real files, real exit codes.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const SHARED = resolve(ROOT, '../shared');
const BIN = resolve(ROOT, 'bin/vna-reader.mjs');
const gold = (id: string) => JSON.parse(readFileSync(resolve(SHARED, 'gold', `${id}.json`), 'utf8'));

function cli(args: string[], input?: string) {
  const r = spawnSync('node', [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  execFileSync('node', ['scripts/build-cli.mjs'], { cwd: ROOT });
}, 60_000);

describe('vna-reader extract', () => {
  it('prints the article as JSON in the gold schema', () => {
    const r = cli(['extract', resolve(SHARED, 'fixtures/vna/seed-000.new.html')]);
    expect(r.code, r.err).toBe(0);
    const a = JSON.parse(r.out);
    const g = gold('seed-000');
    expect(a.title).toBe(g.title);
    expect(a.lead).toBe(g.lead);
    expect(a.body).toEqual(g.body);
    expect(a.captions).toEqual(g.captions);
    expect(a.signature).toBe('VNA');
    expect(a.site).toBe('vietnamplus');
    expect(a.lang).toBe('fr');
    expect(a.id).toBe('fr.vietnamplus.vn:128832');
    expect(a.layout).toBe('new');
    expect(a.readingMinutes).toBeGreaterThan(0);
    expect(a.entities.some((e: any) => e.type === 'PER' && e.name === 'Hoang Kim Phung')).toBe(true);
  });

  it('writes clean Markdown and plain text', () => {
    const md = cli(['extract', resolve(SHARED, 'fixtures/vna/seed-001.old.html'), '--format', 'markdown']);
    expect(md.code, md.err).toBe(0);
    expect(md.out).toContain(`\n# ${gold('seed-001').title}\n`); // after the YAML front matter (issue 13)
    expect(md.out).not.toMatch(/Voir plus|ảnh \d|<\/?(p|div|span|img|a|script|table)\b/i);
    const txt = cli(['extract', resolve(SHARED, 'fixtures/vna/seed-002.older.html'), '--format=text']);
    expect(txt.code, txt.err).toBe(0);
    expect(txt.out).toContain(gold('seed-002').body[0]);
  });

  it('reads a text dump from standard input with --url', () => {
    const dump = readFileSync(resolve(SHARED, 'seeds/000_5d75a1e65212d966.txt'), 'utf8');
    const r = cli(['extract', '-', '--url', gold('seed-000').url], dump);
    expect(r.code, r.err).toBe(0);
    const a = JSON.parse(r.out);
    expect(a.title).toBe(gold('seed-000').title);
    expect(a.body).toEqual(gold('seed-000').body);
  });

  it('exits 3 with one line when the page is not a VNA article', () => {
    const r = cli(['extract', resolve(SHARED, 'fixtures/vna-real/vnanet.vn_root_2018_object-moved.html'), '--url', 'http://vnanet.vn/']);
    expect(r.code).toBe(3);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toMatch(/not a VNA article/);
    expect(r.out).toBe('');
  });

  it('exits 2 with one line on usage errors and unreadable input', () => {
    for (const args of [['extract'], ['extract', 'nope.html'], ['frobnicate'], ['extract', 'x.html', '--format', 'pdf'], ['extract', ROOT]]) {
      const r = cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.err.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });

  it('documents itself with --help', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/--format json\|text\|markdown/);
    expect(r.out).toMatch(/Exit status/);
  });
});
