/** The plan view's messages (English is the reference; Spanish must translate every key). */
export const planEn = {} as const;

/** The plan view's messages in Spanish. */
export const planEs: Record<keyof typeof planEn, string> = {};
