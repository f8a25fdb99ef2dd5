/**
 * Vocabulary for telling whether two suggestions raise the *same concrete issue*.
 *
 * Provenance, honestly: mostly general power-supply-service vocabulary, but earlier sessions also
 * read cue words and spellings from the shared synthetic dev set (`suggestions.dev.jsonl`) — its
 * dialect and typos such as 枪修 (item D0330) and 搞不来 (D0080) — while they judged their figures
 * on a split of the same file. Since issue 19 that file has a frozen test split (`frozenSplit` in
 * dataset.ts); the spellings found only in its test items (变亚器 of D0147, 不会弄 of D0349) were
 * removed, those of training-side items (枪修, 搞不来, 搞不清 …) kept as training data. No word may
 * be added from the test side. Two parts:
 * - synonym normalisation: different words people use for one thing are rewritten to one
 *   spelling before n-grams are taken, so "房东" and "户主", "短信" and "通知" share n-grams;
 * - fine-grained concepts: narrower than the categoriser's lexicon topics (not "outage notice"
 *   but "notice reaches only the account holder"), each a set of cue words; two texts that hit
 *   the same concept very likely talk about the same issue even with no character in common.
 */
import { normaliseText } from './tokenize';
import { matchTermGroups } from './term-matcher';

/** Applied in order after {@link normaliseText}; longer phrases first where they overlap. */
const SYNONYMS: ReadonlyArray<readonly [string, string]> = [
	// dialect and colloquial spellings (Liuyang speech, typos) before the other rewrites
	['冇电', '停电'],
	['没得电', '停电'],
	['停哒电', '停电'],
	['停咯电', '停电'],
	['断哒电', '停电'],
	['冒得', '没有'],
	['冒电', '停电'],
	['屋里', '家里'],
	['屋头', '家里'],
	['搞不来', '不会'],
	['弄不来', '不会'],
	['搞不清', '不会'],
	['不会搞', '不会'],
	['何解', '为什么'],
	['么得', '什么'],
	['礼拜', '星期'],
	['通电话', '打电话'],
	['枪修', '抢修'],
	['抢秀', '抢修'],
	['强修', '抢修'],
	['修电的', '电工'],
	['电工师傅', '电工'],
	['电费单子', '电费单'],
	['充电费', '缴费'],
	['买电', '缴费'],
	['变压嚣', '变压器'],
	['变电器', '变压器'],
	['变压气', '变压器'],
	['电表箱', '表箱'],
	['计量箱', '表箱'],
	['电线杆', '电杆'],
	['线杆', '电杆'],
	['杆子', '电杆'],
	['水泥杆', '电杆'],
	['高压电线', '高压线'],
	['电力线', '电线'],
	['电线线路', '电线'],
	['路灯杆', '路灯'],
	['路灯不亮', '路灯坏'],
	['电动汽车', '充电车'],
	['新能源车', '充电车'],
	['新能源汽车', '充电车'],
	['台区管理员', '台区经理'],
	['网格员', '台区经理'],
	['包片的', '台区经理'],
	['管电的', '台区经理'],
	['电管员', '台区经理'],
	['供电所的人', '供电所'],
	['电管站', '供电所'],
	['供电站', '供电所'],
	['客服电话', '95598'],
	['服务热线', '95598'],
	// who receives notices / who is the customer of record
	['房东', '户主'],
	['业主', '户主'],
	['租房的', '租户'],
	['租房子', '租户'],
	['租房', '租户'],
	['租客', '租户'],
	['实际用电人', '租户'],
	// notice channels
	['短信', '通知'],
	['消息', '通知'],
	['信息', '通知'],
	['告知', '通知'],
	['电话号码', '手机号'],
	['手机号码', '手机号'],
	['号码', '手机号'],
	// outages
	['跳闸', '停电'],
	['断电', '停电'],
	['没电', '停电'],
	['停了电', '停电'],
	['来电', '送电'],
	['恢复供电', '送电'],
	['维修', '抢修'],
	['报修', '抢修'],
	['保修', '抢修'],
	['钟头', '小时'],
	['抢休', '抢修'],
	// voltage
	['电压不稳', '低电压'],
	['电压不够', '低电压'],
	['电压太低', '低电压'],
	['电压偏低', '低电压'],
	['电压低', '低电压'],
	['欠压', '低电压'],
	['灯暗', '低电压'],
	['灯泡发红', '低电压'],
	['变压器太小', '变压器小'],
	['重过载', '过载'],
	['重载', '过载'],
	['满负荷', '过载'],
	['雷击', '打雷'],
	['雷雨', '打雷'],
	['防雷', '打雷'],
	['避雷', '打雷'],
	['台区经里', '台区经理'],
	// people and places
	['老年人', '老人'],
	['老人家', '老人'],
	['电瓶车', '电动车'],
	['人手不足', '缺人'],
	['人手不够', '缺人'],
	['人员不足', '缺人'],
	['人员少', '缺人'],
	['人少', '缺人'],
	['缺员', '缺人'],
	// payment
	['交电费', '缴费'],
	['缴电费', '缴费'],
	['交钱', '缴费'],
	['营业厅', '网点'],
	['缴费点', '网点'],
	['代收点', '网点'],
	['营业网点', '网点'],
	['手机app', 'app'],
	['网上国网', 'app'],
	['停电短信', '停电通知'],
	['停电消息', '停电通知'],
	['停电信息', '停电通知'],
	['停电公告', '停电通知'],
	['低压电', '低电压'],
	['电压上不来', '低电压'],
	['电压不足', '低电压'],
	['电不够用', '低电压'],
	['电力不足', '低电压'],
	['电费太贵', '电费高'],
	['电费贵', '电费高'],
	['电费偏高', '电费高'],
	['电费多', '电费高'],
	['上门收费', '上门收'],
	['上门收取', '上门收'],
	['上门收电费', '上门收'],
	['安全距离不足', '太近'],
	['安全距离不够', '太近'],
	['离房子', '太近']
];

