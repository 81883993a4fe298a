/**
 * Language-server benchmark, over the real protocol (run after `npm run build`):
 *   npx tsx benchmarks/server.ts [--iterations 40]
 *
 * Reports, side by side:
 * - time from a one-character edit (didChange) to fresh diagnostics (pull response) on a
 *   ~15 KB issue and on a ~140 KB / 80-topic compilation generated from the example brief,
 *   versus markdownlint (`markdownlint/sync`, default rules) linting the same text in-process;
 * - completion latency (request → response) with a 5,000-title team catalogue generated into a
 *   temp folder's `.policy-brief/policy-titles.yaml`, for English, 中文 and pinyin queries, and
 *   of `completionItem/resolve` of the first item (the client declares VS Code's resolveSupport).
 * - hover latency on a normal brief while a heavy one (10,000 unclosed `**`; one topic with 1,000
 *   citation blocks) is being re-checked after each edit.
 * Times are milliseconds (p50 / p95 / max). Targets: edits ≤ 5 ms and ≤ 15 ms p95, completion ≤ 5 ms p95.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, InitializeRequest, InitializedNotification,
  DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DocumentDiagnosticRequest, CompletionRequest,
  ConfigurationRequest, RegistrationRequest, ShutdownRequest, ExitNotification, HoverRequest, CompletionResolveRequest, type ProtocolConnection, type CompletionList,
} from 'vscode-languageserver-protocol/node';

const repoRoot = path.resolve(__dirname, '..');
/** The server bundle: `dist/server/server.js`, or `PB_SERVER` (another build, to compare two versions in one run). */
const serverPath = process.env.PB_SERVER ? path.resolve(process.env.PB_SERVER) : path.join(repoRoot, 'dist', 'server', 'server.js');
const iterationsArg = process.argv.indexOf('--iterations');
const ITERATIONS = iterationsArg > 0 ? Number(process.argv[iterationsArg + 1]) : 40;
const example = fs.readFileSync(path.join(repoRoot, 'examples', 'china-industries-2023-04.md'), 'utf8');

/** Percentiles of a list of durations (ms). */
export function stats(samples: number[]): { p50: number; p95: number; max: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}
export const fmt = (s: { p50: number; p95: number; max: number }) => `${s.p50.toFixed(1)} / ${s.p95.toFixed(1)} / ${s.max.toFixed(1)}`;

/** The ~15 KB issue: the example plus a sixth topic copied from its first. */
export function mediumIssue(): string {
  const firstTopic = example.slice(example.indexOf('## 1.'), example.indexOf('## 2.'));
  let text = example;
  for (let n = 6; text.length < 15_000; n++) text += `\n${firstTopic.replace('## 1.', `## ${n}.`)}`;
  return text;
}

