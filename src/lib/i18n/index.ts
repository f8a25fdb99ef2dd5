import { en } from './en';
import { zhCN } from './zh-CN';

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';
export const LOCALE_COOKIE = 'xinkan_lang';
/** '1' when the respondent chose large type; read on the server so it works without JavaScript. */
export const LARGE_TYPE_COOKIE = 'xinkan_large';

/** The shape of zh-CN with every string widened, so English must provide each key. */
type Widen<T> = T extends string
	? string
	: T extends (...args: infer A) => string
		? (...args: A) => string
		: { [K in keyof T]: Widen<T[K]> };
export type Messages = Widen<typeof zhCN>;

const catalogues: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** The language a cookie (or any stored choice) asks for, or the default one. */
export function chosenLocale(value: unknown): Locale {
	return isLocale(value) ? value : DEFAULT_LOCALE;
}

export function messages(locale: Locale | undefined): Messages {
	return catalogues[locale ?? DEFAULT_LOCALE] ?? zhCN;
}

/** A service error key (see `errors`) in the user's language; unknown keys fall back to `invalid`. */
export function errorText(m: Messages, key: string | undefined): string {
	if (!key) return '';
	return (m.errors as Record<string, string>)[key] ?? m.errors.invalid;
}

/** Translates a map of field → error key. */
export function errorTexts(m: Messages, fields: Record<string, string>): Record<string, string> {
	return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, errorText(m, v)]));
}

/** A name kept in both languages (categories, respondent groups) in the reader's language. */
export function localName(
	locale: Locale | undefined,
	item: { nameZh: string; nameEn: string | null }
): string {
	return locale === 'en' && item.nameEn ? item.nameEn : item.nameZh;
}

/**
 * The lang attribute of what people and the organisation wrote (titles, answers, replies, unit and
 * area names), which stays Chinese on an English page: 'zh-CN' there, so a screen reader reads it
 * with a Chinese voice; nothing on a Chinese page (the document's own language). Given the text,
 * only when it holds Chinese (a display name or title may be in Latin letters).
 */
export function contentLang(locale: Locale | undefined, text?: string | null): 'zh-CN' | undefined {
	if (locale !== 'en') return undefined;
	return text == null || /\p{Script=Han}/u.test(text) ? 'zh-CN' : undefined;
}
