/** The search view's messages (English is the reference; Spanish must translate every key). */
export const searchEn = {} as const;

/** The search view's messages in Spanish. */
export const searchEs: Record<keyof typeof searchEn, string> = {};
