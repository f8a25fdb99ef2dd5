/**
 * Vocabulary for telling whether two suggestions raise the *same concrete issue*.
 *
 * Written for the product from general power-supply-service vocabulary (not drawn from any data
 * set). Two parts:
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
	['变亚器', '变压器'],
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
	['网上国网', 'app']
];

/** {@link normaliseText} plus the synonym table above. */
export function normaliseForDuplicates(text: string): string {
	let out = normaliseText(text);
	for (const [from, to] of SYNONYMS) {
		if (out.includes(from)) out = out.split(from).join(to);
	}
	return out;
}

/** A narrow issue and cue words (matched on the synonym-normalised text). */
export interface Concept {
	id: string;
	terms: readonly string[];
}

export const DEFAULT_CONCEPTS: readonly Concept[] = [
	// outage information
	concept(
		'notice-holder-only',
		'户主 租户 家里人 多绑 绑定 多个手机号 登记手机号 登记的手机号 换了手机号'
	),
	concept(
		'notice-channel-group',
		'微信群 村群 群里 广播 大喇叭 小喇叭 张贴 公告栏 村部 村委会 村干部'
	),
	concept('notice-media', '报纸 日报 电视 融媒体 公众号 推送 物业 业主群 扩大发布'),
	concept('notice-lookup', '查询 查到 查不到 小程序 地图 输入地址 按户号 网上查 停电计划'),
	concept(
		'notice-too-late',
		'提前 临时通知 头天 前一天 当天才 没通知 不通知 没有任何通知 突然停电 提前量 招呼都不打'
	),
	concept(
		'notice-time-wrong',
		'改期 推迟 说好 提前送电 延长 不准时 没按时 按时 实际上 实际停电 说话不算数 到时间 取消 停不停 时间不准'
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
		'抢修慢 等了 半天 一整天 大半天 好久 才来 没人来 到场 迟迟 第二天 才有人 几个小时 个把小时 多小时'
	),
	concept('repair-staff', '抢修人员 派人 抢修队 驻点 多派 派齐 班组 人太少'),
	concept('repair-hotline', '95598 电话打不通 打不通 派单 热线 打了几次 打了好几遍'),
	concept('lightning', '打雷 下雨 暴雨 大风 台风 雷'),
	concept('ice-snow', '冰冻 覆冰 下雪 冰灾 凝冻'),
	concept(
		'frequent-outage',
		'经常停电 频繁 三天两头 老是停电 动不动 好几次 几十次 停了几次 家常便饭 隔三差五 一个月停'
	),
	concept('line-corridor', '树障 通道 清理 砍伐 林区 巡线 绝缘化'),
	concept('sectionalising', '分段开关 缩小停电范围 自动化 环网 双电源 联络'),
	// voltage and grid
	concept(
		'low-voltage',
		'低电压 灯不亮 煮不熟 电饭煲 抽不上水 水泵 启动不了 转不动 带不动 一百八 一百七 伏 电压也低'
	),
	concept(
		'voltage-fluctuation',
		'忽高忽低 灯闪 闪得 一闪一闪 闪烁 波动 重启 自动关机 一会高一会低'
	),
	concept('over-voltage', '电压高 电压偏高 过压 电压太高 逆变器 脱网 250'),
	concept('appliance-damage', '烧坏 电器损坏 烧了 损失 谁负责 找谁赔'),
	concept('transformer', '变压器'),
	concept(
		'transformer-overload',
		'变压器小 过载 换大 换个大 供不过来 负荷大 负荷太大 负荷增长 户数 布点 承载力'
	),
	concept('line-upgrade', '改造 线路老化 线太细 卡脖子 导线 线路长 供电半径 延伸 架线 线路标准低'),
	concept('old-housing', '老小区 老旧小区 宿舍 进线 电表箱 八十年代 老线路 总闸 空开'),
	concept('evening-peak', '晚上 高峰 傍晚 七八点 做饭 吃饭'),
	concept('ev-charging', '电动车 充电 充电桩 电动汽车 新能源汽车'),
	concept('three-phase', '三相 动力电 动力线 加工 碾米 打米'),
	concept('pv', '光伏 并网 屋顶 余电上网 光伏板'),
	// connection
	concept('new-connection', '报装 装表 新装 开户 新房 接电 通电 装电表'),
	concept(
		'connection-fee',
		'收费 收哪些钱 材料费 安装费 表后线 自己出钱 出钱 费用 收费标准 不透明 公示 公开'
	),
	concept('connection-time', '太慢 多久 周期长 几个月 还没通 绿色通道 时限 多少天 投产 竣工'),
	concept('capacity', '增容 扩容 减容 容量'),
	concept('name-transfer', '过户 更名 户名 改名'),
	concept(
		'paperwork',
		'资料 手续 材料 证明 跑几趟 跑了 审批 盖章 复印 一次办 一件事 联合办理 代办 就近办 流程'
	),
	concept('site-survey', '现场勘查 勘察 勘查 约了 上门看'),
	// payment
	concept('payment-point', '网点 缴费 排队 跑到镇上 太远 代收'),
	concept('elderly-phone', '老人 不会用手机 智能手机 不会操作 不识字'),
	concept('payment-app', 'app 支付宝 微信缴费 户号 线上'),
	concept(
		'withholding',
		'代扣 扣款 扣成功 扣失败 没扣 扣到 扣不 银行卡 卡里 银行 养老金 预存 预付费 余额'
	),
	concept('arrears', '欠费 催费 充值 复电 交了钱 马上来电 欠费提醒'),
	concept('bill-detail', '账单 电费单 明细 清单 发票'),
	concept('meter-reading', '抄表 估抄 估的 读数 补收 抄表日期 按实际'),
	concept('meter-accuracy', '电表走得快 电表不准 走得快 校验 多收 电费高 电费突然'),
	concept('tariff', '电价 阶梯 峰谷 分时 转供电 加价 物业代收'),
	// service
	concept(
		'district-manager',
		'联系卡 服务卡 联系电话 找不到人 联系不上 换了人 调走 没见过 照片 姓名'
	),
	concept('manager-workload', '一个人 好几个村 管几千户 忙不过来 配置 增配'),
	concept('attitude', '态度 不耐烦 推诿 脸色 凶 冷淡 爱理不理 骂 推来推去'),
	concept('complaint-closure', '投诉 回复 答复 回访 不了了之 没下文'),
	concept(
		'office-hours',
		'上班时间 工作时间 中午 周末 窗口 营业时间 关门 无人值守 没人值守 值守 没人接 一个人都没有 经常没人'
	),
	concept('rating', '评价 打分 二维码 满意度 测评'),
	concept('legacy-assets', '转供 直供 矿区 产权 移交 接收 没人维护 不归 遗留'),
	concept('praise', '表扬 感谢 谢谢 点赞 热情 耐心 辛苦'),
	// large customers
	concept(
		'enterprise-cost',
		'用电成本 电费成本 能效 节能 能耗 降低成本 省电费 用电诊断 用电分析 诊断 优化'
	),
	concept('demand-charge', '需量 基本电费 容量电费 力率 力调 功率因数 无功 补偿装置'),
	concept('peak-shift', '峰谷 错峰 避峰 谷电 生产班次'),
	concept('seasonal-load', '淡季 旺季 季节 暂停'),
	concept('park', '园区 工业园 高新区 专变 客户经理'),
	concept('fireworks', '花炮 烟花 鞭炮'),
	// safety
	concept('lines-near-houses', '房子 房顶 线下建房 离得太近 太近 跨越 晾衣 嗞嗞 线路过低 电线低'),
	concept('poles', '电杆 倾斜 歪 拉线 倒'),
	concept('trees', '树 竹子 砍树 碰线 树枝 竹林'),
	concept('illegal-use', '电鱼 偷电 窃电 私拉乱接 私接 乱拉'),
	concept('kites-fishing', '钓鱼 风筝 鱼竿'),
	concept('safety-education', '安全用电 安全宣传 安全教育 宣传 触电 警示 漏电 保护器 小孩'),
	// work style
	concept('meetings', '会议 开会 会开 开个会 会多 会太多 陪会 视频会 念稿 讲话 层层传达'),
	concept('reporting', '报表 台账 填表 报送 重复 留痕 痕迹 形式主义 走形式'),
	concept('work-groups', '打卡 工作群 群太多 微信工作群 拍照'),
	concept('inspections', '检查 督查 考核 迎检 评比 扣分'),
	concept('vehicles', '车辆 用车 公车 派车 车子 油费'),
	concept('budget-approval', '经费 预算 报销 审批 签字 接待'),
	// employees
	concept(
		'staffing',
		'缺人 人手 人员太少 人员少 补充人员 增加人员 没人干活 年轻人 老龄化 后继无人 编制 招不进 留不住 一人多岗 顶岗 几个岗 年龄'
	),
	concept('living', '住宿 食堂 宿舍 洗澡 空调 生活条件 偏远'),
	concept('pay-allowance', '补贴 津贴 工资 待遇 绩效 奖金 收入 加班费'),
	concept('leave-duty', '值班 补休 休假 轮休 加班 休息'),
	concept('training', '培训 学习 技能 实操'),
	concept('career', '职称 晋升 评聘 上升通道'),
	concept('retirees', '退休 离退休 老干部 体检 慰问 活动室'),
	concept('protective-gear', '劳保 工作服 绝缘鞋 雨衣 手套 工器具 安全帽'),
	// other
	concept('street-lights', '路灯 照明 太阳能灯 亮化'),
	concept('compensation', '青苗 赔偿 补偿 占地 庄稼 踩坏 田里'),
	concept('third-party-cables', '光缆 网线 通信线 广电 电信 移动 联通 挂在电杆 基站 铁塔'),
	concept('homestay-tourism', '民宿 景区 游客 农家乐 旅游'),
	concept('rural-revitalisation', '乡村振兴 帮扶 驻村')
];

function concept(id: string, terms: string): Concept {
	return { id, terms: terms.split(' ').map((term) => normaliseForDuplicates(term)) };
}

/** Ids of the concepts whose cue words occur in the (already normalised) text. */
export function matchConcepts(normalised: string, concepts: readonly Concept[]): string[] {
	return matchTermGroups(normalised, concepts, () =>
		concepts.map((c) => c.terms.filter((term) => term.length > 0))
	).map((k) => concepts[k].id);
}
