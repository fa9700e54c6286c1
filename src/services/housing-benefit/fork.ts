// A fork of a simulation: a deep copy of everything it holds at one moment, so that an office
// warmed up once through its inherited history can start any number of runs (see run.ts). A fork
// and its original share nothing that either changes: advancing one never moves the other.
//
// Everything a Simulation holds is data: class instances whose methods live on their prototypes,
// typed arrays, arrays, Maps and plain objects; none holds a closure (an arrow-function field or a
// bound method would go on pointing at the original's `this` in a copy). deepCopy refuses a
// function, and a built-in whose state is not in its own properties (Date, WeakMap...), rather
// than fork it wrongly.
//
// Why copies are filled into objects made by the classes' own constructors where they can be (the
// `into` below), rather than made by Object.create: V8 gives an object made by Object.create and
// filled in property by property a hidden class of its own, in dictionary mode (slow) once it has
// a few dozen properties; and an object copied by spread then given its prototype gets hidden
// classes that live only as long as some copy does, so a garbage collection that frees the last
// fork makes the next fork's new ones, and the optimised code is thrown away again. The sim's hot
// paths, optimised for the hidden classes its constructors make, ran several times slower on such
// forks (measured: a year of housing benefit in 0.5 to 3 s against 0.25 s fresh, and the fresh
// runs slowed alongside). A fork filled into objects the constructors made has their hidden
// classes, which the kept original keeps alive, and runs as fast as a fresh sim.
import type { Level } from '../../levels/schema';
import { Simulation } from './simulation';

/**
 * Where a deep copy goes: `memo` maps each original already copied to what stands for it in the
 * copy (seed it with an object mapped to itself, or to a stand-in, to share it rather than copy
 * it); `taken` holds every object already used in the copy.
 */
interface Copying {
  memo: Map<object, object>;
  taken: Set<object>;
}

/**
 * A deep copy of x. A class instance's copy has the same prototype and a copy of each own
 * property; typed arrays, arrays, Maps and Sets are copied; an object met twice is copied once,
 * so two references to one object still point at one copy, and cycles close; primitives are kept.
 *
 * `into`, if given, is an object of the same shape made afresh (by the same constructors): each
 * object of x is copied into the object at the same place in `into`, where there is one of the same
 * class and the same properties, and made by its class's constructor where its class takes no
 * arguments; objects at the same place in both (the level, what is prepared from it, constants)
 * are shared, as two fresh objects share them.
 */
export function deepCopy<T>(x: T, into?: T, memo: Map<object, object> = new Map()): T {
  return copyOf(x, into, { memo, taken: new Set(memo.values()) }) as T;
}

function copyOf(x: unknown, into: unknown, c: Copying): unknown {
  if (typeof x !== 'object' || x === null) {
    if (typeof x === 'function') throw new TypeError('deepCopy: a function cannot be forked (it may close over its object)');
    return x;
  }
  const known = c.memo.get(x);
  if (known !== undefined) return known;
  if (into === x) {
    // What a fresh copy holds too, at the same place, is shared by construction.
    c.memo.set(x, x);
    c.taken.add(x);
    return x;
  }
  if (ArrayBuffer.isView(x)) {
    // A typed array's buffer is copied with it: views sharing one buffer would each get their own (the sim has none).
    if (x instanceof DataView) throw new TypeError('deepCopy: a DataView cannot be forked');
    return keep(x, (x as Int32Array).slice(), c);
  }
  if (Array.isArray(x)) {
    if (Array.isArray(into) && !c.taken.has(into) && !hasHoles(x)) {
      // Refilled, not sliced: the fresh array has the kind of elements the program gave it (see
      // objectArray), and pushing takes it where the program's pushes took the original. (Sliced,
      // then filled with copies here, arrays without holes came out as arrays with holes in V8.)
      const fresh = keep(x, into as unknown[], c);
      const old = fresh.slice();
      fresh.length = 0;
      for (let i = 0; i < x.length; i++) {
        const v: unknown = x[i];
        fresh.push(typeof v === 'object' || typeof v === 'function' ? copyOf(v, old[i], c) : v);
      }
      return fresh;
    }
    const copy = keep(x, x.slice(), c);
    for (let i = 0; i < x.length; i++) {
      const v: unknown = x[i];
      if (typeof v === 'object' || typeof v === 'function') copy[i] = copyOf(v, undefined, c);
    }
    return copy;
  }
  if (x instanceof Map) {
    const copy = keep(x, new Map<unknown, unknown>(), c);
    const old = into instanceof Map ? into : null;
    for (const [k, v] of x) copy.set(copyOf(k, undefined, c), copyOf(v, old?.get(k), c));
    return copy;
  }
  if (x instanceof Set) {
    const copy = keep(x, new Set<unknown>(), c);
    for (const v of x) copy.add(copyOf(v, undefined, c));
    return copy;
  }
  const tag = Object.prototype.toString.call(x);
  if (tag !== '[object Object]') throw new TypeError(`deepCopy: ${tag} cannot be forked`);
  const from = x as Record<string, unknown>;
  const keys = Object.keys(from);
  const made = blank(from, keys, into, c);
  const copy = keep(x, made ?? { ...from }, c);
  if (made === null) {
    // Made by no constructor: x's own properties, given x's prototype, and their objects copied anew.
    const proto = Object.getPrototypeOf(x) as object | null;
    if (proto !== Object.prototype) Object.setPrototypeOf(copy, proto);
    for (const key of keys) {
      const v = from[key];
      if (typeof v === 'object' || typeof v === 'function') copy[key] = copyOf(v, undefined, c);
    }
    return copy;
  }
  for (const key of keys) {
    const v = from[key];
    copy[key] = typeof v === 'object' || typeof v === 'function' ? copyOf(v, copy[key], c) : v;
  }
  return copy;
}

