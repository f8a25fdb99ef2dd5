import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { isCalendarDate } from '$lib/input-checks';
import { holidayInput } from '$lib/schemas/suggestion';
import { requireRole } from '$lib/server/auth/guard';
import { handleForm } from '$lib/server/platform/form-actions';
import { listHolidays, removeHoliday, saveHoliday } from '$lib/server/suggestions/service-levels';
import type { Actions, PageServerLoad } from './$types';

// The holiday list is the admin's (requireRole with no other role lets only the admin in).
export const load: PageServerLoad = async (event) => {
	requireRole(event);
	return { holidays: await listHolidays(event.locals.db) };
};

const dayInput = z.object({ day: z.string().refine(isCalendarDate, 'date_format') });

export const actions: Actions = {
	save: async (event) => {
		const user = requireRole(event);
		return handleForm(event, holidayInput, async (input) => {
			await saveHoliday(event.locals.db, user.id, input);
			redirect(303, '/admin/holidays?saved=1');
		});
	},
	remove: async (event) => {
		const user = requireRole(event);
		return handleForm(event, dayInput, async ({ day }) => {
			await removeHoliday(event.locals.db, user.id, day);
			redirect(303, '/admin/holidays?saved=1');
		});
	}
};
