/** Contract methods of the network capability (see the issue that builds it). */

/** The network methods. */
export const networkMethods = {};
