export function alignmentJsonSchema(): unknown { return {}; }
