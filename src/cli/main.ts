// `vna-reader extract <file.html|file.txt|-> [--url URL] [--format json|text|markdown]`
// The same core as the extension, over linkedom's DOM. Exit codes: 0 ok, 2 usage or
// unreadable input, 3 not a VNA article; every failure is one line on stderr.
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { extractArticle, extractFromText } from '../core/extract';
import { extractEntities } from '../core/entities';
import { cliMarkdown, hasVnaMarkers } from './markdown';
import { articleToText } from '../core/format/text';
import type { Article } from '../core/types';

const HELP = `Usage: vna-reader extract <file.html|file.txt|-> [--url URL] [--format json|text|markdown]

Extracts a Vietnam News Agency article (VietnamPlus, Le Courrier du Vietnam, vnanet.vn)
from a saved HTML page or a plain-text dump, with its entities.

Arguments:
  <file>            an .html/.htm page, a .txt dump, or - to read standard input
                    (HTML is recognised by its content, whatever the name)
Options:
  --url URL         the page's address (default: the page's canonical/og:url link);
                    it decides the site, the article id and whether it is an article
  --format F        json (default; the schema of shared/gold/README.md plus site,
                    layout, author, tags, images, reading time), text or markdown
                    (with YAML front matter: title, url, site, published, author, tags)
  --no-entities     skip entity recognition
  -h, --help        this help
  -v, --version     the version

A text dump without --url must carry a VNA marker (dateline "(VNA)", a "–VNA",
"AVI" or "CVN" signature, or "Voir plus" / "Xem thêm" / "See more").

Exit status: 0 success, 2 usage error or unreadable input, 3 not a VNA article.`;

// Exported for bin/vna-reader.mjs, which maps it to the exit status.
export class CliError extends Error {
  constructor(message: string, readonly code: number) { super(message); }
}

interface Options { file: string; url?: string; format: 'json' | 'text' | 'markdown'; entities: boolean }

function parseArgs(argv: string[]): Options | 'help' | 'version' {
  const args = [...argv];
  if (args.includes('-h') || args.includes('--help') || args.length === 0) return 'help';
  if (args.includes('-v') || args.includes('--version')) return 'version';
  const cmd = args.shift();
  if (cmd !== 'extract') throw new CliError(`unknown command "${cmd}" (try: vna-reader extract page.html)`, 2);
  const opts: Partial<Options> = { format: 'json', entities: true };
  // An option's value: the next argument, unless there is none or it is another option.
  const value = (name: string, choices: string): string => {
    const v = args[0];
    if (v === undefined || (v.startsWith('-') && v !== '-')) throw new CliError(`${name} needs a value: ${choices}`, 2);
    return args.shift()!;
  };
  while (args.length) {
    const a = args.shift()!;
    if (a === '--url') opts.url = value('--url', 'the page\'s http(s) address');
    else if (a.startsWith('--url=')) opts.url = a.slice(6);
    else if (a === '--format') opts.format = value('--format', 'json, text or markdown') as Options['format'];
    else if (a.startsWith('--format=')) opts.format = a.slice(9) as Options['format'];
    else if (a === '--no-entities') opts.entities = false;
    else if (a.startsWith('-') && a !== '-') throw new CliError(`unknown option ${a}`, 2);
    else if (opts.file === undefined) opts.file = a;
    else throw new CliError(`unexpected argument ${a}`, 2);
  }
  if (!opts.file) throw new CliError('missing input file (a path, or - for standard input)', 2);
  if (!opts.format) throw new CliError('--format needs a value: json, text or markdown', 2);
  if (!['json', 'text', 'markdown'].includes(opts.format!)) throw new CliError(`--format must be json, text or markdown, not "${opts.format}"`, 2);
  if (opts.url !== undefined && !/^https?:\/\/[^\s/]+/.test(opts.url)) throw new CliError(`--url must be an http(s) address, not "${opts.url ?? ''}"`, 2);
  return opts as Options;
}

function readInput(file: string): string {
  try {
    const buf = readFileSync(file === '-' ? 0 : file);
    if (buf.includes(0)) throw new CliError(`${file === '-' ? 'standard input' : file}: binary data, not an HTML page or a text dump`, 2);
    return buf.toString('utf8');
  } catch (err) {
    if (err instanceof CliError) throw err;
    const e = err as NodeJS.ErrnoException;
    const what = e.code === 'ENOENT' ? 'no such file' : e.code === 'EISDIR' ? 'is a directory' : e.code === 'EACCES' ? 'permission denied' : e.message;
    throw new CliError(`cannot read ${file}: ${what}`, 2);
  }
}

const looksLikeHtml = (s: string) => /^\s*(<!doctype html|<html|<head|<body|<\?xml|<!--|<meta|<div|<article)/i.test(s) || /<\/(p|div|body|html)>/i.test(s.slice(0, 20000));

export function extract(input: string, opts: Pick<Options, 'url' | 'entities'>): Article {
  let result;
  if (looksLikeHtml(input)) {
    const { document } = parseHTML(input);
    const url = opts.url ?? document.querySelector('link[rel="canonical"]')?.getAttribute('href')
      ?? document.querySelector('meta[property="og:url"]')?.getAttribute('content') ?? '';
    result = extractArticle(document as unknown as Document, url);
  } else {
    if (!opts.url && !hasVnaMarkers(input)) {
      throw new CliError('not a VNA dispatch: no VNA marker (dateline "(VNA)", signature "–VNA"/"AVI"/"CVN", "Voir plus"/"Xem thêm"/"See more"); give --url to force', 3);
    }
    result = extractFromText(input, opts.url);
  }
  if (!result.ok) throw new CliError(`not a VNA article: ${result.reason}`, 3);
  const article = result.article;
  if (opts.entities) article.entities = extractEntities(article);
  return article;
}

export function format(article: Article, fmt: Options['format']): string {
  if (fmt === 'markdown') return cliMarkdown(article);
  if (fmt === 'text') return articleToText(article);
  return JSON.stringify(article, null, 2);
}

export function run(argv: string[], version: string): { out: string; code: number } {
  const parsed = parseArgs(argv);
  if (parsed === 'help') return { out: HELP + '\n', code: 0 };
  if (parsed === 'version') return { out: version + '\n', code: 0 };
  const article = extract(readInput(parsed.file), parsed);
  return { out: format(article, parsed.format) + '\n', code: 0 };
}
