/** UI messages in English and Spanish. */
export * from './translate';
export * from './changeMessage';
export * from './issueText';
