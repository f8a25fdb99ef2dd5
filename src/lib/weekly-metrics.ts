// The weekly report's columns, shared by the page (browser) and the report service.
export const WEEK_METRICS = [
	'new',
	'categorised',
	'assigned',
	'resolved',
	'planned',
	'overdue'
] as const;
export type WeekMetric = (typeof WEEK_METRICS)[number];
