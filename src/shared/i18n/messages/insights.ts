/** The insights view's messages (English is the reference; Spanish must translate every key). */
export const insightsEn = {} as const;

/** The insights view's messages in Spanish. */
export const insightsEs: Record<keyof typeof insightsEn, string> = {};
