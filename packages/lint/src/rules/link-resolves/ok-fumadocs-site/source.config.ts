// Fumadocs MDX reads its collections here; only the name of this file marks the site.
export const docs = { dir: 'content/docs' };
