/** UI messages in English and Spanish. */
export * from './translate';
export * from './keyedMessage';
export * from './issueText';
export * from './relationMessages';
