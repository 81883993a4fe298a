/**
 * The one line scanner (`model/lines.ts`) and the places that read fences through it: splitting
 * sections, cutting block chunks and recognising a brief must agree on what is code.
 */
import * as assert from 'node:assert/strict';
import { FenceTracker, forEachLine, looksLikeBrief, parseBrief } from '../../server/core/src/index';
import { splitSections } from '../../server/core/src/model/sections';
import { splitBlockChunks } from '../../server/core/src/model/blocks';
import { defaultConfig } from '../support/config';

function roles(text: string): string[] {
  const fences = new FenceTracker();
  const out: string[] = [];
  forEachLine(text, 0, (start, end) => void out.push(fences.next(text.slice(start, end)) ?? '-'));
  return out;
}

describe('line scanner and fences', () => {
  it('walks CRLF, CR and LF lines, the last one without a break included', () => {
    const text = 'a\r\nb\rc\nd';
    const lines: string[] = [];
    forEachLine(text, 0, (start, end, index) => void lines.push(`${index}:${text.slice(start, end)}`));
    assert.deepEqual(lines, ['0:a', '1:b', '2:c', '3:d']);
  });

  it('closes a fence only with the same character, at least as long, alone on its line', () => {
    assert.deepEqual(roles('~~~\n```\n~~\n~~~ x\n~~~~\nafter'), ['open', 'inside', 'inside', 'inside', 'close', '-']);
    assert.deepEqual(roles('````\n```\n````'), ['open', 'inside', 'close']);
    // A backtick fence's info string has no backtick: that line is a paragraph.
    assert.deepEqual(roles('``` a`b\n## 1. x'), ['-', '-']);
    // Four spaces make an indented code line, not a fence.
    assert.deepEqual(roles('    ```\n## 1. x'), ['-', '-']);
  });

  it('a ~~~ fence holding a ``` line before the first topic: looksLikeBrief and splitSections agree', () => {
    const text = '# Issue\n\n~~~\n```\n~~~\n\n## 1. First topic\n\nText.\n';
    const topics = splitSections(text, 2).filter((s) => s.kind === 'topic');
    assert.equal(topics.length, 1, 'splitSections finds the topic');
    assert.equal(looksLikeBrief(text), true, 'looksLikeBrief agrees');
    assert.equal(parseBrief(text, defaultConfig().config.schema).topics.length, 1);
  });

  it('a topic heading inside a fence is neither a topic nor a reason to treat the text as a brief', () => {
    const text = '# Notes\n\n```\n~~~\n## 1. Not a topic\n```\n';
    assert.equal(splitSections(text, 2).length, 1);
    assert.equal(looksLikeBrief(text), false);
  });

  it('block chunks never start inside a fence that holds a blank line', () => {
    const text = 'Para.\n\n~~~\n```\n\nInside.\n~~~\n\nAfter.\n';
    const starts = splitBlockChunks(text).map((c) => text.slice(c.start).split('\n')[0]);
    assert.deepEqual(starts, ['Para.', '~~~', 'After.']);
  });
});
