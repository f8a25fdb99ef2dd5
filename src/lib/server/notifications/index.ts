export { notify, proposersOf, onNotify, type Notice, type Recipient } from './notify';
export { handlersOf, reviewersOf, leadersOf, adminsOf } from './recipients';
export { deliverDue, type DeliveryCounts } from './delivery';
export { transportsFromEnv, type Transports } from './transports';
export { deadlineNotices } from './deadlines';
export { NOTIFICATION_EVENTS, type NotificationEvent } from './templates';
