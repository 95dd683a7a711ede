/** The network view's messages (English is the reference; Spanish must translate every key). */
export const networkEn = {} as const;

/** The network view's messages in Spanish. */
export const networkEs: Record<keyof typeof networkEn, string> = {};
