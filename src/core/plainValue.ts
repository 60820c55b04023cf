// A YAML node as plain data, within bounds. Replaces `Document.toJS`, which stringifies collection keys
// (exponential on nested flow keys), loops on an alias to the collection that holds it, and has no budget
// for what aliases expand to. `.alignment/` needs none of that: keys are text, and aliases, where used,
// expand to a bounded number of values.
import { isAlias, isMap, isPair, isScalar, isSeq, type Alias, type Node, type YAMLMap, type YAMLSeq } from 'yaml';

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
  const converter = new PlainConverter(limits);
  try {
    return { ok: true, value: converter.convert(root).value, defects: converter.defects };
  } catch (error) {
    if (error instanceof Budget) return { ok: false, reason: error.reason };
    throw error;
  }
}

interface Converted {
  readonly value: unknown;
  /** How many values it stands for, aliases at their full size. */
  readonly size: number;
}

const NULL_VALUE: Converted = { value: null, size: 1 };

/** One document's conversion: its anchors, what is converted, and the budgets spent so far. */
class PlainConverter {
  readonly defects: PlainDefect[] = [];
  // Anchors seen so far in document order: an alias refers to the latest one of its name before it.
  private readonly anchors = new Map<string, Node>();
  private readonly done = new Map<Node, Converted>();
  private readonly active = new Set<Node>();
  private aliases = 0;
  private values = 0;

  constructor(private readonly limits: PlainLimits) {}

  // Recursion is bounded: parseDocuments refuses documents nested deeper than its limit.
  convert(node: unknown): Converted {
    if (isAlias(node)) return this.alias(node);
    if (!node || typeof node !== 'object') {
      this.count(1);
      return { value: node ?? null, size: 1 };
    }
    const yamlNode = node as Node;
    if (yamlNode.anchor) this.anchors.set(yamlNode.anchor, yamlNode);
    this.active.add(yamlNode);
    this.count(1);
    const result = isScalar(yamlNode) ? { value: yamlNode.value ?? null, size: 1 }
      : isMap(yamlNode) ? this.map(yamlNode)
        : isSeq(yamlNode) ? this.seq(yamlNode)
          : NULL_VALUE;
    this.active.delete(yamlNode);
    this.done.set(yamlNode, result);
    return result;
  }

  private alias(node: Alias): Converted {
    if (++this.aliases > this.limits.maxAliases) throw new Budget('aliases');
    const target = this.anchors.get(node.source);
    if (!target) {
      this.defects.push({ kind: 'unknown-alias', node, name: node.source });
      return NULL_VALUE;
    }
    const converted = this.done.get(target);
    if (!converted || this.active.has(target)) {
      this.defects.push({ kind: 'self-alias', node });
      return NULL_VALUE;
    }
    this.count(converted.size);
    return converted;
  }

  private map(node: YAMLMap): Converted {
    const object: Record<string, unknown> = {};
    let size = 1;
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = pair.key as Node | null;
      if (key !== null && !isScalar(key)) {
        this.defects.push({ kind: 'complex-key', node: key });
        continue;
      }
      if (key?.anchor) {
        this.anchors.set(key.anchor, key);
        this.done.set(key, { value: key.value ?? null, size: 1 });
      }
      const name = String(key?.value ?? '');
      const converted = this.convert(pair.value);
      size += converted.size;
      if (!FORBIDDEN_KEYS.has(name)) object[name] = converted.value;
    }
    return { value: object, size };
  }

  private seq(node: YAMLSeq): Converted {
    const array: unknown[] = [];
    let size = 1;
    for (const item of node.items) {
      const converted = this.convert(item);
      size += converted.size;
      array.push(converted.value);
    }
    return { value: array, size };
  }

  private count(size: number): void {
    this.values += size;
    if (this.values > this.limits.maxValues) throw new Budget('values');
  }
}
