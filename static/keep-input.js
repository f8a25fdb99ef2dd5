// What a person types, ticks or picks before a staff page's scripts have started: hydration sets
// every value={…} and checked={…} back to what the server rendered, which would lose it (on a slow
// phone that can be several seconds of typing). This classic script runs first, in the head, and
// notes each control the person changes; src/lib/keep-input.ts puts those values back once the
// page has started and tells the page's own handlers, as if the person had just made the change.
(function () {
	var touched = new Map();
	function note(event) {
		var control = event.target;
		if (!control || !('value' in control) || control.type === 'file') return;
		if (control.type === 'radio') {
			// Only the last radio picked in a group counts (ticking one unticks the others).
			touched.forEach(function (_, other) {
				if (other.type === 'radio' && other.name === control.name && other.form === control.form) {
					touched.delete(other);
				}
			});
		}
		touched.set(control, { value: control.value, checked: control.checked });
	}
	document.addEventListener('input', note, true);
	document.addEventListener('change', note, true);
	window.__xinkanKeepInput = {
		touched: touched,
		stop: function () {
			document.removeEventListener('input', note, true);
			document.removeEventListener('change', note, true);
		}
	};
})();
