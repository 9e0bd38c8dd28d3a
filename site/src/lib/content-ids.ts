/**
 * The prefix every id and name taken from content carries on the page (`user-content-`, as on
 * GitHub), so that a document cannot take over an id the page uses. Its own module, with
 * nothing to import, so that the browser's scripts share it with the renderer.
 */
export const clobberPrefix = 'user-content-';
