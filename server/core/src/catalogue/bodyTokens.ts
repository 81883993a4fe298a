/**
 * Issuing-body names in an `Issuing bodies:` value (or a pattern's `issuing-bodies` capture),
 * read against the catalogue. The parser (model/citationFields.ts `splitBodies`) splits on
 * separators without knowing the names: on `,` `、` `;`, and on ` and ` / `&` only between
 * one-word names. So a full name that contains a comma ("State Administration of Science,
 * Technology and Industry for National Defense") arrives in pieces, and a list that joins a full
 * name with `and` ("National Development and Reform Commission and MEE", "Ministry of Industry
 * and Information Technology and the NDRC") or has an Oxford comma ("MIIT, NDRC, and MEE")
 * arrives as one piece. This module is the one place that reads the names: it cuts the pieces at
 * every ` and ` / `&` too (a `the` before a name is dropped), then joins adjacent parts whose
 * joined text is a catalogue name, longest match first. Parts the catalogue does not know and
 * that stand between ` and `s stay one name unless each is a single word (the parser's rule), so
 * "Ministry of Foo and Bar" is one unknown name and "MIIT and fag" two.
 */
import type { Citation, Span } from '../model/types';
import type { Catalogue } from './catalogue';

/** Most parts one catalogue name can span (a name with up to four commas or `and`s). */
const MAX_PARTS = 6;

const memo = new WeakMap<Span[], WeakMap<Catalogue, Span[]>>();

/**
 * The issuing-body names of a citation, each with its span (UTF-16 document offsets), in order.
 * @param text the whole document
 */
export function issuingBodyNames(citation: Citation, catalogue: Catalogue, text: string): Span[] {
  const pieces = citation.issuingBodies?.bodies;
  if (!pieces?.length) return [];
  let byCatalogue = memo.get(pieces);
  if (!byCatalogue) memo.set(pieces, (byCatalogue = new WeakMap()));
  let names = byCatalogue.get(catalogue);
  if (!names) byCatalogue.set(catalogue, (names = tokenise(pieces, catalogue, text)));
  return names;
}

/** One part of a piece: its span and whether only ` and ` / `&` (no list separator) joins it to the part before. */
interface Part extends Span {
  andBefore: boolean;
}

/**
 * The parts of the parser's pieces: each piece cut at every ` and ` / `&`, trimmed, a `the` after
 * an `and` dropped (`MIIT and the CAC`), empty parts left out (`, and MEE`).
 */
function partsOf(pieces: Span[], text: string): Part[] {
  const parts: Part[] = [];
  const push = (start: number, end: number, afterAnd: boolean) => {
    const raw = text.slice(start, end);
    const lead = (afterAnd ? /^\s*(?:the\s+)?/iu : /^\s*/u).exec(raw)![0].length;
    const from = start + lead;
    const to = end - (raw.length - raw.trimEnd().length);
    if (to <= from) return;
    const previous = parts[parts.length - 1];
    const andBefore = !!previous && !/[,，、;；\r\n]/u.test(text.slice(previous.end, from));
    parts.push({ start: from, end: to, text: text.slice(from, to), andBefore });
  };
  for (const piece of pieces) {
    let last = piece.start;
    let afterAnd = false;
    for (const m of piece.text.matchAll(/\band\b|&/giu)) {
      push(last, piece.start + m.index!, afterAnd);
      last = piece.start + m.index! + m[0].length;
      afterAnd = true;
    }
    push(last, piece.end, afterAnd);
  }
  return parts;
}

function tokenise(pieces: Span[], catalogue: Catalogue, text: string): Span[] {
  const parts = partsOf(pieces, text);
  // Catalogue names first, longest match first.
  const tokens: { span: Span; known: boolean; andBefore: boolean; oneWord: boolean }[] = [];
  for (let i = 0; i < parts.length; i++) {
    let matched = -1;
    for (let j = Math.min(parts.length - 1, i + MAX_PARTS - 1); j >= i && matched < 0; j--) {
      const joined = text.slice(parts[i].start, parts[j].end);
      // Only separators between the parts (no line break, no other text).
      if (j > i && /[\r\n]/.test(joined)) continue;
      if (catalogue.lookupBody(joined) || catalogue.ambiguous.has(joined.toUpperCase())) matched = j;
    }
    const andBefore = parts[i].andBefore;
    if (matched >= 0) {
      tokens.push({ span: { start: parts[i].start, end: parts[matched].end, text: text.slice(parts[i].start, parts[matched].end) }, known: true, andBefore, oneWord: false });
      i = matched;
    } else tokens.push({ span: parts[i], known: false, andBefore, oneWord: /^\S+$/u.test(parts[i].text) });
  }
  // Unknown parts joined by ` and ` only: one name, unless each is one word (`MIIT and fag`).
  const names: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let k = i;
    if (!tokens[i].known) while (k + 1 < tokens.length && !tokens[k + 1].known && tokens[k + 1].andBefore) k++;
    const run = tokens.slice(i, k + 1);
    if (run.length > 1 && !run.every((t) => t.oneWord)) {
      const start = run[0].span.start;
      const end = run[run.length - 1].span.end;
      names.push({ start, end, text: text.slice(start, end) });
    } else names.push(...run.map((t) => t.span));
    i = k;
  }
  return names;
}
