// Skip logic in the browser: the public form of a questionnaire with conditions, shown whole and
// hiding or showing questions as answers change. Without this script the server splits the form
// into pages (src/routes/(public)/f/[slug]); either way the server decides what is stored
// (src/lib/questionnaire/conditions.ts, whose rules these two functions copy — conditions.spec.ts
// runs both on random questionnaires and holds them to the same answers).

function xkRuleHolds(rule, answer) {
	if (answer === undefined) return false;
	if (rule.op === 'eq') {
		return Array.isArray(answer) ? answer.includes(rule.value) : answer === rule.value;
	}
	if (rule.op === 'in') {
		return Array.isArray(answer)
			? answer.some((a) => rule.value.includes(a))
			: typeof answer === 'string' && rule.value.includes(answer);
	}
	if (rule.op === 'lte') return xkComparable(answer, rule.value) && answer <= rule.value;
	if (rule.op === 'gte') return xkComparable(answer, rule.value) && answer >= rule.value;
	return false;
}

// A number against a number, a day (YYYY-MM-DD) against a day.
function xkComparable(answer, value) {
	return typeof answer === 'number'
		? typeof value === 'number'
		: typeof answer === 'string' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(answer);
}

function xkVisible(questions, answers) {
	const visible = new Set();
	const before = new Set();
	// A section shows or hides every question after it up to the next section.
	let sectionShown = true;
	for (const q of questions) {
		const rules = (q.when && q.when.rules) || [];
		const holds = (rule) =>
			before.has(rule.question) && visible.has(rule.question)
				? xkRuleHolds(rule, answers[rule.question])
				: false;
		let shown =
			rules.length === 0 || (q.when.combine === 'any' ? rules.some(holds) : rules.every(holds));
		if (q.type === 'section') sectionShown = shown;
		else shown = shown && sectionShown;
		if (shown) visible.add(q.id);
		before.add(q.id);
	}
	return visible;
}

// The answer a source question holds, read as the server's parser reads it (answers.ts).
function xkAnswerOf(q, data) {
	const values = data.getAll('q_' + q.id).filter((v) => typeof v === 'string' && v !== '');
	if (q.type === 'multiple') return values.length ? values : undefined;
	if (values.length !== 1) return undefined;
	if (/^(single|group|area|unit)$/.test(q.type)) return values[0];
	if (q.type === 'date') return xkDay(values[0]);
	const raw = values[0].trim().normalize('NFKC');
	if (q.type === 'rating' || q.type === 'nps') return /^\d{1,2}$/.test(raw) ? Number(raw) : undefined;
	if (q.type !== 'number') return undefined;
	const compact = raw.replace(/[\s,]/g, '').replace(/。/g, '.');
	const match = /^[-+]?(\d{1,12})(\.\d{1,6})?$/.exec(compact);
	if (!match) return undefined;
	if (match[2] && q.el.dataset.decimal !== '1' && !/^\.0+$/.test(match[2])) return undefined;
	const n = Number(compact);
	const { min, max } = q.el.dataset;
	if ((min !== undefined && n < Number(min)) || (max !== undefined && n > Number(max))) {
		return undefined;
	}
	return Object.is(n, -0) ? 0 : n;
}

// A day as readDate (answers.ts) reads it: 2026-03-05, 2026/3/5, 2026年3月5日, 20260305.
function xkDay(raw) {
	const compact = raw.normalize('NFKC').replace(/\s/g, '');
	const match =
		/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(compact) ||
		/^(\d{4})(\d{2})(\d{2})$/.exec(compact);
	if (!match) return undefined;
	const [year, month, day] = match.slice(1).map(Number);
	if (year < 1900 || year > 2100) return undefined;
	const date = new Date(Date.UTC(year, month - 1, day));
	if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
	return date.toISOString().slice(0, 10);
}

if (typeof document !== 'undefined') {
	const form = document.querySelector('form[data-skip]');
	if (form) {
		const questions = Array.from(form.querySelectorAll('[data-q]'), (el) => ({
			id: el.dataset.q,
			type: el.dataset.type,
			when: el.dataset.when ? JSON.parse(el.dataset.when) : undefined,
			el
		}));
		const update = () => {
			const data = new FormData(form);
			const answers = {};
			for (const q of questions) {
				const answer = xkAnswerOf(q, data);
				if (answer !== undefined) answers[q.id] = answer;
			}
			const shown = xkVisible(questions, answers);
			for (const q of questions) q.el.hidden = !shown.has(q.id);
		};
		// One form, shown whole: the pages and their buttons are for browsers without JavaScript.
		for (const page of form.querySelectorAll('[data-page]')) page.hidden = false;
		// Removed, not hidden: Enter in a text box sends with the first button, which must be "submit".
		for (const el of form.querySelectorAll("[data-paged]")) el.remove();
		for (const el of form.querySelectorAll('[data-whole]')) el.hidden = false;
		// Questions of pages not shown came without "required" (a browser refuses to send a form with
		// an empty required box it cannot show); shown whole, the server checks what is required.
		form.noValidate = true;
		form.addEventListener('input', update);
		form.addEventListener('change', update);
		update();
	}
}
