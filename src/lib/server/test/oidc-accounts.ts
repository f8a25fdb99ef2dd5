/** The test provider's client and accounts (oidc-provider.ts), apart so that playwright.config.ts can read them without loading the provider. */
export const TEST_CLIENT = { id: 'xinkan', secret: 'xinkan-test-client-secret-0123456789' };

export interface TestAccount {
	preferred_username?: string;
	name?: string;
	groups?: string[];
}

export const TEST_ACCOUNTS: Record<string, TestAccount> = {
	'sso-admin': { preferred_username: 'sso-admin', name: 'SSO 管理员', groups: ['xinkan-admins'] },
	'sso-reviewer': {
		preferred_username: 'sso-reviewer',
		name: 'SSO 审核员',
		groups: ['staff', 'xinkan-reviewers']
	},
	'sso-nogroup': { preferred_username: 'sso-nogroup', name: '无组用户', groups: ['staff'] },
	// The provider says who it is only by `sub`: the username claim is missing.
	'sso-noclaim': { name: '无用户名', groups: ['xinkan-admins'] },
	'Bad Name!': { preferred_username: 'Bad Name!', groups: ['xinkan-admins'] },
	// Playwright's (tests/e2e/sso.spec.ts): one account per test, as its tests run in parallel.
	'e2e-sso-admin': {
		preferred_username: 'e2e-sso-admin',
		name: '单点管理员',
		groups: ['xinkan-admins']
	},
	'e2e-sso-reviewer': {
		preferred_username: 'e2e-sso-reviewer',
		name: '单点梳理',
		groups: ['staff', 'xinkan-reviewers']
	},
	'e2e-sso-state': { preferred_username: 'e2e-sso-state', groups: ['xinkan-reviewers'] }
};
