/** Simplified Chinese, the default language. `en.ts` must have the same keys (the type checks it). */
export const zhCN = {
	appName: '心坎',
	appTagline: '把服务做到老百姓心坎上',
	language: '语言',
	switchTo: 'English',
	skipToContent: '跳到正文',
	nav: {
		home: '首页',
		users: '用户',
		units: '单位',
		areas: '区域',
		groups: '对象类别',
		audit: '操作日志',
		logout: '退出登录'
	},
	roles: {
		admin: '系统管理员',
		organiser: '活动办公室',
		clerk: '录入员',
		reviewer: '梳理组',
		handler: '责任部室',
		leader: '领导'
	},
	unitKinds: { company: '公司', department: '部室', station: '供电所' },
	areaKinds: { township: '乡镇', street: '街道' },
	login: {
		title: '登录',
		username: '用户名',
		password: '密码',
		submit: '登录',
		failed: '用户名或密码不正确。',
		throttled: (minutes: number) => `登录失败次数过多，请 ${minutes} 分钟后再试。`
	},
	admin: {
		welcome: (name: string) => `欢迎，${name}`,
		roleLine: (role: string) => `您的角色：${role}`,
		sections: '可用功能',
		saved: '已保存。',
		save: '保存',
		create: '新建',
		edit: '编辑',
		cancel: '取消',
		active: '启用',
		inactive: '已停用',
		status: '状态',
		actions: '操作',
		name: '名称',
		kind: '类型',
		sortOrder: '排序',
		none: '（无）',
		errorSummary: '请更正以下问题：'
	},
	users: {
		title: '用户',
		username: '用户名',
		displayName: '姓名',
		role: '角色',
		unit: '所属单位',
		unitHint: '责任部室用户必须选择所属部室，只能看到本部室的事项。',
		password: '初始密码',
		newPassword: '新密码',
		resetPassword: '重置密码',
		passwordHint: '至少 8 个字符。',
		passwordReset: '密码已重置，该用户的登录会话已全部退出。',
		created: (name: string) => `已创建用户 ${name}。`
	},
	units: {
		title: '单位',
		parent: '上级单位',
		intro: '公司 → 部室与供电所。停用的单位保留历史记录。'
	},
	areas: { title: '区域', intro: '群众所在的乡镇和街道。' },
	groups: {
		title: '对象类别',
		key: '代码',
		keyHint: '小写字母、数字、- 或 _，用于导出和接口。',
		nameZh: '中文名称',
		nameEn: '英文名称'
	},
	audit: {
		title: '操作日志',
		search: '搜索',
		at: '时间',
		actor: '操作人',
		action: '操作',
		entity: '对象',
		change: '变更',
		empty: '没有符合条件的记录。',
		page: (page: number, pages: number) => `第 ${page} / ${pages} 页`,
		prev: '上一页',
		next: '下一页'
	},
	errors: {
		required: '此项必填。',
		too_long: '内容太长。',
		invalid: '取值无效。',
		password_too_short: '密码至少 8 个字符。',
		username_chars: '只能使用字母、数字、点、横线和下划线。',
		username_taken: '该用户名已被使用。',
		name_taken: '该名称已存在。',
		key_chars: '只能使用小写字母、数字、- 和 _。',
		handler_needs_unit: '责任部室用户必须选择所属单位。',
		cannot_demote_self: '不能停用自己或修改自己的角色。',
		unit_cycle: '上级单位不能是它自己或它的下级。',
		not_found: '没有找到该记录。'
	},
	errorPage: {
		title: (status: number) => `出错了（${status}）`,
		403: '您没有权限访问此页面。',
		404: '页面不存在。',
		429: '请求太频繁，请稍后再试。',
		500: '服务器出现错误，请稍后再试。',
		503: '服务暂时不可用，请稍后再试。',
		other: '请求无法完成。',
		home: '返回首页'
	},
	home: {
		title: '心坎 — 意见征求与整改跟踪',
		intro:
			'心坎帮助公共服务单位开展征求意见活动，把群众的意见变成分类、交办、跟踪和答复的整改事项。',
		staffLogin: '工作人员登录'
	}
};