function keep<T extends object>(x: object, copy: T, c: Copying): T {
  c.memo.set(x, copy);
  c.taken.add(copy);
  return copy;
}

/**
 * A fresh object for x to be copied into: `into` if it is one of x's class with x's properties;
 * else one made by x's class's constructor, if it takes no arguments and makes x's properties;
 * else null.
 */
function blank(x: Record<string, unknown>, keys: readonly string[], into: unknown, c: Copying): Record<string, unknown> | null {
  const proto = Object.getPrototypeOf(x) as object | null;
  if (typeof into === 'object' && into !== null && !c.taken.has(into) && Object.getPrototypeOf(into) === proto && sameKeys(into, keys)) {
    return into as Record<string, unknown>;
  }
  const make = proto === null ? null : (proto as { constructor?: unknown }).constructor;
  if (typeof make === 'function' && make.length === 0 && make.prototype === proto && make !== Object) {
    const made = new (make as new () => Record<string, unknown>)();
    if (sameKeys(made, keys)) return made;
  }
  return null;
}

function hasHoles(a: readonly unknown[]): boolean {
  for (let i = 0; i < a.length; i++) if (!(i in a)) return true;
  return false;
}

function sameKeys(o: object, keys: readonly string[]): boolean {
  const own = Object.keys(o);
  if (own.length !== keys.length) return false;
  for (const key of keys) if (!Object.hasOwn(o, key)) return false;
  return true;
}

/**
 * A fork of a simulation now: a deep copy made into a sim set up afresh (without its history),
 * sharing the level, never copying it. The level is never changed once validated, and the fork
 * draws from the distributions prepared from it (random.ts). `level` may be another object with the
 * same content (the same levelHash): the fork then refers to it wherever the original refers to
 * its own.
 */
export function forkSimulation(sim: Simulation, level: Level = sim.level): Simulation {
  const fresh = new Simulation(sim.level, sim.seed, sim.regime, { journal: sim.journaling, warmUp: false });
  const memo = new Map<object, object>();
  shareLevel(sim.level, level, memo);
  return deepCopy(sim, fresh, memo);
}

/**
 * Maps every object of the original's level to its counterpart in `level` (the same object when
 * it is the same level), so the copy shares them. Counterparts are found by the same keys: the
 * levels have the same content, so they have the same shape; where they do not quite (a key
 * absent from one and undefined in the other), the original's object is shared.
 */
function shareLevel(from: unknown, to: unknown, memo: Map<object, object>): void {
  if (typeof from !== 'object' || from === null || memo.has(from)) return;
  const counterpart = typeof to === 'object' && to !== null && Array.isArray(to) === Array.isArray(from) ? to : from;
  memo.set(from, counterpart);
  const f = from as Record<string, unknown>;
  const t = counterpart as Record<string, unknown>;
  for (const key of Object.keys(f)) shareLevel(f[key], t[key], memo);
}
