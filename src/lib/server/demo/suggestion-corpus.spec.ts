import { describe, expect, it } from 'vitest';
import { DEMO_DEPARTMENTS, DEMO_STATIONS, DEMO_STREETS, DEMO_TOWNSHIPS } from './organisation';
import { DEMO_CONCERNS, type DemoCategory, type DemoNature } from './suggestion-corpus';

const CATEGORY_TARGETS: Record<DemoCategory, number> = {
	voltage_grid: 32,
	outage_duration: 24,
	connection: 22,
	payment: 20,
	outage_notice: 16,
	service_manager: 15,
	employee_welfare: 14,
	work_style: 14,
	safety: 10,
	large_customer: 8,
	other: 7
};

const NATURE_SHARES: Record<DemoNature, number> = { routine: 0.7, legacy: 0.17, new: 0.13 };

const UNITS = new Set([...DEMO_DEPARTMENTS, ...DEMO_STATIONS]);
const AREAS = new Set([...DEMO_TOWNSHIPS, ...DEMO_STREETS]);
const GROUPS = new Set(['township', 'government', 'customer', 'employee', 'retiree']);

function duplicates(values: string[]): string[] {
	const seen = new Set<string>();
	return values.filter((value) => (seen.has(value) ? true : (seen.add(value), false)));
}

describe('demo suggestion corpus', () => {
	it('has exactly 182 concerns keyed c001 … c182 in order', () => {
		expect(DEMO_CONCERNS).toHaveLength(182);
		DEMO_CONCERNS.forEach((concern, i) => {
			expect(concern.key).toBe(`c${String(i + 1).padStart(3, '0')}`);
		});
	});

	it('has unique keys, titles and variants across the whole file', () => {
		expect(duplicates(DEMO_CONCERNS.map((c) => c.key))).toEqual([]);
		expect(duplicates(DEMO_CONCERNS.map((c) => c.title))).toEqual([]);
		const variants = DEMO_CONCERNS.flatMap((c) => c.variants);
		expect(duplicates(variants)).toEqual([]);
		const titles = new Set(DEMO_CONCERNS.map((c) => c.title));
		expect(variants.filter((v) => titles.has(v))).toEqual([]);
	});

	it('mixes categories close to the real topics’ weight (±2 each)', () => {
		const counts = new Map<string, number>();
		for (const c of DEMO_CONCERNS) counts.set(c.category, (counts.get(c.category) ?? 0) + 1);
		expect([...counts.keys()].sort()).toEqual(Object.keys(CATEGORY_TARGETS).sort());
		for (const [category, target] of Object.entries(CATEGORY_TARGETS)) {
			const count = counts.get(category) ?? 0;
			expect(count, category).toBeGreaterThanOrEqual(target - 2);
			expect(count, category).toBeLessThanOrEqual(target + 2);
		}
	});

	it('mixes natures within ±5 percentage points of 70/17/13', () => {
		for (const [nature, share] of Object.entries(NATURE_SHARES)) {
			const actual = DEMO_CONCERNS.filter((c) => c.nature === nature).length / DEMO_CONCERNS.length;
			expect(Math.abs(actual - share), nature).toBeLessThanOrEqual(0.05);
		}
	});

	it('uses only the demo organisation’s unit, township and group names', () => {
		for (const c of DEMO_CONCERNS) {
			expect(UNITS.has(c.department), `${c.key} ${c.department}`).toBe(true);
			if (c.township !== null) expect(AREAS.has(c.township), `${c.key} ${c.township}`).toBe(true);
			expect(c.groups.length, c.key).toBeGreaterThan(0);
			for (const g of c.groups) expect(GROUPS.has(g), `${c.key} ${g}`).toBe(true);
			expect(new Set(c.groups).size, c.key).toBe(c.groups.length);
			expect(['improve', 'difficulty']).toContain(c.question);
		}
	});

	it('gives every concern 2–5 variants of 2–120 characters and about 3 on average', () => {
		for (const c of DEMO_CONCERNS) {
			expect(c.variants.length, c.key).toBeGreaterThanOrEqual(2);
			expect(c.variants.length, c.key).toBeLessThanOrEqual(5);
			for (const v of c.variants) {
				expect(v.length, v).toBeGreaterThanOrEqual(2);
				expect(v.length, v).toBeLessThanOrEqual(120);
				expect(v.trim(), v).toBe(v);
			}
		}
		const total = DEMO_CONCERNS.reduce((sum, c) => sum + c.variants.length, 0);
		expect(total).toBeGreaterThanOrEqual(450);
		expect(total).toBeLessThanOrEqual(650);
	});

	it('has concise titles and non-empty measures and replies in Chinese', () => {
		for (const c of DEMO_CONCERNS) {
			expect(c.title.length, c.key).toBeGreaterThan(0);
			expect(c.title.length, c.title).toBeLessThanOrEqual(30);
			expect(c.measures.trim().length, c.key).toBeGreaterThan(10);
			expect(c.reply.trim().length, c.key).toBeGreaterThan(10);
			for (const text of [c.title, c.measures, c.reply, ...c.variants]) {
				expect(text, c.key).toMatch(/[\u4e00-\u9fff]/);
				expect(text, c.key).not.toMatch(/[A-Za-z]{4,}/);
			}
		}
	});

	it('answers legacy concerns with a plan and a timetable', () => {
		const legacy = DEMO_CONCERNS.filter((c) => c.nature === 'legacy');
		expect(legacy.length).toBeGreaterThan(0);
		for (const c of legacy) {
			expect(c.reply, c.key).toMatch(/20\d\d年(\d{1,2}月|底|上半年|下半年|第.季度|内)/);
			expect(c.reply, c.key).toMatch(/计划|预计/);
		}
	});

	it('lets employees ask the difficulty question, and only with employee-side groups', () => {
		const difficulty = DEMO_CONCERNS.filter((c) => c.question === 'difficulty');
		expect(difficulty.length).toBeGreaterThan(0);
		for (const c of difficulty) {
			expect(
				c.groups.some((g) => g === 'employee' || g === 'retiree' || g === 'township'),
				c.key
			).toBe(true);
		}
	});
});
