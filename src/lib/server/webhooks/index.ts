export { emitWebhookEvent, onWebhookEvent } from './events';
export { deliverWebhooks, type WebhookDeliveryCounts } from './delivery';
export * from './endpoints';
