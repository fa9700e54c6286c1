/**
 * An empty array that V8 already treats as holding objects. A plain [] starts as an array of
 * small integers and changes kind on its first object; optimised code built for the changed kind
 * then fails on the next run's fresh [], and is thrown away and rebuilt. Starting every run's
 * arrays in their final kind avoids that.
 */
export function objectArray<T>(): T[] {
  const a: unknown[] = [null];
  a.pop();
  return a as T[];
}
