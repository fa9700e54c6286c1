type TypedArray = Int32Array | Float64Array | Uint8Array;

/**
 * A typed array copied into a larger one of the same kind: the old values first, the rest `fill`.
 * The sim keeps its records in typed arrays and doubles them as they fill up.
 */
export function grown<A extends TypedArray>(a: A, size: number, fill = 0): A {
  const b = new (a.constructor as new (length: number) => A)(size);
  if (fill !== 0) b.fill(fill);
  b.set(a);
  return b;
}

/** The size to grow to: doubled until it has room for index. */
export function roomFor(length: number, index: number): number {
  let size = length * 2;
  while (size <= index) size *= 2;
  return size;
}
