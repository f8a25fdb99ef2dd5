import cronstrue from 'cronstrue';
// Registers the Chinese words with cronstrue (the locale module adds itself to the same instance).
import 'cronstrue/locales/zh_CN.js';
import type { Locale } from '$lib/i18n';

/**
 * A schedule's cron in words for the job view, in the reader's language ("在03:30", "At 03:30"),
 * by cronstrue, which knows every cron form pg-boss accepts; the cron itself stays beside it.
 */
export function scheduleInWords(cron: string, locale: Locale): string {
	try {
		return cronstrue.toString(cron, {
			locale: locale === 'zh-CN' ? 'zh_CN' : 'en',
			use24HourTimeFormat: true,
			throwExceptionOnParseError: true
		});
	} catch {
		return cron;
	}
}
