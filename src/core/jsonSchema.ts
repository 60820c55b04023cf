// Generates the JSON Schema shipped in the package (dist/alignment.schema.json) from the zod schemas,
// so YAML editors offer completion and hover without the format being written twice.
import { z } from 'zod';
import { SCHEMAS } from './schemas';

type JsonObject = Record<string, unknown>;

export function alignmentJsonSchema(): JsonObject {
  const items = Object.values(SCHEMAS).map((schema) => {
    // draft-07: what YAML language servers understand; `io: input` keeps defaulted keys optional.
    const generated = z.toJSONSchema(schema, { target: 'draft-7', io: 'input', unrepresentable: 'any' }) as JsonObject;
    delete generated.$schema;
    // Top-level keys starting with "x-" are free for extensions (the loader ignores them too).
    return { ...generated, patternProperties: { '^x-': {} } };
  });
  const item = { oneOf: items };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://truthline.invalid/alignment.schema.json',
    title: 'Truthline .alignment/ item (format v1)',
    description: 'One item with a kind, or a list of items.',
    oneOf: [item, { type: 'array', items: item }],
  };
}
