/** Contract methods of the insights capability (see the issue that builds it). */

/** The insights methods. */
export const insightsMethods = {};
