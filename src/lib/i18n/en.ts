import type { Messages } from './index';

export const en: Messages = {
	appName: 'Xinkan',
	appTagline: 'Serve people so well that it reaches their hearts',
	language: 'Language',
	switchTo: '中文',
	skipToContent: 'Skip to content',
	nav: {
		home: 'Home',
		users: 'Users',
		units: 'Units',
		areas: 'Areas',
		groups: 'Respondent groups',
		audit: 'Audit log',
		logout: 'Log out'
	},
	roles: {
		admin: 'Administrator',
		organiser: 'Organiser',
		clerk: 'Data-entry clerk',
		reviewer: 'Reviewer',
		handler: 'Department handler',
		leader: 'Leader'
	},
	unitKinds: { company: 'Company', department: 'Department', station: 'Supply station' },
	areaKinds: { township: 'Township', street: 'Street' },
	login: {
		title: 'Log in',
		username: 'Username',
		password: 'Password',
		submit: 'Log in',
		failed: 'Wrong username or password.',
		throttled: (minutes: number) =>
			`Too many failed attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
	},
	admin: {
		welcome: (name: string) => `Welcome, ${name}`,
		roleLine: (role: string) => `Your role: ${role}`,
		sections: 'What you can do',
		saved: 'Saved.',
		save: 'Save',
		create: 'Create',
		edit: 'Edit',
		cancel: 'Cancel',
		active: 'Active',
		inactive: 'Deactivated',
		status: 'Status',
		actions: 'Actions',
		name: 'Name',
		kind: 'Kind',
		sortOrder: 'Order',
		none: '(none)',
		errorSummary: 'Please correct the following:'
	},
	users: {
		title: 'Users',
		username: 'Username',
		displayName: 'Name',
		role: 'Role',
		unit: 'Unit',
		unitHint: 'Department handlers must belong to a department and see only its items.',
		password: 'Initial password',
		newPassword: 'New password',
		resetPassword: 'Reset password',
		passwordHint: 'At least 8 characters.',
		passwordReset: 'Password reset; all of this user’s sessions were logged out.',
		created: (name: string) => `User ${name} created.`
	},
	units: {
		title: 'Units',
		parent: 'Parent unit',
		intro: 'Company → departments and supply stations. Deactivated units keep their history.'
	},
	areas: { title: 'Areas', intro: 'Townships and streets where respondents live.' },
	groups: {
		title: 'Respondent groups',
		key: 'Key',
		keyHint: 'Lower-case letters, digits, - or _; used in exports and the API.',
		nameZh: 'Chinese name',
		nameEn: 'English name'
	},
	audit: {
		title: 'Audit log',
		search: 'Search',
		at: 'Time',
		actor: 'By',
		action: 'Action',
		entity: 'Object',
		change: 'Change',
		empty: 'No matching entries.',
		page: (page: number, pages: number) => `Page ${page} of ${pages}`,
		prev: 'Previous',
		next: 'Next'
	},
	errors: {
		required: 'This field is required.',
		too_long: 'Too long.',
		invalid: 'Invalid value.',
		password_too_short: 'At least 8 characters.',
		username_chars: 'Letters, digits, dot, dash and underscore only.',
		username_taken: 'This username is taken.',
		name_taken: 'This name already exists.',
		key_chars: 'Lower-case letters, digits, - and _ only.',
		handler_needs_unit: 'A department handler needs a unit.',
		cannot_demote_self: 'You cannot deactivate yourself or change your own role.',
		unit_cycle: 'A unit cannot be its own parent or the child of its children.',
		not_found: 'Not found.'
	},
	errorPage: {
		title: (status: number) => `Error ${status}`,
		403: 'You are not allowed to open this page.',
		404: 'This page does not exist.',
		429: 'Too many requests. Please try again later.',
		500: 'Something went wrong on the server. Please try again later.',
		503: 'The service is unavailable for a moment. Please try again later.',
		other: 'The request could not be completed.',
		home: 'Back to the home page'
	},
	home: {
		title: 'Xinkan — opinion campaigns and follow-up',
		intro:
			'Xinkan helps public-service organisations run opinion-solicitation campaigns and turn what people write into categorised, assigned, tracked and answered suggestions.',
		staffLogin: 'Staff login'
	}
};
