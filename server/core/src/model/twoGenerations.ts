/** The two-generation map behind the parse and findings caches. */

/**
 * A map that keeps what was used in the current and the previous generation: `use` finds a
 * value in either (creating it if need be) and keeps it in the current one; `rotate` starts a
 * new generation, dropping what the previous one did not use again.
 */
export class TwoGenerations<K, V> {
  private current = new Map<K, V>();
  private previous = new Map<K, V>();

  use(key: K, create: () => V): V {
    let value = this.current.get(key) ?? this.previous.get(key);
    if (value === undefined) value = create();
    this.current.set(key, value);
    return value;
  }

  rotate(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  clear(): void {
    this.current.clear();
    this.previous.clear();
  }
}
