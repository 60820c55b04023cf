// A YAML node as plain data, within bounds. Replaces `Document.toJS`, which stringifies collection keys
// (exponential on nested flow keys), loops on an alias to the collection that holds it, and has no budget
// for what aliases expand to. `.alignment/` needs none of that: keys are text, and aliases, where used,
// expand to a bounded number of values.
import { isAlias, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';

export interface PlainLimits {
  /** Alias uses allowed in one document. */
  readonly maxAliases: number;
  /** Values a document may expand to, aliases counted at their full size. */
  readonly maxValues: number;
}

export type PlainDefect =
  | { readonly kind: 'complex-key'; readonly node: Node }
  | { readonly kind: 'self-alias'; readonly node: Node }
  | { readonly kind: 'unknown-alias'; readonly node: Node; readonly name: string };

export type PlainResult =
  | { readonly ok: true; readonly value: unknown; readonly defects: readonly PlainDefect[] }
  | { readonly ok: false; readonly reason: 'aliases' | 'values' };

/** Keys that would change how a plain object behaves; reported elsewhere and never copied. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

class Budget extends Error {
  constructor(readonly reason: 'aliases' | 'values') {
    super(reason);
  }
}

export function toPlain(root: Node | null, limits: PlainLimits): PlainResult {
  const defects: PlainDefect[] = [];
  // Anchors seen so far in document order: an alias refers to the latest one of its name before it.
  const anchors = new Map<string, Node>();
  const done = new Map<Node, { value: unknown; size: number }>();
  const active = new Set<Node>();
  let aliases = 0;
  let values = 0;

  const count = (size: number): void => {
    values += size;
    if (values > limits.maxValues) throw new Budget('values');
  };

  // Recursion is bounded: parseDocuments refuses documents nested deeper than its limit.
  const convert = (node: unknown): { value: unknown; size: number } => {
    if (isAlias(node)) {
      if (++aliases > limits.maxAliases) throw new Budget('aliases');
      const target = anchors.get(node.source);
      if (!target) {
        defects.push({ kind: 'unknown-alias', node, name: node.source });
        return { value: null, size: 1 };
      }
      const converted = done.get(target);
      if (!converted || active.has(target)) {
        defects.push({ kind: 'self-alias', node });
        return { value: null, size: 1 };
      }
      count(converted.size);
      return converted;
    }
    if (!node || typeof node !== 'object') {
      count(1);
      return { value: node ?? null, size: 1 };
    }
    const yamlNode = node as Node;
    if (yamlNode.anchor) anchors.set(yamlNode.anchor, yamlNode);
    active.add(yamlNode);
    let result: { value: unknown; size: number };
    if (isScalar(yamlNode)) {
      count(1);
      result = { value: yamlNode.value ?? null, size: 1 };
    } else if (isMap(yamlNode)) {
      count(1);
      const object: Record<string, unknown> = {};
      let size = 1;
      for (const pair of yamlNode.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        if (key !== null && !isScalar(key)) {
          defects.push({ kind: 'complex-key', node: key });
          continue;
        }
        if (key?.anchor) {
          anchors.set(key.anchor, key);
          done.set(key, { value: key.value ?? null, size: 1 });
        }
        const name = String(key?.value ?? '');
        const converted = convert(pair.value);
        size += converted.size;
        if (!FORBIDDEN_KEYS.has(name)) object[name] = converted.value;
      }
      result = { value: object, size };
    } else if (isSeq(yamlNode)) {
      count(1);
      const array: unknown[] = [];
      let size = 1;
      for (const item of yamlNode.items) {
        const converted = convert(item);
        size += converted.size;
        array.push(converted.value);
      }
      result = { value: array, size };
    } else {
      count(1);
      result = { value: null, size: 1 };
    }
    active.delete(yamlNode);
    done.set(yamlNode, result);
    return result;
  };

  try {
    return { ok: true, value: convert(root).value, defects };
  } catch (error) {
    if (error instanceof Budget) return { ok: false, reason: error.reason };
    throw error;
  }
}
