// Writes the registered rule ids into schemas/issue-schema.schema.json (`rules.propertyNames.enum`),
// keeping the file's hand formatting. Run after adding a rule: `npx tsx scripts/rule-ids-schema.ts`;
// test/unit/issue-schema.test.ts fails while the list and the registry differ.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { archiveRules, rules as briefRules } from '../server/core/src/index';

/** Brief rules and archive rules: both are configured under `rules:`. */
const rules = [...briefRules, ...archiveRules];

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'schemas', 'issue-schema.schema.json');
const text = fs.readFileSync(file, 'utf8');
const list = /("propertyNames": \{\n(\s*)"description": [^\n]*\n\s*"enum": \[\n)([^\]]*)(\n\s*\])/;
const match = list.exec(text);
if (!match) throw new Error(`${file}: no rules.propertyNames.enum list found`);
const indent = /^(\s*)"/.exec(match[3])?.[1] ?? '          ';
const ids = rules.map((rule) => `${indent}${JSON.stringify(rule.id)}`).join(',\n');
fs.writeFileSync(file, text.replace(list, (_, head, _i, _old, tail) => `${head}${ids}${tail}`));
console.log(`${rules.length} rule ids written to ${path.relative(process.cwd(), file)}`);
