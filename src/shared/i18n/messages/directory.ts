/** The directory view's messages (English is the reference; Spanish must translate every key). */
export const directoryEn = {} as const;

/** The directory view's messages in Spanish. */
export const directoryEs: Record<keyof typeof directoryEn, string> = {};
