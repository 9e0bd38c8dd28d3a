import path from 'node:path';
import { defineUserConfig } from 'vuepress';

export default defineUserConfig({
  markdown: {
    importCode: {
      handleImportPath: (str) => str.replace(/^@snippets/, path.resolve(__dirname, '../snippets')),
    },
  },
});
