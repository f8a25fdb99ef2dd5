import { dev } from '$app/environment';
import { checkOffline, knownCodes } from '$lib/offline/local-check';
import type { OfflineKit } from '$lib/offline/kit';
import { entryPaths, loadedAppFiles } from '$lib/offline/paths';
import { listEntries, markSent, putEntry, removeEntry, type QueuedEntry } from '$lib/offline/queue';
import { sendWaiting } from '$lib/offline/send';
import type { Question } from '$lib/questionnaire/types';

/** How often waiting forms are tried again while the browser says it is online. */
const RETRY_MS = 30_000;

/**
 * The entry page's offline side (issue 20): the service worker, the clerk's kit, the forms kept
 * on this device and sending them. Progressive enhancement: without a service worker or
 * IndexedDB the page is the plain server-rendered entry it always was.
 */
export class OfflineDesk {
	entries = $state<QueuedEntry[]>([]);
	online = $state(true);
	/** The service worker keeps this page and the kit: a reload without a network still works. */
	ready = $state(false);
	sending = $state(false);
	signedOut = $state(false);
	kit = $state<OfflineKit | null>(null);
	waiting = $derived(this.entries.filter((e) => e.state === 'waiting').length);
	sent = $derived(this.entries.filter((e) => e.state === 'sent').length);
	refused = $derived(this.entries.filter((e) => e.state === 'refused'));

	private userId: number;
	private slug: string;
	private versionId: number;
	private paths: ReturnType<typeof entryPaths>;

	constructor(userId: number, slug: string, versionId: number) {
		this.userId = userId;
		this.slug = slug;
		this.versionId = versionId;
		this.paths = entryPaths(slug);
	}

	/** The server has a newer questionnaire than the one this page shows. */
	get newVersion(): boolean {
		return this.kit !== null && this.kit.version.id !== this.versionId;
	}

	/** Starts everything; returns what stops it (the page's cleanup). */
	start(): () => void {
		this.online = navigator.onLine;
		const wentOnline = () => {
			this.online = true;
			void this.loadKit().then(() => this.sendNow());
		};
		const wentOffline = () => (this.online = false);
		addEventListener('online', wentOnline);
		addEventListener('offline', wentOffline);
		const timer = setInterval(() => {
			if (navigator.onLine && this.waiting > 0) void this.sendNow();
		}, RETRY_MS);
		void this.refresh().then(() => this.sendNow());
		void this.loadKit();
		void this.registerWorker();
		return () => {
			removeEventListener('online', wentOnline);
			removeEventListener('offline', wentOffline);
			clearInterval(timer);
		};
	}

	private async registerWorker() {
		if (!('serviceWorker' in navigator)) return;
		try {
			await navigator.serviceWorker.register('/service-worker.js', {
				scope: this.paths.page,
				type: dev ? 'module' : 'classic'
			});
			const registration = await navigator.serviceWorker.ready;
			if (!navigator.onLine) {
				this.ready = navigator.serviceWorker.controller !== null;
				return;
			}
			// Keep the page and its kit now: the page itself was fetched before the worker ran.
			const channel = new MessageChannel();
			const answer = new Promise<{ kept: number; of: number }>((resolve) => {
				channel.port1.onmessage = (e) => resolve(e.data as { kept: number; of: number });
			});
			// The app files this page runs on, as loaded so far.
			const assets = loadedAppFiles();
			registration.active?.postMessage(
				{ type: 'keep', paths: [this.paths.page, this.paths.kit, this.paths.manifest], assets },
				[channel.port2]
			);
			const { kept, of } = await answer;
			this.ready = kept === of && navigator.serviceWorker.controller !== null;
		} catch {
			this.ready = false;
		}
	}

	/** The kit: fresh when online, the service worker's copy when not. */
	async loadKit() {
		try {
			const response = await fetch(this.paths.kit, { credentials: 'same-origin' });
			if (response.ok) this.kit = (await response.json()) as OfflineKit;
		} catch {
			// Neither network nor a kept copy: the device still checks answers, not codes.
		}
	}

	async refresh() {
		try {
			this.entries = await listEntries(this.userId, this.slug);
		} catch {
			this.entries = [];
		}
	}

	/**
	 * Keeps a form typed without a network (or whose answer was lost) on this device, after the
	 * checks the device can make. Returns the errors to show, or null when it was kept.
	 */
	async keep(
		questions: Question[],
		form: FormData,
		token: string
	): Promise<{ errors: Record<string, string>; typed: Record<string, string> } | null> {
		const codes = knownCodes(
			this.kit?.codes ?? [],
			this.entries.filter((e) => e.state === 'waiting'),
			token
		);
		const { errors, typed } = checkOffline(questions, form, codes);
		if (Object.keys(errors).length) return { errors, typed };
		const fields: [string, string][] = [];
		for (const [name, value] of form) {
			if (typeof value === 'string' && name !== 'submission_token') fields.push([name, value]);
		}
		await putEntry({
			token,
			userId: this.userId,
			slug: this.slug,
			versionId: this.versionId,
			fields,
			code: typed.form_code ?? '',
			state: 'waiting'
		});
		await this.refresh();
		if (navigator.onLine) void this.sendNow();
		return null;
	}

	async sendNow() {
		if (this.sending || this.waiting === 0) return;
		this.sending = true;
		try {
			const outcome = await sendWaiting(this.entries, () => void this.refresh());
			this.signedOut = outcome === 'signed_out';
			if (outcome === 'done') await this.loadKit();
		} finally {
			await this.refresh();
			this.sending = false;
		}
	}

	async discard(token: string) {
		await removeEntry(token);
		await this.refresh();
	}

	/** A refused form corrected and stored online through the page's own form: it is sent. */
	async settled(token: string, receiptCode: string) {
		if (!this.entries.some((e) => e.token === token)) return;
		await markSent(token, receiptCode);
		await this.refresh();
	}
}
