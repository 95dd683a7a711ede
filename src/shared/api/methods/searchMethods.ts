/** Contract methods of the search capability (see the issue that builds it). */

/** The search methods. */
export const searchMethods = {};
