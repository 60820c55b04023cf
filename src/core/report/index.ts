// The truth report: metrics, the report's parts, the trend from history, and the weekly review.
export * from './acknowledge';
export * from './attribution';
export * from './dates';
export * from './distortion';
export * from './history';
export * from './html';
export * from './markdown';
export * from './metrics';
export * from './parts';
export * from './report';
export * from './review';
export * from './reviewMarkdown';
export * from './stats';
export * from './thermocline';
export * from './trend';
export * from './validation';
