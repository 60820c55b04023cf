// A js-yaml schema that reads plain scalars as the `yaml` library's core schema (YAML 1.2) does: the same
// tests in the same order, and the same conversions. js-yaml's own schemas differ at the edges (`1_000`,
// `+0x1F`, timestamps), and the fast load is only sound if both parsers give the same values.
import { FAILSAFE_SCHEMA, Type, type Schema } from 'js-yaml';

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** Whether a plain scalar can be a number at all: most are words, and each regular expression costs. */
function mayBeNumber(data: string): boolean {
  const first = data.charCodeAt(0);
  return (first >= 0x30 && first <= 0x39) || first === 0x2b || first === 0x2d || first === 0x2e;
}

const nullType = new Type('tag:yaml.org,2002:null', { kind: 'scalar', resolve: (data) => NULL.test(data), construct: () => null });

const boolType = new Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data) => BOOL.test(data),
  construct: (data) => data[0] === 't' || data[0] === 'T',
});

const intType = new Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data) => mayBeNumber(data) && (INT_OCT.test(data) || INT.test(data) || INT_HEX.test(data)),
  construct: (data) => INT_OCT.test(data) ? parseInt(data.substring(2), 8) : INT.test(data) ? parseInt(data, 10) : parseInt(data.substring(2), 16),
});

const floatType = new Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data) => mayBeNumber(data) && (FLOAT_NAN.test(data) || FLOAT_EXP.test(data) || FLOAT.test(data)),
  construct: (data) => {
    if (!FLOAT_NAN.test(data)) return parseFloat(data);
    return data.slice(-3).toLowerCase() === 'nan' ? NaN : data[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  },
});

/** Strings, lists and mappings, plus `yaml`'s core scalars; no timestamps, merge keys, binary or sets. */
export const YAML_CORE_SCHEMA: Schema = FAILSAFE_SCHEMA.extend({ implicit: [nullType, boolType, intType, floatType] });
