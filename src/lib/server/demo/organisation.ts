/** The demo organisation: a county power-supply company as in DESIGN.md's real case. */
export const DEMO_COMPANY = '浏阳市供电公司';

export const DEMO_DEPARTMENTS = [
	'办公室',
	'营销部',
	'运维检修部',
	'发展策划部',
	'安全监察部',
	'人力资源部',
	'财务资产部',
	'客户服务中心'
];

export const DEMO_STATIONS = [
	'张坊供电所',
	'文家市供电所',
	'大围山供电所',
	'澄潭江供电所',
	'大瑶供电所',
	'杨花供电所',
	'永安供电所',
	'官渡供电所',
	'沙市供电所',
	'古港供电所'
];

export const DEMO_TOWNSHIPS = [
	'张坊',
	'大围山',
	'大瑶',
	'杨花',
	'澄潭江',
	'文家市',
	'永安',
	'官渡',
	'沙市',
	'淳口',
	'社港',
	'镇头',
	'普迹',
	'古港',
	'高坪',
	'达浒',
	'沿溪',
	'中和',
	'小河',
	'七宝山'
];
export const DEMO_STREETS = ['浏阳城区'];

export const DEMO_GROUPS = [
	{ key: 'township', nameZh: '乡镇办事处', nameEn: 'Township office' },
	{ key: 'government', nameZh: '政府相关职能部门', nameEn: 'Government department' },
	{ key: 'customer', nameZh: '电力客户', nameEn: 'Electricity customer' },
	{ key: 'employee', nameZh: '职工群众', nameEn: 'Employee' },
	{ key: 'retiree', nameZh: '离退休职工', nameEn: 'Retiree' }
];
