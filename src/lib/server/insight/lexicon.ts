/**
 * Built-in keyword lexicon for the default category taxonomy of a power-supply campaign.
 *
 * Written for the product (not drawn from any data set). It gives the categoriser something to
 * say before any reviewer decision exists (cold start), stays on as a weak prior afterwards, and
 * its topics give the duplicate finder a notion of "same concrete issue" that survives paraphrase
 * (两个人说 "电压低" 和 "灯泡发红" share the topic `low-voltage` though they share no characters).
 */

export const CATEGORY_IDS = [
	'connection',
	'outage_notice',
	'outage_duration',
	'voltage_grid',
	'payment',
	'service_manager',
	'large_customer',
	'safety',
	'work_style',
	'employee_welfare',
	'other'
] as const;

export type CategoryId = (typeof CATEGORY_IDS)[number];

/** Category used when nothing in the text points anywhere. */
export const FALLBACK_CATEGORY: CategoryId = 'other';

/** A concrete issue within a category and the words people use for it. */
export interface LexiconTopic {
	id: string;
	category: CategoryId;
	terms: readonly string[];
}

export const DEFAULT_LEXICON: readonly LexiconTopic[] = [
	topic(
		'new-connection',
		'connection',
		'办电表 装电表 接不上电 通不了电 报装 装表 新装 申请用电 接电 通电 开户 办电 用电申请 新房 一户一表'
	),
	topic('capacity', 'connection', '增容 扩容 减容 报容量 暂停用电 容量不够 申请增容'),
	topic('transfer', 'connection', '过户 更名 户名 改名字 产权'),
	topic('temporary-supply', 'connection', '临时用电 临电 施工用电 工地用电'),
	topic('new-energy', 'connection', '光伏 并网 充电桩 分布式 屋顶 新能源'),
	topic(
		'procedure',
		'connection',
		'批得慢 审批慢 办事难 跑城里 就近办 资料 手续 跑几趟 跑了 时限 办理 办结 流程 网上办 现场勘查 验收 装表接电'
	),
	topic('connection-fee', 'connection', '工程费 接入费 报装费 收费标准 自己出钱'),
	topic(
		'notice-advance',
		'outage_notice',
		'为什么停 停电原因 不知道停电 没人通知 考试期间 高考 中考 停电通知 提前通知 提前告知 预告 计划停电 事先 没通知 不通知 突然停电 停电信息'
	),
	topic(
		'notice-channel',
		'outage_notice',
		'短信 微信群 广播 张贴 公告 公众号 电视 报纸 村部 通知单 手机号'
	),
	topic(
		'notice-change',
		'outage_notice',
		'改期 推迟 时间变 提前送电 延长停电 说好 几点来电 通知的时间'
	),
	topic(
		'repair-speed',
		'outage_duration',
		'抢修慢 抢修车 修电 抢休 电工不来 停到半夜 一停就是 几个钟头 没电 抢修 修复 报修 到场 来修 等了 半天 一整天 好久 迟迟 电工来'
	),
	topic(
		'frequent-trips',
		'outage_duration',
		'停电频繁 一个月停 撞断 断电 跳闸 频繁停电 经常停电 三天两头 老是停电 动不动停电 停电次数'
	),
	topic('weather', 'outage_duration', '打雷 雷击 雷雨 暴雨 冰冻 覆冰 大风 台风 下雪 汛期'),
	topic(
		'restoration',
		'outage_duration',
		'恢复供电 来电 送电 停电时间长 停电时间太长 故障 95598 停了'
	),
	topic(
		'low-voltage',
		'voltage_grid',
		'灯不亮 煮不熟 抽不上水 开不了 用不了 电器 电饭煲 水泵 电压 低电压 电压低 电压不稳 欠压 过压 灯泡发红 灯光闪 闪烁 带不动 启动不了 电压不够'
	),
	topic('transformer', 'voltage_grid', '变压器 满负荷 重载 过载 容量小 增加变压器 布点 负荷'),
	topic(
		'grid-upgrade',
		'voltage_grid',
		'线路延伸 没有电线 架线 电杆老 杆子老 承受 线路改造 农网改造 改造 农网 电网 线路老化 线径 线太细 新建线路 供电半径 电网薄弱 升级'
	),
	topic('three-phase', 'voltage_grid', '三相电 动力电 三相 单相 动力线'),
	topic(
		'payment-point',
		'payment',
		'缴费难 交电费的地方 不会用手机 缴费 缴电费 交电费 缴费点 营业网点 代收点 排队 跑到镇上'
	),
	topic('withholding', 'payment', '代扣 银行代扣 预存 预付费 充值 到账 余额 欠费 停电催费 催费'),
	topic('payment-app', 'payment', '网上国网 app 支付宝 微信缴费 线上缴费 手机缴费 绑定 户号'),
	topic('bill', 'payment', '账单 发票 电费单 电费清单 电费明细 看不懂'),
	topic(
		'tariff',
		'payment',
		'转供电 物业代收 加价 结算 电费减免 低保 卖电 多扣 扣费 电费计算 阶梯电价 电价 峰谷电价 估抄 抄表 电表 走得快 电费高 电费太贵 多收'
	),
	topic(
		'district-manager',
		'service_manager',
		'台区经理 网格 服务卡 联系卡 联系电话 电话打不通 找不到人 联系不上'
	),
	topic(
		'attitude',
		'service_manager',
		'说话 带刺 骂人 凶 不理人 态度 服务态度 冷淡 爱理不理 推诿 不耐烦 脸色'
	),
	topic('visits', 'service_manager', '上门 走访 入户 上门服务 老人 留守'),
	topic('complaint-closure', 'service_manager', '投诉 回复 答复 回访 不了了之 办结 反映了'),
	topic(
		'office-hours',
		'service_manager',
		'咨询 在线咨询 办事 营业厅 上班时间 办公时间 中午 周末 窗口'
	),
	topic('praise', 'service_manager', '表扬 热情 耐心 负责 点赞 服务好'),
	topic(
		'park-enterprise',
		'large_customer',
		'企业 园区 工业园 厂 工厂 专变 大客户 客户经理 用户经理'
	),
	topic(
		'energy-cost',
		'large_customer',
		'用电成本 电费成本 能效 节能 用能分析 降低成本 省电费 能耗'
	),
	topic(
		'demand-charge',
		'large_customer',
		'需量 基本电费 容量电费 力率 功率因数 无功 补偿装置 调整电费'
	),
	topic('peak-shift', 'large_customer', '峰谷 错峰 分时电价 避峰 谷电 生产班次 市场化 交易'),
	topic(
		'lines-near-houses',
		'safety',
		'线下建房 迁改 嗞嗞 提心吊胆 离得太近 线路下方 隐患 离房子 太近 线路过低 电线低 跨越 房顶 晾衣'
	),
	topic('poles-and-trees', 'safety', '电杆 倾斜 歪 树 树木 竹子 树枝 砍树 碰线 断线'),
	topic(
		'illegal-use',
		'safety',
		'花炮 烟花 鞭炮 钓鱼 放风筝 施工挖断 电鱼 偷电 窃电 私拉乱接 私接 乱拉 违章'
	),
	topic('safety-education', 'safety', '安全 安全用电 宣传 安全教育 触电 警示牌 漏电 保护器 小孩'),
	topic(
		'meetings',
		'work_style',
		'视频会 下班以后开 念稿 陪会 会议 开会 会多 会议多 陪会 会风 文风 讲话'
	),
	topic(
		'reporting',
		'work_style',
		'打卡 走形式 微信工作群 工作群 群太多 痕迹 报表 重复报送 台账 材料 填表 报送 留痕 形式主义 文件'
	),
	topic('inspections', 'work_style', '检查 督查 考核 迎检 检查多 评比 扣分'),
	topic(
		'vehicles-budget',
		'work_style',
		'作风 吃拿卡要 廉洁 车辆 用车 公车 派车 经费 预算 接待 报销 审批 签字'
	),
	topic(
		'staffing',
		'employee_welfare',
		'缺人 人手 人员少 编制 老龄化 年轻人 招聘 后继无人 顶岗 一人多岗'
	),
	topic(
		'living-conditions',
		'employee_welfare',
		'住宿 食堂 宿舍 偏远 供电所 条件差 洗澡 空调 生活'
	),
	topic(
		'training-pay',
		'employee_welfare',
		'补休 值班 休假 轮休 收入 培训 补贴 津贴 工资 待遇 绩效 奖金 加班 晋升 职称'
	),
	topic('retirees', 'employee_welfare', '退休 离退休 老干部 退休职工 体检 慰问 活动室'),
	topic('protective-gear', 'employee_welfare', '劳保 工作服 绝缘鞋 雨衣 手套 工器具'),
	topic('street-lights', 'other', '路灯 照明 太阳能灯 亮化'),
	topic('compensation', 'other', '青苗补偿 赔偿 补偿 占地 损坏庄稼 踩坏'),
	topic(
		'third-party-cables',
		'other',
		'基站 信号 铁塔 通信线 光缆 网线 广电线 电信 移动 联通 挂在电杆'
	),
	topic(
		'general-remarks',
		'other',
		'节约用电 充电站 感谢 谢谢 满意 辛苦了 总体 很好 乡村振兴 帮扶 没有意见'
	)
];

