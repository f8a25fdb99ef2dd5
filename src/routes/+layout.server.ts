import { LARGE_TYPE_COOKIE } from '$lib/i18n';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals, cookies }) => ({
	locale: locals.locale,
	user: locals.user,
	largeType: cookies.get(LARGE_TYPE_COOKIE) === '1'
});
