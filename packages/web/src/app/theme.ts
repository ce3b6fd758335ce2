import {
  createTheme,
  DEFAULT_THEME,
  mergeThemeOverrides,
  rgba,
  type CSSVariablesResolver,
} from '@mantine/core';

/**
 * Text and fills that keep 4.8:1 against white and against each colour's light background
 * (Mantine's defaults are 2.1:1 to 4.3:1 for most colours: axe-core's colour-contrast rule,
 * WCAG AA, SPEC §7). Each is the colour's shade 8 darkened just enough; the second value is
 * its hover.
 */
const accessible: Record<string, readonly [string, string]> = {
  red: ['#c12a2a', '#a42424'],
  pink: ['#be245a', '#a21f4d'],
  grape: ['#9c36b5', '#852e9a'],
  violet: ['#6741d9', '#5837b8'],
  indigo: ['#3a59d7', '#314cb7'],
  blue: ['#1768b2', '#145897'],
  cyan: ['#0a7284', '#096170'],
  teal: ['#077553', '#066347'],
  green: ['#247834', '#1f662c'],
  lime: ['#47760a', '#3c6409'],
  yellow: ['#9a5a00', '#834d00'],
  orange: ['#b04409', '#963a08'],
};

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    // Dimmed text was gray 6 (3.3:1 on white); gray 7 reads 8:1.
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-anchor': accessible.indigo![0],
    ...Object.fromEntries(
      Object.entries(accessible).flatMap(([color, [base, hover]]) => [
        [`--mantine-color-${color}-filled`, base],
        [`--mantine-color-${color}-filled-hover`, hover],
        [`--mantine-color-${color}-light-color`, base],
        // Mantine's hover is shade 2 (3.6:1 under the text): a slightly deeper tint instead.
        [`--mantine-color-${color}-light-hover`, rgba(DEFAULT_THEME.colors[color]![6], 0.16)],
        [`--mantine-color-${color}-outline`, base],
        [`--mantine-color-${color}-text`, base],
      ]),
    ),
  },
  dark: {},
});

export const theme = createTheme({
  primaryColor: 'indigo',
  components: {
    // A dialog opened from a menu item gives focus back to the menu's button when it closes.
    Menu: { defaultProps: { returnFocus: true } },
    // Tables scroll sideways natively: Mantine's ScrollArea (and the positioning library it
    // imports) then stays out of the first load (vite/tables-without-scroll-area.ts). Paint
    // containment keeps a phone's browser from widening the whole page to the table's width.
    TableScrollContainer: {
      defaultProps: { type: 'native' },
      styles: { scrollContainer: { contain: 'paint' } },
    },
  },
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
});

/**
 * The theme with the app's words in it: dialogs' and toasts' close buttons are icons, and a
 * screen reader needs their name (axe-core's button-name rule).
 */
export const themeInLanguage = (closeLabel: string) =>
  mergeThemeOverrides(
    theme,
    createTheme({
      components: {
        Modal: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
        Drawer: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
        Notification: { defaultProps: { closeButtonProps: { 'aria-label': closeLabel } } },
      },
    }),
  );
