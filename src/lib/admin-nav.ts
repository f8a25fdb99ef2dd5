import type { Messages } from './i18n';
import type { Role } from './domain';
import {
	hasRole,
	CAMPAIGN_READERS,
	ORGANISERS,
	REPORT_READERS,
	REVIEWERS,
	SUGGESTION_READERS,
	SUGGESTION_WORKERS
} from './roles';

export interface NavItem {
	href: string;
	label: (m: Messages) => string;
	/** Roles that may open it besides admin. */
	roles: readonly Role[];
}

/** The back-office menu. Showing an entry is a convenience; each route still checks the role itself. */
export const ADMIN_NAV: NavItem[] = [
	{
		href: '/admin/campaigns',
		label: (m) => m.nav.campaigns,
		roles: CAMPAIGN_READERS
	},
	{
		href: '/admin/suggestions',
		label: (m) => m.nav.suggestions,
		roles: SUGGESTION_READERS
	},
	{ href: '/admin/inbox', label: (m) => m.nav.inbox, roles: SUGGESTION_WORKERS },
	{ href: '/admin/supervised', label: (m) => m.nav.supervised, roles: SUGGESTION_READERS },
	{
		href: '/admin/reports',
		label: (m) => m.nav.reports,
		roles: REPORT_READERS
	},
	// Report readers reach it from the reports; handlers, who have no reports, from here.
	{
		href: '/admin/reports/departments',
		label: (m) => m.leaderFigures.title,
		roles: ['handler']
	},
	{ href: '/admin/categories', label: (m) => m.nav.categories, roles: REVIEWERS },
	{ href: '/admin/holidays', label: (m) => m.nav.holidays, roles: [] },
	{ href: '/admin/users', label: (m) => m.nav.users, roles: [] },
	{ href: '/admin/units', label: (m) => m.nav.units, roles: ORGANISERS },
	{ href: '/admin/areas', label: (m) => m.nav.areas, roles: ORGANISERS },
	{ href: '/admin/groups', label: (m) => m.nav.groups, roles: ORGANISERS },
	{ href: '/admin/tokens', label: (m) => m.nav.tokens, roles: [] },
	{ href: '/admin/webhooks', label: (m) => m.nav.webhooks, roles: [] },
	{ href: '/admin/audit', label: (m) => m.nav.audit, roles: [] },
	{ href: '/admin/jobs', label: (m) => m.nav.jobs, roles: [] }
];

export function navFor(role: Role): NavItem[] {
	return ADMIN_NAV.filter((item) => hasRole(role, item.roles));
}
