// What other features use of shell: they import it from here, never from its files.
export { useViewerCan } from './useViewerCan';
export type { Capability, ViewerCan } from './useViewerCan';
