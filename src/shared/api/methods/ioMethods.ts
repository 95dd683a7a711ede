/** Contract methods of the io capability (see the issue that builds it). */

/** The io methods. */
export const ioMethods = {};
