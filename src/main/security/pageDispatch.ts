/**
 * What the app's own window may ask for, on top of each method's schema. A page never names a file on this
 * computer: the CLI may pass `path` (import) and `out` (export), but the window sends file contents and receives
 * them back, so a script injected into the page (through a crafted record, say) cannot read or overwrite the
 * user's files. Checked by field name, so methods added later that follow the convention are covered too.
 */
import type { Dispatch, FieldIssue } from '../../shared/api';

/** Top-level input fields that name files on disk; only the CLI may send them. */
export const FILE_PATH_FIELDS: readonly string[] = ['path', 'out'];

/** Wraps the dispatcher the IPC handlers use, refusing (FORBIDDEN) any input that names a file path. */
export function pageDispatch(dispatch: Dispatch): Dispatch {
  return async (method, input) => {
    if (input !== null && typeof input === 'object' && !Array.isArray(input)) {
      const named = FILE_PATH_FIELDS.filter((field) => Object.hasOwn(input, field));
      if (named.length > 0) {
        const issues: FieldIssue[] = named.map((field) => ({
          path: field,
          message: 'not accepted from the app window',
        }));
        return {
          ok: false,
          error: {
            code: 'FORBIDDEN',
            message: `The app window cannot name files on this computer (${named.join(', ')}); choose the files in the app instead.`,
            issues,
          },
        };
      }
    }
    return dispatch(method, input);
  };
}
