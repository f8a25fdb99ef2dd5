import type { Messages } from './i18n';
import type { Role } from './domain';

export interface NavItem {
	href: string;
	label: (m: Messages) => string;
	/** Roles that may open it besides admin. */
	roles: Role[];
}

/** The back-office menu. Showing an entry is a convenience; each route still checks the role itself. */
export const ADMIN_NAV: NavItem[] = [
	{
		href: '/admin/campaigns',
		label: (m) => m.nav.campaigns,
		roles: ['organiser', 'clerk', 'reviewer', 'leader']
	},
	{
		href: '/admin/suggestions',
		label: (m) => m.nav.suggestions,
		roles: ['organiser', 'reviewer', 'handler', 'leader']
	},
	{ href: '/admin/inbox', label: (m) => m.nav.inbox, roles: ['handler', 'reviewer', 'organiser'] },
	{
		href: '/admin/reports',
		label: (m) => m.nav.reports,
		roles: ['organiser', 'reviewer', 'leader']
	},
	{ href: '/admin/categories', label: (m) => m.nav.categories, roles: ['organiser', 'reviewer'] },
	{ href: '/admin/users', label: (m) => m.nav.users, roles: [] },
	{ href: '/admin/units', label: (m) => m.nav.units, roles: ['organiser'] },
	{ href: '/admin/areas', label: (m) => m.nav.areas, roles: ['organiser'] },
	{ href: '/admin/groups', label: (m) => m.nav.groups, roles: ['organiser'] },
	{ href: '/admin/tokens', label: (m) => m.nav.tokens, roles: [] },
	{ href: '/admin/audit', label: (m) => m.nav.audit, roles: [] }
];

export function navFor(role: Role): NavItem[] {
	return ADMIN_NAV.filter((item) => role === 'admin' || item.roles.includes(role));
}
