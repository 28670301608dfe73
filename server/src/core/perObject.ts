/*
 * What is worked out once per object (a catalog entry, a message matcher, a lookup's shared list)
 * and kept while the object lives: catalogs reloaded leave their old entries, and their values, to
 * the collector.
 */

/** `make`, called once per key and its answer kept; `make` never answers undefined. */
export function perObject<K extends object, V>(make: (key: K) => V): (key: K) => V {
  const made = new WeakMap<K, V>();
  return (key) => {
    let value = made.get(key);
    if (value === undefined) {
      value = make(key);
      made.set(key, value);
    }
    return value;
  };
}
