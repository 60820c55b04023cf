// mocha's browser build: loading it sets the globals `mocha` and `Mocha` (typed by @types/mocha).
declare module 'mocha/mocha.js';
