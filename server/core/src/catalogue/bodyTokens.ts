/**
 * Issuing-body names in an `Issuing bodies:` value, tokenised against the catalogue: the parser
 * splits on separators (`,` `、` `;` `and` between one-word names) without knowing the names, so
 * a full name that contains a comma ("State Administration of Science, Technology and Industry
 * for National Defense") arrives in pieces. Adjacent pieces whose joined text is a catalogue name
 * are merged back, longest match first.
 */
import type { Citation, Span } from '../model/types';
import type { Catalogue } from './catalogue';

/** Most pieces one catalogue name can span (a name with up to four commas). */
const MAX_PIECES = 5;

const memo = new WeakMap<Span[], WeakMap<Catalogue, Span[]>>();

/**
 * The issuing-body names of a citation, each with its span (UTF-16 document offsets).
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

function tokenise(pieces: Span[], catalogue: Catalogue, text: string): Span[] {
  const names: Span[] = [];
  for (let i = 0; i < pieces.length; i++) {
    let merged: Span | undefined;
    for (let j = Math.min(pieces.length - 1, i + MAX_PIECES - 1); j > i && !merged; j--) {
      const joined = text.slice(pieces[i].start, pieces[j].end);
      // Only plain separators between the pieces (no line break, no other text).
      if (/[\r\n]/.test(joined)) continue;
      if (catalogue.lookupBody(joined)) {
        merged = { start: pieces[i].start, end: pieces[j].end, text: joined };
        i = j;
      }
    }
    names.push(merged ?? pieces[i]);
  }
  return names;
}
