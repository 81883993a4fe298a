/**
 * Hover in-process, on the pure core: `|` marks the cursor. Hovers speak words, not the
 * catalogue's keys (levels, source keys). Over the real protocol: test/lsp/actions.test.ts.
 */
import * as assert from 'node:assert/strict';
import { hover, LineIndex, parseBrief } from '../../server/core/src/index';
import * as path from 'node:path';
import { loadConfig } from '../../server/src/config/projectConfig';
import { defaultConfig, repoRoot } from '../support/config';

function hoverAt(textWithCursor: string): string | undefined {
  const offset = textWithCursor.indexOf('|');
  const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
  const { config } = defaultConfig();
  return hover({ model: parseBrief(text, config.schema), lineIndex: new LineIndex(text), schema: config.schema, catalogue: config.catalogue }, offset)?.markdown;
}

const brief = (line: string) => ['## 1. One', '', '**At a glance:** Text.', '', 'Article: Guiding Opinions on X (关于推动铸造和锻压行业高质量发展的指导意见)', line, 'Date: April 14, 2023', ''].join('\n');

describe('hover (core, in process)', () => {
  it('an issuing body: level in words, sources as links named by their site, no internal keys', () => {
    const markdown = hoverAt(brief('Issuing bodies: MI|IT, NDRC'))!;
    assert.match(markdown, /\*\*Ministry of Industry and Information Technology\*\* · 工业和信息化部/);
    assert.match(markdown, /- Level: One of the 26 ministries/);
    assert.match(markdown, /- Sources: \[[a-z.]+\]\(https?:\/\//);
    assert.doesNotMatch(markdown, /constituent-department|itlaw-miit|\bSource: [a-z-]+(,|$)/);
  });

  it('an ambiguous abbreviation: the bodies that existed on the cited date, or the one body if only one did (MOC in 2006 / 2020)', () => {
    const dated = (date: string) => brief('Issuing bodies: MO|C').replace('Date: April 14, 2023', `Date: ${date}`);
    const in2006 = hoverAt(dated('July 11, 2006'))!;
    assert.match(in2006, /ambiguous: MOFCOM .*MOC-CULTURE .*MOC-CONSTRUCTION/);
    assert.match(hoverAt(dated('May 1, 2012'))!, /ambiguous: MOFCOM \(Ministry of Commerce, 商务部\); MOC-CULTURE \(Ministry of Culture, 文化部\)\.$/);
    assert.match(hoverAt(dated('May 1, 2020'))!, /\*\*Ministry of Commerce\*\* · 商务部/);
  });

  it('a body that was replaced: predecessors and successors by abbreviation and Chinese name', () => {
    const markdown = hoverAt(brief('Issuing bodies: CBI|RC'))!;
    assert.match(markdown, /- Existed: .* – 2023/);
    assert.match(markdown, /- Successors: NFRA \(国家金融监督管理总局\)/);
  });

  it('a catalogue title: issuing bodies by name, sources as links, the Chinese title', () => {
    const markdown = hoverAt(brief('Issuing bodies: MIIT').replace('关于推动铸造', '关于推|动铸造'))!;
    assert.match(markdown, /- Issuing bodies: MIIT \(工业和信息化部\), NDRC \(国家发展和改革委员会\), MEE \(生态环境部\)/);
    assert.match(markdown, /- Sources: \[[a-z.]+\]\(https?:\/\//);
  });

  it('in other publications: a body in the topic heading, a body on a citation line, a Chinese title in the prose', () => {
    const publication = (name: string) => loadConfig(path.join(repoRoot, 'examples', 'publications', name, '.policy-brief')).config;
    const at = (name: string, textWithCursor: string) => {
      // `‸` marks the cursor here: `|` is part of the format.
      const offset = textWithCursor.indexOf('‸');
      const text = textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1);
      const config = publication(name);
      return hover({ model: parseBrief(text, config.schema), lineIndex: new LineIndex(text), schema: config.schema, catalogue: config.catalogue }, offset)?.markdown;
    };
    const tmt = '---\ndate: 2024-09-10\n---\n\n# Update\n\nIntro.\n\n## 1. MI‸IT and SAC issued guidelines for robots (26 August)\n\nA summary.\n';
    assert.match(at('china-tmt-update', tmt) ?? '', /\*\*Ministry of Industry and Information Technology\*\*/);
    // A year-less date takes the issue's year, as the rules read it: MOC on 26 August 2020 is MOFCOM (not 2000's two ministries).
    const moc = '---\ndate: 2020-09-10\n---\n\n# Update\n\nIntro.\n\n## 1. MO‸C issued rules on trade fairs (26 August)\n\nA summary.\n';
    assert.match(at('china-tmt-update', moc) ?? '', /\*\*Ministry of Commerce\*\*/);
    const tracker = '# Tracker\n\n## Data exports\n\nPolicy | Data\n\nC‸AC | 07.2022\n\n《数据出境安全评估办法》\n\nA summary.\n';
    assert.match(at('policy-tracker', tracker) ?? '', /Cyberspace Administration of China/);
    const prose = '# Tracker\n\n## Data exports\n\nPolicy | Data\n\nCAC | 07.2022\n\n《数据出境安全评估办法》\n\nThe rules follow the 《个人信息出境标准合‸同办法》 of last year.\n';
    assert.notEqual(at('policy-tracker', prose), undefined, 'a catalogued Chinese title in the prose');
  });
});
