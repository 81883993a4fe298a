/**
 * Decoding file contents as UTF-8 without losing anything: a brief that is not UTF-8 (saved as
 * GBK, Big5 or Latin-1, say) would otherwise be read with U+FFFD in place of each bad byte, checked
 * as garbage, and written back that way by `--fix` — every such character destroyed.
 */

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Whether `bytes` decode as UTF-8; with `stream`, an incomplete sequence at the end counts as valid (more may follow). */
function validPrefix(bytes: Uint8Array, stream = true): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes, { stream });
    return true;
  } catch {
    return false;
  }
}

/**
 * `bytes` as text, or why they are not UTF-8. A byte-order mark is kept (as U+FEFF), so text
 * written back keeps it.
 * @returns `{ text }`, or `{ error }`: a sentence naming the first invalid byte (hex) and its
 *   1-based line, e.g. "not UTF-8 text (byte 0xE9 on line 12)"
 */
export function decodeUtf8(bytes: Uint8Array): { text: string; error?: undefined } | { text?: undefined; error: string } {
  try {
    return { text: fatal.decode(bytes) };
  } catch {
    // The longest valid prefix ends just before the first invalid byte (binary search: valid
    // prefixes are all shorter than invalid ones).
    let low = 0;
    let high = bytes.length;
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (validPrefix(bytes.subarray(0, middle))) low = middle;
      else high = middle - 1;
    }
    // That prefix may end in the start of a sequence the next byte broke (0xE9 then a space):
    // the bad byte to name is where that sequence starts.
    let at = Math.min(low, bytes.length - 1);
    if (!validPrefix(bytes.subarray(0, low), false)) {
      let start = low - 1;
      while (start > 0 && (bytes[start] & 0xc0) === 0x80) start--;
      at = start;
    }
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
    return { error: `not UTF-8 text (byte 0x${bytes[at].toString(16).toUpperCase().padStart(2, '0')} on line ${line})` };
  }
}
