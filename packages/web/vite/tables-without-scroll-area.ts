import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const nativeScroller = fileURLToPath(new URL('./native-table-scroller.tsx', import.meta.url));

/**
 * Every Mantine Table carries Table.ScrollContainer, which imports ScrollArea for its default
 * type; ScrollArea imports @floating-ui/react. A chunk takes a module whole, so any page with a
 * table, menus or not, loaded both: 18 kB compressed of the Generated tab's first load. The
 * theme makes the tables' scroll containers native (app/theme.ts); this hands the container a
 * native scroller in ScrollArea's place, so ScrollArea and floating-ui load with the first
 * dialog, menu or combobox.
 */
export const tablesWithoutScrollArea = (): Plugin => ({
  name: 'keyward:tables-without-scroll-area',
  apply: 'build',
  enforce: 'pre',
  resolveId(source, importer) {
    const fromTableScrollContainer =
      importer !== undefined &&
      /[\\/]@mantine[\\/]core[\\/].*[\\/]TableScrollContainer\.mjs$/.test(importer);
    return fromTableScrollContainer && /[\\/]ScrollArea\.mjs$/.test(source) ? nativeScroller : null;
  },
});
