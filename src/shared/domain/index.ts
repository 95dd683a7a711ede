/** The domain vocabulary, record schemas and region rules of Referral Atlas. */
export * from './vocabulary';
export * from './regions';
export * from './records';
export * from './edges';
export * from './freshness';
