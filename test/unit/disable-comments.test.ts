/** `<!-- policy-brief-disable… -->` comments (markdownlint style) turn rules off for lines or the whole brief. */
import * as assert from 'node:assert/strict';
import { checkBrief } from '../../server/core/src/index';
import { defaultConfig } from '../support/config';

const brief = (bodies: string[], extra = '') => [
  '---', 'policy-brief: china-industries', '---', extra, '# Issue', '',
  ...bodies.flatMap((line, i) => [`## ${i + 1}. Topic`, '', '**At a glance:** Text.', '', '**MERICS comment:** Text.', '',
    'Article: Guiding Opinions on X (关于推动铸造和锻压行业高质量发展的指导意见) ([Link](https://www.miit.gov.cn/))', line, 'Date: April 14, 2023', '']),
].join('\n');

const unknownLines = (text: string) => checkBrief(text, defaultConfig().config).findings.filter((f) => f.ruleId === 'issuing-body.unknown').map((f) => f.range.start.line);

describe('disable comments', () => {
  const plain = brief(['Issuing bodies: XYZB', 'Issuing bodies: QQQB']);
  const [first, second] = unknownLines(plain);

  it('without comments both unknown bodies are reported', () => {
    assert.equal(unknownLines(plain).length, 2);
  });

  it('disable-file: the rule (or its group, or every rule) is off in the whole brief', () => {
    assert.deepEqual(unknownLines(brief(['Issuing bodies: XYZB', 'Issuing bodies: QQQB'], '<!-- policy-brief-disable-file issuing-body.unknown -->')), []);
    assert.deepEqual(unknownLines(brief(['Issuing bodies: XYZB', 'Issuing bodies: QQQB'], '<!-- policy-brief-disable-file issuing-body -->')), []);
    assert.deepEqual(unknownLines(brief(['Issuing bodies: XYZB', 'Issuing bodies: QQQB'], '<!-- policy-brief-disable-file citation.link-placeholder -->')), [first, second]);
  });

  it('disable-line and disable-next-line: only that line', () => {
    assert.deepEqual(unknownLines(brief(['Issuing bodies: XYZB <!-- policy-brief-disable-line issuing-body.unknown -->', 'Issuing bodies: QQQB'])), [second]);
    const next = brief(['Issuing bodies: XYZB', 'Issuing bodies: QQQB']).replace('Issuing bodies: QQQB', '<!-- policy-brief-disable-next-line -->\nIssuing bodies: QQQB');
    assert.deepEqual(unknownLines(next), [first]);
  });

  it('disable … enable: off between the two comments', () => {
    const text = brief(['Issuing bodies: XYZB', 'Issuing bodies: QQQB'])
      .replace('## 1. Topic', '<!-- policy-brief-disable issuing-body.unknown -->\n\n## 1. Topic')
      .replace('## 2. Topic', '<!-- policy-brief-enable issuing-body.unknown -->\n\n## 2. Topic');
    assert.equal(unknownLines(text).length, 1);
  });

  it('a comment shown in fenced code (an example in the brief) turns nothing off', () => {
    const fenced = brief(['Issuing bodies: XYZB', 'Issuing bodies: QQQB'], '```markdown\n<!-- policy-brief-disable-file issuing-body.unknown -->\n```');
    assert.equal(unknownLines(fenced).length, 2);
    assert.deepEqual(unknownLines(fenced.replace('```markdown\n', '').replace('-->\n```', '-->')), []);
  });
});
