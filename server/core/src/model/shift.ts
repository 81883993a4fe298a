/**
 * Moving offsets: section-relative models and findings to document offsets (`shiftOffsets`),
 * and chunk-relative mdast to section positions (`shiftPositions`, `shiftPoint`). Each returns a
 * copy and leaves its input as it was.
 */
import type { Point, Position } from 'unist';

/**
 * A deep copy of `value` with `delta` added to every `start` and `end` of span-like objects
 * (objects with numeric `start` and `end`). Used to move section-relative models and findings
 * to document offsets.
 */
export function shiftOffsets<T>(value: T, delta: number): T {
  return delta === 0 ? value : (shiftValue(value, delta) as T);
}

function shiftValue(item: unknown, delta: number): unknown {
  if (item === null || typeof item !== 'object') return item;
  if (Array.isArray(item)) {
    const copy = new Array(item.length);
    for (let i = 0; i < item.length; i++) copy[i] = shiftValue(item[i], delta);
    return copy;
  }
  // A spread copy keeps the source's shape (fast); then the nested objects are replaced by copies.
  const copy: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  for (const key in copy) {
    const child = copy[key];
    if (child !== null && typeof child === 'object') copy[key] = shiftValue(child, delta);
  }
  if (typeof copy.start === 'number' && typeof copy.end === 'number') {
    copy.start = (copy.start as number) + delta;
    copy.end = (copy.end as number) + delta;
  }
  return copy;
}

/**
 * A deep copy of an mdast (sub)tree with every `position` moved by `offset` UTF-16 code units and
 * `lines` lines (columns are kept: a chunk starts at the start of a line). The input is not
 * modified.
 */
export function shiftPositions<T>(node: T, offset: number, lines: number): T {
  return copyShifted(node, offset, lines) as T;
}

function copyShifted(item: unknown, offset: number, lines: number): unknown {
  if (item === null || typeof item !== 'object') return item;
  if (Array.isArray(item)) {
    const copy = new Array(item.length);
    for (let i = 0; i < item.length; i++) copy[i] = copyShifted(item[i], offset, lines);
    return copy;
  }
  const copy: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  for (const key in copy) {
    const child = copy[key];
    if (child === null || typeof child !== 'object') continue;
    if (key === 'position') {
      const position = child as Position;
      copy[key] = { ...position, start: shiftPoint(position.start, offset, lines), end: shiftPoint(position.end, offset, lines) };
    } else {
      copy[key] = copyShifted(child, offset, lines);
    }
  }
  return copy;
}

/** A unist point moved by `offset` code units and `lines` lines. */
export function shiftPoint(point: Point, offset: number, lines: number): Point {
  const moved = { ...point, line: point.line + lines };
  if (point.offset !== undefined) moved.offset = point.offset + offset;
  return moved;
}
