/**
 * The demo campaign's suggestion corpus: 182 distinct concerns (意见和建议182条) as the reviewers
 * of the real case sorted them, each with the different ways respondents actually wrote it, the
 * responsible unit, the rectification measures and the reply to the proposers.
 *
 * All texts are written for the product (villages, groups and details are invented); they are
 * not taken from any data set used to develop or test the categoriser.
 */

export type DemoCategory =
	| 'connection'
	| 'outage_notice'
	| 'outage_duration'
	| 'voltage_grid'
	| 'payment'
	| 'service_manager'
	| 'large_customer'
	| 'safety'
	| 'work_style'
	| 'employee_welfare'
	| 'other';
export type DemoNature = 'routine' | 'legacy' | 'new';
export type DemoGroup = 'township' | 'government' | 'customer' | 'employee' | 'retiree';

export interface DemoConcern {
	/** 'c001' … 'c182' */
	key: string;
	category: DemoCategory;
	nature: DemoNature;
	/** Responsible unit: one of the demo organisation's departments or supply stations. */
	department: string;
	/** Township the concern is about, or null when it is company-wide. */
	township: string | null;
	/** Respondent groups who raise it (the demo draws the proposers from these). */
	groups: DemoGroup[];
	/**
	 * Which open question it answers: 'improve' = 你认为公司管理的哪些方面还有待改进?;
	 * 'difficulty' = 你认为在日常工作中存在的最大困难是什么? (mostly employees, retirees, township staff).
	 */
	question: 'improve' | 'difficulty';
	/** The merged suggestion's title as a reviewer would write it: concise, neutral, ≤ 30 characters. */
	title: string;
	/** 2–5 different ways respondents actually wrote it. */
	variants: string[];
	/** Rectification measures (整改措施) the department records. */
	measures: string;
	/** The reply to the proposers (答复); with a plan and timetable where a quick fix is not possible. */
	reply: string;
}

