import { keyUsageEn } from '../../locales/key-usage/en';
import { navigationEn } from '../../locales/navigation/en';
import { en } from '../../locales/en';

/** English messages of the first load; the other pages' come with them (areas-en.ts). */
export const messages = {
  ...en,
  ...navigationEn,
  ...keyUsageEn,
};
