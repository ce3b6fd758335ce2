/** The shape of a locale module with every message as a plain string, for the other languages. */
export type LocaleMessages<T> = {
  [K in keyof T]: T[K] extends string ? string : LocaleMessages<T[K]>;
};
