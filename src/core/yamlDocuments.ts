// YAML documents parsed within bounds. The `yaml` library's composer and its conversion to JavaScript
// take seconds on small hostile inputs (a few hundred nested flow collections, thousands of `- - -` on one
// line), so each document's syntax tree is measured first, on the linear concrete syntax tree, and a
// document nested too deeply or holding too many nodes is refused before it is composed.
import { Composer, Parser, type CST, type Document } from 'yaml';

export interface DocumentLimits {
  /** Collections inside collections; `.alignment/` items need about five. */
  readonly maxDepth: number;
  /** Nodes (collections, pairs' keys and values, scalars) in one document. */
  readonly maxNodes: number;
  /** Syntax errors between documents (the parser's recovery) before reading stops. */
  readonly maxErrors: number;
  /** Documents in one file before reading stops: each costs a Document object, even an empty one. */
  readonly maxDocuments: number;
}

export interface RefusedDocument {
  /** Character offset of the node that broke the limit. */
  readonly at: number;
  readonly reason: 'depth' | 'nodes';
}

export interface ParsedDocuments {
  readonly documents: Document.Parsed[];
  readonly refused: RefusedDocument[];
  /** Where reading stopped (too many errors or documents) and why; the rest of the text is not read. */
  readonly stopped?: { readonly at: number; readonly reason: 'errors' | 'documents' };
}

export function parseDocuments(source: string, limits: DocumentLimits): ParsedDocuments {
  const refused: RefusedDocument[] = [];
  const stop: { stopped?: ParsedDocuments['stopped'] } = {};
  const composer = new Composer({ uniqueKeys: true });
  const documents = Array.from(composer.compose(withinLimits(new Parser().parse(source), limits, refused, stop), true, source.length)) as Document.Parsed[];
  return stop.stopped === undefined ? { documents, refused } : { documents, refused, stopped: stop.stopped };
}

/** The parser's tokens, less the documents that break a limit (and the `...` that ends such a document). */
function* withinLimits(tokens: Iterable<CST.Token>, limits: DocumentLimits, refused: RefusedDocument[], stop: { stopped?: ParsedDocuments['stopped'] }): Generator<CST.Token> {
  let skipEnd = false;
  let errors = 0;
  let documents = 0;
  for (const token of tokens) {
    // The parser's recovery yields one error per stray token (`- - - …` after a list): each costs an
    // Error object in the composer, so a flood of them is cut off instead of composed.
    if (token.type === 'error' && ++errors > limits.maxErrors) {
      stop.stopped = { at: token.offset, reason: 'errors' };
      return;
    }
    if (token.type === 'document' && ++documents > limits.maxDocuments) {
      stop.stopped = { at: token.offset, reason: 'documents' };
      return;
    }
    if (token.type === 'document') {
      const breach = measure(token, limits);
      skipEnd = breach !== undefined;
      if (breach) {
        refused.push(breach);
        continue;
      }
    } else if (token.type === 'doc-end' && skipEnd) {
      skipEnd = false;
      continue;
    }
    yield token;
  }
}

/** Walks the concrete syntax tree with an explicit stack: a deep document must not overflow ours either. */
function measure(document: CST.Document, limits: DocumentLimits): { at: number; reason: 'depth' | 'nodes' } | undefined {
  if (!document.value) return undefined;
  const stack: [CST.Token, number][] = [[document.value, 1]];
  let nodes = 0;
  while (stack.length > 0) {
    const [token, depth] = stack.pop() as [CST.Token, number];
    if (++nodes > limits.maxNodes) return { at: token.offset, reason: 'nodes' };
    if (depth > limits.maxDepth) return { at: token.offset, reason: 'depth' };
    if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      for (const item of token.items as CST.CollectionItem[]) {
        if (item.key) stack.push([item.key, depth + 1]);
        if (item.value) stack.push([item.value, depth + 1]);
      }
    }
  }
  return undefined;
}
