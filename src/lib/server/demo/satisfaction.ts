// How satisfied the demo's respondents are (issue 16 point 6): believable, varied ratings so the
// results page and its satisfaction index show a real spread. The mountain townships in the east
// of the county that the demo suggestions complain about (low voltage, long outages, slow repairs
// far from the station) rate supply lowest; the town centre highest; retirees and township
// offices are more critical than employees. Service (staff, payment) varies less than supply.
import type { DemoGroup } from './suggestion-corpus';

const GROUP_MEAN: Record<DemoGroup, { supply: number; service: number }> = {
	township: { supply: 3.6, service: 3.8 },
	government: { supply: 4.0, service: 4.1 },
	customer: { supply: 3.9, service: 3.9 },
	employee: { supply: 4.3, service: 4.1 },
	retiree: { supply: 3.4, service: 3.6 }
};

/** How far a township's supply rating sits from the group's (service moves half as far). */
const AREA_SHIFT: Record<string, number> = {
	张坊: -1.1,
	大围山: -1.0,
	达浒: -0.9,
	官渡: -0.8,
	文家市: -0.7,
	杨花: -0.7,
	澄潭江: -0.6,
	小河: -0.5,
	永安: -0.4,
	七宝山: -0.3,
	社港: -0.2,
	沙市: 0.1,
	镇头: 0.2,
	普迹: 0.2,
	淳口: 0.3,
	浏阳城区: 0.5
};

const SPREAD = 0.85;

/**
 * A rating 1–5 from one uniform draw `u` in [0, 1): the inverse of a discretised normal around
 * the mean for this group, township and question. One draw per rating, as the demo drew before,
 * so every other figure drawn after it (days, receipt codes, suggestions) stays the same.
 */
export function demoRating(
	u: number,
	group: DemoGroup,
	area: string | null,
	question: 'supply' | 'service',
	/** Added to every mean: the year before (liuyang-2013) was rated lower. */
	yearShift = 0
): number {
	const shift = (area ? (AREA_SHIFT[area] ?? 0) : 0) * (question === 'supply' ? 1 : 0.5);
	const mean = GROUP_MEAN[group][question] + shift + yearShift;
	const weights = [1, 2, 3, 4, 5].map((k) => Math.exp(-((k - mean) ** 2) / (2 * SPREAD ** 2)));
	const total = weights.reduce((s, w) => s + w, 0);
	let cumulative = 0;
	for (let k = 0; k < 5; k++) {
		cumulative += weights[k] / total;
		if (u < cumulative) {
			return k + 1;
		}
	}
	return 5;
}
