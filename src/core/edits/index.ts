// Edits of `.alignment/` text: new flags, lifecycle changes in place, and anchors that follow the code.
export * from './anchors';
export * from './itemEdits';
export * from './newFlag';
export * from './newItems';
export { editItem, findItem, itemFields, type EditResult, type FoundItem, type SetOperation, type YamlValue } from './yamlText';
