export * from './error-codes.js';
export * from './resource-catalog.js';
export * from './throttle-source.js';
