/** A rate as the tables show it: one decimal percent, or a dash when it has no base. */
export const percent = (rate: number | null) =>
	rate == null ? '—' : `${(rate * 100).toFixed(1)}%`;
