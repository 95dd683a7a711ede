/** UI messages in English and Spanish. */
export * from './translate';
