import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const mergeRefs = fileURLToPath(new URL('./scroll-area-merge-refs.ts', import.meta.url));

/**
 * Mantine's ScrollArea, which every Table carries (Table.ScrollContainer), imports one hook from
 * @floating-ui/react: merging refs. A chunk takes a module whole, so that put all of floating-ui
 * (about 14 kB compressed) in the first load of every page with a table, menus or not. This
 * gives ScrollArea Mantine's own hook of the same meaning; floating-ui now loads with the first
 * menu, tooltip or combobox. Should ScrollArea import anything else from it, the build fails.
 */
export const scrollAreaWithoutFloatingUi = (): Plugin => ({
  name: 'keyward:scroll-area-without-floating-ui',
  apply: 'build',
  enforce: 'pre',
  resolveId(source, importer) {
    if (source !== '@floating-ui/react') return null;
    return importer && /[\\/]@mantine[\\/]core[\\/].*[\\/]ScrollArea\.mjs$/.test(importer)
      ? mergeRefs
      : null;
  },
});
