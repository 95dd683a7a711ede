/** Contract methods of the plan capability (see the issue that builds it). */

/** The plan methods. */
export const planMethods = {};
