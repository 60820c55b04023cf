// The few parts of js-yaml 4 that core uses (its own package ships no types; @types/js-yaml is not installed).
declare module 'js-yaml' {
  export interface TypeOptions {
    kind: 'scalar' | 'sequence' | 'mapping';
    resolve?: (data: string) => boolean;
    construct?: (data: string) => unknown;
  }

  export class Type {
    constructor(tag: string, options: TypeOptions);
  }

  export class Schema {
    extend(types: { implicit?: Type[]; explicit?: Type[] }): Schema;
  }

  export const FAILSAFE_SCHEMA: Schema;

  export interface LoadOptions {
    filename?: string;
    schema?: Schema;
    json?: boolean;
    onWarning?: (warning: Error) => void;
  }

  export function loadAll(text: string, iterator?: null, options?: LoadOptions): unknown[];

  export class YAMLException extends Error {}
}
