import { sql } from 'drizzle-orm';
import {
	bigserial,
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	serial,
	text,
	timestamp,
	uniqueIndex,
	type AnyPgColumn
} from 'drizzle-orm/pg-core';
import type { AreaKind, Role, UnitKind } from '../../domain';

export { AREA_KINDS, ROLES, UNIT_KINDS } from '../../domain';
export type { AreaKind, Role, UnitKind } from '../../domain';

const timestamps = {
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
};

/** The organisation's tree: company → departments and supply stations. */
export const units = pgTable(
	'units',
	{
		id: serial('id').primaryKey(),
		parentId: integer('parent_id').references((): AnyPgColumn => units.id),
		name: text('name').notNull(),
		kind: text('kind').$type<UnitKind>().notNull(),
		sortOrder: integer('sort_order').notNull().default(0),
		active: boolean('active').notNull().default(true),
		...timestamps
	},
	(t) => [
		index('units_parent_idx').on(t.parentId),
		// Siblings need distinct names or a handler's department becomes ambiguous.
		uniqueIndex('units_parent_name_uq').on(sql`coalesce(${t.parentId}, 0)`, t.name)
	]
);

/** Townships and streets where respondents live. */
export const areas = pgTable('areas', {
	id: serial('id').primaryKey(),
	name: text('name').notNull().unique(),
	kind: text('kind').$type<AreaKind>().notNull().default('township'),
	sortOrder: integer('sort_order').notNull().default(0),
	active: boolean('active').notNull().default(true),
	...timestamps
});

/** Respondent groups (对象类别), configurable per organisation. */
export const respondentGroups = pgTable('respondent_groups', {
	id: serial('id').primaryKey(),
	key: text('key').notNull().unique(),
	nameZh: text('name_zh').notNull(),
	nameEn: text('name_en').notNull(),
	sortOrder: integer('sort_order').notNull().default(0),
	active: boolean('active').notNull().default(true),
	...timestamps
});

export const users = pgTable(
	'users',
	{
		id: serial('id').primaryKey(),
		username: text('username').notNull(),
		displayName: text('display_name').notNull().default(''),
		passwordHash: text('password_hash').notNull(),
		role: text('role').$type<Role>().notNull(),
		// Handlers act for one department; other roles may name their unit for information.
		unitId: integer('unit_id').references(() => units.id),
		active: boolean('active').notNull().default(true),
		...timestamps
	},
	(t) => [uniqueIndex('users_username_uq').on(sql`lower(${t.username})`)]
);

/** Only the SHA-256 of the session token is stored, so a database leak yields no usable session. */
export const sessions = pgTable(
	'sessions',
	{
		id: text('id').primaryKey(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

/** Failed logins, kept in the database so the throttle holds across server processes. */
export const loginFailures = pgTable(
	'login_failures',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		key: text('key').notNull(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('login_failures_key_at_idx').on(t.key, t.at)]
);

export const auditLog = pgTable(
	'audit_log',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		actorId: integer('actor_id').references(() => users.id),
		action: text('action').notNull(),
		entity: text('entity').notNull(),
		entityId: text('entity_id'),
		before: jsonb('before'),
		after: jsonb('after')
	},
	(t) => [
		index('audit_log_at_idx').on(t.at),
		index('audit_log_entity_idx').on(t.entity, t.entityId)
	]
);

export type Unit = typeof units.$inferSelect;
export type Area = typeof areas.$inferSelect;
export type RespondentGroup = typeof respondentGroups.$inferSelect;
export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
