/**
 * Puts back what a person changed in a form before the page's scripts started (noted by
 * `static/keep-input.js`, loaded in the head of every page that runs scripts): hydration has just
 * reset those controls to the server's values. Each control that differs gets the person's value
 * again and an `input` and a `change` event, so bindings and handlers see it as the person's own
 * change. Called once, by the root layout when it mounts (after the whole page has hydrated).
 */
interface Noted {
	value: string;
	checked: boolean;
}

interface KeepInput {
	touched: Map<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement, Noted>;
	stop: () => void;
}

export function restoreEarlyInput(): void {
	const kept = (window as unknown as { __xinkanKeepInput?: KeepInput }).__xinkanKeepInput;
	if (!kept) return;
	kept.stop();
	delete (window as unknown as { __xinkanKeepInput?: KeepInput }).__xinkanKeepInput;
	for (const [control, noted] of kept.touched) {
		if (!control.isConnected) continue;
		const box =
			control instanceof HTMLInputElement &&
			(control.type === 'checkbox' || control.type === 'radio');
		if (box) {
			if (control.checked === noted.checked) continue;
			control.checked = noted.checked;
		} else {
			if (control.value === noted.value) continue;
			control.value = noted.value;
		}
		control.dispatchEvent(new Event('input', { bubbles: true }));
		control.dispatchEvent(new Event('change', { bubbles: true }));
	}
}
