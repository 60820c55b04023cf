// The JSON Schema shipped for YAML editors is generated from the same zod schemas as the loader uses.
import * as assert from 'node:assert/strict';
import { KINDS, SCHEMAS } from '../../src/core';
import { alignmentJsonSchema } from '../../src/core/jsonSchema';

interface ItemSchema {
  properties: Record<string, { const?: string }>;
  required: string[];
  additionalProperties: boolean;
  patternProperties: Record<string, unknown>;
}

describe('generated JSON Schema', () => {
  const schema = alignmentJsonSchema() as { $schema: string; oneOf: [{ oneOf: ItemSchema[] }, { type: string; items: unknown }] };
  const items = schema.oneOf[0].oneOf;

  it('is draft-07 and accepts an item or a list of items', () => {
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(schema.oneOf[1].type, 'array');
    assert.deepEqual(schema.oneOf[1].items, schema.oneOf[0]);
  });

  it('has one entry per kind, with the keys of the zod schema, unknown keys refused and x- keys allowed', () => {
    assert.deepEqual(items.map((item) => item.properties.kind?.const), KINDS);
    for (const item of items) {
      const kind = item.properties.kind?.const as keyof typeof SCHEMAS;
      assert.deepEqual(Object.keys(item.properties).sort(), Object.keys(SCHEMAS[kind].shape).sort(), kind);
      assert.equal(item.additionalProperties, false, kind);
      assert.deepEqual(Object.keys(item.patternProperties), ['^x-'], kind);
      assert.ok(item.required.includes('id') && item.required.includes('kind'), kind);
    }
  });

  it('keeps keys with defaults optional, as the loader does', () => {
    const flag = items.find((item) => item.properties.kind?.const === 'flag') as ItemSchema;
    assert.ok(!flag.required.includes('severity'));
    assert.ok(!flag.required.includes('status'));
    assert.ok(flag.required.includes('reality'));
  });
});
