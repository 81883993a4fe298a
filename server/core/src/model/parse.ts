/**
 * Markdown → mdast → the typed brief model (`BriefModel`).
 *
 * The document is split into the intro and one section per topic heading (`splitSections`);
 * each section is parsed with remark on its own, so a `ParseCache` lets an editor re-parse
 * only the topics an edit touched. All spans in the model are UTF-16 offsets into the whole
 * document. Never throws on any input string.
 */
import type { Root } from 'mdast';
import { parseMarkdown, parseSkeleton } from './markdown';
import { splitSections, type Section, type SectionLayout } from './sections';
import { normalizeLabel } from './labels';
import { ModelBuilder } from './topicReader';
import type { IntroParts, ParseCache } from './parseCache';
import type { BriefModel, LabelMatch } from './types';
import type { IssueSchema } from '../schema/types';

/** A section as `parseBrief` parses it: `[start, end)` in UTF-16 offsets of the document, and its text. */
export interface BriefSection extends Section {
  text: string;
}

/**
 * The sections of `text` (`splitSections`) exactly as `parseBrief` parses them: a BOM is not
 * part of the Markdown, so the intro starts after it. With `cache`, the split of the last text is
 * reused.
 */
export function briefSections(text: string, layout: number | SectionLayout, cache?: ParseCache): readonly BriefSection[] {
  if (cache) return cache.sections(text, layout);
  return splitSections(text, layout).map((section) => {
    const start = section.start === 0 && text.charCodeAt(0) === 0xfeff ? 1 : section.start;
    return { kind: section.kind, start, end: section.end, text: text.slice(start, section.end) };
  });
}

/** Everything `parseBrief` needs from the schema: labels and heading level. */
export type ParseOptions = Pick<IssueSchema, 'issue' | 'topic'>;

const layouts = new WeakMap<object, SectionLayout>();

/** The section layout of `schema` (topic, group and closing headings), one object per schema object. */
export function sectionLayout(schema: Pick<IssueSchema, 'issue'>): SectionLayout {
  let layout = layouts.get(schema);
  if (!layout) {
    const { topics, groups, closing } = schema.issue;
    layout = { headingLevel: topics.headingLevel, groupLevel: groups?.headingLevel, closing: closing?.headings?.map(normalizeLabel) };
    layouts.set(schema, layout);
  }
  return layout;
}

/**
 * Builds the brief model of `text`.
 * @param text the whole document, as in the editor (BOM, CRLF kept)
 * @param schema the issue schema (labels, topic heading level)
 * @param cache optional parse cache shared across versions of the same document
 */
export function parseBrief(text: string, schema: ParseOptions, cache?: ParseCache): BriefModel {
  const builder = new ModelBuilder(text, schema);
  const model: BriefModel = { text, topics: [], sections: [] };
  for (const { kind, start, end, text: sectionText } of briefSections(text, sectionLayout(schema), cache)) {
    let root = cache ? cache.get(sectionText) : parseMarkdown(sectionText);
    const index = model.topics.length;
    try {
      readSection(model, builder, kind, root, start, index, sectionText, schema, cache);
    } catch (error) {
      // A tree too deep for the model's walkers (a stack overflow): read the section's skeleton instead.
      root = unparsedSection(sectionText, error);
      model.topics.length = index;
      readSection(model, builder, kind, root, start, index, sectionText, schema, undefined);
    }
    model.sections.push({ start, end, text: sectionText, root });
    for (const limit of root.data?.limits ?? []) (model.limits ??= []).push({ ...limit, start: limit.start + start, end: limit.end + start });
  }
  cache?.sweep();
  return model;
}

/** Adds the intro's parts or the topic of one section to `model`. */
function readSection(model: BriefModel, builder: ModelBuilder, kind: Section['kind'], root: Root, start: number, index: number, sectionText: string, schema: ParseOptions, cache: ParseCache | undefined): void {
  if (kind === 'intro') {
    // The intro is always first (same base while its text is unchanged): its parts are cached as read.
    const intro = cache ? cache.intro(sectionText, start, schema, () => readIntro(builder, root, start)) : readIntro(builder, root, start);
    Object.assign(model, intro);
  }
  else if (kind === 'group' || kind === 'closing') builder.readOutside(model, kind, root, start);
  else if (!cache) model.topics.push(builder.readTopic(root, start, index));
  // Topics are independent: build each from its own text (offsets relative to the section), cache, move.
  else model.topics.push(cache.topic(sectionText, index, start, schema, () => new ModelBuilder(sectionText, schema).readTopic(root, 0, index)));
}

/**
 * The parts of the intro (front matter, title, byline, topics list: every model field `readIntro`
 * sets) read from its tree at document offset `base`.
 */
function readIntro(builder: ModelBuilder, root: Root, base: number): IntroParts {
  const part: BriefModel = { text: '', topics: [], sections: [] };
  builder.readIntro(part, root, base);
  const { text: _text, topics: _topics, sections: _sections, ...parts } = part;
  return parts;
}

/** The skeleton of a section whose tree could not be read, with a 'failed' limit. */
function unparsedSection(sectionText: string, error: unknown): Root {
  const root = parseSkeleton(sectionText);
  root.data = { limits: [{ start: 0, end: sectionText.length, reason: 'failed', detail: (error as Error)?.message ?? String(error) }] };
  return root;
}

export type { LabelMatch };
