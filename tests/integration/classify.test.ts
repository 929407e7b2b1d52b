import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The built CLI, as `npm run -s classify` runs it (npm test builds the API first). */
const CLI = join(__dirname, '../../dist/apps/api/apps/api/src/cli/classify.js');
const SAMPLE = join(__dirname, '../fixtures/understanding/tweets-sample.tsv');

interface Output {
  language: string | null;
  sentiment: { label: string; score: number; confidence: number };
  intents: string[];
  abusive: boolean;
  explanation: Array<{ text: string; weight: number; source: string }>;
}

function classify(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }));
  });
}

const lines = (stdout: string): Output[] =>
  stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Output);

describe('npm run -s classify', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ecoute-classify-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads RFC 4180 CSV (quoted commas, quotes and line breaks, CRLF, a BOM) and writes one JSON line per row, in order', async () => {
    const file = join(dir, 'posts.csv');
    const csv =
      '\uFEFFid,message,lang\r\n' +
      '1,"Lumio, your support is terrible, I want a refund",en\r\n' +
      '2,"She said ""amazing"" and she was right: love it",en\r\n' +
      '3,"Est-ce que la fibre arrive à Nantes ?\r\nMerci d\'avance",fr\r\n' +
      '4,plain words without quotes,en\r\n';
    writeFileSync(file, csv);
    const r = await classify([file, '--text-column', 'message']);
    expect(r.stderr).toMatch(/4 rows classified/);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    expect(out).toHaveLength(4);
    for (const o of out) {
      expect(Object.keys(o)).toEqual(['language', 'sentiment', 'intents', 'abusive', 'explanation']);
      expect(Object.keys(o.sentiment)).toEqual(['label', 'score', 'confidence']);
      expect(o.sentiment.score).toBeGreaterThanOrEqual(-1);
      expect(o.sentiment.score).toBeLessThanOrEqual(1);
    }
    expect(out[0].sentiment.label).toBe('negative');
    expect(out[0].intents).toContain('complaint');
    expect(out[1].sentiment.label).toBe('positive');
    expect(out[2].language).toBe('fr');
    expect(out[2].intents).toContain('question');
    expect(out[0].explanation.some((e) => e.text.toLowerCase() === 'terrible' && e.weight < 0)).toBe(true);
  });

  it('reads TSV with a language column (2,000 real tweets)', async () => {
    const r = await classify([SAMPLE, '--language-column', 'language']);
    expect(r.code).toBe(0);
    const out = lines(r.stdout);
    const expected = readFileSync(SAMPLE, 'utf8').split('\n').slice(1).filter(Boolean);
    expect(out).toHaveLength(expected.length);
    expect(out.filter((o) => o.language === 'fr')).toHaveLength(expected.filter((l) => l.split('\t')[1] === 'fr').length);
  });

  it('reads JSONL, reporting and skipping malformed lines with their number', async () => {
    const file = join(dir, 'posts.jsonl');
    writeFileSync(file, ['{"text":"great service, thanks Lumio"}', '{"text": oops', '', '[1,2]', '{"body":"no text field"}', '{"text":"why is my bill so high?"}'].join('\n'));
    const r = await classify([file]);
    expect(r.code).toBe(0);
    expect(lines(r.stdout)).toHaveLength(2);
    expect(r.stderr).toMatch(/posts\.jsonl:2: skipped: not JSON/);
    expect(r.stderr).toMatch(/posts\.jsonl:4: skipped: not a JSON object/);
    expect(r.stderr).toMatch(/posts\.jsonl:5: skipped: no string field "text"/);
    expect(r.stderr).toMatch(/2 rows classified, 3 skipped/);
  });

  it('says clearly what is wrong with the command or the file', async () => {
    const csv = join(dir, 'cols.csv');
    writeFileSync(csv, 'id,body\n1,hello\n');
    const missing = await classify([csv]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/column "text" not found; the columns are: id, body/);
    const unknown = join(dir, 'posts.txt');
    writeFileSync(unknown, 'text\nhello\n');
    expect((await classify([unknown])).stderr).toMatch(/cannot tell the format/);
    const forced = await classify([unknown, '--format', 'csv']);
    expect(forced.code).toBe(0);
    expect(lines(forced.stdout)).toHaveLength(1);
    expect((await classify([unknown, '--format', 'xml'])).stderr).toMatch(/"xml" is not one of csv, tsv, jsonl/);
    expect((await classify([join(dir, 'nope.csv')])).stderr).toMatch(/no such file/);
    expect((await classify([])).stderr).toMatch(/give the file/);
    const unclosed = join(dir, 'unclosed.csv');
    writeFileSync(unclosed, 'text\n"never closed\n');
    const bad = await classify([unclosed]);
    expect(bad.stderr).toMatch(/unclosed\.csv:2: skipped: Quote Not Closed/);
    expect(bad.stderr).toMatch(/0 rows classified, 1 skipped/);
  });

  it('handles 100,000 rows', async () => {
    const file = join(dir, 'big.csv');
    const sample = readFileSync(SAMPLE, 'utf8').split('\n').slice(1).filter(Boolean);
    const rows = ['text'];
    for (let i = 0; i < 100_000; i++) rows.push(`"${sample[i % sample.length].split('\t')[2].replace(/"/g, '""')}${i % 7 === 0 ? '\nsecond line' : ''}"`);
    writeFileSync(file, `${rows.join('\n')}\n`);
    const r = await classify([file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/100000 rows classified/);
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(100_000);
  });
});