/** The ~140 KB compilation: 80 topics cycling through the example's five (comments shortened to fit). */
function largeCompilation(): string {
  const intro = example.slice(0, example.indexOf('## 1.'));
  const topics = example.slice(example.indexOf('## 1.')).split(/(?=^## \d+\. )/m);
  // Drop the second paragraph of each comment (80 full topics would be ~175 KB).
  const short = topics.map((t) => t.replace(/(\*\*MERICS comment:\*\*[^\n]*\n)\n[^\n*][^\n]*\n/, '$1'));
  const out: string[] = [intro];
  for (let i = 0; i < 80; i++) out.push(short[i % short.length].replace(/^## \d+\./, `## ${i + 1}.`).replace(/\s*$/, '\n\n'));
  return out.join('');
}

export class Client {
  readonly connection: ProtocolConnection;
  private readonly child: ReturnType<typeof spawn>;
  private versions = new Map<string, number>();
  /** Whether the server resolves completion items (`completionProvider.resolveProvider`). */
  resolvesCompletion = false;

  /** @param server the server bundle to start (default: `serverPath`) */
  constructor(server = serverPath) {
    this.child = spawn(process.execPath, [...(process.env.PB_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PB_PROFILE}`] : []), server, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    this.connection = createProtocolConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onRequest(ConfigurationRequest.type, (p) => p.items.map(() => ({})));
    this.connection.onRequest(RegistrationRequest.type, () => undefined);
    this.connection.listen();
  }

  async initialize(folder?: string): Promise<void> {
    const result = await this.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folder ? pathToFileURL(folder).href : null,
      workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: 'bench' }] : null,
      capabilities: { textDocument: { diagnostic: {}, completion: { completionItem: { snippetSupport: true, resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] } } } }, workspace: { configuration: true, diagnostics: { refreshSupport: false } } },
    });
    this.resolvesCompletion = !!result.capabilities.completionProvider?.resolveProvider;
    await this.connection.sendNotification(InitializedNotification.type, {});
  }

  async open(uri: string, text: string): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  }

  async change(uri: string, line: number, character: number, deleteCount: number, text: string): Promise<void> {
    const version = this.versions.get(uri)! + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: character + deleteCount } }, text }],
    });
  }

  async diagnostics(uri: string): Promise<number> {
    const report = await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } });
    return report.kind === 'full' ? report.items.length : -1;
  }

  /**
   * CPU time (user + system, ms) the server process has used so far, from /proc (Linux; NaN
   * elsewhere): unlike wall time, it does not grow when the machine is busy with other work.
   */
  cpuMs(): number {
    try {
      const fields = fs.readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
      // After the command: state is field 3, utime and stime are fields 14 and 15 (clock ticks, 100 per second).
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return NaN;
    }
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    this.connection.dispose();
  }
}

/** Edit → fresh diagnostics, `iterations` times (insert then delete one character in a comment); ms. */
export async function editLatency(client: Client, uri: string, text: string, iterations = ITERATIONS): Promise<number[]> {
  return (await editLatencyAndCpu(client, uri, text, iterations)).samples;
}

/** `editLatency`, plus the server's CPU time per edit (ms, see `Client.cpuMs`). */
export async function editLatencyAndCpu(client: Client, uri: string, text: string, iterations = ITERATIONS): Promise<{ samples: number[]; cpuPerEdit: number }> {
  await client.open(uri, text);
  await client.diagnostics(uri);
  const lines = text.split(/\r?\n/);
  const commentLines = lines.map((l, i) => (l.startsWith('**MERICS comment:**') ? i : -1)).filter((i) => i >= 0);
  const line = commentLines[Math.floor(commentLines.length / 2)];
  const samples: number[] = [];
  let cpuAtStart = NaN;
  for (let i = 0; i < iterations + 5; i++) {
    if (i === 5) cpuAtStart = client.cpuMs();
    const started = performance.now();
    if (i % 2 === 0) await client.change(uri, line, 25, 0, 'x');
    else await client.change(uri, line, 25, 1, '');
    await client.diagnostics(uri);
    if (i >= 5) samples.push(performance.now() - started);
  }
  return { samples, cpuPerEdit: (client.cpuMs() - cpuAtStart) / iterations };
}

/** markdownlint (`markdownlint/sync`, default rules) linting `text` with one character flipped, `iterations` times (ms). */
export async function markdownlintLatency(text: string, iterations = ITERATIONS): Promise<number[]> {
  const { lint } = (await import('markdownlint/sync')) as { lint: (options: { strings: Record<string, string> }) => unknown };
  const samples: number[] = [];
  for (let i = 0; i < iterations + 5; i++) {
    const edited = i % 2 ? text : text.replace('**MERICS comment:** ', '**MERICS comment:** x');
    const started = performance.now();
    lint({ strings: { doc: edited } });
    if (i >= 5) samples.push(performance.now() - started);
  }
  return samples;
}

/** A team policy-titles.yaml with `count` generated titles (valid against the JSON Schema). */
export function generateTitles(count: number): string {
  const zhSubjects = ['数据', '人工智能', '机器人', '新能源汽车', '集成电路', '生物医药', '碳达峰', '工业互联网', '网络安全', '跨境电商', '氢能', '北斗', '稀土', '智能制造', '绿色建筑'];
  const enSubjects = ['Data', 'Artificial Intelligence', 'Robots', 'New Energy Vehicles', 'Integrated Circuits', 'Biomedicine', 'Carbon Peaking', 'Industrial Internet', 'Cybersecurity', 'Cross-border E-commerce', 'Hydrogen Energy', 'BeiDou', 'Rare Earths', 'Smart Manufacturing', 'Green Buildings'];
  const zhActs = ['促进', '规范', '加快', '推动', '加强', '支持', '完善', '深化'];
  const enActs = ['Promoting', 'Regulating', 'Accelerating', 'Advancing', 'Strengthening', 'Supporting', 'Improving', 'Deepening'];
  const zhTypes = ['指导意见', '管理办法', '实施方案', '行动计划', '若干措施', '暂行规定'];
  const enTypes = ['Guiding Opinions on', 'Administrative Measures for', 'Implementation Plan for', 'Action Plan for', 'Several Measures for', 'Interim Provisions on'];
  const lines = ['schemaVersion: 1', 'titles:'];
  for (let i = 0; i < count; i++) {
    const s = i % zhSubjects.length;
    const a = Math.floor(i / zhSubjects.length) % zhActs.length;
    const t = Math.floor(i / (zhSubjects.length * zhActs.length)) % zhTypes.length;
    const n = Math.floor(i / (zhSubjects.length * zhActs.length * zhTypes.length));
    lines.push(
      `  - id: bench-title-${i}`,
      `    title_zh: 关于${zhActs[a]}${zhSubjects[s]}发展的${zhTypes[t]}第${n + 1}号`,
      `    title_en: "${enTypes[t]} ${enActs[a]} the Development of ${enSubjects[s]} No. ${n + 1}"`,
      '    issuing_bodies: [MIIT]',
      '    doc_type: {zh: 办法, en: Measures}',
      `    date: "20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}"`,
      '    source: ["https://example.org/benchmark"]',
      '    confidence: low',
    );
  }
  return lines.join('\n') + '\n';
}

/** Completion latencies of one typed query: per keystroke (request → response) and of resolving the first item (ms). */
export interface CompletionSamples {
  query: string;
  samples: number[];
  /** `completionItem/resolve` of the list's first item (what VS Code does for the focused item). */
  resolve: number[];
  first: string;
  /** The server's CPU time per keystroke (ms; change, completion and resolve; see `Client.cpuMs`). */
  cpuPerKeystroke: number;
}

/**
 * Completion with a 5,000-title team catalogue: each query typed character by character on an
 * `Article:` line, `rounds` times, a completion request per keystroke, then a resolve of the first item. The
 * client declares VS Code's `completionItem.resolveSupport` (documentation, detail, additional edits).
 */
export async function completionLatency(rounds = Math.max(1, Math.round(ITERATIONS / 10)), server = serverPath): Promise<CompletionSamples[]> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pb-bench-'));
  fs.mkdirSync(path.join(folder, '.git'));
  fs.mkdirSync(path.join(folder, '.policy-brief'));
  fs.writeFileSync(path.join(folder, '.policy-brief', 'policy-titles.yaml'), generateTitles(5000));
  const client = new Client(server);
  try {
    await client.initialize(folder);
    const file = path.join(folder, 'issue.md');
    const uri = pathToFileURL(file).href;
    const text = example.replace(/Article: Guiding Opinions[^\n]*/, 'Article: ');
    fs.writeFileSync(file, text);
    await client.open(uri, text);
    await client.diagnostics(uri);
    const line = text.split('\n').findIndex((l) => l === 'Article: ');
    const results: CompletionSamples[] = [];
    let current = '';
    const type = async (next: string) => {
      await client.change(uri, line, 9, current.length, next);
      current = next;
      const started = performance.now();
      const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line, character: 9 + next.length } })) as CompletionList;
      const ms = performance.now() - started;
      const item = client.resolvesCompletion ? list?.items[0] : undefined;
      const resolveStarted = performance.now();
      if (item) await client.connection.sendRequest(CompletionResolveRequest.type, item);
      return { ms, resolveMs: item ? performance.now() - resolveStarted : undefined, first: list?.items[0]?.label ?? '(none)' };
    };
    await type('warm');
    // Each query is typed character by character, as an author would; every keystroke asks.
    for (const query of ['hydrogen energy', '氢能发展', 'qingneng', 'rgzn', 'gxb', 'robots smart']) {
      const samples: number[] = [];
      const resolve: number[] = [];
      let first = '';
      const cpuAtStart = client.cpuMs();
      for (let round = 0; round < rounds; round++) {
        for (let n = 1; n <= query.length; n++) {
          const result = await type(query.slice(0, n));
          samples.push(result.ms);
          if (result.resolveMs !== undefined) resolve.push(result.resolveMs);
          first = result.first;
        }
      }
      results.push({ query, samples, resolve, first, cpuPerKeystroke: (client.cpuMs() - cpuAtStart) / samples.length });
    }
    return results;
  } finally {
    await client.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Hover on an issuing body of a normal brief, sent right after an edit of a heavy brief (10,000
 * unclosed `**` in a comment, or one topic with 1,000 citation blocks) whose re-check is
 * requested but not awaited. `editLine` is the line of the heavy brief that is edited.
 */
async function hoverDuringCheck(heavy: string, editLine: number): Promise<{ hover: number[]; heavyCheck: number[] }> {
  const client = new Client();
  await client.initialize();
  await client.open('untitled:heavy', heavy);
  await client.open('untitled:normal', example);
  await client.diagnostics('untitled:normal');
  await client.diagnostics('untitled:heavy');
  const lines = example.split(/\r?\n/);
  const line = lines.findIndex((l) => l.startsWith('Issuing bodies: '));
  const hover: number[] = [];
  const heavyCheck: number[] = [];
  for (let i = 0; i < Math.max(5, Math.round(ITERATIONS / 4)); i++) {
    await client.change('untitled:heavy', editLine, 20, i % 2, i % 2 ? '' : 'x');
    const checkStarted = performance.now();
    const check = client.diagnostics('untitled:heavy').then(() => heavyCheck.push(performance.now() - checkStarted));
    const started = performance.now();
    await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'untitled:normal' }, position: { line, character: 17 } });
    hover.push(performance.now() - started);
    await check;
  }
  await client.stop();
  return { hover, heavyCheck };
}

/** The example with a sixth topic of 1,000 citation blocks (copies of the example's first citation). */
function thousandCitations(): string {
  const citation = example.slice(example.indexOf('Article:'), example.indexOf('\n\n', example.indexOf('Date:')));
  return `${example.replace(/\s*$/, '\n')}\n## 6. Extra topic\n\n**At a glance:** Many documents.\n\n${Array.from({ length: 1000 }, () => citation).join('\n\n')}\n`;
}

async function main(): Promise<void> {
  if (!fs.existsSync(serverPath)) throw new Error('Build first: npm run build');
  const medium = mediumIssue();
  const large = largeCompilation();
  const topics = (large.match(/^## \d+\./gm) ?? []).length;
  console.log(`Policy Brief language server benchmark (${ITERATIONS} iterations, Node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)})\n`);
  const client = new Client();
  await client.initialize();
  const mediumRun = await editLatencyAndCpu(client, 'untitled:medium', medium);
  const largeRun = await editLatencyAndCpu(client, 'untitled:large', large);
  const mediumOurs = stats(mediumRun.samples);
  const largeOurs = stats(largeRun.samples);
  await client.stop();
  const mediumLint = stats(await markdownlintLatency(medium));
  const largeLint = stats(await markdownlintLatency(large));
  console.log('One-character edit → fresh diagnostics, ms (p50 / p95 / max)');
  console.log(`  document                         policy-brief (LSP pull)   markdownlint (in-process)   p95 ratio   target p95`);
  const p95Ratio = (a: { p95: number }, b: { p95: number }) => `${(a.p95 / b.p95).toFixed(2)}×`.padEnd(12);
  console.log(`  issue ${(medium.length / 1024).toFixed(0)} KB`.padEnd(35) + fmt(mediumOurs).padEnd(26) + fmt(mediumLint).padEnd(28) + p95Ratio(mediumOurs, mediumLint) + '≤ 5');
  console.log(`  compilation ${(large.length / 1024).toFixed(0)} KB, ${topics} topics`.padEnd(35) + fmt(largeOurs).padEnd(26) + fmt(largeLint).padEnd(28) + p95Ratio(largeOurs, largeLint) + '≤ 15');
  console.log(`  server CPU per edit (does not grow with the machine's load): issue ${mediumRun.cpuPerEdit.toFixed(2)} ms, compilation ${largeRun.cpuPerEdit.toFixed(2)} ms`);
  console.log('\nCompletion with a 5,000-title team catalogue, typed character by character, request → response per keystroke, then resolve of the first item, ms (p50 / p95 / max), target p95 ≤ 5');
  const completion = await completionLatency();
  for (const { query, samples, resolve, first } of completion) {
    console.log(`  ${JSON.stringify(query).padEnd(18)} ${fmt(stats(samples)).padEnd(22)} resolve ${fmt(stats(resolve)).padEnd(22)} first: ${first.slice(0, 50)}`);
  }
  console.log(`  ${'all keystrokes'.padEnd(18)} ${fmt(stats(completion.flatMap((c) => c.samples))).padEnd(22)} resolve ${fmt(stats(completion.flatMap((c) => c.resolve)))}`);
  console.log(`  server CPU per keystroke (change, completion, resolve): ${(completion.reduce((n, c) => n + c.cpuPerKeystroke * c.samples.length, 0) / completion.reduce((n, c) => n + c.samples.length, 0)).toFixed(2)} ms`);
  const pathological = example.replace('**MERICS comment:**', `**MERICS comment:** ${'**a '.repeat(10_000)}`);
  const citations = thousandCitations();
  for (const [what, heavy, editLine] of [
    ['a pathological brief (10,000 unclosed **)', pathological, pathological.split(/\r?\n/).findIndex((l) => l.startsWith('**MERICS comment:**'))],
    ['a brief with a 1,000-citation topic', citations, citations.split(/\r?\n/).findIndex((l) => l.startsWith('**At a glance:** Many documents.'))],
  ] as const) {
    const { hover, heavyCheck } = await hoverDuringCheck(heavy, editLine);
    console.log(`\nHover on a normal brief while ${what} is re-checked, ms (p50 / p95 / max), target ≤ 200`);
    console.log(`  hover                            ${fmt(stats(hover))}`);
    console.log(`  re-check of the heavy one        ${fmt(stats(heavyCheck))}`);
  }
}

if (require.main === module) main().catch((error) => {
  console.error(error);
  process.exit(1);
});
