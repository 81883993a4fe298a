/**
 * Every YAML example in docs/ can be copied as it says: each ```yaml block is marked, on the line
 * before it, as a whole file (`<!-- yaml: FILE -->` or `<!-- worked-example: FILE -->`) or as a
 * part of one (`<!-- yaml-fragment: FILE -->`), and is validated as that file — team files against
 * their JSON Schemas (a fragment of the issue schema with `schemaVersion: 1` added), CI files for
 * the structure their tools require. Also checks the repository's `.pre-commit-hooks.yaml`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse, parseDocument } from 'yaml';
import { readYamlFile } from '../../server/core/src/yamlFile';
import { repoRoot, read } from '../support/config';

interface Block { doc: string; line: number; file: string; fragment: boolean; text: string }

function markdownFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? markdownFiles(full) : entry.name.endsWith('.md') ? [full] : [];
  });
}

/** The ```yaml blocks of docs/ with their markers (a block without a marker has `file: ''`). */
function yamlBlocks(): Block[] {
  const blocks: Block[] = [];
  for (const doc of markdownFiles(path.join(repoRoot, 'docs'))) {
    const lines = read(doc).split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      if (!/^```ya?ml\s*$/.test(lines[i])) continue;
      const end = lines.indexOf('```', i + 1);
      const marker = /^<!-- (yaml|yaml-fragment|worked-example): (\S+) -->$/.exec(lines[i - 1] ?? '');
      blocks.push({ doc: path.relative(repoRoot, doc), line: i + 1, file: marker?.[2] ?? '', fragment: marker?.[1] === 'yaml-fragment', text: lines.slice(i + 1, end).join('\n') + '\n' });
      i = end;
    }
  }
  return blocks;
}

const jsonSchema = (name: string) => JSON.parse(read(path.join(repoRoot, 'schemas', `${name}.schema.json`))) as object;
const hookIds = (parse(read(path.join(repoRoot, '.pre-commit-hooks.yaml'))) as { id: string }[]).map((hook) => hook.id);

/** Validates `text` as the file `file`; returns the problems. */
function problems(file: string, text: string, fragment: boolean): string[] {
  const parsed = parseDocument(text);
  if (parsed.errors.length) return parsed.errors.map((e) => e.message);
  const team = /^\.policy-brief\/(issue-schema|issuing-bodies|policy-titles|document-number-prefixes)\.yaml$/.exec(file);
  if (team) {
    const whole = fragment && !/^schemaVersion:/m.test(text) ? `schemaVersion: 1\n${text}` : text;
    return readYamlFile(whole, jsonSchema(team[1]), 'schema').findings.map((f) => `${f.range.start.line + 1}: ${f.message}`);
  }
  const value = parsed.toJS() as Record<string, unknown>;
  const out: string[] = [];
  if (/^\.github\/workflows\/[\w.-]+\.ya?ml$/.test(file)) {
    if (!value.on) out.push('a workflow needs `on`');
    const jobs = value.jobs as Record<string, { 'runs-on'?: unknown; steps?: Record<string, unknown>[] }> | undefined;
    if (!jobs || !Object.keys(jobs).length) out.push('a workflow needs `jobs`');
    for (const [name, job] of Object.entries(jobs ?? {})) {
      if (!job['runs-on']) out.push(`job ${name} needs runs-on`);
      if (!Array.isArray(job.steps) || !job.steps.every((step) => typeof step.uses === 'string' || typeof step.run === 'string')) out.push(`job ${name}: every step needs uses or run`);
    }
  } else if (file === '.gitlab-ci.yml') {
    const jobs = Object.entries(value).filter(([key]) => !['default', 'include', 'stages', 'variables', 'workflow'].includes(key) && !key.startsWith('.'));
    if (!jobs.length) out.push('no job');
    for (const [name, job] of jobs) if (!Array.isArray((job as { script?: unknown }).script)) out.push(`job ${name} needs a script list`);
  } else if (file === '.pre-commit-config.yaml') {
    const repos = value.repos as { repo?: string; rev?: string; hooks?: { id?: string }[] }[] | undefined;
    if (!Array.isArray(repos) || !repos.length) out.push('needs repos');
    for (const repo of repos ?? []) {
      if (!repo.repo || !repo.rev) out.push('each repo needs repo and rev');
      for (const hook of repo.hooks ?? []) if (!hookIds.includes(hook.id ?? '')) out.push(`unknown hook id ${hook.id} (.pre-commit-hooks.yaml has ${hookIds.join(', ')})`);
    }
  } else {
    out.push(`no validation for ${file}: add one to test/unit/docs-yaml.test.ts`);
  }
  return out;
}

describe('YAML examples in docs/', () => {
  const blocks = yamlBlocks();

  it('finds the examples (rule pages, issue schema, catalogues, CI recipes)', () => {
    assert.ok(blocks.length >= 35, `${blocks.length} blocks`);
    assert.ok(blocks.some((b) => b.file === '.github/workflows/policy-brief.yml'));
  });

  for (const block of blocks) {
    it(`${block.doc}:${block.line} ${block.file || '(unmarked)'}${block.fragment ? ' (fragment)' : ''}`, () => {
      assert.ok(block.file, 'mark the block on the line before it: <!-- yaml: FILE --> for a whole file, <!-- yaml-fragment: FILE --> for a part');
      assert.deepEqual(problems(block.file, block.text, block.fragment), []);
    });
  }

  it('catches a whole-file example without schemaVersion (the check can fail)', () => {
    assert.notDeepEqual(problems('.policy-brief/issue-schema.yaml', 'extends: default\nrules:\n  date.invalid: warning\n', false), []);
    assert.deepEqual(problems('.policy-brief/issue-schema.yaml', 'extends: default\nrules:\n  date.invalid: warning\n', true), []);
    assert.notDeepEqual(problems('.policy-brief/issue-schema.yaml', 'rules:\n  date.invalud: warning\n', true), []);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('defines hooks as pre-commit requires (id, name, entry, language) that run a bin of this package with npx', () => {
    const hooks = parse(read(path.join(repoRoot, '.pre-commit-hooks.yaml'))) as Record<string, unknown>[];
    const bins = Object.keys((JSON.parse(read(path.join(repoRoot, 'package.json'))) as { bin: Record<string, string> }).bin);
    assert.ok(Array.isArray(hooks) && hooks.length > 0);
    for (const hook of hooks) {
      for (const key of ['id', 'name', 'entry', 'language']) assert.equal(typeof hook[key], 'string', `${String(hook.id)}: ${key}`);
      assert.equal(hook.language, 'system', 'runs the version installed in the briefs repository');
      const entry = /^npx --no-install (\S+) /.exec(String(hook.entry));
      assert.ok(entry && bins.includes(entry[1]), `entry ${String(hook.entry)} runs a bin of package.json`);
      assert.ok(new RegExp(String(hook.files)).test('briefs/2024/issue-12.md'));
    }
  });
});
