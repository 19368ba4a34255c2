// UI-only state: theme, selection, connection, notices, trace-loading progress.
import { create } from 'zustand';
import type { AppInfo } from '../../core/contract';

export type Theme = 'light' | 'dark';

export interface Notice {
  id: number;
  level: 'info' | 'error';
  message: string;
  details?: string[];
  /** Buttons offering a way out (each dismisses the notice when pressed). */
  actions?: NoticeAction[];
}

export interface NoticeAction {
  label: string;
  testId?: string;
  run(): void;
}

interface UiStore {
  theme: Theme;
  selected: string | null;
  connected: boolean;
  app: AppInfo | null;
  notices: Notice[];
  progress: { name: string; loaded: number; total: number } | null;
  /** A big project the host is validating (off its event loop), and how far it has come. */
  projectProgress: { name: string; stage: 'read' | 'parse' | 'check' } | null;
  setTheme(theme: Theme): void;
  toggleTheme(): void;
  select(id: string | null): void;
  setConnected(connected: boolean): void;
  setApp(app: AppInfo): void;
  notify(level: Notice['level'], message: string, details?: string[]): void;
  /** An info notice with buttons. */
  offer(message: string, actions: NoticeAction[]): void;
  dismiss(id: number): void;
  /** Dismiss every notice (Reset, another project). */
  clearNotices(): void;
  setProgress(p: UiStore['progress']): void;
  setProjectProgress(p: UiStore['projectProgress']): void;
}

const THEME_KEY = 'switchboard.theme';

function initialTheme(): Theme {
  const saved = globalThis.localStorage?.getItem(THEME_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

let noticeId = 1;

export const useUiStore = create<UiStore>((set, get) => ({
  theme: initialTheme(),
  selected: null,
  connected: true,
  app: null,
  notices: [],
  progress: null,
  projectProgress: null,
  setTheme: (theme) => {
    globalThis.localStorage?.setItem(THEME_KEY, theme);
    set({ theme });
  },
  toggleTheme: () => get().setTheme(get().theme === 'dark' ? 'light' : 'dark'),
  select: (selected) => set({ selected }),
  setConnected: (connected) => set({ connected }),
  setApp: (app) => set({ app }),
  notify: (level, message, details) => set((s) => ({ notices: [...s.notices.slice(-4), { id: noticeId++, level, message, details }] })),
  offer: (message, actions) => set((s) => ({ notices: [...s.notices.slice(-4), { id: noticeId++, level: 'info', message, actions }] })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
  clearNotices: () => set((s) => (s.notices.length ? { notices: [] } : s)),
  setProgress: (progress) => set({ progress }),
  setProjectProgress: (projectProgress) => set({ projectProgress }),
}));