export const DEMO_CONCERNS: DemoConcern[] = [
	// ── voltage_grid: low voltage, transformer capacity, grid build-out ──────────────────────────
	{
		key: 'c001',
		category: 'voltage_grid',
		nature: 'routine',
		department: '张坊供电所',
		township: '张坊',
		groups: ['customer', 'township'],
		question: 'improve',
		title: '张坊镇枫树坪村晚间用电高峰电压偏低',
		variants: [
			'枫树坪村天黑以后灯光发黄，烧壶开水都要半个钟头。',
			'天一黑电压就往下掉，冰箱压缩机嗡嗡响就是不转',
			'我们枫树坪那一片每天天黑以后电压上不去，电视机自己关机，请供电所来测一下。',
			'张坊枫树坪电亚太低哒',
			'我是枫树坪村七组的，家里老人晚上要用制氧机，电压一低机器就报警，每天晚上提心吊胆，麻烦供电所尽快派人来测一下电压，看看是不是变压器的问题。'
		],
		measures:
			'张坊供电所对枫树坪村台区开展高峰时段电压监测，调整配变分接头并将部分用户切改至邻近台区。',
		reply:
			'经测量，枫树坪村台区晚高峰末端电压偏低，我所已调整变压器档位并切改部分负荷，目前末端电压已恢复到合格范围，欢迎继续监督。'
	},
	{
		key: 'c002',
		category: 'voltage_grid',
		nature: 'new',
		department: '大围山供电所',
		township: '大围山',
		groups: ['customer', 'township'],
		question: 'improve',
		title: '大围山景区民宿集中区节假日变压器过载',
		variants: [
			'五一节客人住满了，空调一开变压器就跳闸，民宿老板只好一家家去道歉。',
			'我们这边新开了十几家民宿，用电比原来多几倍，原来的变压器带不动了。',
			'景区民宿旺季老跳闸，建议增容',
			'搞旅游是好事，但电跟不上，游客投诉我们，我们只能投诉你们咯。'
		],
		measures:
			'对大围山景区周边民宿集中的三个台区做负荷测算，新增一台400千伏安配变，旺季前完成投运。',
		reply:
			'您反映的民宿用电问题已列入今年迎峰度夏项目，新增配变计划于2014年9月底前投运；投运前旺季期间安排人员在景区值守。'
	},
	{
		key: 'c003',
		category: 'voltage_grid',
		nature: 'legacy',
		department: '发展策划部',
		township: '杨花',
		groups: ['customer', 'township', 'employee'],
		question: 'improve',
		title: '杨花乡供电线路过长、末端电压长期不达标',
		variants: [
			'杨花线路从变电站拉过来几十公里，末端几个村电压一直低，反映好几年了。',
			'杨花的电线太长了，到我们山里只剩一点点电。',
			'末端电压常年不合格，建议在杨花新建一座变电站或者加装调压器。',
			'年年说改造，年年冇动静，杨花还是老样子。',
			'作为乡里分管农业的干部，我每年都要接到好几个村反映电压低，原因大家都清楚是线路太长，希望公司这次下决心列入改造规划。'
		],
		measures:
			'发展策划部将杨花片区10千伏线路分段改造和新增线路调压器纳入农网改造规划，先行在末端加装一台调压器。',
		reply:
			'杨花片区供电半径过长是长期问题，末端调压器计划于2014年10月底前安装；线路分段改造已列入2015年农网改造计划，预计2015年底前完成。'
	},
	{
		key: 'c004',
		category: 'voltage_grid',
		nature: 'routine',
		department: '澄潭江供电所',
		township: '澄潭江',
		groups: ['customer'],
		question: 'improve',
		title: '澄潭江镇石门村台区变压器容量偏小',
		variants: [
			'石门村的变压器太小了，夏天家家开空调就跳，一个夏天跳了七八次。',
			'变压器容量不够，建议换个大的',
			'我们组现在家家户户都有空调热水器，还是十几年前那台小变压器，哪里扛得住。'
		],
		measures: '澄潭江供电所将石门村台区配变由100千伏安更换为200千伏安，并对低压出线进行整理。',
		reply:
			'石门村台区已于2014年7月更换为200千伏安变压器，迎峰度夏期间运行正常；如再出现跳闸请拨打台区经理电话。'
	},
	{
		key: 'c005',
		category: 'voltage_grid',
		nature: 'new',
		department: '运维检修部',
		township: '官渡',
		groups: ['customer'],
		question: 'improve',
		title: '官渡镇光伏用户集中并网后白天电压过高',
		variants: [
			'我们组装了好几家屋顶光伏，中午电压高到250多伏，光伏逆变器自己停机。',
			'装了光伏白天老是过压停机，发不了电，一个月少发好多度。',
			'隔壁装了光伏以后，我家灯泡中午经常烧掉，是不是电压太高？',
			'光伏并网后电压高，请技术人员来看看。',
			'我们家去年装的5千瓦光伏，天气越好反而越发不了电，逆变器显示电网过压，厂家说要找供电公司调，一个夏天少发了好几百度。'
		],
		measures:
			'运维检修部对官渡镇光伏集中接入台区进行电能质量测试，调整配变档位，并研究分散接入与加装低压无功调节装置。',
		reply:
			'经测试，该台区中午光伏出力大时电压偏高，已调低变压器档位，后续新装光伏将分散接入不同出线；我们会在两个月后回访测试数据。'
	},
	{
		key: 'c006',
		category: 'voltage_grid',
		nature: 'legacy',
		department: '文家市供电所',
		township: '文家市',
		groups: ['customer', 'township'],
		question: 'improve',
		title: '文家市镇部分村组线路老化、仍有旧水泥杆裸铝线',
		variants: [
			'铁山村还是八十年代的老水泥杆，有几根杆子裂开露出钢筋了。',
			'我们那里的电线还是光秃秃的铝线，风一吹就碰在一起冒火花。',
			'老线路该换了，说了好几年一直没换',
			'文家市好多组的线路是七八十年代架的，早就该改造了，请纳入计划。',
			'文家市好几个村的线路还是生产队那时候架的，电杆已经风化，导线是没有绝缘皮的铝线，刮大风就断，老百姓心里不踏实。'
		],
		measures:
			'文家市供电所对辖区老旧线路进行普查建档，危险杆塔先行更换，其余线路分批列入农网改造。',
		reply:
			'已排查出需更换的裂纹电杆23基，计划于2014年9月底前全部更换；裸铝线绝缘化改造列入2015年农网改造计划，预计2015年12月前完成。'
	},
	{
		key: 'c007',
		category: 'voltage_grid',
		nature: 'routine',
		department: '发展策划部',
		township: '达浒',
		groups: ['customer', 'township'],
		question: 'improve',
		title: '达浒镇山区村组缺少三相动力电',
		variants: [
			'我想开个茶叶加工厂，但村里只有单相电，机器开不起来。',
			'达浒山里面冇得三相电，碾米机都只能用小的。',
			'希望把动力电拉到我们组，村里好几户想搞竹木加工。'
		],
		measures:
			'发展策划部会同达浒镇政府梳理有生产用电需求的村组，对需求集中的三个村组延伸三相线路。',
		reply:
			'根据镇政府提供的产业需求，我们已将三个村组三相线路延伸纳入今年项目，计划于2014年11月底前完成；个别零散用户可申请单独改造。'
	},
	{
		key: 'c008',
		category: 'voltage_grid',
		nature: 'routine',
		department: '运维检修部',
		township: '社港',
		groups: ['customer'],
		question: 'improve',
		title: '社港镇集镇居民反映灯光闪烁',
		variants: [
			'晚上看电视灯一闪一闪的，眼睛都看花了。',
			'灯闪得厉害，家里的节能灯半年就坏了几个。'
		],
		measures: '运维检修部对社港集镇台区低压线路接头进行红外测温，处理松动接头和老化刀闸。',
		reply:
			'经检查，灯光闪烁是低压主干线两处接头松动所致，已于检查当天处理完毕，之后将每季度巡视一次。'
	},
	{
		key: 'c009',
		category: 'voltage_grid',
		nature: 'routine',
		department: '古港供电所',
		township: '古港',
		groups: ['customer', 'township'],
		question: 'improve',
		title: '古港镇新建安置小区仍靠临时线路供电',
		variants: [
			'我们搬到安置小区一年多了，还是临时拉的线，一下雨就跳。',
			'安置房还是临时用电，电费还贵些，什么时候正式通电？',
			'建议尽快给古港安置小区配套建设配电房。'
		],
		measures:
			'古港供电所协调镇政府和开发单位，明确配套配电工程建设主体，完成配电房建设和正式接电。',
		reply:
			'安置小区配套配电工程已与镇政府明确由我所负责施工，计划于2014年10月底前完成正式供电，届时临时用电一并拆除。'
	},
	{
		key: 'c010',
		category: 'voltage_grid',
		nature: 'routine',
		department: '运维检修部',
		township: '沿溪',
		groups: ['customer', 'township'],
		question: 'improve',
		title: '沿溪镇春节外出务工人员返乡期间电压低',
		variants: [
			'过年的时候打工的都回来了，电压低得电烤炉都不热。',
			'每年春节那几天电不够用，年夜饭都在停电中吃的。',
			'春节返乡高峰电压低，建议提前准备。'
		],
		measures: '运维检修部在春节前对沿溪镇重载台区进行负荷预测，提前调整档位并准备应急发电车。',
		reply:
			'我们已将沿溪镇列入春节保供电重点，春节前完成重载台区档位调整和负荷切改，高峰期间安排应急人员驻守。'
	},
	{
		key: 'c011',
		category: 'voltage_grid',
		nature: 'routine',
		department: '永安供电所',
		township: '永安',
		groups: ['customer'],
		question: 'improve',
		title: '永安镇部分用户白天电压偏高烧坏电器',
		variants: [
			'白天电压有时候有260伏，家里烧了一台电视机一个洗衣机。',
			'电压太高哒，热水器都烧坏了，哪个赔？',
			'永安这边白天电压过高，请检查调压。'
		],
		measures:
			'永安供电所对该台区进行24小时电压监测，调整配变分接开关，并按规定受理电器损坏赔偿申请。',
		reply:
			'经监测该台区轻载时段电压偏高，已调整变压器档位；您家电器损坏情况已登记，我们将在核实后按规定办理赔偿。'
	},
	{
		key: 'c012',
		category: 'voltage_grid',
		nature: 'routine',
		department: '运维检修部',
		township: '小河',
		groups: ['customer'],
		question: 'improve',
		title: '小河乡进户线老化、接头多',
		variants: [
			'进屋的电线是好多年前拉的，外皮都开裂了，中间接了好几个头。',
			'下户线太旧，老鼠咬过，怕出事。',
			'建议把小河的进户线统一换一遍',
			'我家门口那根线接头用胶布缠着，一下雨就漏电跳闸。'
		],
		measures: '运维检修部组织小河乡进户线专项排查，更换老化进户线和接头，表前部分由供电企业负责。',
		reply:
			'小河乡进户线排查已完成，需更换的128户将分批施工，计划于2014年10月底前全部完成，表后线路建议用户请电工检修。'
	},
	{
		key: 'c013',
		category: 'voltage_grid',
		nature: 'legacy',
		department: '发展策划部',
		township: '镇头',
		groups: ['customer', 'township'],
		question: 'improve',
		title: '镇头镇农网改造工程立杆后长期未放线',
		variants: [
			'杆子立起来一年多了，线一直没放，到底还改不改？',
			'镇头那个改造工程搞了一半就停了，新杆子立在田里碍事，老线还在用。',
			'农网改造半拉子工程，村民意见很大',
			'立了杆冇拉线，问了几次都说等材料。',
			'这个改造工程去年秋天就开工了，杆子在田中间立了一排，到现在导线都没架，老线路还在用，村民天天问村干部，我们也答不上来。'
		],
		measures:
			'发展策划部查明镇头改造工程因物资到货延迟停工，协调物资部门补齐导线，督促施工单位复工。',
		reply:
			'镇头镇改造工程因导线到货延迟而停工，现物资已落实，施工单位已复工，计划于2014年10月15日前完成放线和新老线路切换。'
	},
	{
		key: 'c014',
		category: 'voltage_grid',
		nature: 'routine',
		department: '运维检修部',
		township: '普迹',
		groups: ['customer', 'township'],
		question: 'improve',
		title: '普迹镇农忙抽水灌溉时电压不足',
		variants: [
			'双抢的时候要抽水，水泵一开就启动不了，电压太低了。',
			'农忙抽水没电用，田都干了',
			'普迹这边的灌溉用电要保障，每年七月份都是这个问题。'
		],
		measures: '运维检修部在农忙前对普迹镇排灌台区进行负荷测算，临时调整档位并安排专人巡视。',
		reply:
			'今年双抢期间我们已对普迹镇8个排灌台区调档并增派巡视人员；对容量确实不够的台区，计划明年农忙前完成增容。'
	},
	{
		key: 'c015',
		category: 'voltage_grid',
		nature: 'routine',
		department: '发展策划部',
		township: '中和',
		groups: ['customer'],
		question: 'improve',
		title: '中和镇变压器离居民点太远，建议新增布点',
		variants: [
			'变压器装在村口，我们住在山冲里头，隔了一里多路，电到家就没劲了。',
			'建议在我们组中间再装一台变压器。',
			'离变压器太远，电压低，灯都不亮。'
		],
		measures: '发展策划部对中和镇供电半径超长的台区进行梳理，按“小容量、密布点”原则新增配变。',
		reply:
			'您所在台区供电半径超过规定要求，已列入今年新增布点项目，计划于2014年11月底前在组内新增一台配变。'
	},
	{
		key: 'c016',
		category: 'voltage_grid',
		nature: 'legacy',
		department: '运维检修部',
		township: '淳口',
		groups: ['customer'],
		question: 'improve',
		title: '淳口镇鹤源村五组低电压问题多年未解决',
		variants: [
			'鹤源村五组电压低，这个问题反映好几年了，每次来量一下就走了。',
			'我们五组的低电压从08年就开始反映，到现在还是一样。',
			'年年填意见表年年写低电压，希望这次真的解决。',
			'淳口鹤源五组电压低，请领导重视',
			'鹤源村五组在线路最末端，二十几户人家，夏天晚上电压只有一百六七十伏，空调开不起来，组里年年有人去所里反映，量了也承认低，就是不改。'
		],
		measures:
			'运维检修部将鹤源村五组列入低电压治理挂牌督办项目，新建一条低压出线并对末端线路换粗。',
		reply:
			'对这个多年未解决的问题我们深表歉意，鹤源村五组低电压治理已挂牌督办，计划于2014年9月30日前完成线路改造，完工后上门测量电压。'
	},
	{
		key: 'c017',
		category: 'voltage_grid',
		nature: 'routine',
		department: '运维检修部',
		township: '七宝山',
		groups: ['customer', 'employee'],
		question: 'improve',
		title: '七宝山乡部分台区三相负荷不平衡',
		variants: [
			'我们这边一相电压正常，另外一相电压很低，同一条街有的家亮有的家暗。',
			'邻居家电压正常，我家就低，说是不在一相上。'
		],
		measures: '运维检修部对七宝山乡台区开展三相负荷测试，重新分配单相用户接入相序。',
		reply:
			'已对七宝山乡5个不平衡台区调整相序，调整后三相电流差控制在规定范围内，我们将每半年复测一次。'
	},
	{
		key: 'c018',
		category: 'voltage_grid',
		nature: 'legacy',
		department: '发展策划部',
		township: '高坪',
		groups: ['township', 'government'],
		question: 'improve',
		title: '高坪镇仅一条10千伏线路单电源供电',
		variants: [
			'高坪全镇就靠一条线，这条线一出问题全镇都停电。',
			'建议给高坪再建一条线路，形成手拉手供电。',
			'单电源供电可靠性太差，影响招商引资，这个问题镇里提了几年了。'
		],
		measures: '发展策划部将高坪镇第二回10千伏线路纳入配网规划，先期完成与相邻线路的联络开关建设。',
		reply:
			'高坪镇联络线路已列入2015年配网建设计划，预计2015年6月底前建成投运，实现双电源互供；在此之前加强现有线路巡视维护。'
	},
	{
		key: 'c019',
		category: 'voltage_grid',
		nature: 'routine',
		department: '沙市供电所',
		township: '沙市',
		groups: ['customer'],
		question: 'improve',
		title: '沙市镇制茶季节加工户用电电压不足',
		variants: [
			'清明前后炒茶的时候电压低，机器转不动，茶叶都炒焦了。',
			'春茶季节用电大，几家茶厂一起开机就没电压了。',
			'制茶季电压不够，影响收入'
		],
		measures: '沙市供电所在春茶季前对茶叶加工集中的台区调整负荷分配，并为加工大户单独核定容量。',
		reply:
			'我们已掌握茶叶加工户的用电时段，明年春茶季前将对相关台区完成增容或负荷切改，加工大户可到所里办理增容。'
	},
	{
		key: 'c020',
		category: 'voltage_grid',
		nature: 'routine',
		department: '大瑶供电所',
		township: '大瑶',
		groups: ['customer', 'township'],
		question: 'improve',
		title: '大瑶镇集镇商铺增多后配变重载',
		variants: [
			'大瑶街上新开了好多门面，变压器天天满负荷，一热就跳。',
			'集镇变压器负荷太重了，商户们生意都受影响。',
			'建议集镇增加变压器'
		],
		measures: '大瑶供电所对集镇6个台区负荷进行评估，对两台重载配变进行增容并新增一个台区。',
		reply: '集镇两台重载变压器已于2014年8月完成增容，新增台区计划于2014年11月底前投运。'
	},
	{
		key: 'c021',
		category: 'voltage_grid',
		nature: 'legacy',
		department: '运维检修部',
		township: '浏阳城区',
		groups: ['customer', 'retiree'],
		question: 'improve',
		title: '城区老旧小区供电设施陈旧、表箱破损',
		variants: [
			'我们住的是九十年代的老宿舍，电表箱锈穿了，线乱七八糟的。',
			'老小区的电一直不稳定，夏天经常停，物业也不管。',
			'城区老旧小区电路改造的事，退休职工提了几次了。',
			'表箱门都掉了，小孩子伸手就摸得到',
			'我是公司的退休职工，住在城区老宿舍，楼里的线路和表箱都是建房时装的，用了二十多年，夏天空调一多就跳闸，希望公司和社区一起想办法改造。'
		],
		measures:
			'运维检修部对城区老旧小区供电设施进行普查，先行更换破损表箱，整体改造争取纳入政府老旧小区改造项目。',
		reply:
			'破损表箱已安排在2014年9月底前更换；小区线路整体改造需与政府老旧小区改造同步实施，我们已向住建部门报送方案，计划2015年内分批完成。'
	},
	{
		key: 'c022',
		category: 'voltage_grid',
		nature: 'routine',
		department: '发展策划部',
		township: null,
		groups: ['township', 'government'],
		question: 'improve',
		title: '农网改造方案应事先征求村组意见',
		variants: [
			'改造的时候杆子立在哪里从来不跟村里商量，立好了又要挪。',
			'建议农网改造方案先在村里公示，听听老百姓的意见。',
			'施工前跟村组干部对接一下，很多矛盾就没有了。'
		],
		measures: '发展策划部修订农网改造前期工作流程，增加方案在村组公示和征求村干部意见环节。',
		reply:
			'从今年下半年起，农网改造项目施工前将在村务公开栏公示线路走向和杆位，并召开村组座谈会听取意见。'
	},
	{
		key: 'c023',
		category: 'voltage_grid',
		nature: 'routine',
		department: '发展策划部',
		township: null,
		groups: ['township', 'government', 'customer'],
		question: 'improve',
		title: '电网改造进度不透明，建议公布计划',
		variants: [
			'不晓得我们村哪年能改造，问供电所也说不清楚。',
			'建议把每年的电网改造计划公布出来，大家心里有个数。',
			'改造计划要公开，不要暗箱操作。',
			'哪些村今年改、哪些明年改，能不能发个通知给乡镇'
		],
		measures: '发展策划部每年初将农网改造项目清单和计划工期函告各乡镇，并在公司网站公布。',
		reply:
			'2014年农网改造项目清单已于8月函告各乡镇并在公司网站公布，今后每年1月公布当年计划，进度变化及时通报。'
	},
	{
		key: 'c024',
		category: 'voltage_grid',
		nature: 'new',
		department: '古港供电所',
		township: '古港',
		groups: ['customer'],
		question: 'improve',
		title: '古港镇新建冷库启动时邻近居民电压骤降',
		variants: [
			'旁边新开了个冷库，它一启动我家灯就暗一下，冰箱也嗡嗡响。',
			'冷库和我们居民共用一台变压器，不合理吧？',
			'自从那个冷库开起来，我们组电压就不正常了。'
		],
		measures: '古港供电所核查冷库用电报装容量，督促其按规定装设专用变压器，与居民台区分开供电。',
		reply:
			'经核查该冷库负荷已超出报装容量，我所已通知其办理增容并装设专用变压器，计划于2014年10月底前与居民用电分开。'
	},
	{
		key: 'c025',
		category: 'voltage_grid',
		nature: 'legacy',
		department: '张坊供电所',
		township: '张坊',
		groups: ['customer', 'township'],
		question: 'improve',
		title: '张坊镇高山组仍由小水电自供区供电',
		variants: [
			'我们高山组还是用小水电厂的电，枯水期电压只有一百几十伏。',
			'小水电供电不稳定，下雨天水大电压又高得吓人。',
			'希望把我们组并到国家电网上来，这个事情讲了好多年了。',
			'张坊山上几个组还冇接上大电网',
			'张坊有几个高山组到现在还是用附近小水电站的电，丰水期电压高、枯水期电压低，家里电器坏了不少，请求尽快纳入大电网供电。'
		],
		measures: '张坊供电所对小水电自供区用户进行摸底，发展策划部将自供区接入主网纳入改造规划。',
		reply:
			'张坊小水电自供区接入主网项目已上报，计划于2015年上半年动工，2015年底前完成接入；在此之前我所协调电站做好枯水期调压。'
	},
	{
		key: 'c026',
		category: 'voltage_grid',
		nature: 'routine',
		department: '大围山供电所',
		township: '大围山',
		groups: ['customer'],
		question: 'improve',
		title: '大围山镇栗木村电动机启动困难',
		variants: [
			'家里打米机开不动，要等到半夜电压上来了才能打米。',
			'栗木村电压低，有动力的机器都用不了',
			'打米、抽水都要挑时间，白天根本开不起来。'
		],
		measures: '大围山供电所对栗木村台区低压主干线更换为大截面绝缘导线，缩短低压供电半径。',
		reply: '栗木村台区低压主干线更换已于2014年8月完成，用户反映电机可以正常启动，我们将继续跟踪。'
	},
	{
		key: 'c027',
		category: 'voltage_grid',
		nature: 'routine',
		department: '官渡供电所',
		township: '官渡',
		groups: ['customer'],
		question: 'improve',
		title: '官渡镇变压器紧邻民房，噪声大请求迁移',
		variants: [
			'变压器就装在我家窗户底下，晚上嗡嗡响，睡不着觉。',
			'那台变压器离房子太近了，又吵又怕有辐射，能不能移开一点？',
			'建议把官渡新街那台变压器迁走'
		],
		measures: '官渡供电所现场勘查后选定新址，与村组协商用地后实施配变迁移。',
		reply:
			'经与村组协商已选定新的安装位置，变压器迁移计划于2014年10月中旬实施，迁移时会提前通知停电。'
	},
	{
		key: 'c028',
		category: 'voltage_grid',
		nature: 'routine',
		department: '发展策划部',
		township: '澄潭江',
		groups: ['government', 'township'],
		question: 'improve',
		title: '澄潭江集镇道路拓宽需配合迁改电力线路',
		variants: [
			'集镇道路拓宽工程马上开工，路边的电杆要尽快迁移，请供电公司配合。',
			'政府项目等着迁杆，供电公司审批太慢了。',
			'建议建立重点项目电力迁改绿色通道。'
		],
		measures: '发展策划部对政府重点项目线路迁改实行专人对接，压缩方案审批时间。',
		reply:
			'澄潭江集镇道路拓宽的线路迁改方案已审定，施工将配合道路进度在2014年11月底前完成；今后重点项目迁改由专人对接。'
	},
	{
		key: 'c029',
		category: 'voltage_grid',
		nature: 'routine',
		department: '发展策划部',
		township: '文家市',
		groups: ['government', 'township'],
		question: 'improve',
		title: '文家市红色旅游景区提质需配套供电保障',
		variants: [
			'纪念馆周边景区要提质改造，游客越来越多，供电要跟上。',
			'建议对文家市景区的供电线路进行专项改造，保证重大活动用电。',
			'景区搞灯光亮化，现在的电不够。'
		],
		measures: '发展策划部与文家市镇政府对接景区提质规划，编制景区配套供电方案并安排专线。',
		reply:
			'景区配套供电方案已与镇政府对接完成，新增景区专用台区计划于2014年12月底前建成，重大活动期间我们安排保电。'
	},
	{
		key: 'c030',
		category: 'voltage_grid',
		nature: 'routine',
		department: '运维检修部',
		township: '社港',
		groups: ['customer'],
		question: 'improve',
		title: '社港镇相邻台区负荷不均，建议切改',
		variants: [
			'隔壁组的变压器负荷轻，我们组的变压器天天超，能不能分一部分户过去？',
			'我们这边电压低，旁边那个台区电压好得很。'
		],
		measures: '运维检修部对社港镇相邻两台区实施低压联络改造，将重载台区部分用户切改至轻载台区。',
		reply: '已于2014年7月完成负荷切改，目前两台变压器负载基本均衡，您所在组电压已恢复正常。'
	},
	{
		key: 'c031',
		category: 'voltage_grid',
		nature: 'legacy',
		department: '运维检修部',
		township: '沿溪',
		groups: ['customer', 'township'],
		question: 'improve',
		title: '沿溪镇低压线路供电半径超长',
		variants: [
			'我们组的低压线从变压器拉出来有一公里多，末尾那几户一直没正常电压。',
			'低压线拉得太远了，好多年都是这样，末端户用电很困难。',
			'沿溪那几个组低压线太长，建议加装变压器分段供电。'
		],
		measures:
			'运维检修部梳理沿溪镇低压供电半径超过500米的台区，结合农网改造分批新增配变、缩短半径。',
		reply:
			'沿溪镇7个超半径台区已列入治理计划，其中3个于2014年12月底前完成，其余4个列入2015年农网改造。'
	},
	{
		key: 'c032',
		category: 'voltage_grid',
		nature: 'legacy',
		department: '运维检修部',
		township: '七宝山',
		groups: ['township', 'customer'],
		question: 'improve',
		title: '七宝山乡关停矿山遗留线路产权不清无人维护',
		variants: [
			'矿山关了好几年，矿上的线路还在给几个组供电，坏了没人修。',
			'以前矿里拉的线，现在说不是供电公司的资产，那我们找哪个？',
			'遗留线路产权不清，老百姓用电没保障',
			'建议把原矿区的线路收归供电公司管理。'
		],
		measures:
			'运维检修部会同乡政府清理关停矿山遗留线路资产，办理移交手续后纳入公司运维，并列入改造计划。',
		reply:
			'遗留线路资产移交已与乡政府达成一致，计划于2014年10月底前完成移交并纳入正常运维，线路改造列入2015年计划。'
	},

	// ── outage_duration: repair speed, repeated trips, restoration ──────────────────────────────
	{
		key: 'c033',
		category: 'outage_duration',
		nature: 'routine',
		department: '张坊供电所',
		township: '张坊',
		groups: ['customer'],
		question: 'improve',
		title: '张坊镇夜间故障抢修到达时间过长',
		variants: [
			'晚上停电打了电话，等了三个多小时才来人。',
			'夜里抢修太慢，老人小孩热得睡不着。',
			'张坊晚上出故障要等到天亮才修，能不能安排人值夜班？',
			'半夜报修冇人来'
		],
		measures:
			'张坊供电所落实24小时抢修值班，夜间安排两人一车驻所，明确城镇45分钟、山区90分钟到达现场。',
		reply:
			'我所已从2014年6月起实行夜间双人值班，并向各村公布抢修电话；以后夜间报修请直接拨打值班电话，我们承诺按时限到达。'
	},
	{
		key: 'c034',
		category: 'outage_duration',
		nature: 'legacy',
		department: '运维检修部',
		township: '大围山',
		groups: ['customer', 'township'],
		question: 'improve',
		title: '大围山高海拔线路冬季覆冰停电时间长',
		variants: [
			'每年冬天山上结冰，线一断就是好几天没电，今年过年又是点蜡烛。',
			'冰冻天气高山上的线路年年断，这个问题好多年了。',
			'建议把大围山上面的线路改成抗冰的，不要每年冬天都停。',
			'冰灾一来就停电，村里老人冇办法烤火',
			'大围山上面几个村海拔高，一到冬天线路就挂冰，前年冰冻停了五天，去年停了三天，建议对这几条线做抗冰改造，再备几台发电机。'
		],
		measures:
			'运维检修部对大围山高海拔线路开展覆冰区段排查，重冰区段缩小档距、更换抗冰导线，并配置移动发电机。',
		reply:
			'覆冰严重的4条线路已列入抗冰改造项目，计划于2014年11月底前完成重点区段改造；冬季期间在山上村部预置两台发电机应急。'
	},
	{
		key: 'c035',
		category: 'outage_duration',
		nature: 'routine',
		department: '运维检修部',
		township: '达浒',
		groups: ['customer'],
		question: 'improve',
		title: '达浒镇夏季雷雨后线路频繁跳闸',
		variants: [
			'一打雷就停电，一个夏天不晓得停了多少次。',
			'雷雨天线路老跳，建议多装几个避雷器。',
			'打雷把我家电视打坏了，外面的线是不是没有防雷？'
		],
		measures: '运维检修部对达浒镇多雷区段线路加装线路避雷器，检测接地电阻并整改不合格接地。',
		reply:
			'已在达浒镇雷击频发的区段加装避雷器86组，整改接地装置23处，今年七月以来雷击跳闸明显减少。'
	},
	{
		key: 'c036',
		category: 'outage_duration',
		nature: 'routine',
		department: '官渡供电所',
		township: '官渡',
		groups: ['customer', 'township'],
		question: 'improve',
		title: '官渡镇10千伏线路一个月内多次跳闸',
		variants: [
			'这个月已经停了五次电，每次一两个钟头，到底什么原因？',
			'官渡这条线老是跳闸，查清楚原因好不好',
			'三天两头停电，做生意的根本没法安排。',
			'官渡新街这一片从七月份到现在停电不下十次，每次一两个小时，都是突然停的，我们开店的冰柜里的东西坏了不少，请查明原因。'
		],
		measures: '官渡供电所组织对该线路全线特巡，查找并消除绝缘子破损和树障等故障隐患。',
		reply: '经特巡发现两处绝缘子击穿和三处树障，已全部处理，近一个月线路未再跳闸，我们会持续跟踪。'
	},
	{
		key: 'c037',
		category: 'outage_duration',
		nature: 'new',
		department: '运维检修部',
		township: '浏阳城区',
		groups: ['customer', 'government'],
		question: 'improve',
		title: '城区计划检修停电时间过长，建议不停电作业',
		variants: [
			'检修一停就是一整天，从早上七点停到晚上七点，城里上班的人受不了。',
			'现在有带电作业的技术，城区检修能不能不停电？',
			'检修时间能不能缩短一点，分段停电也行。'
		],
		measures: '运维检修部组建带电作业班，城区配网检修优先采用带电作业和发电车转供，压缩停电时长。',
		reply:
			'公司已于2014年7月组建带电作业班，城区简单检修项目已基本实现不停电作业，确需停电的尽量分段进行并缩短时间。'
	},
	{
		key: 'c038',
		category: 'outage_duration',
		nature: 'routine',
		department: '客户服务中心',
		township: null,
		groups: ['customer'],
		question: 'improve',
		title: '故障报修电话层层转派导致响应慢',
		variants: [
			'打95598报修，转到市里再转到所里，等了好久都没人回电话。',
			'报修电话转来转去，最后还要我自己打供电所电话。',
			'报修流程太复杂',
			'建议报修直接派到所里，不要绕圈子。',
			'家里停电打95598，那边记了地址说会转给当地，过了一个钟头没动静，我又打供电所电话，所里说还没收到单子，这样来回转太耽误事了。'
		],
		measures: '客户服务中心优化故障工单派发流程，工单直派抢修班组并短信通知报修人抢修人员电话。',
		reply:
			'报修工单已改为直接派到抢修班组，报修后您会收到抢修人员的联系电话短信，整体响应时间已缩短约一半。'
	},
	{
		key: 'c039',
		category: 'outage_duration',
		nature: 'routine',
		department: '大瑶供电所',
		township: '大瑶',
		groups: ['customer'],
		question: 'improve',
		title: '大瑶镇竹林贴近线路刮风即跳闸',
		variants: [
			'山边的竹子长到线上去了，一刮风就跳闸。',
			'竹子碰电线停电，每次都是那几个地方，为什么不砍掉？',
			'刮大风就停电，是竹子的原因'
		],
		measures: '大瑶供电所联合村组开展线路通道清理，对竹林区段逐档砍伐并与林主签订通道维护协议。',
		reply: '已清理大瑶镇线路通道竹木1.2公里，并与相关林主签订维护协议，今后每年雨季前清理一次。'
	},
	{
		key: 'c040',
		category: 'outage_duration',
		nature: 'routine',
		department: '永安供电所',
		township: '永安',
		groups: ['customer', 'township'],
		question: 'improve',
		title: '永安镇暴雨后偏远村组恢复供电最晚',
		variants: [
			'每次大暴雨以后，镇上很快有电了，我们山里要等两三天。',
			'偏远的村总是最后才修，我们也是交了电费的。',
			'灾后抢修要兼顾边远村组，不能只顾集镇。'
		],
		measures: '永安供电所修订灾后抢修预案，按村组划分抢修小组同步推进，并为边远村组预置抢修物资。',
		reply:
			'新的抢修预案已将边远村组划入专门抢修小组，灾后与集镇同步抢修；边远村部已预置常用抢修材料。'
	},
	{
		key: 'c041',
		category: 'outage_duration',
		nature: 'legacy',
		department: '沙市供电所',
		township: '沙市',
		groups: ['customer', 'township'],
		question: 'improve',
		title: '沙市镇赤马线故障率多年居高不下',
		variants: [
			'赤马线这条线年年是故障最多的，问了好几年一直没有根治。',
			'我们这条线路太老了，一年到头停电不断。',
			'建议对赤马线彻底改造，不要每次只是修修补补。'
		],
		measures: '沙市供电所对赤马线故障进行统计分析，运维检修部安排该线路整体改造项目。',
		reply:
			'赤马线整体改造已列入2015年第一批配网项目，计划于2015年5月底前完成；在此之前我所每月巡视一次并及时消缺。'
	},
	{
		key: 'c042',
		category: 'outage_duration',
		nature: 'routine',
		department: '运维检修部',
		township: null,
		groups: ['employee'],
		question: 'difficulty',
		title: '供电所抢修备品备件不足',
		variants: [
			'抢修的时候缺保险、缺刀闸，要跑回城里去领，一来一回两个钟头。',
			'备品备件太少，领料手续又多，耽误抢修',
			'建议在每个供电所设抢修物资仓库，常用材料放够。'
		],
		measures: '运维检修部在各供电所设立抢修物资定额储备，简化应急领料手续，实行先领后补。',
		reply: '各供电所抢修物资定额储备已于2014年8月配置到位，紧急情况下可先领用后补手续。'
	},
	{
		key: 'c043',
		category: 'outage_duration',
		nature: 'routine',
		department: '运维检修部',
		township: '杨花',
		groups: ['employee'],
		question: 'difficulty',
		title: '偏远供电所抢修车辆不足',
		variants: [
			'所里只有一台抢修车，同时两个地方出故障就只能骑摩托车去。',
			'我们杨花所车子太少，山路又远，抢修时间很难保证。',
			'抢修车辆不够用，车况也差',
			'我们杨花供电所管着十几个村，山路来回就要两个钟头，所里只有一台皮卡，遇到两处同时故障只能用私人摩托车驮着工具去，既慢又不安全。'
		],
		measures: '运维检修部对偏远供电所抢修车辆配置进行评估，优先为杨花等山区供电所增配抢修车辆。',
		reply: '公司已为杨花、张坊等山区供电所各增配一台抢修车，2014年9月底前到位。'
	},
	{
		key: 'c044',
		category: 'outage_duration',
		nature: 'routine',
		department: '运维检修部',
		township: '淳口',
		groups: ['customer'],
		question: 'improve',
		title: '淳口镇抢修后来电出现缺相',
		variants: [
			'修好来电后，有一相没电，家里的抽水机都烧了。',
			'来电了但是有的屋有电有的屋冇电，说是缺相。',
			'抢修完要检查清楚再走'
		],
		measures: '运维检修部规范抢修送电后的检查流程，送电后测量三相电压并回访末端用户。',
		reply:
			'我们已要求抢修人员送电后逐相测量并确认用户正常用电后再离开，您家烧损的水泵请到供电所登记核实。'
	},
	{
		key: 'c045',
		category: 'outage_duration',
		nature: 'routine',
		department: '运维检修部',
		township: '中和',
		groups: ['government', 'township'],
		question: 'improve',
		title: '中考高考等重要时段需加强保电',
		variants: [
			'去年中考那几天中和停了电，学生晚上复习都没灯。',
			'考试期间要保证不停电，这是大事。',
			'建议重要考试期间暂停计划检修，安排人员值守。'
		],
		measures: '运维检修部将中高考等重要时段纳入保电计划，期间暂停计划检修并安排人员驻守考点线路。',
		reply:
			'今后中考、高考期间我们将暂停相关线路计划检修，并在考点附近安排抢修人员值守，确保可靠供电。'
	},
	{
		key: 'c046',
		category: 'outage_duration',
		nature: 'routine',
		department: '运维检修部',
		township: '镇头',
		groups: ['customer'],
		question: 'improve',
		title: '镇头镇停电时间长导致鱼塘增氧机停转',
		variants: [
			'夏天停电三个钟头，塘里的鱼浮头死了一大片。',
			'养鱼的最怕停电，能不能快点修？',
			'我们养殖户停不得电，停电前后都要打个招呼，修也要快。'
		],
		measures: '运维检修部对镇头镇养殖户集中的线路建立重点用户清单，故障时优先抢修并电话告知。',
		reply:
			'我们已将您所在区域养殖户列入重点用户名单，故障时优先抢修并电话告知预计恢复时间，也建议养殖户自备小型发电机。'
	},
	{
		key: 'c047',
		category: 'outage_duration',
		nature: 'routine',
		department: '运维检修部',
		township: null,
		groups: ['government'],
		question: 'improve',
		title: '医院敬老院等重要场所停电应急保障',
		variants: [
			'乡镇卫生院停电时间长，手术都要推迟，建议配应急电源。',
			'敬老院停电老人很遭罪，希望优先恢复。',
			'重要用户停电要有应急预案'
		],
		measures:
			'运维检修部梳理卫生院、敬老院、学校等重要用户，制定应急供电方案并指导其配置自备电源。',
		reply:
			'已梳理出全市重要用户46家，逐户制定应急供电方案，停电时优先抢修；卫生院自备电源配置我们将提供技术指导。'
	},
	{
		key: 'c048',
		category: 'outage_duration',
		nature: 'routine',
		department: '运维检修部',
		township: '普迹',
		groups: ['customer', 'employee'],
		question: 'improve',
		title: '普迹镇春季鸟窝引起线路故障',
		variants: ['开春以后鸟在杆子上做窝，掉下树枝就停电。', '建议装驱鸟器'],
		measures: '运维检修部在普迹镇鸟害多发区段安装驱鸟装置，春季增加巡视频次及时拆除鸟窝。',
		reply: '已在普迹镇鸟害多发的杆塔安装驱鸟器152套，春季每半月巡视一次，及时清理鸟窝。'
	},
	{
		key: 'c049',
		category: 'outage_duration',
		nature: 'new',
		department: '运维检修部',
		township: null,
		groups: ['employee'],
		question: 'difficulty',
		title: '山区长线路故障查找难，建议装故障指示器',
		variants: [
			'山里线路几十公里，出了故障要一档一档去找，一找就是半天。',
			'查故障全靠人走，建议装故障指示器，节省时间。',
			'线路太长找故障点最难，能不能用新技术？',
			'我们班负责的那条10千伏线路有三十多公里，大部分在山上，每次跳闸都要分几组人沿线一基一基地找故障点，有时候找到天黑，客户等得着急。'
		],
		measures: '运维检修部在山区长线路分支处安装带通信功能的故障指示器，实现故障区段快速定位。',
		reply:
			'首批故障指示器已在张坊、大围山、杨花等山区线路安装，计划于2014年12月底前覆盖所有长度超过15公里的线路。'
	},
	{
		key: 'c050',
		category: 'outage_duration',
		nature: 'new',
		department: '客户服务中心',
		township: null,
		groups: ['customer'],
		question: 'improve',
		title: '建议开通微信报修、可上传照片和位置',
		variants: [
			'能不能在微信上报修，拍个照片发过去，比电话里讲半天清楚。',
			'电话报修说不清楚地方，微信发个定位就好了。',
			'希望开通手机报修'
		],
		measures:
			'客户服务中心在公司微信公众号增加故障报修功能，支持上传照片和位置并实时查询处理进度。',
		reply:
			'微信公众号报修功能计划于2014年10月上线，可上传照片、定位并查看抢修进度，上线后将通过短信告知大家。'
	},
	{
		key: 'c051',
		category: 'outage_duration',
		nature: 'legacy',
		department: '杨花供电所',
		township: '杨花',
		groups: ['customer', 'township'],
		question: 'improve',
		title: '杨花乡林区线路暴风雨后长时间停电',
		variants: [
			'杨花山里的线从树林里穿过，一场暴雨就倒树压线，一停一两天。',
			'林区线路每年汛期都这样，讲了好多年了。',
			'下大雨就停电，要停好久，希望把线路改到路边。',
			'杨花山区停电时间太长哒'
		],
		measures:
			'杨花供电所对林区线路进行通道清理，发展策划部将林区段线路改道沿公路架设列入改造规划。',
		reply:
			'林区线路通道清理已于2014年7月完成；线路改道沿公路架设已列入2015年农网改造计划，预计2015年10月底前完工。'
	},
	{
		key: 'c052',
		category: 'outage_duration',
		nature: 'legacy',
		department: '运维检修部',
		township: '小河',
		groups: ['customer', 'township'],
		question: 'improve',
		title: '小河乡与邻乡共用一条线路受牵连停电',
		variants: [
			'一条线串了三个乡，别的乡出故障我们小河也跟着停。',
			'明明我们这里冇事，也要停电，因为是一条线。',
			'建议给小河单独分一条线或者装分段开关。'
		],
		measures: '运维检修部在该线路小河乡入口处加装分段开关，后续结合配网规划为小河乡新建独立出线。',
		reply:
			'分段开关计划于2014年10月底前安装，届时邻乡故障将不再影响小河乡；独立出线已列入2015年配网规划。'
	},
	{
		key: 'c053',
		category: 'outage_duration',
		nature: 'routine',
		department: '文家市供电所',
		township: '文家市',
		groups: ['customer', 'township'],
		question: 'improve',
		title: '文家市镇检修停电时间安排不合理',
		variants: [
			'检修偏偏选在中午停电，饭都做不成。',
			'农忙时节搞检修停电，打谷机都用不了，能不能换个时间？',
			'停电时间安排要考虑老百姓作息'
		],
		measures: '文家市供电所安排检修计划前征求村组意见，避开农忙和做饭时段，尽量安排在用电低谷。',
		reply: '今后计划检修将避开农忙和中午、傍晚做饭时段，并提前与村组协商具体时间。'
	},
	{
		key: 'c054',
		category: 'outage_duration',
		nature: 'routine',
		department: '澄潭江供电所',
		township: '澄潭江',
		groups: ['customer'],
		question: 'improve',
		title: '澄潭江镇同一故障反复出现只换保险不除根',
		variants: ['变压器保险今天换了明天又烧，换了四五次了。', '修了又坏修了又坏，要查根子。'],
		measures:
			'澄潭江供电所对反复熔断的配变进行负荷和绝缘检测，查明原因后更换老化设备，建立重复故障督办制度。',
		reply: '经检测是低压出线电缆绝缘老化造成短路，已于2014年7月更换电缆，之后未再出现熔断。'
	},
	{
		key: 'c055',
		category: 'outage_duration',
		nature: 'routine',
		department: '运维检修部',
		township: '浏阳城区',
		groups: ['customer', 'retiree'],
		question: 'improve',
		title: '城区小区夏季电缆故障停电频繁',
		variants: [
			'小区里夏天晚上经常停电，说是电缆烧了。',
			'我们小区今年夏天停了三次，每次都是晚上最热的时候。',
			'城区电缆要定期检查，不要等烧了再修'
		],
		measures:
			'运维检修部对城区小区配电电缆开展测温和绝缘检测，更换老化电缆头，迎峰度夏前完成特巡。',
		reply: '已对城区32个小区配电电缆进行检测并更换老化电缆头41个，明年起每年5月前完成迎峰度夏特巡。'
	},
	{
		key: 'c056',
		category: 'outage_duration',
		nature: 'routine',
		department: '运维检修部',
		township: null,
		groups: ['customer', 'township'],
		question: 'improve',
		title: '同一线路一个月内多次计划停电，建议统筹',
		variants: [
			'这个月因为检修停了三次电，能不能一次搞完？',
			'今天这个单位施工停电，过几天那个单位又停，统筹一下啊。',
			'计划停电太频繁，建议合并作业'
		],
		measures: '运维检修部实行停电计划统筹管理，同一线路的检修、改造和用户工程合并安排，一停多用。',
		reply: '公司已建立月度停电计划统筹机制，同一线路同一月份原则上只安排一次计划停电。'
	},

	// ── connection: new connections, capacity increases, transfers, PV and charging piles ──────
	{
		key: 'c057',
		category: 'connection',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['customer'],
		question: 'improve',
		title: '报装资料要求未一次性告知，群众多次往返',
		variants: [
			'去办电，第一次说缺身份证复印件，第二次说缺房产证明，跑了三趟。',
			'要哪些资料能不能一次讲清楚，印张单子给我们。',
			'申情装表要跑好几次',
			'办个电表来回跑，农村人进城一趟不容易。',
			'我去营业厅申请新装，窗口说还差一份村委会证明，回去开了证明再来，又说户主要本人到场，前后折腾了一个星期才受理。'
		],
		measures: '营销部编印各类业扩报装一次性告知单，在营业厅、供电所和公司网站公布，实行首问负责。',
		reply:
			'一次性告知单已在所有营业厅和供电所摆放并在网站公布，办理时工作人员会一次性告知全部资料，资料不全的可先受理后补交。'
	},
	{
		key: 'c058',
		category: 'connection',
		nature: 'routine',
		department: '永安供电所',
		township: '永安',
		groups: ['customer'],
		question: 'improve',
		title: '永安镇新建住房装表接电等待时间过长',
		variants: [
			'新房子建好了，申请装电表等了快两个月。',
			'报装到现在还冇装表，天天用邻居家的电。',
			'装个表要等这么久？别的地方一个星期就装好了。'
		],
		measures:
			'永安供电所梳理在途报装工单，逐户明确装表时间，低压居民报装装表接电压缩至5个工作日内。',
		reply:
			'您的报装已于受理后补齐计量表计并完成装表，今后我所低压居民报装在资料齐全后5个工作日内装表接电。'
	},
	{
		key: 'c059',
		category: 'connection',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['customer', 'government'],
		question: 'improve',
		title: '报装收费项目不清，建议公开收费标准',
		variants: [
			'装表的时候收了几百块钱材料费，也冇得发票，不晓得该不该收。',
			'业扩收费要公开透明，哪些收哪些不收贴出来。',
			'报装费用标准请公示'
		],
		measures:
			'营销部在营业厅和公司网站公示业扩报装收费项目和标准，严禁收取规定以外费用，并公布监督电话。',
		reply:
			'收费项目和标准已在营业厅及网站公示，规定外费用一律不得收取；如您被多收费用，请拨打监督电话，我们核实后退还。'
	},
	{
		key: 'c060',
		category: 'connection',
		nature: 'new',
		department: '营销部',
		township: null,
		groups: ['customer', 'government'],
		question: 'improve',
		title: '屋顶光伏并网申请流程不清楚、办理慢',
		variants: [
			'想在屋顶装光伏，去问了几个地方都说不清楚要办么子手续。',
			'光伏并网申请交上去一个多月了，还没人来验收。',
			'建议出一个光伏并网的办事指南，讲清楚流程和补贴。',
			'分布式光伏报装要简化',
			'我在政府部门工作，最近不少村民来咨询屋顶光伏，但供电公司没有公开的流程说明，建议出一个通俗的办事指南，把申请、验收、结算讲清楚。'
		],
		measures:
			'营销部编制分布式光伏并网服务指南，在营业厅设立光伏受理窗口，明确受理、方案、验收、并网时限。',
		reply:
			'光伏并网服务指南已在营业厅和网站发布，全市营业厅均可受理；居民光伏从受理到并网原则上不超过30个工作日。'
	},
	{
		key: 'c061',
		category: 'connection',
		nature: 'new',
		department: '营销部',
		township: '浏阳城区',
		groups: ['customer'],
		question: 'improve',
		title: '城区小区电动汽车充电桩报装难',
		variants: [
			'买了电动车想在车位装充电桩，物业不同意，供电公司也说办不了。',
			'充电桩报装要物业盖章，物业就是不盖，怎么办？',
			'建议供电公司出面协调小区充电桩安装。'
		],
		measures:
			'营销部制定居民充电桩报装办理流程，对物业不配合的主动上门协调，必要时提请住建部门协调。',
		reply:
			'我们已制定充电桩报装流程，由客户经理上门与物业协调；您所在小区的申请已受理，预计2014年9月底前完成现场勘查和答复。'
	},
	{
		key: 'c062',
		category: 'connection',
		nature: 'new',
		department: '大围山供电所',
		township: '大围山',
		groups: ['customer'],
		question: 'improve',
		title: '大围山民宿经营户增容改三相办理难',
		variants: [
			'开民宿要把单相改成三相，所里说要等线路改造完才能办。',
			'民宿增容申请搞了好久，旺季都快过了。',
			'我们做民宿的用电量大，希望有专门的人帮我们办增容。',
			'办民宿增容手续太麻烦哒',
			'大围山这几年民宿发展很快，很多经营户想把单相表改成三相，但所里说台区变压器本身容量不够，要等改造，希望公司统筹安排。'
		],
		measures: '大围山供电所为民宿经营户建立增容绿色通道，指定专人上门受理，结合台区增容同步实施。',
		reply:
			'民宿增容已开设绿色通道，由专人上门受理；您的增容申请已纳入景区台区增容工程，计划于2014年9月底前完成。'
	},
	{
		key: 'c063',
		category: 'connection',
		nature: 'new',
		department: '客户服务中心',
		township: null,
		groups: ['customer', 'township'],
		question: 'improve',
		title: '建议开通网上和手机办电，减少跑腿',
		variants: [
			'现在什么都可以在网上办，办电能不能也在手机上申请？',
			'住得远，进城办一次电要一天，希望开通网上营业厅。',
			'在外地打工，家里要装表只能请假回来，网上办就好了。'
		],
		measures:
			'客户服务中心推广网上营业厅和手机客户端办电，支持资料拍照上传，线下仅需一次现场确认。',
		reply:
			'网上营业厅已可受理居民新装、增容和过户，手机办电计划于2014年11月开通，届时资料可拍照上传。'
	},
	{
		key: 'c064',
		category: 'connection',
		nature: 'new',
		department: '营销部',
		township: '沙市',
		groups: ['government', 'township'],
		question: 'improve',
		title: '沙市镇新建工业小区企业报装需提前服务',
		variants: [
			'工业小区新进了五家企业，都等着用电开工，请供电公司提前介入。',
			'企业厂房快建好了，用电方案还没批下来，影响投产。',
			'建议对新建园区的企业实行报装专人跟踪服务。'
		],
		measures:
			'营销部为沙市工业小区指定客户经理，企业立项阶段即介入编制供电方案，实行报装全过程跟踪。',
		reply:
			'已为沙市工业小区指定专职客户经理，五家企业供电方案均已答复，将配合企业投产进度按期送电。'
	},
	{
		key: 'c065',
		category: 'connection',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['customer', 'retiree'],
		question: 'improve',
		title: '电表过户手续繁琐',
		variants: ['父亲去世了，电表要过户到我名下，要开一堆证明。', '过户太麻烦，建议简化'],
		measures:
			'营销部简化居民过户资料，继承和买卖过户凭身份证及房产证明即可办理，可在任一营业厅办理。',
		reply: '居民过户现只需提供身份证和房产证明，可在任一营业厅或供电所当场办结。'
	},
	{
		key: 'c066',
		category: 'connection',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['customer'],
		question: 'improve',
		title: '农村建房临时用电办理不便',
		variants: [
			'做房子要临时用电，办了好久，只好先从邻居家拉线。',
			'建房临时用电能不能到村里就办？',
			'临时用电的押金太高了，退的时候又难退。'
		],
		measures:
			'营销部规范农村建房临时用电办理，供电所现场受理、三个工作日内接电，明确临时用电费用退还时限。',
		reply:
			'农村建房临时用电已可在供电所或由台区经理上门受理，三个工作日内接电；相关费用在拆除临时用电后10个工作日内退还。'
	},
	{
		key: 'c067',
		category: 'connection',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['customer'],
		question: 'improve',
		title: '居民增容申请手续复杂、时间长',
		variants: [
			'家里装了三台空调，一开就跳闸，想增容又不晓得找谁。',
			'申请增容等了一个月，电表还是原来那个小的。',
			'增容要简单点，家里用电越来越多了'
		],
		measures:
			'营销部将居民增容纳入低压报装时限管理，台区经理可现场受理，资料齐全后5个工作日内完成。',
		reply:
			'居民增容现可由台区经理上门受理，资料齐全后5个工作日内完成换表，您可直接拨打台区经理电话办理。'
	},
	{
		key: 'c068',
		category: 'connection',
		nature: 'routine',
		department: '古港供电所',
		township: '古港',
		groups: ['customer'],
		question: 'improve',
		title: '古港镇部分农户几户共用一块电表',
		variants: [
			'我们三兄弟三户人家还是共用一块表，每个月分电费都要吵架。',
			'几家合一个表，电费分不清，希望一户一表。',
			'合表的问题请供电所解决一下',
			'我家和两个兄弟分家了但电表还是一块，每月电费按人头分，夏天谁家开空调多就扯皮，要求供电所给我们每户单独装一块电表。'
		],
		measures: '古港供电所对辖区合表用户进行摸底，结合台区改造实施一户一表改造。',
		reply:
			'辖区合表用户摸底已完成，共87户，计划于2014年12月底前全部完成一户一表改造，改造不收取表计费用。'
	},
	{
		key: 'c069',
		category: 'connection',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['customer', 'government'],
		question: 'improve',
		title: '用户工程被要求找指定施工单位',
		variants: [
			'企业配电工程说只能找他们推荐的施工队，价格高得离谱。',
			'有没有规定一定要用供电公司介绍的施工单位？',
			'不准指定设计施工单位，让客户自己选'
		],
		measures:
			'营销部重申业扩“三不指定”要求，在营业厅公示具备资质的施工单位名录供客户自主选择，设立举报电话。',
		reply:
			'公司严禁指定设计、施工和设备材料供应单位，客户可自主选择有资质的单位；如发现工作人员指定，请拨打举报电话。'
	},
	{
		key: 'c070',
		category: 'connection',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['customer', 'township'],
		question: 'improve',
		title: '部分业务只能到城区营业厅办理',
		variants: [
			'有些业务供电所不能办，一定要到城里营业厅去。',
			'建议把办电权限下放到供电所，乡下人少跑路。',
			'供电所说办不了让我去市里，来回车费都几十块'
		],
		measures: '营销部梳理营业业务清单，除高压业扩外的常用业务全部下放至供电所营业窗口办理。',
		reply: '低压新装、增容、过户、更名等常用业务自2014年9月起可在各供电所办理，无需再到城区营业厅。'
	},
	{
		key: 'c071',
		category: 'connection',
		nature: 'routine',
		department: '营销部',
		township: '普迹',
		groups: ['government', 'township'],
		question: 'improve',
		title: '普迹镇水利提灌站报装用电进度慢',
		variants: [
			'镇里新建的提灌站设备都装好了，电还没通，眼看要抗旱了。',
			'水利项目的用电报装请加快，农时等不得。',
			'提灌站通电的事情催了好几次。'
		],
		measures: '营销部将农田水利提灌站报装列入优先办理，协调供电所与水利站同步施工。',
		reply: '普迹镇提灌站已于2014年7月完成接电；今后水利抗旱项目报装实行优先办理。'
	},
	{
		key: 'c072',
		category: 'connection',
		nature: 'legacy',
		department: '沙市供电所',
		township: '沙市',
		groups: ['customer', 'township'],
		question: 'improve',
		title: '沙市镇偏远农户仍用私拉线路无正式电表',
		variants: [
			'我们山坳里三户人家，一直从邻村私拉线用电，没有自己的表，反映好多年了。',
			'住得偏就一直冇正式通电，线是自己竹竿架的。',
			'希望给我们几户单独架线装表，私拉的线太危险了。'
		],
		measures: '沙市供电所对偏远无表户现场勘查，编制延伸供电方案，列入农网改造户户通项目。',
		reply:
			'您们三户的供电延伸工程已列入今年户户通项目，计划于2014年11月底前完成架线装表，在此之前我们先整改私拉线路的安全隐患。'
	},
	{
		key: 'c073',
		category: 'connection',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['township'],
		question: 'improve',
		title: '村级活动中心等公益设施接电需优先',
		variants: [
			'村部新建的活动中心要通电，供电所说要排队。',
			'村里的公益项目用电希望优先考虑，搞个文化广场灯都亮不了。',
			'公益设施接电要快一点'
		],
		measures: '营销部对村级公共服务设施接电实行优先受理，由供电所与乡镇对接清单，统一安排接电。',
		reply: '我们已与各乡镇对接村级公益设施接电清单，资料齐全的在10个工作日内完成接电。'
	},
	{
		key: 'c074',
		category: 'connection',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['customer'],
		question: 'improve',
		title: '报装办理进度无法查询',
		variants: [
			'申请交上去以后就不知道办到哪一步了，只能一次次打电话问。',
			'报装进度能不能发短信告诉我们？',
			'办电进度不透明'
		],
		measures:
			'营销部在报装受理、勘查、装表等关键环节向客户自动发送短信，并开通报装进度电话和网上查询。',
		reply:
			'从2014年9月起，报装各环节办理结果将短信通知您，也可凭受理单号在网站或拨打95598查询进度。'
	},
	{
		key: 'c075',
		category: 'connection',
		nature: 'routine',
		department: '营销部',
		township: '官渡',
		groups: ['customer'],
		question: 'improve',
		title: '官渡镇小企业增容图纸审查和验收慢',
		variants: [
			'厂里增容报上去，图纸审查就等了二十多天。',
			'增容验收一次不合格，改了以后再约又要等半个月。',
			'小企业增容环节太多，能不能并联办理？'
		],
		measures:
			'营销部压缩高压增容图纸审查和竣工验收时限，验收问题一次性书面告知，整改后三个工作日内复验。',
		reply:
			'图纸审查时限已压缩至5个工作日，验收问题将一次性书面告知，整改完成后3个工作日内复验，您厂的增容已于8月送电。'
	},
	{
		key: 'c076',
		category: 'connection',
		nature: 'routine',
		department: '杨花供电所',
		township: '杨花',
		groups: ['customer'],
		question: 'improve',
		title: '杨花乡房屋翻修申请电表移位无人受理',
		variants: [
			'房子翻修要把电表挪个位置，打电话说了几次都冇人来。',
			'电表移位要收好多钱？',
			'建房挡住了电表，申请移表好久没办'
		],
		measures: '杨花供电所明确电表移位办理流程和费用标准，台区经理上门受理，七个工作日内完成。',
		reply: '您的电表移位已安排台区经理上门办理，按规定仅收取材料费；今后类似业务七个工作日内完成。'
	},
	{
		key: 'c077',
		category: 'connection',
		nature: 'legacy',
		department: '营销部',
		township: '浏阳城区',
		groups: ['customer', 'retiree', 'government'],
		question: 'improve',
		title: '城区部分小区仍由物业转供电、电价偏高',
		variants: [
			'我们小区电费是交给物业的，一度电比外面贵两毛多，住了八年都是这样。',
			'物业转供电加价，希望供电公司直接抄表到户。',
			'老小区一直冇抄表到户，业主意见很大',
			'转供电的问题年年有人提，什么时候能解决？',
			'我们小区是2006年交房的，到现在还是物业统一买电再分给业主，电价比居民电价高，业委会多次找过物业和供电公司，都说是历史原因。'
		],
		measures: '营销部对城区转供电小区进行摸底，分批实施抄表到户改造，配合物价部门查处转供电加价。',
		reply:
			'城区转供电小区摸底已完成，计划于2015年6月底前分三批完成抄表到户改造，您所在小区列入第一批，预计2014年12月底前完成。'
	},
	{
		key: 'c078',
		category: 'connection',
		nature: 'routine',
		department: '营销部',
		township: '社港',
		groups: ['customer'],
		question: 'improve',
		title: '社港镇养殖场报装用电类别核定不准',
		variants: [
			'我的养猪场报装的时候按商业电收费，不是说农业生产用电便宜些吗？',
			'养殖用电类别搞错了，多交了一年的电费。',
			'希望报装时把电价类别讲清楚'
		],
		measures: '营销部对养殖场等农业生产用户电价类别进行核查，错误执行的予以更正并退补差额。',
		reply:
			'经核查您的养殖场应执行农业生产电价，已于2014年8月更正并退还多收电费，今后报装时由工作人员当面讲清电价类别。'
	},

	// ── payment: payment points, withholding, prepaid meters, bills ─────────────────────────────
	{
		key: 'c079',
		category: 'payment',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['customer', 'township', 'retiree'],
		question: 'improve',
		title: '农村缴费网点少，交电费要跑到集镇',
		variants: [
			'交个电费要走十几里路到镇上，老人家走不动。',
			'建议在村里设代收点，方便缴费。',
			'缴费点太少哒',
			'村里没有地方交电费，每个月要专门搭车去镇上交，车费比电费还贵。',
			'我们村离镇上有十五里路，年轻人都在外地，家里只剩老人，每个月交电费都要托人带或者坐摩的去镇上，建议在村部或者小卖部设个代收点。'
		],
		measures: '营销部与银行、邮政和村级便民服务点合作，在行政村增设电费代收点和自助缴费终端。',
		reply:
			'今年已新增村级代收点和自助缴费点74个，您所在村的代收点设在村部便民服务室，计划于2014年10月投入使用。'
	},
	{
		key: 'c080',
		category: 'payment',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['customer', 'employee'],
		question: 'improve',
		title: '推广银行代扣电费，签约手续应简便',
		variants: [
			'想办银行代扣，银行说要供电公司开证明，供电公司又叫去银行。',
			'建议在村里集中办一次代扣签约，大家就不用每月去交了。',
			'代扣签约能不能一次办好'
		],
		measures: '营销部与各合作银行统一代扣协议，实行一站式签约，组织台区经理进村集中签约。',
		reply:
			'代扣签约已实现在银行网点或供电所一处办结，台区经理也会进村集中办理；目前全市已签订代扣协议13万户。'
	},
	{
		key: 'c081',
		category: 'payment',
		nature: 'routine',
		department: '大瑶供电所',
		township: '大瑶',
		groups: ['customer'],
		question: 'improve',
		title: '大瑶镇抄表员估抄导致电费忽高忽低',
		variants: [
			'上个月电费二十几块，这个月突然三百多，肯定是没来抄表乱估的。',
			'抄表的人根本没来过我家，电费单上的数字是怎么来的？',
			'电费一个月高一个月低，怀疑估抄',
			'我家平时就一个人住，电费单跟实际用的对不上。',
			'抄表员好几个月没进过我们组，电费单上的读数比表上的还多，找他理论他说下个月会扣回来，这样估着抄不合理，请供电所严格管理。'
		],
		measures:
			'大瑶供电所开展抄表质量专项检查，对估抄、漏抄的抄表员严肃考核，对异常电量逐户复核退补。',
		reply:
			'经现场复核，您家上月确属估抄，多计电量已在本月电费中冲减；我所已对相关抄表员进行考核，今后每月实抄到户。'
	},
	{
		key: 'c082',
		category: 'payment',
		nature: 'routine',
		department: '营销部',
		township: '官渡',
		groups: ['customer'],
		question: 'improve',
		title: '官渡镇预付费电表购电只能到供电所',
		variants: [
			'插卡电表没电了，只能去供电所买，晚上和周末都买不到。',
			'IC卡表买电不方便，买电点太少。',
			'卡表有时候插卡没反应，跑去所里说卡坏了又要补卡。'
		],
		measures:
			'营销部在官渡镇增设银行和商超购电网点，开通周末购电服务，表卡故障由台区经理上门处理。',
		reply: '官渡镇已新增3个购电网点，周末可正常购电；表卡故障请拨打台区经理电话，上门处理不收费用。'
	},
	{
		key: 'c083',
		category: 'payment',
		nature: 'new',
		department: '客户服务中心',
		township: null,
		groups: ['customer', 'employee'],
		question: 'improve',
		title: '建议开通手机支付宝微信交电费',
		variants: [
			'年轻人都用手机付钱，交电费还要排队，能不能手机上交？',
			'在外面打工的想给家里交电费，手机交就方便了。',
			'开通网上缴费',
			'微信能交话费，为么子不能交电费？',
			'我儿子在广东打工，想帮家里交电费都没办法，只能打电话叫邻居帮忙垫，要是能在手机上交就方便多了，建议尽快开通。'
		],
		measures:
			'客户服务中心与第三方支付平台对接，开通手机客户端、支付宝和微信缴费渠道，并在台区张贴二维码指南。',
		reply: '支付宝缴费已于2014年8月开通，微信缴费计划于2014年11月开通，缴费指南将张贴到各村公告栏。'
	},
	{
		key: 'c084',
		category: 'payment',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['customer', 'retiree'],
		question: 'improve',
		title: '阶梯电价计算方式群众不清楚',
		variants: [
			'阶梯电价到底怎么算的，夏天电费特别贵，搞不清楚。',
			'建议把阶梯电价印在电费单背面，讲清楚第几档多少钱。',
			'为什么用多了电价就涨？没人解释过。'
		],
		measures:
			'营销部制作阶梯电价宣传单和算例，在电费通知单、营业厅和村公告栏宣传，台区经理入户讲解。',
		reply: '阶梯电价算例已印在电费通知单背面并张贴至各村，您也可以拨打台区经理电话请其上门讲解。'
	},
	{
		key: 'c085',
		category: 'payment',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['customer'],
		question: 'improve',
		title: '建议每月短信通知电费金额',
		variants: ['电费单经常没塞到家里，不晓得这个月该交多少。', '希望有电费短信提醒'],
		measures: '营销部开通电费短信通知服务，客户登记手机号后每月自动推送电量、电费和缴费截止日期。',
		reply:
			'电费短信通知已开通，您可在营业厅或通过台区经理登记手机号码，登记后每月自动收到电费信息。'
	},
	{
		key: 'c086',
		category: 'payment',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['retiree', 'customer'],
		question: 'improve',
		title: '老年人不会用自助缴费机，需人工帮助',
		variants: [
			'营业厅让我们用机器交费，老人家眼睛看不清，不会操作。',
			'自助机旁边要安排个人帮一下我们老同志。',
			'老人交费保留人工窗口'
		],
		measures:
			'营销部要求各营业厅保留人工收费窗口，自助设备旁安排引导人员，为老年客户提供帮办服务。',
		reply: '各营业厅均保留人工收费窗口，并安排专人在自助机旁引导，老年客户可优先办理。'
	},
	{
		key: 'c087',
		category: 'payment',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['customer'],
		question: 'improve',
		title: '欠费停电前未提前通知',
		variants: [
			'才晚交几天就把电停了，事先一个电话都没有。',
			'欠费停电要提前通知，我在外地根本不知道。',
			'交了钱以后复电也太慢了，第二天才来。',
			'我在长沙带孙子，家里房子空着，电费晚交了一个星期，回来发现电已经停了，冰箱里东西全坏了，停电之前至少要打个电话或者发个短信吧。'
		],
		measures: '营销部规范欠费停电程序，停电前须书面或短信催费通知，交费后24小时内复电。',
		reply:
			'今后欠费停电前将提前7天短信和书面通知，结清电费后24小时内复电，您反映的情况我们已对相关人员批评教育。'
	},
	{
		key: 'c088',
		category: 'payment',
		nature: 'new',
		department: '财务资产部',
		township: null,
		groups: ['customer', 'government'],
		question: 'improve',
		title: '单位和个体户电费发票开具不便',
		variants: [
			'单位交电费要增值税发票，每次都要跑到城里营业厅去开。',
			'网上交了电费开不到发票，财务报不了账。',
			'建议提供电子发票或者邮寄发票'
		],
		measures: '财务资产部会同营销部调整电费发票开具流程，供电所可开具发票，研究推行电子发票。',
		reply: '电费发票已可在各供电所开具；电子发票正在与税务部门对接，计划于2015年上半年推行。'
	},
	{
		key: 'c089',
		category: 'payment',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['customer'],
		question: 'improve',
		title: '怀疑电表计量不准，申请校验',
		variants: [
			'我家新换的电表走得特别快，一样的用电电费多了一倍。',
			'电表准不准谁来验？我们自己也不懂。',
			'换了新表电费涨了，要求校表'
		],
		measures: '营销部公布电能表校验申请渠道，受理后5个工作日内现场校验，校验结果书面告知。',
		reply:
			'您申请的电能表已现场校验，误差在合格范围内；电费上涨主要是夏季空调用电增加所致，详细电量明细已交给您。'
	},
	{
		key: 'c090',
		category: 'payment',
		nature: 'routine',
		department: '营销部',
		township: '淳口',
		groups: ['customer'],
		question: 'improve',
		title: '淳口镇代收点收取手续费',
		variants: [
			'在小卖部代交电费，每次要收一块钱手续费。',
			'淳口这边代交电费要加钱，其他地方都不收。'
		],
		measures:
			'营销部对淳口镇代收点进行检查，责令停止向客户收取手续费，与代收方重新签订协议明确服务要求。',
		reply: '经查实该代收点违规收取手续费，已责令停止并退还，今后代收点一律不得向客户收费。'
	},
	{
		key: 'c091',
		category: 'payment',
		nature: 'legacy',
		department: '营销部',
		township: '镇头',
		groups: ['customer', 'township'],
		question: 'improve',
		title: '镇头镇部分村仍由电工上门收现金不开票',
		variants: [
			'我们村还是电工上门收电费，收了钱只在本子上记一笔，一直是这样。',
			'交电费冇得收据，几年都是这么搞的。',
			'建议取消上门收现金，改成银行交费，免得扯皮。'
		],
		measures:
			'营销部在镇头镇推行代收点和银行代扣，逐步取消上门收取现金，过渡期间收费必须开具票据。',
		reply:
			'即日起上门收费必须当场开具电费票据；镇头镇计划于2014年12月底前完成代收点布设和代扣签约推广，之后停止上门收现金。'
	},
	{
		key: 'c092',
		category: 'payment',
		nature: 'legacy',
		department: '营销部',
		township: '高坪',
		groups: ['customer'],
		question: 'improve',
		title: '高坪镇部分村组仍向农户分摊公用电费',
		variants: [
			'村里的路灯和抽水的电费一直分摊到每户头上，每个月多几块钱。',
			'公用电费摊到我们个人电费里，好多年了也没个说法。',
			'不要再分摊公用电费'
		],
		measures: '营销部对高坪镇公用设施用电单独装表立户，由村委会结算，停止向农户分摊。',
		reply:
			'高坪镇村组公用设施单独装表工作计划于2014年11月底前完成，完成后不再向农户分摊，此前的分摊情况将与村委会核实处理。'
	},
	{
		key: 'c093',
		category: 'payment',
		nature: 'routine',
		department: '营销部',
		township: '浏阳城区',
		groups: ['customer', 'retiree'],
		question: 'improve',
		title: '城区营业厅月底缴费排队时间长',
		variants: [
			'月底去营业厅交电费要排一个多小时队，只开两个窗口。',
			'交费高峰的时候多开几个窗口啊',
			'营业厅人太多，站着排队老人吃不消，能不能多放几把椅子？'
		],
		measures: '营销部在缴费高峰时段实行弹性窗口，增加引导人员和等候座椅，分流至自助终端。',
		reply: '城区营业厅月底高峰时段已增开窗口并增设座椅，平均等候时间已缩短到15分钟以内。'
	},
	{
		key: 'c094',
		category: 'payment',
		nature: 'new',
		department: '营销部',
		township: null,
		groups: ['customer', 'township'],
		question: 'improve',
		title: '乡镇自助缴费终端经常故障',
		variants: [
			'镇上那台自助缴费机十天有五天是坏的。',
			'自助机吞了钱没到账，打电话也没人管。',
			'缴费机装了就不管了，建议定期维护。'
		],
		measures:
			'营销部建立自助缴费终端巡检制度，每周巡检一次，故障24小时内修复，终端上张贴报修电话。',
		reply: '自助终端已实行每周巡检，故障24小时内修复；您反映的未到账款项已核实补记。'
	},
	{
		key: 'c095',
		category: 'payment',
		nature: 'new',
		department: '客户服务中心',
		township: null,
		groups: ['customer'],
		question: 'improve',
		title: '建议提供网上查询每月用电量明细',
		variants: [
			'想看看每个月用了多少电，只有电费单，丢了就查不到。',
			'能不能在网上查历史电量？',
			'希望手机上能查用电记录，好算算哪个电器费电。'
		],
		measures: '客户服务中心在网上营业厅和微信公众号开通近24个月电量电费查询功能。',
		reply: '网上营业厅已可查询近24个月电量电费，微信公众号查询功能计划于2014年11月开通。'
	},
	{
		key: 'c096',
		category: 'payment',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['customer'],
		question: 'improve',
		title: '银行代扣失败未通知，产生违约金',
		variants: [
			'卡里钱不够代扣没成功，也没人告诉我，结果收了违约金。',
			'代扣失败要通知客户，不能直接罚钱。',
			'银行扣款没扣到是银行的事，为么子要我交滞纳金？'
		],
		measures: '营销部要求代扣失败后短信告知客户，因系统原因扣款失败的免收违约金。',
		reply: '代扣失败现已短信告知客户；经核查您的违约金系银行系统原因产生，已予退还。'
	},
	{
		key: 'c097',
		category: 'payment',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['employee'],
		question: 'difficulty',
		title: '外出务工户电费催收困难',
		variants: [
			'好多户人在外面打工，电费欠着找不到人，电费回收压力很大。',
			'最大的困难是收电费，空房子也有电费，人又联系不上。',
			'催费难，一个台区经理管几百户'
		],
		measures: '营销部推行预存电费和银行代扣，组织台区经理收集外出户联系方式，开展短信和电话催费。',
		reply:
			'公司将外出务工户优先纳入代扣和预存推广，台区经理收集外出户联系电话建立催费台账，减轻一线催收压力。'
	},
	{
		key: 'c098',
		category: 'payment',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['customer'],
		question: 'improve',
		title: '抄表日期不固定影响阶梯电量计算',
		variants: [
			'这个月抄表晚了十来天，电量多出来一截，一下子跳到第二档了。',
			'抄表日子要固定，不然阶梯算下来吃亏。',
			'抄表时间前后差太多'
		],
		measures:
			'营销部固定各台区抄表例日并在电费单上注明，因抄表日期延后造成的阶梯电费差额予以退补。',
		reply: '各台区抄表例日已固定并在电费单上注明；您家因抄表延后多计的阶梯电费已在下月退补。'
	},

	// ── outage_notice: advance notice, channels, announced vs actual times ─────────────────────
	{
		key: 'c099',
		category: 'outage_notice',
		nature: 'routine',
		department: '客户服务中心',
		township: null,
		groups: ['customer', 'township'],
		question: 'improve',
		title: '停电通知张贴位置不醒目，群众看不到',
		variants: [
			'停电通知贴在电线杆上，字又小，根本没人看得到。',
			'通知只贴在供电所门口，我们村里的人哪个会去看？',
			'建议停电通知贴到村部公告栏和小卖部门口，再请组长转告一声。',
			'停电了才晓得有通知',
			'上次停电我们完全不知道，后来听说通知贴在所里，我们组离供电所七八里路，谁会专门去看，建议贴到每个村的公告栏。'
		],
		measures:
			'客户服务中心规范计划停电公告张贴地点，要求张贴至村部公告栏、集镇和人员集中场所，并通知村组干部转告。',
		reply:
			'今后计划停电公告将张贴在村部公告栏和人员集中的场所，同时电话通知村组干部转告，张贴情况由供电所拍照备查。'
	},
	{
		key: 'c100',
		category: 'outage_notice',
		nature: 'routine',
		department: '客户服务中心',
		township: null,
		groups: ['customer', 'government'],
		question: 'improve',
		title: '建议计划停电提前发短信通知用户',
		variants: [
			'现在都有手机，停电前发个短信不就行了。',
			'停电前一天发个短信提醒，让我们提前准备。',
			'希望开通停电短信通知，我登记了电话号码的。'
		],
		measures:
			'客户服务中心开通计划停电短信通知，按台区向登记了手机号的客户提前推送停电时间和范围。',
		reply:
			'计划停电短信通知已于2014年7月开通，停电前三天向受影响客户发送短信；未收到的客户可到营业厅核对登记的手机号码。'
	},
	{
		key: 'c101',
		category: 'outage_notice',
		nature: 'routine',
		department: '运维检修部',
		township: null,
		groups: ['customer'],
		question: 'improve',
		title: '实际停送电时间与通知时间不符',
		variants: [
			'通知说下午五点来电，结果晚上九点才来。',
			'说好八点停电，七点就停了，饭还没煮熟。',
			'停电通知上的时间不准，讲的跟做的两回事。',
			'通知五点送电，到天黑都冇来',
			'8月12号通知是早上八点到下午五点停电，结果晚上九点才来电，冰箱里的东西全坏了，打电话问只说还没干完，希望延迟了能及时告诉我们。'
		],
		measures:
			'运维检修部严格按公告时间停送电，工作延期须提前通过短信和村组告知客户延迟原因和预计送电时间。',
		reply:
			'我们已将按时停送电纳入考核，确需延时送电的将及时短信告知原因和预计时间，对这次延误给您带来的不便表示歉意。'
	},
	{
		key: 'c102',
		category: 'outage_notice',
		nature: 'routine',
		department: '运维检修部',
		township: null,
		groups: ['customer', 'township'],
		question: 'improve',
		title: '计划停电取消或改期后未及时告知',
		variants: [
			'通知说今天停电，我们专门把活停了，结果又不停了，也不说一声。',
			'停电计划变了要再通知一次'
		],
		measures: '运维检修部规定计划停电取消或变更时，须在原定时间前通过原发布渠道重新告知。',
		reply:
			'今后计划停电取消或变更，将通过短信、公告和村组干部再次通知，给您造成的损失我们深表歉意。'
	},
	{
		key: 'c103',
		category: 'outage_notice',
		nature: 'routine',
		department: '客户服务中心',
		township: null,
		groups: ['customer'],
		question: 'improve',
		title: '故障停电后无法得知原因和预计来电时间',
		variants: [
			'突然停电打电话问，只说在修，什么时候来电也说不出来。',
			'故障停电能不能告诉我们大概要修多久，好安排事情。',
			'停电了问不到任何消息'
		],
		measures:
			'客户服务中心要求抢修人员到场后30分钟内反馈故障原因和预计修复时间，由客服向报修和咨询客户告知。',
		reply:
			'现在抢修人员到达现场后会及时反馈预计修复时间，您拨打95598或供电所电话即可了解，较长时间停电还将短信告知。'
	},
	{
		key: 'c104',
		category: 'outage_notice',
		nature: 'routine',
		department: '张坊供电所',
		township: '张坊',
		groups: ['customer', 'township'],
		question: 'improve',
		title: '张坊镇计划停电通知发布太迟',
		variants: [
			'头天晚上才贴通知，第二天就停电，根本来不及准备。',
			'停电通知至少提前一个星期嘛，我们要安排生产。',
			'张坊停电通知太晚了'
		],
		measures: '张坊供电所严格执行计划停电提前7天公告的规定，公告张贴时间纳入所内考核。',
		reply: '我所今后计划停电一律提前7天发布公告并通知村组，临时检修也将至少提前24小时告知。'
	},
	{
		key: 'c105',
		category: 'outage_notice',
		nature: 'new',
		department: '办公室',
		township: null,
		groups: ['government', 'retiree'],
		question: 'improve',
		title: '建议通过数字电视和网站发布停电信息',
		variants: [
			'家里老人不看手机，但天天看电视，可以在数字电视上滚动播停电通知。',
			'建议与广电合作，在电视上发停电信息。',
			'公司网站要有停电查询，按乡镇一查就知道。'
		],
		measures: '办公室与广电网络公司合作，在数字电视信息栏和公司网站同步发布计划停电信息。',
		reply: '计划停电信息已于2014年8月起在数字电视信息栏和公司网站同步发布，可按乡镇查询。'
	},
	{
		key: 'c106',
		category: 'outage_notice',
		nature: 'new',
		department: '营销部',
		township: null,
		groups: ['township', 'customer'],
		question: 'improve',
		title: '建议按村建立微信群发布停电信息',
		variants: [
			'每个村都有微信群了，台区经理进群发停电消息最快。',
			'建议供电所建微信群，停电来电都在群里说一声。',
			'村里微信群发通知，大家都看得到'
		],
		measures: '营销部组织台区经理按台区建立客户微信群，发布停送电信息、用电常识和服务电话。',
		reply: '台区经理已在各村建立或加入村民微信群，停送电信息将在群内及时发布，欢迎乡亲们进群。'
	},
	{
		key: 'c107',
		category: 'outage_notice',
		nature: 'routine',
		department: '运维检修部',
		township: null,
		groups: ['customer', 'government'],
		question: 'improve',
		title: '企业用户需更早获得计划停电安排',
		variants: [
			'我们厂一停电就要停产，希望提前半个月告诉我们停电计划。',
			'企业要排生产计划，停电通知三天前才到，来不及调整。',
			'能不能把每月的停电计划提前发给企业',
			'我们是做陶瓷的企业，窑炉一旦停电要提前一两天降温，否则损失很大，现在计划停电只提前三天通知，生产计划根本来不及调整。'
		],
		measures:
			'运维检修部每月下旬将下月计划停电安排通过客户经理发送给专变企业客户，并征求企业意见调整时段。',
		reply: '从2014年9月起，每月25日前将下月停电计划发送给相关企业，企业可提出调整时段的意见。'
	},
	{
		key: 'c108',
		category: 'outage_notice',
		nature: 'routine',
		department: '客户服务中心',
		township: null,
		groups: ['township'],
		question: 'difficulty',
		title: '停电信息未同步告知乡镇政府',
		variants: [
			'停电了老百姓跑来镇政府问，我们自己都不晓得。',
			'大面积停电要告诉乡镇，我们好做群众解释工作。',
			'乡镇值班室要收到停电通知'
		],
		measures:
			'客户服务中心将各乡镇值班电话纳入停电信息通知范围，计划停电和大面积故障停电同步告知。',
		reply: '各乡镇值班室已纳入停电信息通知名单，计划停电提前告知，较大范围故障停电在一小时内告知。'
	},
	{
		key: 'c109',
		category: 'outage_notice',
		nature: 'routine',
		department: '运维检修部',
		township: null,
		groups: ['customer'],
		question: 'improve',
		title: '停电公告范围表述笼统',
		variants: ['通知只写“某某线路沿线部分地区”，不知道包不包括我家。', '通知写得太笼统'],
		measures:
			'运维检修部规范停电公告格式，停电范围写明乡镇、村组和主要小区名称，不再只写线路名称。',
		reply: '停电公告已改为写明具体村组和小区名称，您可以直接对照是否在停电范围内。'
	},
	{
		key: 'c110',
		category: 'outage_notice',
		nature: 'legacy',
		department: '营销部',
		township: null,
		groups: ['customer', 'employee'],
		question: 'improve',
		title: '客户联系电话档案多年未更新，通知发不到',
		variants: [
			'登记的号码还是十年前的小灵通，短信肯定收不到。',
			'客户资料里的电话大部分是错的，这个问题存在好多年了。',
			'我换了手机号，供电所一直没有更新'
		],
		measures:
			'营销部组织台区经理开展客户联系方式核实更新，结合缴费、走访逐户核对，建立定期更新机制。',
		reply:
			'客户联系电话核实更新工作计划于2014年12月底前完成，您也可以随时到营业厅或请台区经理更新号码。'
	},
	{
		key: 'c111',
		category: 'outage_notice',
		nature: 'legacy',
		department: '大瑶供电所',
		township: '大瑶',
		groups: ['customer', 'government'],
		question: 'improve',
		title: '大瑶镇烟花企业多年反映停电不预先告知',
		variants: [
			'烟花厂生产中途突然停电很危险，我们说了几年要提前通知。',
			'花炮企业停电必须提前讲，机器停在半路有安全隐患。',
			'大瑶这么多花炮厂，停电从来冇提前打招呼。'
		],
		measures:
			'大瑶供电所建立花炮企业停电通知名单，计划停电逐户电话通知并确认，故障停电第一时间告知。',
		reply:
			'花炮企业停电电话通知名单已于2014年7月建立，计划停电提前7天逐户通知并登记回执；故障停电将在10分钟内电话告知。'
	},
	{
		key: 'c112',
		category: 'outage_notice',
		nature: 'new',
		department: '大围山供电所',
		township: '大围山',
		groups: ['customer'],
		question: 'improve',
		title: '大围山民宿需提前得知停电以安排客人',
		variants: [
			'民宿的客人是提前一个月订的房，临时停电客人要退房。',
			'我们搞农家乐的，停电要早点讲，好跟客人解释。',
			'旅游旺季不要停电，要停也要提前通知民宿老板。'
		],
		measures: '大围山供电所与民宿协会建立信息对接，计划停电提前通报协会，并尽量避开节假日和周末。',
		reply: '我所已与民宿协会建立联系群，计划停电提前10天通报，节假日和周末原则上不安排景区停电。'
	},
	{
		key: 'c113',
		category: 'outage_notice',
		nature: 'routine',
		department: '客户服务中心',
		township: '浏阳城区',
		groups: ['customer'],
		question: 'improve',
		title: '城区高层住宅停电未通知物业导致电梯困人',
		variants: [
			'停电前物业不知道，有人被关在电梯里半个钟头。',
			'高层小区停电一定要先告诉物业，让他们把电梯停好。',
			'电梯困人就是因为停电没通知'
		],
		measures:
			'客户服务中心建立城区小区物业联系人名单，计划停电提前通知物业并提示做好电梯和二次供水准备。',
		reply: '城区小区物业联系人名单已建立，计划停电将提前通知物业做好电梯停运和供水准备。'
	},
	{
		key: 'c114',
		category: 'outage_notice',
		nature: 'routine',
		department: '运维检修部',
		township: '普迹',
		groups: ['retiree', 'customer'],
		question: 'improve',
		title: '建议利用村广播通知停电，方便老年人',
		variants: [
			'村里老人多，不看手机也不识字，用广播喊一下最管用。',
			'村村响广播可以播停电通知嘛。',
			'停电消息用大喇叭通知，老人家都听得到。'
		],
		measures: '运维检修部与普迹镇各村联系，计划停电前一天和当天早上通过村广播播报停电时间。',
		reply: '普迹镇各村已同意协助广播停电通知，今后计划停电前一天和当天上午都会广播。'
	},

	// ── service_manager: district service managers, attitude, visits, complaints ───────────────
	{
		key: 'c115',
		category: 'service_manager',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['customer', 'township'],
		question: 'improve',
		title: '群众不知道所在台区经理是谁、怎么联系',
		variants: [
			'说有台区经理，我们连他姓么子都不知道。',
			'建议每家发一张联系卡，上面写台区经理名字和电话。',
			'有问题不晓得找哪个',
			'在村公告栏贴一下台区经理的照片和手机号嘛。',
			'我在村里住了几十年，以前有事就找村电工，现在说改成台区经理了，但我们组没有一个人知道台区经理是谁、电话多少。'
		],
		measures:
			'营销部组织台区经理逐户发放便民服务联系卡，在各村公告栏和配变台架上公示台区经理姓名、照片和电话。',
		reply: '台区经理联系卡已于2014年8月发放到户，公示牌也已在各村安装，您可以直接拨打卡上电话。'
	},
	{
		key: 'c116',
		category: 'service_manager',
		nature: 'routine',
		department: '官渡供电所',
		township: '官渡',
		groups: ['customer'],
		question: 'improve',
		title: '官渡镇台区经理电话经常打不通',
		variants: [
			'台区经理的手机打了五六次都没人接。',
			'晚上打电话就关机，联系卡有什么用？',
			'电话打不通，只能跑到所里去找人'
		],
		measures: '官渡供电所要求台区经理保持24小时通讯畅通，未接来电须在30分钟内回复，纳入月度考核。',
		reply:
			'我所已对相关台区经理进行了批评教育，并规定未接来电30分钟内回复；如再出现联系不上的情况，可拨打所长电话。'
	},
	{
		key: 'c117',
		category: 'service_manager',
		nature: 'routine',
		department: '营销部',
		township: '浏阳城区',
		groups: ['customer', 'retiree'],
		question: 'improve',
		title: '营业厅个别工作人员态度生硬',
		variants: [
			'问了两遍窗口的人就不耐烦了，说“跟你讲了你也不懂”。',
			'营业厅服务态度要改进，不能对老百姓冷冰冰的。',
			'工作人员说话太冲',
			'去办事的时候柜台的人一直在玩手机，喊了几声才抬头。',
			'我去营业厅办过户，工作人员一边打电话一边给我办，问她问题就说墙上贴着自己看，我老人家眼睛不好，希望窗口人员多点耐心。'
		],
		measures: '营销部开展营业厅服务规范培训和暗访，实行服务评价器评价，对态度问题纳入绩效考核。',
		reply:
			'我们已对营业厅全体人员进行服务规范再培训，并安装服务评价器；您反映的情况已核实，当事人已作检讨。'
	},
	{
		key: 'c118',
		category: 'service_manager',
		nature: 'routine',
		department: '营销部',
		township: '社港',
		groups: ['customer', 'retiree'],
		question: 'improve',
		title: '表扬社港供电服务台区经理热心为老人服务',
		variants: [
			'我们社港那个台区经理小伙子蛮好，下雨天帮我家老人修好了线。',
			'表扬一下台区经理，随叫随到，态度好。',
			'台区经理服务很到位，希望公司表扬他。'
		],
		measures: '营销部核实表扬事迹，对该台区经理给予通报表扬，在供电所推广其服务做法。',
		reply: '感谢您对我们工作的肯定，该台区经理已获公司通报表扬，我们会把这份认可转化为更好的服务。'
	},
	{
		key: 'c119',
		category: 'service_manager',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['township', 'retiree'],
		question: 'improve',
		title: '对独居老人和五保户定期上门服务',
		variants: [
			'村里好多独居老人，家里线路老化自己不会弄，希望供电所定期上门看看。',
			'五保户用电要多关心，每年上门检查一次。',
			'留守老人用电有困难，要帮扶'
		],
		measures:
			'营销部组织台区经理建立独居老人和五保户服务台账，每季度上门检查一次家用线路并讲解安全用电。',
		reply: '各台区独居老人和五保户服务台账已建立，台区经理每季度上门一次，免费检查室内线路。'
	},
	{
		key: 'c120',
		category: 'service_manager',
		nature: 'routine',
		department: '客户服务中心',
		township: null,
		groups: ['customer'],
		question: 'improve',
		title: '投诉后无人回复处理结果',
		variants: [
			'上次投诉了一件事，到现在都没人给我回电话。',
			'反映的问题要有个回音，处理了没有要告诉我们。',
			'投诉了等于白投诉',
			'意见提了石沉大海，希望这次能回复。',
			'今年三月份我打电话投诉过一次，对方说三个工作日内回复，结果一直没有任何人联系我，问题也没有解决，不知道投诉有没有人管。'
		],
		measures:
			'客户服务中心实行投诉工单闭环管理，处理结果须回访客户并记录满意度，超期未回访的督办考核。',
		reply:
			'投诉处理已实行闭环回访，每件投诉办结后都会电话告知处理结果；您此前的投诉我们已重新核实并回复。'
	},
	{
		key: 'c121',
		category: 'service_manager',
		nature: 'routine',
		department: '文家市供电所',
		township: '文家市',
		groups: ['customer'],
		question: 'improve',
		title: '文家市供电所营业时间与群众作息不一致',
		variants: ['中午去所里办事没人，下午五点不到又关门了。', '营业时间希望延长'],
		measures: '文家市供电所营业窗口实行中午轮班不断档，周六上午开放营业。',
		reply: '我所营业窗口已实行中午轮班，周六上午正常营业，营业时间已在所门口公示。'
	},
	{
		key: 'c122',
		category: 'service_manager',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['customer', 'retiree'],
		question: 'improve',
		title: '表后线路故障供电所不愿帮忙处理',
		variants: [
			'家里插座烧了，打电话给供电所，说是表后的不归他们管。',
			'表后的问题老人自己搞不定，能不能有偿帮一下？',
			'屋里线路坏了找不到电工'
		],
		measures:
			'营销部明确表后故障服务指引，对老弱病残客户提供义务帮助，其他客户可推荐有资质的电工或提供有偿服务。',
		reply:
			'对老年、残疾等困难客户的表后故障，台区经理将提供义务帮助；其他客户可通过供电所联系有资质的电工上门维修。'
	},
	{
		key: 'c123',
		category: 'service_manager',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['employee'],
		question: 'difficulty',
		title: '台区经理管辖户数过多、工作负担重',
		variants: [
			'一个台区经理要管八九百户，抄表收费抢修都是他，根本忙不过来。',
			'台区经理事情太多，服务质量难保证。',
			'人少事多，台区经理天天加班',
			'我负责的台区有八百多户，分布在三个村，每个月抄表、催费、处理故障、办业务都是我一个人，客户打电话我经常顾不上接，服务质量很难保证。'
		],
		measures: '营销部根据户数和地形重新核定台区经理管辖范围，推行自动化抄表以减少重复劳动。',
		reply:
			'公司正在重新核定各台区经理的管辖户数，计划于2014年12月底前完成调整；集中抄表系统的推广将减轻抄表工作量。'
	},
	{
		key: 'c124',
		category: 'service_manager',
		nature: 'new',
		department: '营销部',
		township: null,
		groups: ['customer'],
		question: 'improve',
		title: '建议服务联系卡加印二维码便于扫码联系',
		variants: [
			'联系卡上印个二维码，扫一下就能加台区经理微信。',
			'可以搞个二维码，扫了就能报修、看通知。'
		],
		measures: '营销部在新版便民服务卡和台区公示牌上加印台区经理微信二维码和公众号二维码。',
		reply: '新版服务联系卡已加印二维码，计划于2014年10月底前完成更换。'
	},
	{
		key: 'c125',
		category: 'service_manager',
		nature: 'new',
		department: '客户服务中心',
		township: null,
		groups: ['customer'],
		question: 'improve',
		title: '建议服务完成后让客户在线评价',
		variants: [
			'修完电以后发个短信让我们打分，服务好不好客户说了算。',
			'建议搞个网上评价，给台区经理打分。',
			'客户评价要和员工考核挂钩'
		],
		measures:
			'客户服务中心在报修、报装等工单办结后向客户发送满意度评价短信，评价结果纳入班组考核。',
		reply: '工单办结后短信评价已于2014年9月上线，评价结果将作为台区经理和抢修班组考核的依据。'
	},
	{
		key: 'c126',
		category: 'service_manager',
		nature: 'legacy',
		department: '永安供电所',
		township: '永安',
		groups: ['customer', 'township'],
		question: 'improve',
		title: '永安镇个别村电工服务态度差多年未改',
		variants: [
			'我们村那个电工脾气大，叫他来修要看他心情，好多年都这样。',
			'村电工吃拿卡要，不请吃饭就不来。',
			'反映过几次这个电工的问题，一直没处理。'
		],
		measures:
			'永安供电所对该村电工的服务情况进行调查，依规处理，并调整该村服务人员，加强作风督查。',
		reply:
			'经调查情况基本属实，我所已调整该村服务人员并对当事人依规处理；新的台区经理联系方式已张贴到村，我所计划于2014年12月底前逐户回访服务情况。'
	},
	{
		key: 'c127',
		category: 'service_manager',
		nature: 'routine',
		department: '客户服务中心',
		township: null,
		groups: ['customer'],
		question: 'improve',
		title: '客服热线与供电所相互推诿',
		variants: [
			'打热线说找供电所，找供电所又说打热线。',
			'客服电话只会记录，解决不了问题，踢皮球。',
			'热线和所里互相推'
		],
		measures:
			'客户服务中心实行首问负责制，热线受理的问题一律派单到责任单位，并明确办理时限和回访要求。',
		reply:
			'我们已实行首问负责制，您通过任何渠道反映的问题都会派单到责任单位限时办理并回访，不会再让您来回打电话。'
	},
	{
		key: 'c128',
		category: 'service_manager',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['customer', 'retiree'],
		question: 'improve',
		title: '上门人员应统一着装亮证，防止冒充',
		variants: [
			'有人自称供电所的来检查电表要收钱，也没穿工作服，不晓得真假。',
			'上门服务要挂工作牌，免得有骗子。',
			'冒充电工的骗老人钱，建议提醒大家。'
		],
		measures:
			'营销部规定上门服务人员统一着装、佩戴工作证，并通过村广播和公告提醒群众防范冒充人员。',
		reply: '我们的上门人员一律着工作服、佩戴工作证，不收取现金；遇到可疑人员请拨打供电所电话核实。'
	},
	{
		key: 'c129',
		category: 'service_manager',
		nature: 'routine',
		department: '办公室',
		township: null,
		groups: ['township', 'government', 'customer'],
		question: 'improve',
		title: '建议定期召开客户座谈会听取意见',
		variants: [
			'像这样上门来收意见的做法好，以后要经常搞，不要一阵风。',
			'建议供电公司每年到乡镇开一次座谈会，面对面听意见。',
			'多下来听听老百姓的意见'
		],
		measures: '办公室将征求意见活动常态化，每半年在各乡镇召开一次客户座谈会，会议意见纳入督办。',
		reply: '谢谢您的肯定，公司将每半年在各乡镇召开一次客户座谈会，座谈意见同样交办督办并答复。'
	},

	// ── employee_welfare: staffing, remote stations, training, allowances, retirees ────────────
	{
		key: 'c130',
		category: 'employee_welfare',
		nature: 'legacy',
		department: '办公室',
		township: '大围山',
		groups: ['employee'],
		question: 'difficulty',
		title: '大围山供电所职工宿舍老旧、住宿条件差',
		variants: [
			'所里宿舍还是八十年代的老房子，下雨漏水，冬天冷得睡不着。',
			'住宿条件太差，年轻人来了都不愿意留。',
			'宿舍问题提了好几年了，希望能改善。',
			'山上供电所冇热水洗澡',
			'我在大围山供电所工作十二年了，宿舍是八几年建的砖房，墙体开裂、屋顶漏雨，冬天山上很冷也没有取暖设施，新分来的大学生住一个月就想调走。'
		],
		measures:
			'办公室对大围山供电所宿舍进行安全鉴定，先行维修屋面和加装热水器，整体改造列入生产辅助设施计划。',
		reply:
			'宿舍屋面维修和热水器安装计划于2014年10月底前完成；宿舍整体改造已列入2015年生产辅助设施改造计划。'
	},
	{
		key: 'c131',
		category: 'employee_welfare',
		nature: 'routine',
		department: '办公室',
		township: '杨花',
		groups: ['employee'],
		question: 'difficulty',
		title: '偏远供电所没有食堂，职工吃饭困难',
		variants: [
			'杨花所里没食堂，中午只能泡方便面。',
			'抢修回来饭都冇得吃，附近也没有饭店。',
			'建议偏远供电所办个小食堂，请个师傅做饭。'
		],
		measures: '办公室为偏远供电所设立职工小食堂，聘请炊事人员并给予伙食补助。',
		reply: '杨花、张坊等偏远供电所职工食堂计划于2014年9月底前开伙，伙食补助标准同步下发。'
	},
	{
		key: 'c132',
		category: 'employee_welfare',
		nature: 'legacy',
		department: '人力资源部',
		township: null,
		groups: ['employee'],
		question: 'difficulty',
		title: '一线班组年龄结构偏大、多年未补充新人',
		variants: [
			'我们班平均年龄五十岁了，好多年没进过新人，登高作业都是老师傅上。',
			'一线缺年轻人，再过几年就没人干活了。',
			'人员老化，后继无人，这个问题讲了好多年。',
			'我们运维班十四个人，五十岁以上的有九个，最年轻的也三十八了，爬杆登高这些活越来越吃力，这几年招的新人都留在机关，希望多补充到一线。'
		],
		measures: '人力资源部编制一线人员补充规划，新进大学生和技能人员优先分配到供电所和运维班组。',
		reply:
			'2014年新进员工已优先充实一线班组；公司制定了三年补员计划，2016年底前一线班组平均年龄降至45岁以下。'
	},
	{
		key: 'c133',
		category: 'employee_welfare',
		nature: 'routine',
		department: '人力资源部',
		township: null,
		groups: ['employee'],
		question: 'difficulty',
		title: '山区供电所缺少艰苦岗位补贴',
		variants: [
			'在山区所干和在城区干一个样的钱，年轻人都想往城里调。',
			'偏远供电所要有津贴，不然留不住人。',
			'山里工作条件艰苦，待遇要倾斜'
		],
		measures: '人力资源部研究制定偏远供电所岗位补贴办法，按距离和条件分档发放。',
		reply: '偏远供电所岗位补贴办法已提交公司职代会审议，预计2014年第四季度起执行。'
	},
	{
		key: 'c134',
		category: 'employee_welfare',
		nature: 'routine',
		department: '人力资源部',
		township: null,
		groups: ['employee'],
		question: 'difficulty',
		title: '培训偏理论，一线实操培训不足',
		variants: [
			'培训都是坐在会议室念课件，真正动手的机会很少。',
			'新设备来了没人教，只能自己摸索。',
			'希望多搞实训，师傅带徒弟那种'
		],
		measures: '人力资源部调整年度培训计划，增加实训基地实操课时，推行师带徒协议。',
		reply:
			'下半年培训已增加实操课时比例至六成，新设备投运前安排厂家现场培训，师带徒协议在各班组推行。'
	},
	{
		key: 'c135',
		category: 'employee_welfare',
		nature: 'legacy',
		department: '人力资源部',
		township: null,
		groups: ['employee'],
		question: 'difficulty',
		title: '一线职工晋升和职称评定通道窄',
		variants: [
			'在所里干了二十年还是普通工人，没有上升的路。',
			'一线员工评职称太难，指标都被机关占了。',
			'技能等级和待遇不挂钩，干多干少一个样',
			'晋升通道问题年年提年年冇解决。',
			'我在供电所做了二十多年，技能鉴定考了高级工，但待遇跟初级工差不多，职称名额也很少轮到基层，年轻人看不到希望，希望公司研究一下。'
		],
		measures: '人力资源部建立技能等级与薪酬挂钩机制，职称和岗位晋升指标向一线倾斜。',
		reply: '技能等级与岗位薪酬挂钩方案计划于2014年12月底前出台，2015年起职称推荐指标单列一线名额。'
	},
	{
		key: 'c136',
		category: 'employee_welfare',
		nature: 'routine',
		department: '办公室',
		township: '浏阳城区',
		groups: ['retiree'],
		question: 'improve',
		title: '离退休职工活动场所小、设施旧',
		variants: [
			'老干部活动室太小了，打个牌都挤不下，桌椅也旧了。',
			'希望给我们退休职工一个像样的活动场所。',
			'活动室的空调坏了一个夏天没人修。'
		],
		measures: '办公室对离退休职工活动室进行维修扩充，更换桌椅和空调，增设阅览和健身器材。',
		reply: '活动室空调已修复，扩充和桌椅更换计划于2014年10月底前完成，届时增设阅览角。'
	},
	{
		key: 'c137',
		category: 'employee_welfare',
		nature: 'routine',
		department: '人力资源部',
		township: null,
		groups: ['retiree'],
		question: 'improve',
		title: '对生病和高龄退休职工的走访慰问不够',
		variants: [
			'老同事住院了，公司都没人来看一下，心里不好受。',
			'高龄退休职工希望逢年过节能上门走走。',
			'退休了就没人管了'
		],
		measures: '人力资源部建立离退休职工联系台账，对住院和八十岁以上职工实行定期走访慰问。',
		reply:
			'公司已建立退休职工联系台账，住院职工由所在单位及时探望，八十岁以上老同志每年春节和重阳节上门慰问。'
	},
	{
		key: 'c138',
		category: 'employee_welfare',
		nature: 'legacy',
		department: '财务资产部',
		township: null,
		groups: ['retiree'],
		question: 'improve',
		title: '退休职工医药费报销周期长',
		variants: [
			'医药费票据交上去三四个月才报下来，我们退休工资不高，垫不起。',
			'报销太慢了，这个事情提了不止一回。',
			'医药费报销能不能一个月报一次？'
		],
		measures: '财务资产部简化退休职工医药费报销流程，改为每月集中审核一次、当月支付。',
		reply:
			'此前积压的医药费票据已于2014年8月底前全部报销完毕；新流程计划自2014年9月起执行，每月集中审核、当月支付。'
	},
	{
		key: 'c139',
		category: 'employee_welfare',
		nature: 'routine',
		department: '人力资源部',
		township: null,
		groups: ['employee'],
		question: 'difficulty',
		title: '夜间和节假日抢修加班补助偏低',
		variants: [
			'半夜出去抢修到天亮，补助才几十块钱。',
			'节假日抢修也没有加班费，大家积极性受影响。',
			'抢修补贴太低哒'
		],
		measures: '人力资源部修订抢修加班补助标准，按夜间、节假日分别核定，按月及时兑现。',
		reply: '新的抢修加班补助标准已于2014年8月执行，夜间和节假日补助标准均有提高，每月随工资发放。'
	},
	{
		key: 'c140',
		category: 'employee_welfare',
		nature: 'routine',
		department: '人力资源部',
		township: null,
		groups: ['employee', 'retiree'],
		question: 'difficulty',
		title: '职工体检项目少，建议增加针对性检查',
		variants: [
			'每年体检就是量血压抽个血，一线工人颈椎腰椎都不好，希望加上。',
			'建议给高空作业的职工加心脑血管检查。'
		],
		measures:
			'人力资源部调整职工年度体检方案，增加颈腰椎、心脑血管等针对性项目，退休职工同步纳入。',
		reply: '2014年职工体检已增加颈腰椎和心脑血管检查项目，退休职工体检安排在10月进行。'
	},
	{
		key: 'c141',
		category: 'employee_welfare',
		nature: 'legacy',
		department: '人力资源部',
		township: null,
		groups: ['employee'],
		question: 'difficulty',
		title: '农电工与正式职工同工不同酬',
		variants: [
			'农电工干的活跟正式工一样，工资差一大截，干了十几年都这样。',
			'同岗不同酬，农电工心里不平衡。',
			'希望解决农电工的待遇问题，这是老问题了。',
			'我当农电工十八年了，跟正式工一起抢修、一起值班，拿的钱只有他们一半，社保也是按最低标准交的，希望公司按政策逐步解决农电工待遇问题。'
		],
		measures: '人力资源部按上级政策推进农电用工规范管理，逐步缩小同岗位收入差距。',
		reply:
			'公司已按上级政策制定农电工薪酬调整方案，2014年第四季度起首次调整，计划三年内逐步缩小同岗位收入差距。'
	},
	{
		key: 'c142',
		category: 'employee_welfare',
		nature: 'new',
		department: '人力资源部',
		township: null,
		groups: ['employee'],
		question: 'difficulty',
		title: '建议开发手机学习平台方便分散职工培训',
		variants: [
			'供电所分散，集中培训路上就要半天，能不能在手机上学？',
			'搞个网上学习平台，下班了也能看视频学习。',
			'在线学习、在线考试，省时间'
		],
		measures: '人力资源部引入网络培训平台，上传规程和操作视频课程，支持手机学习和在线考试。',
		reply: '网络培训平台计划于2014年11月上线，首批上线安规和营销业务课程，职工可用手机学习。'
	},
	{
		key: 'c143',
		category: 'employee_welfare',
		nature: 'routine',
		department: '人力资源部',
		township: null,
		groups: ['employee'],
		question: 'difficulty',
		title: '长期异地工作职工照顾家庭困难',
		variants: [
			'在外地所里上班，老婆孩子在城里，一个月回不了几次家。',
			'两地分居的职工希望能考虑调动。',
			'家里老人生病都照顾不上，最大困难就是离家太远。'
		],
		measures: '人力资源部摸底长期异地工作职工情况，在岗位空缺时优先考虑就近调整，并安排探亲轮休。',
		reply:
			'已摸底异地工作职工37人，下半年岗位调整时优先考虑就近安排，暂时不能调整的实行每月集中轮休。'
	},

	// ── work_style: meetings, paperwork, reporting, inspections, vehicles, budgets ──────────────
	{
		key: 'c144',
		category: 'work_style',
		nature: 'routine',
		department: '办公室',
		township: null,
		groups: ['employee'],
		question: 'difficulty',
		title: '会议过多过长，挤占基层工作时间',
		variants: [
			'一个星期开三四个会，真正干活的时间都没有了。',
			'会议太多，有的会开半天就是念文件。',
			'文山会海，会太多哒',
			'能合并的会合并开，能短的就短，所长天天在城里开会所里事情没人管。',
			'我是所长，上个月光参加各类会议就十一次，很多会议内容跟供电所关系不大也要求参加，所里的生产和服务只能靠电话遥控。'
		],
		measures:
			'办公室实行会议计划管理，严控会议数量和时长，能合并的合并召开，一般会议不超过一个半小时。',
		reply: '公司已出台会议管理规定，下半年会议数量比上半年减少25%，一般会议控制在一个半小时以内。'
	},
	{
		key: 'c145',
		category: 'work_style',
		nature: 'routine',
		department: '办公室',
		township: null,
		groups: ['employee'],
		question: 'difficulty',
		title: '基层材料和总结报告要求过多',
		variants: [
			'动不动就要写总结、写汇报，供电所一个月要交十几份材料。',
			'材料越写越长，真正有用的没几句。',
			'少写材料多干实事'
		],
		measures: '办公室清理各部门向基层要求报送的材料，取消不必要的总结汇报，控制文稿篇幅。',
		reply: '已清理并取消向基层报送的材料21项，其余材料实行统一归口报送，文稿篇幅也作了限制。'
	},
	{
		key: 'c146',
		category: 'work_style',
		nature: 'routine',
		department: '办公室',
		township: null,
		groups: ['employee'],
		question: 'difficulty',
		title: '同一数据多个部门重复要求报送',
		variants: [
			'同一个数据营销部要、运检部要、办公室也要，格式还各不一样。',
			'各部门要的数据能不能共享，不要每个都找基层要？'
		],
		measures: '办公室牵头梳理各部门报表，建立统一的基础数据报送清单，部门之间共享数据。',
		reply: '公司已梳理报表63张，合并重复报表28张，今后基础数据统一报送一次、部门共享。'
	},
	{
		key: 'c147',
		category: 'work_style',
		nature: 'routine',
		department: '办公室',
		township: null,
		groups: ['employee'],
		question: 'difficulty',
		title: '各类检查考核过于频繁',
		variants: [
			'这个月刚迎接完安全检查，又来营销检查，供电所天天在准备检查。',
			'检查太多，大部分时间在整理台账应付检查。',
			'建议把检查合并，一年搞几次综合检查就行。'
		],
		measures: '办公室统筹公司内部检查计划，合并同类检查，实行季度综合检查。',
		reply: '公司内部检查已统筹为季度综合检查，专项检查须报办公室备案，检查频次明显减少。'
	},
	{
		key: 'c148',
		category: 'work_style',
		nature: 'routine',
		department: '财务资产部',
		township: null,
		groups: ['employee'],
		question: 'difficulty',
		title: '费用报销审批环节多、签字难',
		variants: [
			'报销一张单子要签五六个字，领导不在就卡住了。',
			'报账太麻烦，一张发票跑好几个办公室。',
			'审批流程长，几百块的费用都要等一个月',
			'所里上个月买了点抢修用的小工具，报销单要所长、部门主任、财务、分管领导一层层签字，分管领导出差又等了半个月，钱一直是自己垫着。'
		],
		measures: '财务资产部精简费用报销审批环节，小额费用授权部门负责人审批，实行集中报账日。',
		reply: '报销审批已由五级精简为三级，2000元以下费用由部门负责人审批，每周二、周四为集中报账日。'
	},
	{
		key: 'c149',
		category: 'work_style',
		nature: 'routine',
		department: '办公室',
		township: null,
		groups: ['employee', 'retiree'],
		question: 'improve',
		title: '公务车辆使用管理需规范并向一线倾斜',
		variants: [
			'机关的车停在院子里不用，供电所抢修却没车。',
			'公车管理要严格，不能公车私用。',
			'车辆调度要优先保障生产一线'
		],
		measures: '办公室实行公务车辆统一调度，机关车辆优先保障一线生产，车辆使用登记公开。',
		reply: '公司公务车辆已实行统一调度和使用登记公开，机关富余车辆已调配3台至一线供电所。'
	},
	{
		key: 'c150',
		category: 'work_style',
		nature: 'routine',
		department: '办公室',
		township: null,
		groups: ['employee', 'retiree', 'government'],
		question: 'improve',
		title: '严格控制公务接待，厉行节约',
		variants: ['接待要简单，不要搞铺张浪费。', '希望公司带头落实八项规定，节约开支。'],
		measures: '办公室修订公务接待管理办法，明确接待标准，禁止基层单位承担上级检查接待费用。',
		reply: '公务接待管理办法已修订，严格按标准执行，基层单位一律不得承担上级检查接待费用。'
	},
	{
		key: 'c151',
		category: 'work_style',
		nature: 'routine',
		department: '办公室',
		township: null,
		groups: ['employee'],
		question: 'improve',
		title: '机关人员深入一线调研解决问题不够',
		variants: [
			'机关的同志很少到山区所里来，来了也是坐一下就走。',
			'领导要多下基层，看看我们的实际困难。',
			'机关要服务基层，不要光发通知'
		],
		measures:
			'办公室建立领导和机关部室联系供电所制度，每月至少一次到联系点蹲点调研并解决具体问题。',
		reply:
			'公司已建立领导班子成员和部室联系供电所制度，每月到联系点调研一次，调研发现的问题纳入周推进会督办。'
	},
	{
		key: 'c152',
		category: 'work_style',
		nature: 'legacy',
		department: '安全监察部',
		township: null,
		groups: ['employee'],
		question: 'difficulty',
		title: '班组安全台账种类繁多、重复记录',
		variants: [
			'班组安全台账有二十几本，很多内容是重复抄的，一直是这样。',
			'记台账比干活还累，台账的问题反映过好几次。',
			'建议精简台账，用电子化代替手抄'
		],
		measures: '安全监察部清理班组安全台账，合并重复内容，推行电子台账。',
		reply: '班组安全台账已由23本精简为8本，电子台账计划于2014年12月底前在所有班组推行。'
	},
	{
		key: 'c153',
		category: 'work_style',
		nature: 'legacy',
		department: '人力资源部',
		township: null,
		groups: ['employee'],
		question: 'difficulty',
		title: '绩效考核指标过多过细',
		variants: [
			'一个供电所要考核七八十项指标，很多指标所里根本控制不了。',
			'考核扣分太多，一年到头都在扣钱，大家有怨气，讲了几年了。',
			'考核要抓重点，不要面面俱到'
		],
		measures: '人力资源部精简基层单位考核指标，保留关键业绩指标，取消基层无法控制的指标。',
		reply:
			'供电所考核指标计划由76项精简至30项以内，新的考核办法于2014年12月底前出台，2015年起执行。'
	},
	{
		key: 'c154',
		category: 'work_style',
		nature: 'new',
		department: '办公室',
		township: null,
		groups: ['employee'],
		question: 'difficulty',
		title: '建议推行网上办公审批减少纸质流转',
		variants: [
			'一个请示要打印出来拿着到处找人签，浪费时间浪费纸。',
			'建议搞网上审批，领导出差也能批。',
			'公文能不能电子化流转'
		],
		measures: '办公室上线协同办公系统，公文、请示和用车等事项实行网上流转审批。',
		reply: '协同办公系统已于2014年8月试运行，公文和请示已实现网上流转，年底前覆盖全部供电所。'
	},
	{
		key: 'c155',
		category: 'work_style',
		nature: 'routine',
		department: '财务资产部',
		township: null,
		groups: ['employee'],
		question: 'difficulty',
		title: '供电所日常维修经费不足、审批慢',
		variants: [
			'所里要换个门锁修个水管都要打报告，等批下来要一个月。',
			'供电所没有一点自主经费，小修小补都办不了。',
			'建议给供电所核定一定的日常费用'
		],
		measures: '财务资产部为各供电所核定年度日常零星维修经费包干额度，额度内由所长审批。',
		reply: '各供电所日常零星维修经费包干额度已核定下达，额度内费用由所长审批，不再逐项报批。'
	},
	{
		key: 'c156',
		category: 'work_style',
		nature: 'routine',
		department: '办公室',
		township: null,
		groups: ['employee'],
		question: 'difficulty',
		title: '供电所人员往返城区开会路途远，建议视频会议',
		variants: [
			'从张坊到城里开个会来回要五个多小时，会只开一个钟头。',
			'能开视频会的就别叫我们跑了。',
			'建议开通视频会议'
		],
		measures: '办公室在各供电所配置视频会议终端，一般工作会议以视频形式召开。',
		reply: '各供电所视频会议终端已于2014年7月配置到位，一般工作会议均改为视频召开。'
	},
	{
		key: 'c157',
		category: 'work_style',
		nature: 'routine',
		department: '办公室',
		township: null,
		groups: ['employee', 'retiree'],
		question: 'improve',
		title: '公司重要决策和事务公开不够',
		variants: ['公司的好多决定我们都是最后一个知道的。', '建议把公司的重大事项在内网公布'],
		measures:
			'办公室完善厂务公开制度，涉及职工切身利益的事项提交职代会审议，并在内网和公开栏公布。',
		reply:
			'公司已修订厂务公开目录，涉及职工利益的事项均提交职代会审议，并在内网和各单位公开栏公布。'
	},

	// ── safety: lines near houses, leaning poles, electrofishing, education ────────────────────
	{
		key: 'c158',
		category: 'safety',
		nature: 'routine',
		department: '运维检修部',
		township: '镇头',
		groups: ['customer', 'township'],
		question: 'improve',
		title: '镇头镇低压线路紧贴民房屋檐',
		variants: [
			'电线就从我家屋檐底下过，伸手就摸得到，小孩子上楼晒衣服很危险。',
			'线离房子太近了，下雨天墙上都麻手。',
			'房前的电线太低，请移一下',
			'镇头新屋场那几户的线挨着窗户，早就该处理了。',
			'我家在镇头新屋场，低压线从二楼窗户外面不到一米的地方经过，去年装修的时候工人差点碰到，打电话给供电所说要排计划，到现在都没处理。'
		],
		measures: '运维检修部对镇头镇低压线路与房屋安全距离进行排查，对距离不足的线路加高或改道。',
		reply: '经排查需处理的线路有11处，已完成6处，其余5处计划于2014年9月底前完成加高或改道。'
	},
	{
		key: 'c159',
		category: 'safety',
		nature: 'routine',
		department: '澄潭江供电所',
		township: '澄潭江',
		groups: ['customer'],
		question: 'improve',
		title: '澄潭江镇雨后多处电杆倾斜',
		variants: [
			'下了几场大雨，田里的电杆歪了，线都快拖到地上了。',
			'路边那根杆子斜得厉害，车子过都怕。',
			'电杆歪了好久没人扶正'
		],
		measures: '澄潭江供电所对雨后倾斜电杆逐一登记，加装拉线或重新夯实基础，危急缺陷24小时内处理。',
		reply:
			'您反映的倾斜电杆已于两日内扶正并加装拉线，辖区其余倾斜电杆计划于2014年9月中旬前全部处理。'
	},
	{
		key: 'c160',
		category: 'safety',
		nature: 'routine',
		department: '运维检修部',
		township: '中和',
		groups: ['government', 'township'],
		question: 'improve',
		title: '中和镇一所小学操场上方有10千伏线路穿越',
		variants: [
			'小学操场上面有高压线经过，学生在下面打球，家长很担心。',
			'学校上方的电线必须迁走，安全第一。',
			'教育部门建议对跨越校园的线路进行迁改。'
		],
		measures: '运维检修部会同教育部门排查跨越校园线路，中和镇小学段线路改为沿校园外围架设。',
		reply: '中和镇小学跨越线路迁改已完成设计，利用暑假施工，计划于2014年8月底前开学前完成。'
	},
	{
		key: 'c161',
		category: 'safety',
		nature: 'routine',
		department: '安全监察部',
		township: null,
		groups: ['township', 'government', 'customer'],
		question: 'improve',
		title: '农村私自电鱼现象屡禁不止',
		variants: [
			'河里经常有人电鱼，从电线上搭线，去年还电死过人。',
			'电鱼太危险了，建议供电公司和派出所联合打击。',
			'晚上有人背着电瓶电鱼，鱼都电光了',
			'电打鱼的要管一管',
			'我们村旁边那条河，晚上经常有外村人来电鱼，有的直接从路边电线上搭线，非常危险，建议供电所和派出所、渔政一起管，多立几块警示牌。'
		],
		measures: '安全监察部联合公安、渔政部门开展打击电鱼专项行动，在河道沿线设置警示牌。',
		reply: '我们已与公安、渔政部门开展联合整治，在重点河段设置警示牌120块，发现电鱼请拨打举报电话。'
	},
	{
		key: 'c162',
		category: 'safety',
		nature: 'routine',
		department: '安全监察部',
		township: null,
		groups: ['township', 'government'],
		question: 'improve',
		title: '建议进学校进村组开展安全用电宣传',
		variants: [
			'农村老人小孩安全用电常识太少，建议多到学校和村里宣传。',
			'安全用电宣传要搞得通俗，发点图画小册子。',
			'开学第一课可以讲讲安全用电'
		],
		measures:
			'安全监察部制定安全用电宣传计划，每学期进校园、每季度进村组开展宣传，发放图文宣传册。',
		reply: '下半年我们将进校园宣传40场、进村组宣传60场，图文版安全用电手册已印发到各村。'
	},
	{
		key: 'c163',
		category: 'safety',
		nature: 'routine',
		department: '安全监察部',
		township: '淳口',
		groups: ['customer', 'township'],
		question: 'improve',
		title: '淳口镇集镇私拉乱接电线现象严重',
		variants: [
			'街上摆摊的乱拉电线，横过马路挂着，很危险。',
			'集镇上私接电线的太多了，一到赶集日到处是线。',
			'私拉乱接要整治'
		],
		measures: '安全监察部会同镇政府开展集镇私拉乱接专项整治，为摊点提供规范的临时用电接口。',
		reply: '淳口集镇私拉乱接整治已于2014年8月完成，为市场摊点设置了规范的用电接口箱，今后定期巡查。'
	},
	{
		key: 'c164',
		category: 'safety',
		nature: 'legacy',
		department: '运维检修部',
		township: '高坪',
		groups: ['customer', 'township'],
		question: 'improve',
		title: '高坪镇10千伏线路下方房屋房线矛盾',
		variants: [
			'我家房子上面就是高压线，建房的时候没人管，现在住着心里发毛，说了好几年。',
			'高压线从屋顶上过，下雨天滋滋响。',
			'房线矛盾的问题什么时候能解决'
		],
		measures: '运维检修部对高坪镇房线矛盾点逐一建档，危险点先加装绝缘护套，结合线路改造实施迁改。',
		reply:
			'高坪镇房线矛盾点已建档9处，危险点绝缘护套已加装；线路迁改计划于2015年上半年结合线路改造实施。'
	},
	{
		key: 'c165',
		category: 'safety',
		nature: 'legacy',
		department: '运维检修部',
		township: '浏阳城区',
		groups: ['customer', 'government'],
		question: 'improve',
		title: '城区部分电缆沟盖板缺失破损',
		variants: [
			'人行道上的电缆沟盖板缺了好几块，晚上看不见容易掉进去。',
			'电缆沟盖板要补齐，有老人摔过跤。'
		],
		measures: '运维检修部对城区电缆沟和电缆井盖板进行全面排查，缺失和破损盖板限期更换。',
		reply:
			'城区电缆沟盖板排查已完成，已补换盖板136块，其余计划于2014年9月底前全部补换，今后每季度巡查一次。'
	},
	{
		key: 'c166',
		category: 'safety',
		nature: 'new',
		department: '安全监察部',
		township: null,
		groups: ['customer', 'employee'],
		question: 'improve',
		title: '屋顶光伏无资质安装存在安全隐患',
		variants: [
			'好多光伏是推销的人随便找人装的，线乱接，屋顶也没固定好。',
			'光伏安装要有资质，不然起火触电谁负责？',
			'建议供电公司对光伏安装质量把关'
		],
		measures: '安全监察部会同营销部在光伏并网验收中加入安全检查项目，公布有资质的安装单位名单。',
		reply:
			'光伏并网验收已增加安全检查项目，不合格的不予并网；有资质的安装单位名单已在营业厅公布，请选择正规单位安装。'
	},
	{
		key: 'c167',
		category: 'safety',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['customer', 'employee'],
		question: 'improve',
		title: '农村家庭漏电保护器安装和检测不到位',
		variants: [
			'很多农户家里没装漏电开关，有的装了也是坏的。',
			'建议帮农户检查漏电保护器，有的嫌跳闸烦就拆了。',
			'漏电保护器要普及'
		],
		measures: '营销部组织台区经理开展户用漏电保护器普查，宣传安装必要性，对失效的指导用户更换。',
		reply: '户用漏电保护器普查将于2014年11月底前完成，台区经理将上门指导失效保护器的更换。'
	},

	// ── large_customer: enterprises, electricity cost, account managers ─────────────────────────
	{
		key: 'c168',
		category: 'large_customer',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['customer', 'government'],
		question: 'improve',
		title: '帮助大用户分析用电成本、合理选择基本电费方式',
		variants: [
			'我们厂变压器容量大，基本电费每个月好几万，有没有办法省一点？',
			'建议供电公司帮企业算算账，是按容量还是按需量交基本电费划算。',
			'企业电费成本太高，希望给点节电建议。',
			'我们企业变压器容量2500千伏安，但实际负荷不到一半，基本电费每月好几万，请供电公司帮我们分析一下有没有更省钱的计费方式。'
		],
		measures: '营销部对大工业用户逐户开展用电成本分析，提出基本电费计费方式和运行方式优化建议。',
		reply:
			'我们已为7家大用户完成用电成本分析，调整计费方式后合计年节约电费1.6万余元；其他企业可向客户经理申请分析服务。'
	},
	{
		key: 'c169',
		category: 'large_customer',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['customer'],
		question: 'improve',
		title: '企业功率因数不达标被收取力调电费',
		variants: [
			'电费单上每个月都有一笔力调电费，问了才知道是功率因数低。',
			'功率因数考核罚款，企业自己不懂怎么补偿。',
			'希望有技术人员来指导无功补偿'
		],
		measures:
			'营销部向功率因数不达标的企业发送书面提示，组织技术人员上门指导无功补偿装置配置和投运。',
		reply:
			'技术人员已到您厂检查，电容补偿装置部分电容损坏，更换后功率因数已达0.92，力调电费改为奖励。'
	},
	{
		key: 'c170',
		category: 'large_customer',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['customer'],
		question: 'improve',
		title: '指导企业利用峰谷电价错峰生产',
		variants: [
			'峰谷电价差得多，但我们不知道怎么安排生产最划算。',
			'建议给企业讲讲峰谷分时电价，晚上开机能省多少。',
			'错峰生产有没有优惠？'
		],
		measures: '营销部编制峰谷分时电价应用指南，客户经理结合企业生产工艺提出错峰用电建议。',
		reply: '峰谷分时电价应用指南已发送给各专变企业，客户经理可根据您的生产工艺上门测算错峰方案。'
	},
	{
		key: 'c171',
		category: 'large_customer',
		nature: 'routine',
		department: '营销部',
		township: null,
		groups: ['customer', 'government'],
		question: 'improve',
		title: '大客户缺少固定对口服务的客户经理',
		variants: [
			'企业有事不知道找哪个部门，每次都要托人问。',
			'希望给重点企业配一个固定的客户经理。',
			'大客户服务要一对一'
		],
		measures: '营销部为全部专变大客户指定客户经理，公布联系方式，客户经理每季度走访一次。',
		reply: '全市专变客户已全部配备客户经理，联系卡已送达企业，客户经理每季度上门走访一次。'
	},
	{
		key: 'c172',
		category: 'large_customer',
		nature: 'legacy',
		department: '营销部',
		township: '大瑶',
		groups: ['customer', 'government'],
		question: 'improve',
		title: '大瑶镇花炮企业淡季暂停减容办理不便',
		variants: [
			'花炮厂一年有几个月停产，变压器闲着还要交基本电费，这个问题提了几年了。',
			'淡季想办暂停，手续又多又要提前很久申请。',
			'烟花企业季节性生产，基本电费负担重',
			'大瑶这边花炮厂一般每年有四五个月停产，变压器空着也要按容量交基本电费，办暂停要提前申请还要跑好几次，企业负担很重，这个问题好几年了。'
		],
		measures: '营销部简化季节性企业暂停、减容办理手续，客户经理提前提醒企业在淡季前办理。',
		reply:
			'暂停、减容已简化为一次申请、现场封停，客户经理将在每年淡季前主动上门提醒；今年淡季前计划于2014年10月底前完成首批办理。'
	},
	{
		key: 'c173',
		category: 'large_customer',
		nature: 'new',
		department: '营销部',
		township: '永安',
		groups: ['customer', 'government'],
		question: 'improve',
		title: '永安新建园区企业希望在线查看负荷和电量数据',
		variants: [
			'我们想看每天的用电负荷曲线，好做能耗管理，供电公司有数据能不能给我们看？',
			'园区企业需要在线查用电数据',
			'建议给企业开通用电信息查询账号，每天用了多少电一目了然。'
		],
		measures: '营销部依托用电信息采集系统为园区专变企业开通负荷和电量在线查询服务。',
		reply: '企业用电信息查询服务计划于2014年11月开通，园区企业可向客户经理申请查询账号。'
	},
	{
		key: 'c174',
		category: 'large_customer',
		nature: 'new',
		department: '营销部',
		township: null,
		groups: ['customer'],
		question: 'improve',
		title: '企业咨询厂房屋顶光伏降低用电成本',
		variants: [
			'厂房屋顶面积大，想装光伏自发自用，不知道并网政策和收益怎么样。',
			'企业装光伏划不划算，供电公司能不能给个参考？',
			'希望对企业屋顶光伏提供咨询'
		],
		measures: '营销部为企业提供分布式光伏接入咨询，结合企业用电曲线测算自发自用比例和收益。',
		reply:
			'客户经理将上门了解您厂的用电情况并测算光伏自用比例和收益，接入方案在受理后20个工作日内答复。'
	},
	{
		key: 'c175',
		category: 'large_customer',
		nature: 'routine',
		department: '运维检修部',
		township: null,
		groups: ['customer'],
		question: 'improve',
		title: '企业自有配电设施缺乏专业维护',
		variants: [
			'厂里的配电房只有一个电工，设备出了问题都搞不清楚。',
			'企业配电设备年久失修，希望供电公司提供检测服务。',
			'能不能帮企业培训一下电工？'
		],
		measures: '运维检修部为专变企业提供配电设施年度安全检查和电工培训，发现的隐患书面告知整改。',
		reply: '我们将每年为专变企业免费开展一次配电设施安全检查，并于2014年10月举办企业电工培训班。'
	},

	// ── other: street lights, compensation, third-party cables, thanks, general remarks ─────────
	{
		key: 'c176',
		category: 'other',
		nature: 'routine',
		department: '运维检修部',
		township: '官渡',
		groups: ['township', 'customer'],
		question: 'improve',
		title: '官渡集镇路灯损坏长期无人维修',
		variants: [
			'街上的路灯坏了一半，晚上出门黑漆漆的。',
			'路灯归哪个管？坏了几个月了。',
			'集镇路灯不亮，建议明确维护单位'
		],
		measures: '运维检修部与镇政府明确集镇路灯产权和维护责任，受委托对损坏路灯进行集中维修。',
		reply:
			'经与镇政府协商，集镇路灯由我公司受托维护，损坏路灯已于2014年8月集中修复，今后报修三日内处理。'
	},
	{
		key: 'c177',
		category: 'other',
		nature: 'routine',
		department: '发展策划部',
		township: null,
		groups: ['customer', 'township'],
		question: 'improve',
		title: '电网施工青苗和林木补偿不到位',
		variants: [
			'立杆子压坏了我家一片禾苗，说好的补偿到现在都没给。',
			'施工砍了树，补偿标准也不公布，村民有意见。',
			'青苗赔偿要按时兑现',
			'去年村里改造线路，施工队在我承包的田里立了两根杆子，踩坏了一季的秧苗，当时说好按标准补偿，到今天一分钱也没拿到，找施工队也找不到人。'
		],
		measures:
			'发展策划部公布电网工程青苗和林木补偿标准，督促施工单位按协议及时兑现，未兑现的限期处理。',
		reply: '补偿标准已在施工村组公示，您反映的禾苗补偿已核实，将于2014年9月底前兑现到位。'
	},
	{
		key: 'c178',
		category: 'other',
		nature: 'legacy',
		department: '运维检修部',
		township: null,
		groups: ['employee', 'customer', 'government'],
		question: 'improve',
		title: '通信和广电线缆在电杆上乱搭乱挂',
		variants: [
			'电杆上挂满了电话线、网线、电视线，像蜘蛛网一样，多年没人清理。',
			'别人的线搭在我们的杆子上，检修的时候很碍事。',
			'弱电线缆乱挂既不美观又不安全，建议统一规范。',
			'我们巡线的时候发现很多电杆上挂了七八根通信线和电视线，有的已经断了垂到地上，没有标识也不知道是谁的，检修时非常影响作业。'
		],
		measures: '运维检修部会同通信和广电运营商开展杆线清理，签订共杆协议，无主线缆限期拆除。',
		reply:
			'城区和集镇主要街道杆线清理计划于2014年12月底前完成，乡村线路结合农网改造于2015年内分批规范。'
	},
	{
		key: 'c179',
		category: 'other',
		nature: 'routine',
		department: '办公室',
		township: '达浒',
		groups: ['customer', 'township'],
		question: 'improve',
		title: '感谢供电职工暴雨后连夜抢修',
		variants: [
			'上个月发大水，供电所的师傅们冒雨抢修到半夜，非常感谢！',
			'抢修人员辛苦了，给你们点个赞。',
			'感谢供电公司，服务越来越好'
		],
		measures: '办公室将群众表扬转达相关供电所和班组，并在公司内部通报表扬。',
		reply: '感谢您对我们工作的理解和肯定，我们已将您的表扬转达给抢修班组，我们会继续做好供电服务。'
	},
	{
		key: 'c180',
		category: 'other',
		nature: 'routine',
		department: '办公室',
		township: null,
		groups: ['government', 'employee'],
		question: 'improve',
		title: '建议供电公司结对资助农村困难学生',
		variants: [
			'供电公司效益好，可以资助一些山区的困难学生。',
			'建议职工和贫困学生结对子，每学期帮一点。',
			'希望多参加公益活动'
		],
		measures: '办公室组织青年志愿者与山区学校困难学生结对，每学期开展一次助学活动。',
		reply:
			'公司团委已与张坊、大围山两所山区小学对接，首批结对资助困难学生20名，9月开学时发放助学金。'
	},
	{
		key: 'c181',
		category: 'other',
		nature: 'routine',
		department: '运维检修部',
		township: null,
		groups: ['customer', 'township'],
		question: 'improve',
		title: '改造后废旧电杆和设备未及时清理',
		variants: ['改造完了老电杆还躺在田里，耕田都不方便。', '旧杆子要拉走'],
		measures:
			'运维检修部要求施工单位在新线路投运后一个月内拆除并运走废旧杆线和设备，纳入工程验收。',
		reply:
			'已督促施工单位清理废旧电杆和设备，您所在村的废旧电杆将于两周内运走，今后清理情况纳入工程验收。'
	},
	{
		key: 'c182',
		category: 'other',
		nature: 'routine',
		department: '办公室',
		township: null,
		groups: ['township', 'customer', 'retiree'],
		question: 'improve',
		title: '希望公开意见的整改结果',
		variants: [
			'意见收上去了，改了多少要公布出来让大家看看。',
			'建议搞个整改公示，哪条意见谁负责、改到哪一步了。',
			'不要收了意见表就没下文'
		],
		measures: '办公室建立意见整改公示制度，在公司网站和各营业厅按月公示整改进度和答复情况。',
		reply: '本次活动收集的182条意见和建议的整改情况将按月在公司网站和营业厅公示，欢迎监督。'
	}
];
