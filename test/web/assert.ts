// Node's `assert`, as far as the integration tests use it, for the suite's browser bundle (the web worker
// extension host has no Node built-ins; scripts/buildWebSuite.mjs aliases `assert` to this file).
// Deep equality compares plain data: primitives, arrays, plain objects, Map, Set, Date, RegExp and Uri-like
// objects by their own enumerable keys.

export class AssertionError extends Error {
  override name = 'AssertionError';
}

function show(value: unknown): string {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : JSON.stringify(value, (_key, inner: unknown) =>
      inner instanceof Map ? { Map: [...inner] } : inner instanceof Set ? { Set: [...inner] } : inner) ?? String(value);
  } catch {
    return String(value); // a cycle: the plain text still says something
  }
}

function fail(message: string | Error | undefined, fallback: string): never {
  if (message instanceof Error) throw message;
  throw new AssertionError(message ?? fallback);
}

function deepEquals(a: unknown, b: unknown, strict: boolean): boolean {
  if (strict ? Object.is(a, b) : a == b || Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (strict && Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (a instanceof RegExp || b instanceof RegExp) return String(a) === String(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map && b instanceof Map) || a.size !== b.size) return false;
    return [...a].every(([key, value]) => b.has(key) && deepEquals(value, b.get(key), strict));
  }
  if (a instanceof Set || b instanceof Set) {
    if (!(a instanceof Set && b instanceof Set) || a.size !== b.size) return false;
    return [...a].every((value) => b.has(value) || [...b].some((other) => deepEquals(value, other, strict)));
  }
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  const recordA = a as Record<string, unknown>;
  const recordB = b as Record<string, unknown>;
  return keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && deepEquals(recordA[key], recordB[key], strict));
}

export function ok(value: unknown, message?: string | Error): asserts value {
  if (!value) fail(message, `expected a truthy value, got ${show(value)}`);
}

export function equal(actual: unknown, expected: unknown, message?: string | Error): void {
  if (!(actual == expected || Object.is(actual, expected))) fail(message, `${show(actual)} == ${show(expected)}`);
}

export function strictEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!Object.is(actual, expected)) fail(message, `Expected values to be strictly equal:\n${show(actual)} !== ${show(expected)}`);
}

export function notStrictEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (Object.is(actual, expected)) fail(message, `Expected values to differ: ${show(actual)}`);
}

export function deepEqual(actual: unknown, expected: unknown, message?: string | Error): void {
  if (!deepEquals(actual, expected, false)) fail(message, `Expected values to be loosely deep-equal:\n${show(actual)}\nshould equal\n${show(expected)}`);
}

export function deepStrictEqual<T>(actual: unknown, expected: T, message?: string | Error): asserts actual is T {
  if (!deepEquals(actual, expected, true)) fail(message, `Expected values to be strictly deep-equal:\n${show(actual)}\nshould equal\n${show(expected)}`);
}

export function match(text: string, pattern: RegExp, message?: string | Error): void {
  if (typeof text !== 'string' || !pattern.test(text)) fail(message, `The input did not match ${String(pattern)}: ${show(text)}`);
}

export function doesNotMatch(text: string, pattern: RegExp, message?: string | Error): void {
  if (typeof text !== 'string' || pattern.test(text)) fail(message, `The input was expected not to match ${String(pattern)}: ${show(text)}`);
}

/** What the tests check a thrown error against: its message matches a pattern, or a predicate accepts it. */
type ErrorCheck = RegExp | ((error: unknown) => boolean);

function checkError(error: unknown, expected: ErrorCheck | undefined, message?: string | Error): void {
  if (expected === undefined) return;
  const text = error instanceof Error ? error.message : String(error);
  const passes = expected instanceof RegExp ? expected.test(text) : expected(error);
  if (!passes) fail(message, `The error "${text}" is not the one expected${expected instanceof RegExp ? ` (${String(expected)})` : ''}`);
}

export async function rejects(promise: Promise<unknown> | (() => Promise<unknown>), expected?: ErrorCheck, message?: string | Error): Promise<void> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    checkError(error, expected, message);
    return;
  }
  fail(message, 'Missing expected rejection');
}

export function throws(block: () => unknown, expected?: ErrorCheck, message?: string | Error): void {
  try {
    block();
  } catch (error) {
    checkError(error, expected, message);
    return;
  }
  fail(message, 'Missing expected exception');
}
