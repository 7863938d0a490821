/**
 * The services every route handler receives. Declared empty here, below the modules, and filled in by the
 * composition root (`src/server/services.ts`) through declaration merging, so that modules get typed
 * services without importing the server.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AppServices {}
