// Ranking, tap to order: on the public form of a questionnaire with a ranking question, each
// option becomes a button; tapping gives it the next place, tapping again takes it out and moves
// the ones after it up. The buttons only set the server-rendered selects (name q_<id>, value
// "<option>:<place>"), which stay in the form, hidden: with or without this script the form sends
// the same fields, and the server (src/lib/questionnaire/answers.ts parseRanking) checks them.

function xkRanking(list) {
	const places = Number(list.dataset.ranking);
	const rows = [...list.querySelectorAll('[data-option]')];
	const selectOf = (row) => row.querySelector('select');
	// The order as the server left it (a refused form keeps what was chosen): by place, each once.
	const order = [];
	rows
		.map((row) => ({ id: row.dataset.option, place: Number(selectOf(row).value.split(':')[1]) }))
		.filter((r) => r.place >= 1)
		.sort((a, b) => a.place - b.place)
		.forEach((r) => order.length < places && order.push(r.id));

	const status = document.createElement('p');
	status.className = 'rank-status';
	status.setAttribute('aria-live', 'polite');
	const tap = document.createElement('p');
	tap.className = 'rank-status';
	tap.textContent = list.dataset.tap;
	list.before(tap);
	const clear = document.createElement('button');
	clear.type = 'button';
	clear.className = 'secondary';
	clear.textContent = list.dataset.clear;
	const labelOf = (row) => row.querySelector('label').textContent;

	const buttons = rows.map((row) => {
		const button = document.createElement('button');
		button.type = 'button';
		button.className = 'rank-pick';
		const badge = document.createElement('span');
		badge.className = 'rank-badge';
		const label = row.querySelector('label');
		const words = document.createElement('span');
		words.textContent = label.textContent;
		if (label.lang) words.lang = label.lang;
		button.append(badge, words);
		// The select stays in the form (a hidden control is still sent); its label leaves with it.
		selectOf(row).hidden = true;
		label.hidden = true;
		row.append(button);
		button.addEventListener('click', () => {
			const at = order.indexOf(row.dataset.option);
			if (at >= 0) order.splice(at, 1);
			else if (order.length < places) order.push(row.dataset.option);
			show();
		});
		return button;
	});

	function show() {
		rows.forEach((row, i) => {
			const place = order.indexOf(row.dataset.option) + 1;
			selectOf(row).value = place ? row.dataset.option + ':' + place : '';
			buttons[i].firstChild.textContent = place ? String(place) : '';
			buttons[i].setAttribute('aria-pressed', place ? 'true' : 'false');
			buttons[i].disabled = !place && order.length >= places;
		});
		const byPlace = order.map((id) => rows.find((row) => row.dataset.option === id));
		status.textContent =
			list.dataset.order +
			(byPlace.length
				? byPlace.map((row, i) => i + 1 + '. ' + labelOf(row)).join('  ')
				: list.dataset.none);
		clear.hidden = order.length === 0;
	}
	clear.addEventListener('click', () => {
		order.length = 0;
		show();
		buttons[0].focus();
	});
	list.after(status, clear);
	show();
}

document.querySelectorAll('form [data-ranking]').forEach(xkRanking);
