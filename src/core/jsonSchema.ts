// Generates the JSON Schema shipped in the package (dist/alignment.schema.json) from the zod schemas,
// so YAML editors offer completion and hover without the format being written twice.
import { z } from 'zod';
import { SCHEMAS } from './schemas';

export function alignmentJsonSchema(): Record<string, unknown> {
  const item = z.union(Object.values(SCHEMAS));
  const generated = z.toJSONSchema(z.union([item, z.array(item)]), { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...generated,
    $id: 'https://truthline.invalid/alignment.schema.json',
    title: 'Truthline .alignment/ item (format v1)',
    description: 'One item with a kind, or a list of items. Top-level keys starting with "x-" are free for extensions.',
  };
}