/**
 * More everyday and trade words per topic, for the categoriser only (its `lexicon` default). Also
 * written for the product from general knowledge of power-supply service (no data set was read
 * for them). The duplicate finder keeps {@link DEFAULT_LEXICON}: its pair model was fitted on
 * those topics, and the broader words would make unrelated items share topics more often.
 */
const CATEGORISER_EXTRA_TERMS: Readonly<Record<string, string>> = {
	'new-connection':
		'低压新装 高压新装 用电报装 办电申请 户表 分户 移表 销户 供电方案 一证办 刷脸办电 装表',
	procedure: '一次都不跑 跑腿 办电时间 接电时间 证件 材料齐全 审核 盖章 窗口办理',
	'notice-advance':
		'停电预告 停电公告 停电计划 检修计划 计划检修 检修停电 停电范围 停电区域 停电时段 告知',
	'notice-channel': '通知到位 通知不到 发通知 推送 提醒',
	'repair-speed': '故障抢修 抢修人员 抢修队 抢修时间 响应慢 到达现场 修好',
	'frequent-trips': '烧保险 保险丝 熔断 烧断 线路故障 短路',
	restoration: '复电 恢复用电 供电恢复',
	'low-voltage': '电压偏低 电压质量 末端电压 灯光暗 电灯暗 空调开不动 调压 电机',
	'grid-upgrade': '低压线路 台区改造 新增台区 供电能力 网架 配网 电网建设 主网 变电站 线路迁移',
	'payment-point': '缴费方式 自助缴费 缴费终端 营业厅缴费 代缴',
	withholding: '违约金 滞纳金 退费 预交 欠费停电',
	bill: '电费通知 电量 用电量 读数',
	tariff: '电价政策 一户多人口 电费标准 收费',
	attitude: '敷衍 拖拉 不作为 服务意识 服务质量 门难进 脸难看',
	'complaint-closure': '首问负责 一次性告知 处理结果 没有下文 跟踪',
	'energy-cost': '能效服务 用电分析 综合能源 电能替代 能源管理',
	'demand-charge': '两部制 最大需量 变压器容量费',
	'peak-shift': '需求响应 负荷管理 峰谷差 电力市场 售电',
	'park-enterprise': '工商业 高压用户 企业用户 厂区 生产线',
	'lines-near-houses': '安全距离 线路下 建房 安全隐患',
	'poles-and-trees': '电线杆 杆塔 拉线 倒杆 树障 外破',
	'safety-education': '防触电 漏电保护 接地 防雷 火灾 消防 用电安全',
	meetings: '文山会海 会议精神 传达 陪同',
	reporting: '层层加码 基层负担 减负 重复填报 数据报送 考核指标',
	inspections: '督导 暗访 通报',
	'vehicles-budget': '公务 差旅 费用报销',
	staffing: '一线员工 一线人员 人员不足 缺员 新员工 用工',
	'training-pay': '工作量大 压力大 倒班 年休假 福利 工会 疗养 收入低',
	'living-conditions': '住房 通勤 交通补贴 伙食',
	retirees: '老同志 退休人员 养老',
	'street-lights': '路灯不亮 景观灯',
	'general-remarks': '继续保持 辛苦 希望继续 无意见 工作到位'
};

/** {@link DEFAULT_LEXICON} with {@link CATEGORISER_EXTRA_TERMS}: the categoriser's default lexicon. */
export const CATEGORISER_LEXICON: readonly LexiconTopic[] = DEFAULT_LEXICON.map((t) => {
	const extra = CATEGORISER_EXTRA_TERMS[t.id];
	return extra ? { ...t, terms: [...t.terms, ...extra.split(' ')] } : t;
});

function topic(id: string, category: CategoryId, terms: string): LexiconTopic {
	return { id, category, terms: terms.split(' ') };
}

/** Whether a string is one of the known category ids. */
export function isCategoryId(value: unknown): value is CategoryId {
	return typeof value === 'string' && (CATEGORY_IDS as readonly string[]).includes(value);
}
