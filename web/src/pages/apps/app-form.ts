import type { App, ChatAppBody, SharingMode } from '../../api/wire';

export const APP_FIELDS = [
  { name: 'name', labels: ['App Name', 'Name'] },
  { name: 'description', labels: ['Description'] },
  { name: 'tags', labels: ['Tags'] },
  { name: 'agentId', labels: ['Agent', 'Chat Agent', 'Agent model invalid or missing', 'Only OpenAI'] },
  { name: 'conversationStarters', labels: ['Invalid Conversation Starters', 'Conversation Starters'] },
  { name: 'sharingMode', labels: ['Sharing Mode'] },
  { name: 'sharingEmails', labels: ['Sharing Emails'] },
  { name: 'maxMessages', labels: ['Max Messages'] },
];

export const SHARING_MODES: { value: SharingMode; label: string }[] = [
  { value: 'team', label: 'Team: every member of this team' },
  { value: 'owner', label: 'Only me' },
  { value: 'whitelist', label: 'Chosen people (by email)' },
  { value: 'public', label: 'Public: anyone with the link' },
];

export interface AppValues {
  name: string;
  description: string;
  tags: string;
  agentId: string;
  conversationStarters: string[];
  sharingMode: string;
  sharingEmails: string;
  maxMessages: string;
}

export function initialAppValues(app: App | null, defaultAgentId = ''): AppValues {
  return {
    name: app?.name ?? '',
    description: app?.description ?? '',
    tags: (app?.tags ?? []).join(', '),
    agentId: app?.chatAppConfig?.agentId ?? defaultAgentId,
    conversationStarters: app?.chatAppConfig?.conversationStarters ?? [],
    sharingMode: String(app?.sharingConfig.mode ?? 'team'),
    sharingEmails: Object.values(app?.sharingConfig.permissions ?? {}).join(', '),
    maxMessages: app?.chatAppConfig?.maxMessages == null ? '' : String(app.chatAppConfig.maxMessages),
  };
}

/** "a, b,, c" → ["a", "b", "c"]: comma- or line-separated, trimmed, no blanks, no repeats. */
export function splitList(text: string): string[] {
  return [...new Set(text.split(/[,\n]/).map((s) => s.trim()).filter(Boolean))];
}

export function chatAppBody(v: AppValues): ChatAppBody {
  const max = v.maxMessages.trim();
  const body: ChatAppBody = {
    type: 'chat',
    name: v.name.trim(),
    description: v.description.trim(),
    tags: splitList(v.tags),
    agentId: v.agentId,
    conversationStarters: v.conversationStarters.map((s) => s.trim()).filter(Boolean),
    // From a select of SHARING_MODES; the server checks it all the same.
    sharingMode: v.sharingMode as SharingMode,
    maxMessages: max === '' ? null : Number.isFinite(Number(max)) ? Number(max) : (max as unknown as number),
  };
  if (v.sharingMode === 'whitelist') body.sharingEmails = splitList(v.sharingEmails);
  return body;
}
