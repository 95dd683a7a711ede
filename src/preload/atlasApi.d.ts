/** The type of what the preload exposes on `window`. */
import type { AtlasApi } from '../shared/api';

declare global {
  interface Window {
    /** Present only inside the Electron app; the renderer's API client falls back to the HTTP bridge without it. */
    atlas?: AtlasApi;
  }
}

export {};