/** {@link normaliseText} plus the synonym table above. */
export function normaliseForDuplicates(text: string): string {
	let out = normaliseText(text);
	for (const [from, to] of SYNONYMS) {
		if (out.includes(from)) out = out.split(from).join(to);
	}
	return out;
}

/**
 * A narrow issue and cue words (matched on the synonym-normalised text). A cue `a+b` matches
 * only when both `a` and `b` occur (for words too common alone, such as 老人).
 */
export interface Concept {
	id: string;
	terms: readonly string[];
	/**
	 * Company-wide issue (a policy, a channel, staff matters): raised the same way from every
	 * township, so sharing it is evidence of a duplicate even across townships. Local issues
	 * (a weak line, slow repair) are raised in many places but are then different issues.
	 */
	wide?: boolean;
}

/** Concepts of company-wide scope (see {@link Concept.wide}). */
const WIDE = new Set(
	(
		'notice-holder-only notice-media notice-lookup notice-area notice-reason notice-channel-group ' +
		'repair-hotline pv ev-charging connection-fee name-transfer elderly-phone ' +
		'elderly-cash withholding arrears bill-detail meter-reading tariff prepaid-meter ' +
		'manager-workload contact-card-update complaint-closure rating enterprise-cost demand-charge ' +
		'peak-shift meetings reporting work-groups vehicles budget-approval data-systems ' +
		'staffing living leave-duty training career retirees protective-gear ' +
		'electrician-qualification new-business illegal-use third-party-cables ' +
		'notice-reminder planned-outage-long restore-estimate manager-home-visit field-research ' +
		'transfer-supply bill-reminder account-manager smart-meter-remote green-channel staff-overtime ' +
		'youth-recruitment canteen-meals retiree-activities connection-time ' +
		'payment-refund invoice shared-meter pv-settlement temporary-power scam market-trading ' +
		'red-tape-safety commute health-check'
	).split(' ')
);

