import { describe, expect, it } from 'vitest';
import { en } from './en';
import { errorText, messages } from './index';
import { zhCN } from './zh-CN';

function keysOf(value: unknown, prefix = ''): string[] {
	if (typeof value !== 'object' || value === null) return [prefix];
	return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

describe('messages', () => {
	it('has every Chinese key in English too, and no English-only key', () => {
		expect(keysOf(en).sort()).toEqual(keysOf(zhCN).sort());
	});

	it('defaults to Chinese and translates error keys, falling back to "invalid"', () => {
		expect(messages(undefined).login.title).toBe('登录');
		expect(errorText(messages('en'), 'required')).toBe('This field is required.');
		expect(errorText(messages('zh-CN'), 'no_such_key')).toBe('取值无效。');
	});
});