export const DEFAULT_CONCEPTS: readonly Concept[] = [
	// outage information
	concept(
		'notice-holder-only',
		'户主 租户 家里人 多绑 绑定 多个手机号 登记手机号 登记的手机号 换了手机号 只发给 只通知 只发到 发到他手机 不在家 实际用电人 实际住户 租住 家属 其他家人 多留 留几个 加几个号 几个号 只有一个号 号码换了 没更新'
	),
	concept(
		'notice-channel-group',
		'微信群 村群 群里 广播 大喇叭 小喇叭 张贴 公告栏 村部 村委会 村干部 村里群 组里 村干部通知 喇叭 贴个通知 贴通知 贴在 张贴公告 村口 门口贴 小组长'
	),
	concept(
		'notice-media',
		'报纸 日报 电视 融媒体 公众号 推送 物业 业主群 扩大发布 抖音 视频号 电视台 浏阳日报 电台 网站 官网 发布平台'
	),
	concept(
		'notice-lookup',
		'查询 查到 查不到 小程序 地图 输入地址 按户号 网上查 停电计划 查一下 查不了 哪里查 在哪看 在哪里看 app上看 网上看不到'
	),
	concept(
		'notice-too-late',
		'提前 临时通知 头天 前一天 当天才 没通知 不通知 没有任何通知 突然停电 提前量 招呼都不打 没打招呼 不打招呼 说停就停 提前几天 提前一天 提早 早点通知 头一天 晚上才通知 临时停电 事先 提前三天 提前几天 提前一周 提前一个星期 来不及准备 来不及 只提前一天 早几天 莫名其妙停电 突然就停了 一声不吭 说都不说 也不说一声 没有提前'
	),
	concept(
		'notice-time-wrong',
		'改期 推迟 说好 提前送电 延长 不准时 没按时 按时 实际上 实际停电 说话不算数 到时间 停不停 时间不准 说好的 延时 拖延 超时 晚送电 早送电 比通知 计划时间 提前来电 到点 没有按时 改时间 时间变了 取消停电 停电+取消'
	),
	concept(
		'notice-area',
		'停电范围 杆号 线路名 号杆 千伏 哪几个 看不懂 看不明白 写清楚 通俗 地名 村组名 小区名 街道 哪条线 官方'
	),
	concept('exam-period', '高考 中考 考试 开学 学校 学生 复习'),
	concept('busy-season', '农忙 双抢 插秧 收割 晒谷 烤烟 旺季 春节 过年'),
	concept('notice-reason', '停电原因 为什么停 什么原因 不说原因 说明原因'),
	// outages and repair
	concept(
		'repair-slow',
		'抢修慢 等了 半天 一整天 大半天 好久 才来 没人来 到场 迟迟 第二天 才有人 几个小时 个把小时 多小时 等好久 等了好久 等了半天 半夜才 半夜 天亮才 几个钟头 好几个钟头 四五个钟头 才修好 修了好久 到达慢 到场慢 响应慢 来得慢 一直说在路上 黑灯瞎火 磨磨蹭蹭 慢吞吞 半天不见人 搞半天 修得慢 修不好 修了又坏'
	),
	concept(
		'repair-staff',
		'抢修人员 派人 抢修队 驻点 多派 派齐 人太少 常驻 驻守 值守点 抢修点 抢修班 备品备件 抢修车 离供电所 路远 路太远 进不来'
	),
	concept(
		'repair-hotline',
		'95598 电话打不通 打不通 派单 热线 打了几次 打了好几遍 打电话没人接 没人接电话 转来转去 占线 一直占线 按键 人工服务 投诉电话 转到长沙 不熟悉本地 说不清地址 反复问 回电话'
	),
	concept(
		'lightning',
		'打雷 暴雨 大风 台风 雷 防雷 避雷器 雷击 雷雨季节 雷暴 一打雷 打雷就 下雨+停电'
	),
	concept('ice-snow', '冰冻 覆冰 下雪 冰灾 凝冻 冻雨 结冰 倒杆 断线 冬天+停电 冬天+断线'),
	concept(
		'frequent-outage',
		'经常停电 频繁 三天两头 老是停电 动不动 好几次 几十次 停了几次 家常便饭 隔三差五 一个月停 老停电 总停电 一直停电 又停电 又停了 经常跳 跳来跳去 停了又来 来了又停 一周停 一个星期停 一天停几次 好几回 停好几回 三不五时 时不时 一天到晚停电 停来停去 隔几天就停 反复停电 重复停电 老毛病'
	),
	concept(
		'line-corridor',
		'树障 通道 清理 砍伐 林区 巡线 绝缘化 树木 通道清理 修剪 砍一下 砍掉 树长高 毛竹'
	),
	concept('sectionalising', '分段开关 缩小停电范围 自动化 环网 双电源 联络'),
	// voltage and grid
	concept(
		'low-voltage',
		'低电压 灯不亮 煮不熟 电饭煲 抽不上水 水泵 启动不了 转不动 带不动 一百八 一百七 电压也低 灯光暗 灯光很暗 灯很暗 日光灯 启动不了 空调开不了 空调启动不了 冰箱不制冷 洗衣机转不动 电压只有 190 180 170 160 200伏 电器用不了 带不起 灯像萤火虫 电灯昏 灯昏 煮饭煮不熟 打不燃 开不起来 开不动 带不动空调 伏电压 只有+伏'
	),
	concept(
		'voltage-fluctuation',
		'忽高忽低 灯闪 闪得 一闪一闪 闪烁 波动 重启 自动关机 一会高一会低 时高时低 不稳定 电压不稳定 一跳一跳 闪个不停 电视闪'
	),
	concept(
		'over-voltage',
		'电压高 电压偏高 过压 电压太高 逆变器 脱网 250 电压偏高 电压过高 270 260 烧灯泡 光伏电压'
	),
	concept(
		'appliance-damage',
		'烧坏 电器损坏 烧了 损失 谁负责 找谁赔 烧坏了 烧掉了 电器坏了 冰箱坏了 电视坏了 打坏了 赔偿损失 赔不赔'
	),
	concept('transformer', '变压器'),
	concept(
		'transformer-overload',
		'变压器小 过载 换大 换个大 供不过来 负荷大 负荷太大 负荷增长 户数 布点 承载力 变压器满负荷 负荷重 负荷高 不够用 容量不够 容量小 太小了 小了 新增变压器 增加变压器 加个变压器 加一台 多装一台 布点少 台区大 户数多'
	),
	concept(
		'line-upgrade',
		'改造 线路老化 线太细 卡脖子 导线 线路长 供电半径 延伸 架线 线路标准低 农网改造 农网 电网改造 升级改造 改线 换线 线路改造 老化 线太老 线路太老 线径 细线 铝线 裸线 主线 支线 排不上 列入计划 改造计划 一期 二期 投资'
	),
	concept(
		'old-housing',
		'老小区 老旧小区 宿舍 进线 电表箱 八十年代 老线路 总闸 空开 老房子 老宿舍 单位宿舍 楼道 电表箱老化 表箱锈 一户一表 改表'
	),
	concept(
		'evening-peak',
		'高峰 傍晚 七八点 做饭 用电高峰 晚上+电压 晚上+灯 晚上+低电压 夏天+电压 晚上+带不动'
	),
	concept(
		'ev-charging',
		'电动车 充电 充电桩 电动汽车 新能源汽车 充电车 充电站 充电难 慢充 快充 家用充电桩 小区充电 物业不同意 物业不让 车位 装桩'
	),
	concept(
		'three-phase',
		'三相 动力电 动力线 加工 碾米 打米 380 三相四线 单相 动力用电 电机 机器带不动 磨坊 作坊 榨油'
	),
	concept(
		'pv',
		'光伏 并网 屋顶 余电上网 光伏板 分布式 发电 上网电费 光伏电费 光伏款 并网申请 光伏补贴 逆变器'
	),
	// connection
	concept(
		'new-connection',
		'报装 装表 新装 开户 新房 通电 装电表 装个表 装一个表 申请用电 用电申请 拉电 拉条线 接个电 新建房 建新房 盖房子 临时用电 临时电 工地用电 申请接电 接电要'
	),
	concept(
		'connection-fee',
		'收费 收哪些钱 材料费 安装费 表后线 自己出钱 出钱 费用 收费标准 不透明 公示 公开 乱收费 多收钱 要钱 收钱 收了 额外 私下收 红包 好处费 收多少 指定施工队 指定施工 外线工程 表前 表后 施工费'
	),
	concept(
		'connection-time',
		'太慢 多久 周期长 几个月 还没通 绿色通道 时限 多少天 投产 竣工 办了好久 一直没装 迟迟不装 拖了 等了几个月 几个星期 好几个月 办得慢 办理慢 不给装 几个工作日 工作日 承诺 多久能装 装表要多久 要多久 还没装 还没人来 一个多月 没到货 什么时候装 办结时间'
	),
	concept('capacity', '增容 扩容 减容 容量 加容量 容量不够用 申请容量 报容量'),
	concept('name-transfer', '过户 更名 户名 改名 换户名 户主去世 过世 房子卖了 买的二手房'),
	concept(
		'paperwork',
		'资料 手续 材料 证明 跑几趟 跑了 审批 盖章 复印 一次办 一件事 联合办理 代办 就近办 流程 跑腿 多跑 来回跑 跑了好几趟 跑几次 跑好多次 不一次性告知 一次性告知 资料多 材料多 证件 身份证 房产证 网上办 线上办'
	),
	concept('site-survey', '现场勘查 勘察 勘查 约了 上门看'),
	// payment
	concept(
		'payment-point',
		'网点 排队 跑到镇上 代收 营业厅远 网点远 网点少 网点撤了 撤掉 跑镇上 跑城里 进城 窗口少 缴费+远 缴费+跑'
	),
	concept(
		'elderly-phone',
		'不会用手机 智能手机 不会操作 不识字 老人不会 不会用微信 不会上网 不认得字 老人+手机 老人+微信 老人+不会 老人+app 老人+线上 岁+不会用 眼睛不好+交 托人+交 帮忙交'
	),
	concept(
		'payment-app',
		'app 支付宝 微信缴费 户号 网上缴费 手机缴费 微信交 支付宝交 扫码 绑定户号 绑户号 公众号缴费 掌上 线上缴 线上交'
	),
	concept(
		'withholding',
		'代扣 扣款 扣成功 扣失败 没扣 扣到 扣不 银行卡 卡里 银行 养老金 预存 预付费 余额 自动扣 代扣失败 扣两次 重复扣 多扣 扣错 扣了 划扣 银行代扣 存折'
	),
	concept(
		'arrears',
		'欠费 催费 充值 复电 交了钱 马上来电 欠费提醒 欠费停电 欠费就停 停电催费 交了还停 交了钱还没来电 复电慢 一欠费 催缴 催费短信'
	),
	concept(
		'bill-detail',
		'账单 电费单 明细 清单 发票 看不懂电费 电费明细 用了多少 每月用电 用电量 用电情况 纸质 电费通知单 开票 看不到明细'
	),
	concept(
		'meter-reading',
		'抄表 估抄 估的 读数 补收 抄表日期 按实际 估算 估计的 没来抄 不抄表 没有抄 抄错 跨月 补交 一下子补'
	),
	concept(
		'meter-accuracy',
		'电表走得快 电表不准 走得快 校验 多收 电费高 电费突然 电表有问题 电表快 表走得快 表不准 电表转得快 没用电也走 电费翻倍 突然增加 比以前多 电费异常 智能电表 换表后 换了表'
	),
	concept(
		'tariff',
		'电价 阶梯 峰谷 转供电 加价 物业代收 一户多人口 阶梯电价 峰谷电价 分时电价 电价高 商业电价 农业电价 居民电价 电价标准 转供 加价 每度 一毛 两毛 三毛 终端用户'
	),
	// service
	concept(
		'district-manager',
		'联系卡 服务卡 联系电话 找不到人 联系不上 换了人 调走 没见过 照片 姓名 不认识 不知道是谁 是谁 电话打不通 号码错 号码不对 换人 调走了 新来的 没来过 见不到 见不着 公示牌 上墙'
	),
	concept(
		'manager-workload',
		'一个人 好几个村 管几千户 忙不过来 配置 增配 管得太多 管的户太多 一个人管 几个村 片区太大 跑不过来 忙不赢 兼职 身兼数职 又要抄表 又要抢修 当几个人用 一个人当 配置偏少 配置少 增配 人员配置 忙不过来 管几千户 管那么多'
	),
	concept(
		'attitude',
		'态度 不耐烦 推诿 脸色 凶 冷淡 爱理不理 骂 推来推去 态度差 态度不好 服务差 服务态度 摆架子 不理人 甩脸 讲话难听 不耐烦 打官腔 踢皮球 门难进 没好脸色 口气不好 讲话冲 爱答不理 不搭理 冷言冷语'
	),
	concept(
		'complaint-closure',
		'投诉 回复 答复 回访 不了了之 没下文 反映了没用 反映多次 说了没用 没人管 没有回音 石沉大海 敷衍 拖着 一直拖 多次反映 反映几次 没有结果 没解决'
	),
	concept(
		'office-hours',
		'上班时间 工作时间 中午 周末 窗口 营业时间 关门 无人值守 没人值守 值守 没人接 一个人都没有 经常没人 下班 节假日 双休 周六 周日 延长营业 午休 找不到人办事 锁门'
	),
	concept('rating', '评价 打分 二维码 满意度 测评'),
	concept(
		'legacy-assets',
		'转供 直供 矿区 产权 移交 接收 没人维护 不归 遗留 代管 自管 村里的线 企业的线 改制 移交给 谁的 不属于 历史遗留'
	),
	concept(
		'praise',
		'表扬 感谢 谢谢 点赞 热情 耐心 辛苦 好评 服务好 很好 满意 感动 负责任 点个赞 称赞 很及时'
	),
	// large customers
	concept(
		'enterprise-cost',
		'用电成本 电费成本 能效 节能 能耗 降低成本 省电费 用电诊断 用电分析 诊断 电费负担 电费支出 成本高 成本太高 用能 能源管理 综合能源 节能改造 合同能源 优化用电'
	),
	concept(
		'demand-charge',
		'需量 基本电费 容量电费 力率 力调 功率因数 无功 补偿装置 按需量 按容量 变压器容量费 基本费 罚款 力调电费 电容'
	),
	concept(
		'peak-shift',
		'峰谷 错峰 避峰 谷电 生产班次 低谷 高峰时段 谷段 峰段 夜间生产 晚上生产 错开'
	),
	concept('seasonal-load', '淡季 旺季 季节 暂停'),
	concept('park', '园区 工业园 高新区 专变 客户经理 专线 大用户 客户经理 园区企业 招商'),
	concept('fireworks', '花炮 烟花 鞭炮'),
	// safety
	concept(
		'lines-near-houses',
		'房顶 线下建房 离得太近 太近 跨越 晾衣 嗞嗞 线路过低 电线低 高压线 从房顶 房子上面 屋顶上 楼顶 阳台 迁改 迁移 改道 挪走 移走 搬走 安全距离 离得近 隐患 垂得很低 低垂 挂到 货车 马路上 横跨 房子+高压线 房子+电线 房子+太近'
	),
	concept(
		'poles',
		'电杆 倾斜 歪 拉线 倒 电杆歪 杆子歪 斜了 快倒 要倒 倒了 拉线松 杆子挡路 挡路 田中间 路中间 移杆 移表 移杆 挪杆 杆子挡'
	),
	concept(
		'trees',
		'树 竹子 砍树 碰线 树枝 竹林 树挨着线 树碰线 树压线 砍树 修树 竹子碰 树压 压到线 压在电线'
	),
	concept(
		'illegal-use',
		'电鱼 偷电 窃电 私拉乱接 私接 乱拉 电打鱼 电猫 电野猪 电网捕 偷电 私拉电线 乱接线'
	),
	concept('kites-fishing', '钓鱼 风筝 鱼竿'),
	concept(
		'safety-education',
		'安全用电 安全宣传 安全教育 宣传 触电 警示 漏电 保护器 安全常识 安全知识 宣传安全 进校园 进村 用电安全 老旧线路着火 着火 起火 火灾 小孩+触电 小孩+电线'
	),
	// work style
	concept(
		'meetings',
		'会议 开会 会开 开个会 会多 会太多 陪会 视频会 念稿 讲话 层层传达 开会多 会议多 文山会海 会议太多 陪会 开不完'
	),
	concept(
		'reporting',
		'报表 台账 填表 报送 重复 留痕 痕迹 形式主义 走形式 重复报 重复填报 多头报 报材料 材料多 填报 统计表 excel 系统多 好几个系统 录系统 录入 数据 台账多'
	),
	concept(
		'work-groups',
		'打卡 工作群 群太多 微信工作群 拍照 群多 工作群多 定位 晒照片 拍照上传 截图'
	),
	concept(
		'inspections',
		'检查 督查 考核 迎检 评比 扣分 检查多 督查多 考核多 迎检 检查太多 应付检查 排名 通报 考核排名 排名靠后 扣钱 扣绩效'
	),
	concept('vehicles', '车辆 用车 公车 派车 车子 油费 车少 没车 车不够 私车公用 自己车 开自己车'),
	concept(
		'budget-approval',
		'经费 预算 报销 审批 签字 接待 报账 审批慢 审批流程 领导签字 层层审批 手续繁'
	),
	// employees
	concept(
		'staffing',
		'缺人 人手 人员太少 人员少 补充人员 增加人员 没人干活 老龄化 后继无人 编制 招不进 留不住 一人多岗 顶岗 几个岗 人员老化 平均年龄 五十多岁 招不来 补员 外包 劳务派遣'
	),
	concept('living', '住宿 食堂 宿舍 洗澡 生活条件 住宿条件 偏远站所 偏远+条件 偏远+住 房子漏'),
	concept(
		'pay-allowance',
		'补贴 津贴 工资 待遇 绩效 奖金 收入 加班费 收入低 待遇低 工资低 补助 山区补贴 偏远补贴 高温补贴 下乡补贴 同工不同酬'
	),
	concept(
		'leave-duty',
		'值班 补休 休假 轮休 加班 休息 休不了 没休息 不能休 年假 值班多 连轴转 二十四小时 熬夜 值夜班 轮班 通宵 连续几个晚上 吃不消 身体 补休 倒班'
	),
	concept('training', '培训 学习 技能 实操 培训少 培训机会 技术培训 学不到 考证 取证'),
	concept('career', '职称 晋升 评聘 上升通道 评职称 晋级 岗位 竞聘 提拔'),
	concept(
		'retirees',
		'退休 离退休 老干部 体检 慰问 活动室 退休人员 退休职工 退休待遇 养老 农电工 老职工 离休 集体企业 改制 原农电工 老同志'
	),
	concept(
		'protective-gear',
		'劳保 工作服 绝缘鞋 雨衣 手套 工器具 安全帽 劳保用品 工具 安全带 脚扣 绝缘手套'
	),
	// other
	concept(
		'street-lights',
		'路灯 照明 太阳能灯 亮化 路灯坏 路灯不亮 装路灯 路灯电费 路灯维修 晚上黑 太黑'
	),
	concept(
		'compensation',
		'青苗 赔偿 补偿 占地 庄稼 踩坏 田里 赔偿款 补偿款 青苗费 占地费 砍了树 毁了'
	),
	concept(
		'third-party-cables',
		'光缆 网线 通信线 广电 电信 移动 联通 挂在电杆 基站 铁塔 线缆 杂线 乱拉的线 蜘蛛网 有线电视 宽带线'
	),
	concept('homestay-tourism', '民宿 景区 游客 农家乐 旅游 客人 游客多 旅游旺季 农庄 度假'),
	concept('rural-revitalisation', '乡村振兴 帮扶 驻村'),
	// added: more issue-level concepts
	concept('settlement-estate', '安置小区 安置房 拆迁 还建 电梯 配电房 物业 谁管 开发商'),
	concept('contact-card-update', '联系卡 服务卡 贴的 门上 更新 换了人 调走 新来的 公示牌'),
	concept('elderly-cash', '现金 上门收 代收员 恢复代收 人工窗口 人工收费 村里代收 收电费的'),
	concept(
		'prepaid-meter',
		'预付费 预购电 充值卡 插卡 卡表 充了钱 余额不足 自动停电 突然停电 余额提醒'
	),
	concept('fault-location', '故障指示器 查找故障 找故障 故障点 巡线 查线'),
	concept('motor-pump', '水泵 抽水 灌溉 排灌 抽水机 机埠 农田'),
	concept('cold-storage', '冷库 冻库 养殖 猪场 鸡场 鱼塘 增氧机'),
	concept('mobile-signal', '信号 网络不好 4g 5g 通信'),
	concept('dual-supply', '备用电源 双电源 发电机 应急电源 保电 重要用户 应急发电车 发电车'),
	concept('substation', '变电站 110千伏 35千伏 主变 电源点 新建变电站'),
	concept('ten-kv-line', '10千伏 十千伏 主干线 线路过长 一条线 一条线路 联络线'),
	concept('data-systems', '系统 录入 互不相通 数据共享 信息系统 平台多 app多 重复录'),
	concept('electrician-qualification', '电工证 资质 持证 村电工 农村电工 水电工'),
	concept('new-business', '数字化 转型 新业务 综合能源 储能 虚拟电厂'),
	concept('wedding-funeral', '红白喜事 办酒 酒席 临时用电'),
	// added: company-wide issues (specific enough that two mentions are likely one issue)
	concept(
		'notice-reminder',
		'再提醒 提醒一次 提醒一下 再发一次 再通知一次 再发个 二次提醒 临近 快停电的时候 到时候都忘了 发得太早 发的太早 一个多星期前'
	),
	concept(
		'planned-outage-long',
		'一停就是一整天 停一整天 停一天 计划停电时间 停电时间太长 分几次停 分段停 带电作业 不停电作业 缩短停电'
	),
	concept(
		'restore-estimate',
		'预计来电 预计恢复 什么时候来电 来电时间 恢复时间 修到哪 进度 要停多久 停多久'
	),
	concept(
		'manager-home-visit',
		'上门看看 上门服务 上门检查 走访 入户 定期上门 定期到 走一走 多来看看 多关心 网格化 困难户 独居 很少看到 经常来家里 来家里检查'
	),
	concept(
		'field-research',
		'调研 下基层 到基层 跟班 蹲点 基层实际 看材料 机关人员 机关 走过场 拍几张照片 深入一线'
	),
	concept(
		'transfer-supply',
		'转供电 转供 物业代收 房东收电费 房东转供 二房东 加价 终端用户 电价政策'
	),
	concept('bill-reminder', '电费短信 电费通知 缴费提醒 余额提醒 欠费提醒 催缴短信 每月通知'),
	concept('account-manager', '客户经理 专属 对接人 一对一 专人对接 服务专员'),
	concept('smart-meter-remote', '远程 费控 远程停电 自动停电 自动复电 智能电表'),
	concept(
		'green-channel',
		'绿色通道 优化营商环境 营商环境 获得电力 一网通办 政务服务 数据共享 免提交 不用提交'
	),
	concept('staff-overtime', '熬夜 值夜班 轮班 通宵 连续 加班多 加班费 上限 补休 休不了 吃不消'),
	concept('safety-hazard-report', '隐患 排查 巡查 安全隐患 消缺 整改'),
	concept('youth-recruitment', '年轻人 大学生 招聘 招人 进人 新员工 留不住'),
	concept('canteen-meals', '食堂 吃饭 伙食 做饭 餐补'),
	concept('retiree-activities', '活动 参观 组织 老同志 慰问 走访慰问 逢年过节 困难职工'),
	// added: more specific issues, written from general knowledge of county supply service
	concept('payment-refund', '交错 交错了 退款 退费 退回来 多交了 退钱 转错'),
	concept('invoice', '发票 开票 增值税 专票 电子发票'),
	concept('shared-meter', '合表 共用一个表 共用电表 总表 分表 分摊 公摊 一户一表'),
	concept('pv-settlement', '光伏电费 光伏结算 上网电费 发电收益 补贴没到账 没到账 结算慢 光伏款'),
	concept('temporary-power', '临时用电 临时电 工地 施工用电 临时接电'),
	concept('construction-cleanup', '施工后 不清理 垃圾 路面 挖了 恢复原状 破坏 弄坏'),
	concept('scam', '冒充 骗子 诈骗 假冒 假的工作人员'),
	concept('market-trading', '市场化 电力交易 售电公司 代理购电 交易电价 长协'),
	concept('enterprise-outage', '企业停电 生产损失 停产 生产线 订单 设备损坏'),
	concept('abandoned-lines', '废弃 没拆 不用的线 废线 旧线 旧杆'),
	concept('meter-box-damage', '表箱门 表箱坏 没锁 敞开 表箱烂 锈烂'),
	concept('noise-radiation', '噪音 嗡嗡 辐射 吵 变压器响'),
	concept('red-tape-safety', '安全规定 层层加码 两票 工作票 安全措施 手续太多 不敢干'),
	concept('commute', '上下班 通勤 交通 班车 路途远 回家难'),
	concept('health-check', '体检 身体检查 职业病 疗养')
];

function concept(id: string, terms: string): Concept {
	return {
		id,
		terms: terms.split(' ').map((term) =>
			term
				.split('+')
				.map((part) => normaliseForDuplicates(part))
				.join('+')
		),
		...(WIDE.has(id) ? { wide: true } : {})
	};
}

/** Ids of the concepts whose cue words occur in the (already normalised) text. */
export function matchConcepts(normalised: string, concepts: readonly Concept[]): string[] {
	const plain = matchTermGroups(normalised, concepts, () =>
		concepts.map((c) => c.terms.filter((term) => term.length > 0 && !term.includes('+')))
	);
	const hit = new Set(plain);
	concepts.forEach((c, k) => {
		if (hit.has(k)) return;
		for (const term of c.terms) {
			if (term.includes('+') && term.split('+').every((part) => normalised.includes(part))) {
				hit.add(k);
				return;
			}
		}
	});
	return [...hit].sort((a, b) => a - b).map((k) => concepts[k].id);
}
